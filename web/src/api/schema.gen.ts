/*
 * GENERATED FILE — do not edit. The web app's API types, generated from the server's OpenAPI document
 * (/api/docs/json) by openapi-typescript. Regenerate after changing a route schema: npm run gen:api
 */
export interface paths {
    "/api/attendance/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List punch corrections: the approver's inbox, one's own, or a unit's */
        get: {
            parameters: {
                query?: {
                    box?: "inbox" | "mine" | "unit";
                    personId?: string;
                    status?: "PENDING" | "APPROVED" | "REJECTED" | "CANCELLED";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PunchCorrectionList"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Ask to add a missed punch or to void a wrong one (for oneself, or for a person one manages) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PunchCorrectionCreateInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PunchCorrection"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/corrections/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending punch correction: the missed punch is ingested (source correction) or the wrong one voided; the day is recomputed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PunchCorrection"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/corrections/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a pending punch correction (the requester, or a decider of its unit) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PunchCorrection"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/corrections/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a pending punch correction (a note is required); nothing changes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PunchCorrection"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/corrections/punches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's punches of one day, to pick the one a correction voids */
        get: {
            parameters: {
                query: {
                    date: string;
                    personId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CorrectionDayPunches"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/leave-balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's annual leave balance for a year */
        get: {
            parameters: {
                query: {
                    personId?: string;
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LeaveBalance"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/persons/{id}/month": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's month: computed days with reasons, punches and requests */
        get: {
            parameters: {
                query: {
                    month: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonAttendanceMonth"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/punches/{id}/annul": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Annul a wrong punch (the raw punch stays; the day is recomputed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/punches/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Evidence image of a punch
         * @description The face snapshot (image/jpeg) of a punch; every view is audited.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description File bytes (see the route description for the media type). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/punches/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload the evidence image of a punch (device token, raw image/jpeg body) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The JPEG image bytes (image/jpeg). */
            requestBody: {
                content: {
                    "image/jpeg": string;
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PunchEvidenceUpload"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/punches/ingest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a batch of punches (device token); each item is accepted, a duplicate, or rejected on its own */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: unknown[];
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PunchBatchResult"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/punches/manual": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a manual punch for a person (reason required, never for oneself) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        /** @enum {string|null} */
                        direction?: "IN" | "OUT" | null;
                        /** Format: uuid */
                        personId: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ManualPunchResult"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Recompute a unit's attendance over a date range, as a background job
         * @description Answers 200 with the totals when the job ends within about 1.5 s, otherwise 202 with the job id to poll.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        /** Format: uuid */
                        unitId: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecomputeStarted"];
                    };
                };
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecomputeStarted"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/recompute/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of a recomputation job */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecomputeJob"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List requests: the approver's inbox, one's own, or a unit's */
        get: {
            parameters: {
                query?: {
                    box?: "inbox" | "mine" | "unit";
                    kind?: "leave" | "permission";
                    personId?: string;
                    status?: "PENDING" | "APPROVED" | "REJECTED" | "CANCELLED";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LeaveRequestListItem"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Request leave, a trip, training or work from home (for oneself, or for a person one manages) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        documentRef?: string | null;
                        endDate: string;
                        /**
                         * @default AFTERNOON
                         * @enum {string}
                         */
                        endHalf?: "MORNING" | "AFTERNOON";
                        /** Format: uuid */
                        personId?: string;
                        reason: string;
                        startDate: string;
                        /**
                         * @default MORNING
                         * @enum {string}
                         */
                        startHalf?: "MORNING" | "AFTERNOON";
                        /** @enum {string} */
                        type: "ANNUAL_LEAVE" | "PERSONAL_PAID" | "PERSONAL_UNPAID" | "UNPAID_LEAVE" | "SICK_LEAVE" | "CHILD_SICK" | "MATERNITY" | "COMPENSATORY_OFF" | "BUSINESS_TRIP" | "TRAINING" | "FIELD_WORK" | "WORK_FROM_HOME" | "OTHER_APPROVED" | "LATE_ARRIVAL_PERMISSION" | "EARLY_LEAVE_PERMISSION";
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LeaveRequest"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending request; its days are recomputed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LeaveRequest"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a request (the requester while pending; an approver also after approval) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LeaveRequest"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a pending request (a note is required) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LeaveRequest"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/requests/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request permission to arrive late or leave early for part of a session (date, from–to, reason; for oneself or a person one manages) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        date: string;
                        documentRef?: string | null;
                        from: string;
                        /** Format: uuid */
                        personId?: string;
                        reason: string;
                        to: string;
                        /** @enum {string} */
                        type: "LATE_ARRIVAL_PERMISSION" | "EARLY_LEAVE_PERMISSION";
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LeaveRequest"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work-regulation thresholds: built-in defaults and the national and unit entries */
        get: {
            parameters: {
                query?: {
                    unitId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AttendanceRulesList"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        /** Set the work-regulation thresholds of a unit (unitId null: national) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        legalBasis: string;
                        rules: {
                            /** @default false */
                            approvedPermissionCountsAsLate?: boolean;
                            checkInOpensMinutes: number;
                            checkOutClosesMinutes: number;
                            debounceSeconds: number;
                            earlyGraceMinutes: number;
                            lateGraceMinutes: number;
                            leaveNotReportedAfterDays: number;
                            lunchPunchesRequired: boolean;
                        };
                        /** Format: uuid */
                        unitId: string | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the punch sources of the units one may read, with their health */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PunchSource"][];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Register a punch source in a unit; its token is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 60 */
                        heartbeatIntervalSeconds?: number;
                        id: string;
                        /** @enum {string} */
                        kind: "CAMERA" | "DEVICE" | "MOBILE" | "IMPORT";
                        name: string;
                        /** Format: uuid */
                        unitId: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PunchSourceToken"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/sources/{source}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a punch source (name, unit, heartbeat interval) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    source: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        heartbeatIntervalSeconds?: number;
                        name?: string;
                        /** Format: uuid */
                        unitId?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        trace?: never;
    };
    "/api/attendance/sources/{source}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Heartbeat of a punch source (the source with its token, or a manager of its unit) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    source: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        deviceTime?: string | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PunchSourceHeartbeat"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/sources/{source}/outages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report an outage of a punch source; its closed days are queued for recomputation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    source: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        endedAt?: string | null;
                        note: string;
                        /** Format: date-time */
                        startedAt: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SourceOutageReport"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/sources/{source}/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new token for a punch source; the old one stops working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    source: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PunchSourceToken"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/timesheet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Month timesheet of a unit and its subunits */
        get: {
            parameters: {
                query: {
                    month: string;
                    q?: string;
                    status?: ("PRESENT" | "LATE" | "EARLY_LEAVE" | "LATE_AND_EARLY_LEAVE" | "ABSENT_NO_REASON" | "ON_LEAVE" | "ON_TRIP" | "HOLIDAY" | "NON_WORKING_DAY" | "MISSING_CHECKOUT" | "SOURCE_OFFLINE" | "LEAVE_NOT_REPORTED" | "NOT_EMPLOYED" | "AWAITING_JUSTIFICATION") | ("PRESENT" | "LATE" | "EARLY_LEAVE" | "LATE_AND_EARLY_LEAVE" | "ABSENT_NO_REASON" | "ON_LEAVE" | "ON_TRIP" | "HOLIDAY" | "NON_WORKING_DAY" | "MISSING_CHECKOUT" | "SOURCE_OFFLINE" | "LEAVE_NOT_REPORTED" | "NOT_EMPLOYED" | "AWAITING_JUSTIFICATION")[];
                    unitId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Timesheet"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/timesheet.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the month timesheet of a unit as XLSX
         * @description An Excel workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) with a legend sheet; audited.
         */
        get: {
            parameters: {
                query: {
                    month: string;
                    q?: string;
                    status?: ("PRESENT" | "LATE" | "EARLY_LEAVE" | "LATE_AND_EARLY_LEAVE" | "ABSENT_NO_REASON" | "ON_LEAVE" | "ON_TRIP" | "HOLIDAY" | "NON_WORKING_DAY" | "MISSING_CHECKOUT" | "SOURCE_OFFLINE" | "LEAVE_NOT_REPORTED" | "NOT_EMPLOYED" | "AWAITING_JUSTIFICATION") | ("PRESENT" | "LATE" | "EARLY_LEAVE" | "LATE_AND_EARLY_LEAVE" | "ABSENT_NO_REASON" | "ON_LEAVE" | "ON_TRIP" | "HOLIDAY" | "NON_WORKING_DAY" | "MISSING_CHECKOUT" | "SOURCE_OFFLINE" | "LEAVE_NOT_REPORTED" | "NOT_EMPLOYED" | "AWAITING_JUSTIFICATION")[];
                    unitId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description File bytes (see the route description for the media type). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/today": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Today's attendance per person, live: arrived (late by), not yet arrived, on leave, day off, left
         * @description Provisional: computed on request from the punches received so far with the same schedule, calendar, regulation and requests as the closed day; never stored, never announced, never opens a violation (violations still come from the closed day).
         */
        get: {
            parameters: {
                query?: {
                    /** @description YYYY-MM-DD, today in Việt Nam by default; a past day (up to 31 days back) is shown as of its end. */
                    date?: string;
                    /** @description One person: oneself, or someone of a unit where the caller may read attendance. */
                    personId?: string;
                    /** @description The unit (with its sub-units) to show; without it, only the signed-in person (or `personId`). */
                    unitId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TodayAttendance"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List audit log entries of the units in scope, newest first */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    entityId?: string;
                    entityType?: string;
                    from?: string;
                    page?: number;
                    pageSize?: number;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEntry"][];
                            total: number;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify the audit chain and its signed anchors (the check itself is audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditVerdict"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: sets the session and CSRF cookies */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoginResult"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                413: components["responses"]["PayloadTooLarge"];
                429: components["responses"]["TooManyRequests"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends the session and clears its cookies */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the signed-in user, their roles and permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CurrentUser"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set the language of the signed-in user */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        locale: "vi" | "en";
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CurrentUser"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password of the signed-in user (ends every session of the account) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/dates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's official calendar between two dates: working day or not, and why not (holiday, nghỉ bù, hoán đổi, weekly rest) */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    unitId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CalendarDate"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the holidays and swapped days of a year */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CalendarDay"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Add a holiday, nghỉ bù, swapped day off or làm bù day; past attendance of that day is recomputed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        date: string;
                        /** @enum {string} */
                        kind: "HOLIDAY" | "COMPENSATORY" | "SWAPPED_OFF" | "MAKEUP_WORKDAY";
                        legalBasis: string;
                        name: string;
                        /**
                         * Format: uuid
                         * @default null
                         */
                        unitId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description Past attendance days queued for recomputation */
                            queuedForRecompute: number;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/days/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a calendar day; past attendance of that day is recomputed */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            /** @description Past attendance days queued for recomputation */
                            queuedForRecompute: number;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/days/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a proposed day against the official notice (its number and date are required); attendance of that day is recomputed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Số/ký hiệu and date of the notice, e.g. "Thông báo 1234/TB-BNV ngày 20/10/2026" */
                        legalBasis: string;
                        name?: string | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            /** @description Past attendance days queued for recomputation */
                            queuedForRecompute: number;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/lunar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Convert a date to the Vietnamese lunar calendar */
        get: {
            parameters: {
                query: {
                    date: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            date: string;
                            lunar: components["schemas"]["LunarDate"];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set personal working hours of a staff member for a period */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        afternoon?: {
                            end: string;
                            start: string;
                        } | null;
                        /** @default null */
                        morning?: {
                            end: string;
                            start: string;
                        } | null;
                        /** Format: uuid */
                        personId: string;
                        reason: string;
                        /** Format: uuid */
                        unitId: string;
                        validFrom: string;
                        /** @default null */
                        validTo?: string | null;
                        /**
                         * @default BOTH
                         * @enum {string}
                         */
                        works?: "BOTH" | "MORNING" | "AFTERNOON";
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Propose the public holidays of a year (fixed, lunar, weekend compensation) for an administrator to confirm */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["HolidayProposal"][];
                            year: number;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a year's official holiday schedule is confirmed (no proposed national day, a confirmed Tết window) */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ScheduleReadiness"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/rosters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the roster entries between two dates in the units in scope */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RosterEntry"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Add a roster entry (extra duty or time off); past attendance of a dated entry is recomputed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        date?: string | null;
                        /** @enum {string} */
                        kind: "EXTRA_DUTY" | "OFF_DUTY";
                        /** @default null */
                        note?: string | null;
                        /**
                         * Format: uuid
                         * @default null
                         */
                        personId?: string | null;
                        /** @enum {string} */
                        session: "MORNING" | "AFTERNOON" | "FULL";
                        /** Format: uuid */
                        unitId: string;
                        validFrom: string;
                        /** @default null */
                        validTo?: string | null;
                        /** @default null */
                        weekday?: number | null;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the work schedules */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WorkSchedule"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Create a work schedule (national or for a unit) with its seasonal periods */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        docDate: string;
                        docIssuer?: string | null;
                        docNumber: string;
                        name: string;
                        note?: string | null;
                        periods: {
                            afternoon: {
                                end: string;
                                start: string;
                            } | null;
                            morning: {
                                end: string;
                                start: string;
                            } | null;
                            startsOn: string;
                        }[];
                        /** Format: uuid */
                        unitId: string | null;
                        validFrom: string;
                        validTo?: string | null;
                        weekdays: number[];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/schedules/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a work schedule on a date */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        validTo: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the cameras one may watch or manage, with health and rights */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CameraListItem"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Register a camera in a unit and start recording it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string|null} */
                        direction?: "IN" | "OUT" | null;
                        enabled?: boolean;
                        /** @enum {string} */
                        locationType: "GATE" | "PARKING" | "ONE_STOP" | "RECEPTION" | "OTHER";
                        mainUrl: string;
                        name: string;
                        password?: string | null;
                        privacyMasks?: [
                            number,
                            number
                        ][][];
                        quotaBytes?: number | null;
                        recognitionAllowed?: boolean;
                        retentionDays?: number;
                        segmentSeconds?: number;
                        subUrl?: string | null;
                        /** Format: uuid */
                        unitId: string;
                        username?: string | null;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Camera"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A camera with its health, rights and frame statistics */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CameraDetail"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Replace the editable fields of a camera (optimistic version check) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string|null} */
                        direction?: "IN" | "OUT" | null;
                        enabled?: boolean;
                        /** @enum {string} */
                        locationType: "GATE" | "PARKING" | "ONE_STOP" | "RECEPTION" | "OTHER";
                        mainUrl: string;
                        name: string;
                        password?: string | null;
                        privacyMasks?: [
                            number,
                            number
                        ][][];
                        quotaBytes?: number | null;
                        recognitionAllowed?: boolean;
                        retentionDays?: number;
                        segmentSeconds?: number;
                        subUrl?: string | null;
                        /** Format: uuid */
                        unitId: string;
                        username?: string | null;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Camera"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        trace?: never;
    };
    "/api/cameras/{id}/grant-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the accounts a leader may grant viewing of a camera to */
        get: {
            parameters: {
                query?: {
                    q?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ViewGrantCandidate"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the view grants in force on a camera */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ViewGrant"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Grant someone live and/or recorded viewing of a camera (replaces their open grant) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        canLive?: boolean;
                        /** @default false */
                        canPlayback?: boolean;
                        reason: string;
                        /** Format: uuid */
                        userId: string;
                        /** Format: date-time */
                        validUntil?: string | null;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ViewGrantCreated"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}/grants/{grantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a view grant; the grantee's open live views are cut */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grantId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    } | null;
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Watch a camera live (WebSocket, or a never-ending fMP4 over plain HTTP)
         * @description With a WebSocket upgrade (101): binary messages carry the fMP4 init segment then moof+mdat fragments; text messages are JSON control ({type: hello | init | health | revoked | expired | reconfigured}). Close codes: 4403 access ended, 4001 camera reconfigured (reconnect). Without an upgrade: 200 with a video/mp4 stream (header x-kc-masked). Viewers without footage.raw get the privacy-masked picture; every view is audited.
         */
        get: {
            parameters: {
                query?: {
                    stream?: "main" | "sub";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description File bytes (see the route description for the media type). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}/playback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream recorded footage of a camera as fragmented MP4 (at most 2 hours)
         * @description Sends a video/mp4 stream for a <video> element; the playback is audited (footage.playback).
         */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Recorded footage as one continuous fragmented MP4 stream (video/mp4), privacy-masked unless the caller holds footage.raw. Headers: x-kc-masked (true|false), x-kc-first-segment (start of the first segment, ISO-8601). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test the connection of a stored camera */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StoredCameraConnectionTest"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a camera's recorded coverage, gaps, exports and holds over a range (at most 7 days) */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecordingTimeline"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/discover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search the local network for ONVIF cameras (WS-Discovery probe) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        timeoutMs?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OnvifDiscovery"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/discover/streams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask a discovered ONVIF device for its media profiles and RTSP addresses */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password?: string | null;
                        username?: string | null;
                        /** Format: uri */
                        xaddr: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OnvifStreamProposal"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test a stream address before saving (nothing is stored) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mainUrl: string;
                        password?: string | null;
                        username?: string | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CameraConnectionTest"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/competence/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** May the signed-in user act on this person's matter (leave, attendance correction, violation, discipline)? Never refuses with 403: the verdict says why not */
        get: {
            parameters: {
                query: {
                    /** @description The day of the act (YYYY-MM-DD); today by default */
                    date?: string;
                    matter: "LEAVE_APPROVAL" | "ATTENDANCE_CORRECTION" | "VIOLATION_HANDLING" | "DISCIPLINE_DECISION";
                    subjectPersonId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompetenceVerdict"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/competence/delegations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List delegations (ủy quyền), optionally of one person (given or received) */
        get: {
            parameters: {
                query?: {
                    personId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Delegation"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Record a delegation (ủy quyền) for a period, with its document */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DelegationCreateInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delegation"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/competence/delegations/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a delegation early (from endOn, today by default) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DelegationEndInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delegation"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/competence/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List leadership posts (who heads or deputises which unit, when) */
        get: {
            parameters: {
                query?: {
                    personId?: string;
                    unitId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LeadershipPost"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Record a leadership post (bổ nhiệm, kiêm nhiệm) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LeadershipPostCreateInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LeadershipPost"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/competence/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a leadership post entered by mistake (end a real one with validTo instead) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        options?: never;
        head?: never;
        /** Change a leadership post (e.g. its end date) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LeadershipPostPatchInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LeadershipPost"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        trace?: never;
    };
    "/api/competence/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the competence table: every version, or the rules in force on a date */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    matter?: components["schemas"]["CompetenceMatterInput"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CompetenceRule"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Adopt a competence rule version (the open version for the same subject closes on its first day) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CompetenceRuleAdoptInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompetenceRuleAdopted"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Discipline cases in my scope (or my own) */
        get: {
            parameters: {
                query?: {
                    personId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisciplineCaseSummary"][];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Open a discipline case from violations of one person proposed for discipline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        note?: string | null;
                        violationIds: string[];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisciplineCaseCreated"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A discipline case: steps, meetings, council, decision, suspensions, documents, deadlines */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisciplineCaseDetail"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/cases/{id}/council": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Form the disciplinary council (chair, members, secretary; never the person concerned or a relative) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        decisionRef: string;
                        formedOn: string;
                        members: {
                            declaredNotRelated: boolean;
                            name: string;
                            /** Format: uuid */
                            personId: string | null;
                            /** @enum {string} */
                            role: "CHAIR" | "MEMBER" | "SECRETARY";
                            title: string | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/cases/{id}/council-meeting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the council meeting, the secret-ballot count per form and the recommendation; generate its minutes DOCX */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attendees: {
                            name: string;
                            role: string;
                        }[];
                        ballot: {
                            formCode: string;
                            votes: number;
                        }[];
                        conclusion: string;
                        heldOn: string;
                        invitationDeliveredOn: string;
                        meetingTime: string;
                        opinions: {
                            name: string;
                            opinion: string;
                        }[];
                        personPresent: boolean;
                        place: string;
                        recommendation: string;
                        secretaryName: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/cases/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enter the decision taken by the competent person (number, dates, the form they chose, reasons); generate the decision DOCX */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        effectiveOn: string;
                        formCode: string;
                        number: string;
                        reasons: string;
                        signedOn: string;
                        signer: components["schemas"]["DisciplineSignerInput"];
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/cases/{id}/delivery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the day the decision reached the person (the complaint period runs from it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deliveredOn: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/cases/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a document to a discipline case (multipart: kind and file); the person concerned may upload the self-review */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description One PDF, JPEG, PNG or DOCX file of at most 10 MB.
                         */
                        file?: string;
                        /** @description SELF_REVIEW (bản tự kiểm điểm), SUSPENSION_EVIDENCE or OTHER. */
                        kind: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisciplineDocumentCreated"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/cases/{id}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a document of a discipline case (DOCX, PDF or image, as an attachment); audited */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    documentId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description File bytes (see the route description for the media type). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/cases/{id}/drop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the case without discipline, with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/cases/{id}/extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend the processing period to 150 days for a complex case, with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/cases/{id}/review-invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the review meeting invitation (delivered ≥ 5 working days ahead) and generate the giấy mời DOCX */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deliveredOn: string;
                        /** @default null */
                        invitationNo?: string | null;
                        meetingOn: string;
                        meetingTime: string;
                        place: string;
                        signer: components["schemas"]["DisciplineSignerInput"];
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/cases/{id}/review-minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the review meeting (attendees, opinions, conclusion) and generate its minutes DOCX */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attendees: {
                            name: string;
                            role: string;
                        }[];
                        conclusion: string;
                        heldOn: string;
                        opinions: {
                            name: string;
                            opinion: string;
                        }[];
                        personPresent: boolean;
                        secretaryName: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/cases/{id}/suspensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enter a "chưa xem xét xử lý" period (illness, detention, maternity/child under 12 months) with its document */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        documentRef: string;
                        fromDate: string;
                        /** @enum {string} */
                        kind: "ILLNESS" | "MATERNITY" | "DETENTION";
                        /** @default null */
                        note?: string | null;
                        /** @default null */
                        toDate?: string | null;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisciplineSuspensionCreated"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/cases/{id}/suspensions/{suspensionId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a suspension entered by hand */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    suspensionId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        toDate: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/persons/{personId}/record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's discipline record: cases under consideration, decisions with effective dates and consequences */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    personId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisciplineRecord"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Violations proposed for discipline and not yet in a case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisciplineProposedViolation"][];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List evidence exports of the units the caller may play back, newest first */
        get: {
            parameters: {
                query?: {
                    cameraId?: string;
                    kind?: "CLIP" | "SNAPSHOT";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["EvidenceExport"][];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show an evidence export with its manifest and what it is attached to
         * @description Viewing is audited (evidence.view).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceExportDetail"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        /** Delete an evidence export that is neither on hold nor attached to a case */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download (or, with inline=1, play) the exported file
         * @description Sends the file bytes with the content-type recorded for the export (video/mp4, image/jpeg or image/png); audited as a download or a view.
         */
        get: {
            parameters: {
                query?: {
                    inline?: "0" | "1";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The exported file: video/mp4 for a clip, image/jpeg or image/png for a snapshot (content-type as recorded). Header x-kc-sha256 gives its hash. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put an evidence export under legal hold, or release it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        hold: boolean;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceExport"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach an evidence export to a violation or an incident (idempotent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        targetId: string;
                        /** @enum {string} */
                        targetType: "VIOLATION" | "INCIDENT";
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}/manifest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the manifest file of an evidence export (JSON)
         * @description Sends the stored application/json file as an attachment.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The stored manifest file (application/json), byte for byte as hashed. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-hash the stored file and check it against its manifest
         * @description Audited (evidence.verify).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceVerification"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/clips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Export a clip of recorded footage as evidence (at most 2 hours)
         * @description Cut by stream copy across segments (re-encoded with the privacy masks unless the caller holds footage.raw); stored with a manifest and its SHA-256.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        cameraId: string;
                        /** Format: date-time */
                        from: string;
                        reason: string;
                        /** Format: date-time */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceExport"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Export the recorded picture at one instant as evidence (JPEG or PNG) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        /** Format: uuid */
                        cameraId: string;
                        /**
                         * @default jpeg
                         * @enum {string}
                         */
                        format?: "jpeg" | "png";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceExport"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check that the server and its database answer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
                400: components["responses"]["BadRequest"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the latest incidents (at most 500) of the units the caller may play back */
        get: {
            parameters: {
                query?: {
                    status?: "OPEN" | "CLOSED";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Incident"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Open an incident (e.g. a motorbike missing from the parking lot) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        description?: string;
                        /** Format: date-time */
                        occurredFrom?: string | null;
                        /** Format: date-time */
                        occurredTo?: string | null;
                        title: string;
                        /** Format: uuid */
                        unitId: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show an incident with the footage searched and the evidence attached */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentDetail"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an incident's title, description or status */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @enum {string} */
                        status?: "OPEN" | "CLOSED";
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        trace?: never;
    };
    "/api/incidents/{id}/footage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that a range of a camera was searched for the incident */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        cameraId: string;
                        /** Format: date-time */
                        from: string;
                        /** @default  */
                        note?: string;
                        /** Format: date-time */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inspections I may see (issuer side, my team, leaders of the unit; a surprise one only once started) */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    kind?: components["schemas"]["InspectionKindInput"];
                    page?: number;
                    pageSize?: number;
                    planId?: string;
                    sort?: "plannedFrom" | "-plannedFrom" | "state" | "target";
                    state?: components["schemas"]["InspectionStateInput"];
                    to?: string;
                    unitId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionPage"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Create an inspection (draft) of a unit in the issuer unit’s scope */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @default null
                         */
                        checklistId?: string | null;
                        /** Format: uuid */
                        issuerUnitId: string;
                        kind: components["schemas"]["InspectionKindInput"];
                        /** @default  */
                        place?: string;
                        /**
                         * Format: uuid
                         * @default null
                         */
                        planId?: string | null;
                        /** Format: date-time */
                        plannedFrom: string;
                        /** Format: date-time */
                        plannedTo: string;
                        /** @default  */
                        scope?: string;
                        /** Format: uuid */
                        targetUnitId: string;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionCreated"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One inspection: team, items with verdicts, findings, photos, evidence, documents, recommendations, remediations, attendance at the visit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionView"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a draft or decided inspection (before the work on site starts) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        checklistId?: string;
                        kind?: components["schemas"]["InspectionKindInput"];
                        place?: string;
                        /** Format: date-time */
                        plannedFrom?: string;
                        /** Format: date-time */
                        plannedTo?: string;
                        scope?: string;
                        /** Format: uuid */
                        targetUnitId?: string;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        trace?: never;
    };
    "/api/inspections/{id}/cameras": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The inspected unit’s cameras the team may view now (during the inspection window only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionCamera"][];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the inspection (every remediation done, or the open ones closed with the note) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        closeOpenRemediations?: boolean;
                        note: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/conclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue the conclusion notice (thông báo kết luận) with recommendations and remediation deadlines; 409 CONCLUSION_BEFORE_MINUTES before the minutes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        date?: string;
                        place?: string;
                        /** @default [] */
                        recipients?: string[];
                        /** @default [] */
                        recommendations?: {
                            /** @enum {string} */
                            kind: "REMIND" | "CRITICIZE" | "SELF_REVIEW" | "PROPOSE_DISCIPLINE" | "FIX";
                            /**
                             * Format: uuid
                             * @default null
                             */
                            personId?: string | null;
                            text: string;
                        }[];
                        /** @default [] */
                        remediations?: {
                            description: string;
                            dueOn: string;
                            /** Format: uuid */
                            ownerUnitId: string;
                            /**
                             * Format: uuid
                             * @default null
                             */
                            responsiblePersonId?: string | null;
                        }[];
                        /** @default null */
                        reportDueOn?: string | null;
                        /** @default [] */
                        shortcomings?: string[];
                        signer: components["schemas"]["InspectionSignerInput"];
                        /** @default null */
                        summary?: string | null;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionDocument"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the decision forming the team (number, date, signer) → DECIDED */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        decisionDate: string;
                        decisionNo: string;
                        decisionSigner: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/documents/{docId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The minutes or conclusion as DOCX (application/vnd.openxmlformats-officedocument.wordprocessingml.document); every download is audited */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    docId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description File bytes (see the route description for the media type). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a camera snapshot or clip of the inspection window as evidence (hashed, audited export) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at?: string;
                        /** Format: uuid */
                        cameraId: string;
                        /**
                         * Format: uuid
                         * @default null
                         */
                        findingId?: string | null;
                        /** Format: date-time */
                        from?: string;
                        /** @enum {string} */
                        kind: "SNAPSHOT" | "CLIP";
                        reason: string;
                        /** Format: date-time */
                        to?: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionEvidence"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a finding (idempotent by clientId: 201 when new, 200 with the first one when repeated); a per-person finding opens a violation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        clientId: string;
                        description: string;
                        /** Format: uuid */
                        itemId: string;
                        /** Format: date-time */
                        observedAt: string;
                        /**
                         * Format: uuid
                         * @default null
                         */
                        personId?: string | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionFinding"];
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionFinding"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/member-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts the issuer side may put on the team (active today, in the issuer’s scope or already named; never of the inspected unit), by name, at most 20 */
        get: {
            parameters: {
                query?: {
                    q?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionMemberCandidate"][];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the inspection team (one head; nobody from the inspected unit) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        members: {
                            name?: string;
                            role: components["schemas"]["InspectionMemberRoleInput"];
                            /** @default  */
                            title?: string;
                            /** Format: uuid */
                            userId: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionMember"][];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue the minutes (biên bản kiểm tra) once every item is judged → MINUTES_ISSUED */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        closingNote?: string | null;
                        date?: string;
                        /** @default null */
                        disagreement?: string | null;
                        /** Format: date-time */
                        endedAt?: string;
                        /** @default null */
                        opinion?: string | null;
                        place?: string;
                        representative: {
                            name: string;
                            title: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionDocument"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a photo taken on site (multipart; idempotent by clientId: 201 new, 200 repeated) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** @description Idempotency key from the device (a repeat returns the stored photo) */
                        clientId: string;
                        /**
                         * Format: binary
                         * @description The photo: JPEG, PNG or WebP (judged by content), at most 8 MB
                         */
                        file: string;
                        /** @description The finding the photo documents (uuid) */
                        findingId?: string;
                        /** @description The checklist item the photo documents (uuid) */
                        itemId?: string;
                        /** @description Latitude (optional, with lon) */
                        lat?: string;
                        /** @description Longitude (optional, with lat) */
                        lon?: string;
                        /** @description Capture time (EXIF DateTimeOriginal read on the device), ISO 8601 */
                        takenAt?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionPhoto"];
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionPhoto"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/photos/{photoId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A photo of the inspection (image/jpeg, image/png or image/webp); every view is audited */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    photoId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description File bytes (see the route description for the media type). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/remediations/{rid}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a remediation as done (issuer side) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    rid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/remediations/{rid}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The inspected unit reports its remediation (báo cáo khắc phục) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    rid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/results/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Judge one checklist item (đạt / không đạt / không áp dụng, or clear) with a note */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        note?: string;
                        verdict: components["schemas"]["InspectionVerdictInput"] | null;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the work on site → IN_PROGRESS (a surprise inspection becomes visible to the unit) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/checklists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Checklist versions (the seed-002 items and later versions) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionChecklistSummary"][];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Create a new checklist version from an existing one with edits (versions in use never change) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        fromId: string;
                        items: {
                            code: string;
                            /** @default  */
                            legalBasis?: string;
                            /** @default false */
                            perPerson?: boolean;
                            titleEn: string;
                            titleVi: string;
                            /**
                             * @default null
                             * @enum {string|null}
                             */
                            violationKind?: "LATE" | "EARLY_LEAVE" | "ABSENT_NO_REASON" | "OTHER" | null;
                        }[];
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionChecklist"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/checklists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One checklist version with its items and legal bases */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionChecklist"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inspection plans of my units (issuer side or leaders) */
        get: {
            parameters: {
                query?: {
                    unitId?: string;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionPlan"][];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Create an inspection plan with its target units and dates */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        issuerUnitId: string;
                        /** @default  */
                        note?: string;
                        periodLabel: string;
                        /** @default [] */
                        targets?: {
                            plannedFrom: string;
                            plannedTo: string;
                            /** Format: uuid */
                            unitId: string;
                        }[];
                        title: string;
                        year: number;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionCreated"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One inspection plan with its targets */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionPlan"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an inspection plan (title, period, note, targets) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        periodLabel?: string;
                        targets?: {
                            plannedFrom: string;
                            plannedTo: string;
                            /** Format: uuid */
                            unitId: string;
                        }[];
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionPlan"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        trace?: never;
    };
    "/api/inspections/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inspection statistics: by kind, by target unit type on the org tree as of a date, findings by item and unit, by month */
        get: {
            parameters: {
                query: {
                    asOf?: string;
                    from: string;
                    to: string;
                    unitId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionStats"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/stats.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inspection statistics as an XLSX workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) */
        get: {
            parameters: {
                query: {
                    asOf?: string;
                    from: string;
                    to: string;
                    unitId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description File bytes (see the route description for the media type). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the signed-in user's notifications, newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    unreadOnly?: "0" | "1" | "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Notification"][];
                            page: number;
                            pageSize: number;
                            total: number;
                            unread: number;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notification"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/email-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List outgoing e-mails with their delivery status */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "PENDING" | "SENDING" | "SENT" | "FAILED";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["EmailLogEntry"][];
                            total: number;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How many notices were unread and are now read. */
                            marked: number;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Count the signed-in user's unread notifications */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unread: number;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/successions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List recorded merges, splits, renames and abolitions, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["OrgSuccession"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Record a merge, split, rename or abolition (closes the former units, may move their staff) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        effectiveDate: string;
                        fromIds: string[];
                        /** @enum {string} */
                        kind: "MERGE" | "SPLIT" | "RENAME" | "ABOLISH_TRANSFER_FUNCTIONS";
                        legalBasis?: string | null;
                        /** @default true */
                        moveStaff?: boolean;
                        note?: string | null;
                        toIds: string[];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgSuccession"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/unit-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the unit types */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["OrgUnitType"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the units valid on a date (today by default), or all with history */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    includeHistorical?: "0" | "1" | "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["OrgUnit"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Create a unit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        adminLevel: "TRUNG_UONG" | "TINH" | "HUYEN" | "XA" | "KHAC";
                        adminUnitCode?: string | null;
                        code: string;
                        legalBasis?: string | null;
                        name: string;
                        /** Format: uuid */
                        parentId?: string | null;
                        shortName?: string | null;
                        /** @enum {string} */
                        unitType: "UBND_TINH" | "VAN_PHONG_UBND_TINH" | "SO" | "THANH_TRA_TINH" | "TTPVHCC_TINH" | "UBND_HUYEN" | "VAN_PHONG_HDND_UBND_HUYEN" | "PHONG_HUYEN" | "UBND_XA" | "UBND_PHUONG" | "UBND_DAC_KHU" | "UBND_THI_TRAN" | "VAN_PHONG_HDND_UBND_XA" | "PHONG_KINH_TE" | "PHONG_KT_HT_DT" | "PHONG_VH_XH" | "TTPVHCC_XA" | "BO_PHAN_MOT_CUA" | "DON_VI_SU_NGHIEP" | "KHAC";
                        validFrom: string;
                        validTo?: string | null;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgUnit"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a unit with its ancestry, predecessors and successors */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgUnitDetail"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a unit */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        adminLevel?: "TRUNG_UONG" | "TINH" | "HUYEN" | "XA" | "KHAC";
                        adminUnitCode?: string | null;
                        code?: string;
                        legalBasis?: string | null;
                        name?: string;
                        /** Format: uuid */
                        parentId?: string | null;
                        shortName?: string | null;
                        /** @enum {string} */
                        unitType?: "UBND_TINH" | "VAN_PHONG_UBND_TINH" | "SO" | "THANH_TRA_TINH" | "TTPVHCC_TINH" | "UBND_HUYEN" | "VAN_PHONG_HDND_UBND_HUYEN" | "PHONG_HUYEN" | "UBND_XA" | "UBND_PHUONG" | "UBND_DAC_KHU" | "UBND_THI_TRAN" | "VAN_PHONG_HDND_UBND_XA" | "PHONG_KINH_TE" | "PHONG_KT_HT_DT" | "PHONG_VH_XH" | "TTPVHCC_XA" | "BO_PHAN_MOT_CUA" | "DON_VI_SU_NGHIEP" | "KHAC";
                        validFrom?: string;
                        validTo?: string | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgUnit"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        trace?: never;
    };
    "/api/org/units/{id}/attendance-go-live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the first day whose attendance is judged in a unit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AttendanceGoLive"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        /** Set the attendance go-live date of a unit (no day before it is judged) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        goLiveOn: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AttendanceGoLiveChange"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a person's biometric consent decision
         * @description A refusal or withdrawal deletes the person's face templates in the same transaction.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "GIVEN" | "REFUSED" | "WITHDRAWN";
                        evidenceNote?: string;
                        /** @description Also consents to learning templates from gate passes (a separate purpose; default false) */
                        gateLearning?: boolean;
                        /** @enum {string} */
                        method: "SIGNED_FORM" | "DIGITAL_CONFIRMATION" | "RECORDED_STATEMENT";
                        noticeVersion: string;
                        /** Format: uuid */
                        personId: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FaceConsentRecorded"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/gate-enrollment/cameras": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the gate cameras an enrollment period can be opened for */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["GateEnrollmentCamera"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/gate-enrollment/groups/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn a face group into a consenting person's templates
         * @description The group's best usable faces become templates of the person (source GATE); the group and its crops are then deleted.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        personId: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GateEnrollmentAssigned"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/gate-enrollment/groups/{id}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Discard a face group (its embeddings and crops are deleted at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/gate-enrollment/periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List gate enrollment periods of the units in scope */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["GateEnrollmentPeriod"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Open a gate enrollment period for a gate camera */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        cameraId: string;
                        endsOn: string;
                        note?: string;
                        /** @default 14 */
                        retentionDays?: number;
                        startsOn: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GateEnrollmentPeriod"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/gate-enrollment/periods/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a gate enrollment period (collection stops at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GateEnrollmentPeriod"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/gate-enrollment/periods/{id}/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the face groups collected in a period with their best samples
         * @description Looking at collected faces is audited once per listing (faces.gate_enroll_view).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["GateEnrollmentGroup"][];
                            period: components["schemas"]["GateEnrollmentPeriod"];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/gate-enrollment/samples/{id}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a collected face crop (JPEG)
         * @description Sends image/jpeg bytes.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The collected face crop as a JPEG image (image/jpeg). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/gate-stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per-camera gate statistics: the running pipeline’s counters and the passes of a recent window
         * @description For each camera of the caller’s units (faces.review or camera.manage) where recognition is allowed or passes were stored: frames received, analysed, skipped for lack of motion, dropped (lag and frame queue), out of order, duplicates since the pipeline started, and from the database over the last `hours`: passes, automatic and review rates, unknowns, liveness doubts, decision latency p50/p95.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Window of the database figures, in hours up to now */
                    hours?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GateStatsList"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a bulk face enrollment from a zip of photos named by employee code
         * @description multipart/form-data with one .zip file part (`file`). The zip is checked at once (limits, at least one photo), then a background job enrolls person by person; poll the returned job. Enrolls only staff of the units where the caller holds faces.enroll.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description One .zip archive (application/zip) of JPEG, PNG or WebP photos named by employee code (CB0012.jpg, CB0012_2.jpg, CB0012 (2).jpg); the first file part is taken ("file" by convention) and no other field is accepted. At most 200 MB (KC_FACE_IMPORT_MAX_MB), 2000 entries (KC_FACE_IMPORT_MAX_FILES), 1024 MB once unzipped (KC_FACE_IMPORT_MAX_UNZIPPED_MB) and 40 MB per photo; not encrypted, stored or Deflate compression.
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EnrollmentZipImportAccepted"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                429: components["responses"]["TooManyRequests"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show the progress of a zip enrollment, with its per-file report once ended */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EnrollmentZipImport"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/imports/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the per-file report of a zip enrollment (XLSX)
         * @description Sends application/vnd.openxmlformats-officedocument.spreadsheetml.sheet bytes as an attachment.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The per-file report as an Excel workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet), sent as an attachment. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/liveness-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the liveness policies: the global one and those of the units in scope */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The caller may set the global policy (system administrators who enroll faces) */
                            canSetGlobal: boolean;
                            items: components["schemas"]["FaceLivenessPolicy"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        /** Set the liveness policy of a unit, or the global one (unitId null) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        mode: "OFF" | "REVIEW";
                        /** @default 0.5 */
                        threshold?: number;
                        /** Format: uuid */
                        unitId: string | null;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/passes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List gate passes (one row per pass) with their verdict, score, frames and decision latency
         * @description Passes of the cameras of the units the caller reviews (faces.review). verdict=LIVENESS lists the liveness doubts (review for a low liveness signal). Snapshots are read one by one through /api/recognition/sightings/{id}/snapshot (audited).
         */
        get: {
            parameters: {
                query?: {
                    cameraId?: string;
                    /** @description First seen at or after this instant */
                    from?: string;
                    masked?: "0" | "1" | "true" | "false";
                    order?: "asc" | "desc";
                    page?: number;
                    pageSize?: number;
                    /** @description The person the pass was matched or confirmed to */
                    personId?: string;
                    sort?: "seenAt" | "score" | "latency" | "frames";
                    /** @description First seen before this instant */
                    to?: string;
                    /** @description AUTO, REVIEW, UNKNOWN, or LIVENESS (review for a low liveness signal) */
                    verdict?: "AUTO" | "REVIEW" | "UNKNOWN" | "LIVENESS";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GatePassPage"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/persons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a person's consent state and face template counts
         * @description Viewing face data is audited (faces.view).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FacePerson"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/persons/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enroll photos of a consenting person (multipart upload)
         * @description multipart/form-data with the photos as file parts named `files` and an optional `source` field. Each photo is checked on its own (decodable, exactly one face, size, sharpness, pose) and gets its own verdict; accepted photos become templates.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** @description Photos of the person's face: 1 to 50 file parts (every file part is taken whatever its name; "files" by convention), each a JPEG, PNG or WebP image (image/jpeg, image/png, image/webp) of at most 40 MB and 50 megapixels. Each file gets its own verdict in the response; a larger file is reported as IMAGE_TOO_LARGE. */
                        files: string[];
                        /** @description UPLOAD (default) or WEBCAM: how the photos were taken, kept with the templates. Any other field or value is refused (400 UNKNOWN_FIELD). */
                        source?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FacePhotoUpload"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                429: components["responses"]["TooManyRequests"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/persons/{id}/reference-photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A reference face of a candidate, for the reviewer to compare with the pass' snapshot (JPEG)
         * @description The person’s latest stored enrollment photo as a small JPEG; for people enrolled before enrollment photos were kept, the snapshot of their latest pass punched automatically or confirmed by a reviewer. 404 when there is neither. A sensitive read, audited (faces.reference_view).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A reference face photo of the person (image/jpeg). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List pending gate passes awaiting review */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FaceReviewItem"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/reviews/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm who passed the gate and create the punch
         * @description The person must be one of the candidates the machine proposed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        personId: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FaceReviewConfirmed"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/reviews/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a gate pass under review (no punch is created) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/reviews/bulk-confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm several passes of one person at once (one punch per pass)
         * @description Every item must name the same person, who must be among each pass’ candidates. The reviewer’s scope is checked for every pass before anything is written (403 if one is outside it); then each pass is confirmed in its own transaction and audited like a single confirmation. A pass already decided or without that candidate is reported in `results` and does not stop the others.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReviewBulkConfirmInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewBulkConfirmResult"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recognition/sightings/{id}/snapshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the snapshot of a gate pass (JPEG)
         * @description Sends image/jpeg bytes. A sensitive read, audited (faces.snapshot_view).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The pass snapshot as a JPEG image (image/jpeg). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recording/holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the legal holds of a camera, released ones included */
        get: {
            parameters: {
                query: {
                    cameraId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LegalHold"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Put a legal hold on a range of a camera's footage (retention keeps it until released) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        cameraId: string;
                        /** Format: date-time */
                        from: string;
                        reason: string;
                        /** Format: date-time */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recording/holds/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a legal hold */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/today-attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show today's attendance of the units in my scope, live: counts per unit, who is late, who has not arrived yet
         * @description The dashboard's "Hôm nay" panel (refreshed every few seconds). Provisional: violations still open only after the day is closed.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Limit to this unit and its sub-units (within the caller’s scope); default: every unit the caller may read attendance of. */
                    unitId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DashboardTodayAttendance"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the roles and the permissions each grants */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RoleInfo"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List rule-set versions of a unit with the rules in force today */
        get: {
            parameters: {
                query: {
                    unitId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            effectiveToday: components["schemas"]["EffectiveRules"];
                            items: components["schemas"]["RuleSet"][];
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Adopt a new version of a unit’s rules from a date */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        config: {
                            [key: string]: unknown;
                        };
                        legalBasis?: string | null;
                        name: string;
                        /** Format: uuid */
                        unitId: string;
                        validFrom: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RuleSet"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show the built-in rules and the escalation action labels */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Labels of the escalation actions a step may propose. */
                            actions: {
                                [key: string]: {
                                    en: string;
                                    vi: string;
                                };
                            };
                            /** @description The built-in rules used until a unit adopts its own. */
                            config: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/effective": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show the rules that judge a unit’s violations on a date */
        get: {
            parameters: {
                query: {
                    date: string;
                    unitId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EffectiveRules"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List staff in scope (or only oneself without staff.read), filtered, sorted and paged */
        get: {
            parameters: {
                query?: {
                    category?: "CAN_BO" | "CONG_CHUC" | "VIEN_CHUC" | "HOP_DONG";
                    includeSubunits?: "0" | "1" | "true" | "false";
                    order?: "asc" | "desc";
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: "fullName" | "employeeCode" | "unitName" | "category" | "status" | "joinedOn";
                    status?: "WORKING" | "ON_LEAVE" | "LEFT";
                    unitId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Person"][];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Create a staff record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        birthDate?: string | null;
                        /** @enum {string} */
                        category: "CAN_BO" | "CONG_CHUC" | "VIEN_CHUC" | "HOP_DONG";
                        /** Format: email */
                        email?: string | null;
                        employeeCode: string;
                        fullName: string;
                        /** @enum {string|null} */
                        gender?: "NAM" | "NU" | "KHAC" | null;
                        joinedOn?: string | null;
                        leftOn?: string | null;
                        phone?: string | null;
                        positionTitle?: string | null;
                        /** @enum {string} */
                        status?: "WORKING" | "ON_LEAVE" | "LEFT";
                        /** Format: uuid */
                        unitId: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a staff member with their unit history and linked user account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonDetail"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a staff record (version must match; use transfer to change the unit) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        birthDate?: string | null;
                        /** @enum {string} */
                        category?: "CAN_BO" | "CONG_CHUC" | "VIEN_CHUC" | "HOP_DONG";
                        /** Format: email */
                        email?: string | null;
                        employeeCode?: string;
                        fullName?: string;
                        /** @enum {string|null} */
                        gender?: "NAM" | "NU" | "KHAC" | null;
                        joinedOn?: string | null;
                        leftOn?: string | null;
                        phone?: string | null;
                        positionTitle?: string | null;
                        /** @enum {string} */
                        status?: "WORKING" | "ON_LEAVE" | "LEFT";
                        version: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        trace?: never;
    };
    "/api/staff/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Transfer a staff member to another unit from a date */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        assignmentKind: "TUYEN_DUNG" | "BO_NHIEM" | "KIEM_NHIEM" | "BIET_PHAI" | "DIEU_DONG" | "SAP_XEP";
                        effectiveDate: string;
                        legalBasis?: string | null;
                        positionTitle?: string | null;
                        /** Format: uuid */
                        unitId: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the filtered staff list as an Excel workbook (.xlsx) */
        get: {
            parameters: {
                query?: {
                    category?: "CAN_BO" | "CONG_CHUC" | "VIEN_CHUC" | "HOP_DONG";
                    includeSubunits?: "0" | "1" | "true" | "false";
                    order?: "asc" | "desc";
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: "fullName" | "employeeCode" | "unitName" | "category" | "status" | "joinedOn";
                    status?: "WORKING" | "ON_LEAVE" | "LEFT";
                    unitId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description File bytes (see the route description for the media type). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/import-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the staff import template (.xlsx) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description File bytes (see the route description for the media type). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import staff from an .xlsx workbook; answers 202 with the run id to poll */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description The staff workbook (.xlsx, at most 50 MB), laid out as the import template
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                429: components["responses"]["TooManyRequests"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the progress and outcome of a staff import run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StaffImport"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/imports/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the error report of a staff import (the rejected rows, .xlsx) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description File bytes (see the route description for the media type). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the user accounts in the units the administrator manages */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["UserAccount"][];
                            total: number;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Create a user account with its first roles */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        password: string;
                        /** Format: uuid */
                        personId?: string | null;
                        roles: {
                            /** @enum {string} */
                            role: "sysadmin" | "chairman" | "office_chief" | "home_affairs_head" | "inspector" | "unit_head" | "staff";
                            /** Format: uuid */
                            unitId: string;
                        }[];
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user account (name, active, staff record); deactivating ends its sessions */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        isActive?: boolean;
                        /** Format: uuid */
                        personId?: string | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        trace?: never;
    };
    "/api/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password for a user, who must change it at next sign-in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant a role in a unit to a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "sysadmin" | "chairman" | "office_chief" | "home_affairs_head" | "inspector" | "unit_head" | "staff";
                        /** Format: uuid */
                        unitId: string;
                        validFrom?: string;
                        validTo?: string | null;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/roles/{assignmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a role assignment of a user */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    assignmentId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock a user account locked after failed sign-ins */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/violations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the violations I may see, newest first */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    includeRetracted?: "0" | "1" | "true" | "false";
                    includeSubunits?: "0" | "1" | "true" | "false";
                    kind?: "LATE" | "EARLY_LEAVE" | "ABSENT_NO_REASON" | "LEAVE_NOT_REPORTED" | "AWAITING_JUSTIFICATION" | "OTHER";
                    overdueOnly?: "0" | "1" | "true" | "false";
                    page?: number;
                    pageSize?: number;
                    personId?: string;
                    state?: "OPENED" | "NOTIFIED" | "EXPLANATION_REQUESTED" | "EXPLAINED" | "NO_ANSWER" | "DECIDED" | "DISCIPLINE_PROPOSED" | "CLOSED" | "RETRACTED";
                    to?: string;
                    unitId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ViolationSummary"][];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        /** Record a violation by hand (inspection or leader), judged by the rules in force */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description: string;
                        evidence?: {
                            /** Format: uuid */
                            cameraId: string;
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                        } | null;
                        inspectionRef?: string | null;
                        /** @enum {string} */
                        kind: "LATE" | "EARLY_LEAVE" | "ABSENT_NO_REASON" | "LEAVE_NOT_REPORTED" | "OTHER";
                        minutes?: number | null;
                        occurredOn: string;
                        /** Format: uuid */
                        personId: string;
                        /** @enum {string} */
                        source: "INSPECTION" | "LEADER";
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            proposedAction: "REMINDER" | "WRITTEN_REMINDER" | "PROPOSE_REVIEW";
                            repeatOrdinal: number;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/violations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a violation with its case, history, explanations, evidence and my next actions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ViolationDetail"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/violations/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a decided violation case with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ViolationCaseStatus"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/violations/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide on a violation with a reason (dismiss, remind or escalate) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "DISMISSED" | "REMINDED" | "ESCALATED";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ViolationCaseStatus"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/violations/{id}/discipline-context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show the discipline regime, forms and time limits for the person and violation */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisciplineContext"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/violations/{id}/discipline-proposal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Propose the discipline procedure for an escalated violation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ViolationCaseStatus"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/violations/{id}/evidence/{evidenceId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an evidence file of a violation (video/mp4 clip or image/jpeg snapshot); audited */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    evidenceId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description File bytes (see the route description for the media type). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/violations/{id}/explanation-files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment of an explanation (its own media type, as an attachment); audited */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fileId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description File bytes (see the route description for the media type). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/violations/{id}/explanations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Explain a violation of mine, with attachments (multipart form: body and files) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** @description The explanation, 10 to 8000 characters. */
                        body: string;
                        /** @description Up to 5 attachments of at most 5 MB each: PDF, JPEG, PNG, WebP, plain text or Word documents. */
                        files?: string[];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            explanationId: string;
                        };
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                429: components["responses"]["TooManyRequests"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/violations/{id}/request-explanation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for an explanation (again) with a deadline in working days */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 3 */
                        workingDays?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ViolationCaseStatus"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/violations/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show the violations dashboard of the units in my scope: today, trends, repeat offenders, overdue explanations */
        get: {
            parameters: {
                query?: {
                    /** @description Limit to this unit and its sub-units (within the caller’s scope). */
                    unitId?: string;
                    /** @description How many weeks the weekly trend covers. */
                    weeks?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ViolationDashboard"];
                    };
                };
                400: components["responses"]["BadRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["Unavailable"];
                default: components["responses"]["OtherError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AttendanceDay: {
            computedAt: string | null;
            date: string;
            dayOff: components["schemas"]["AttendanceDayOff"] | null;
            explanations: components["schemas"]["AttendanceExplanation"][];
            regulation: components["schemas"]["AttendanceRegulationRef"] | null;
            revision: number | null;
            sessions: components["schemas"]["AttendanceSession"][];
            status: components["schemas"]["AttendanceStatus"] | null;
            unitId: string | null;
        };
        AttendanceDayOff: {
            /** @enum {string} */
            kind: "HOLIDAY" | "COMPENSATORY" | "SWAPPED_OFF" | "WEEKLY_REST";
            legalBasis: string | null;
            name: string;
            /** @enum {string|null} */
            status: "CONFIRMED" | "PROPOSED" | null;
        };
        AttendanceExplanation: {
            code: string;
            en: string;
            params?: {
                [key: string]: string | number;
            };
            session?: components["schemas"]["AttendanceSessionKind"];
            vi: string;
        };
        AttendanceGoLive: {
            /** @description The first judged day: own date, else inherited from a parent, else the start of the unit */
            judgedFrom: string;
            /** @description The go-live date set on the unit itself */
            own: string | null;
            /** Format: uuid */
            unitId: string;
        };
        AttendanceGoLiveChange: {
            goLiveOn: string;
            previous: string | null;
            /** Format: uuid */
            unitId: string;
        };
        AttendancePermissionRef: {
            requestId: string;
            /** @enum {string} */
            status: "APPROVED" | "PENDING";
        };
        AttendanceRegulationRef: {
            legalBasis: string | null;
            /** @enum {string} */
            source: "UNIT" | "NATIONAL" | "SYSTEM_DEFAULT";
            unitId: string | null;
        };
        AttendanceRules: {
            approvedPermissionCountsAsLate: boolean;
            checkInOpensMinutes: number;
            checkOutClosesMinutes: number;
            debounceSeconds: number;
            earlyGraceMinutes: number;
            lateGraceMinutes: number;
            leaveNotReportedAfterDays: number;
            lunchPunchesRequired: boolean;
        };
        AttendanceRulesList: {
            defaults: components["schemas"]["AttendanceRules"];
            entries: {
                legalBasis: string | null;
                rules: components["schemas"]["AttendanceRules"];
                unitId: string | null;
            }[];
        };
        AttendanceSession: {
            absenceRequestId: string | null;
            arrivalPermission: components["schemas"]["AttendancePermissionRef"] | null;
            checkIn: string | null;
            checkInPunchId: string | null;
            checkOut: string | null;
            checkOutPunchId: string | null;
            departurePermission: components["schemas"]["AttendancePermissionRef"] | null;
            earlyLeaveMinutes: number;
            justificationId: string | null;
            lateMinutes: number;
            scheduledEnd: string | null;
            scheduledStart: string | null;
            session: components["schemas"]["AttendanceSessionKind"];
            status: components["schemas"]["AttendanceStatus"];
            workedMinutes: number;
        };
        /** @enum {string} */
        AttendanceSessionKind: "MORNING" | "AFTERNOON" | "FULL";
        /** @enum {string} */
        AttendanceStatus: "PRESENT" | "LATE" | "EARLY_LEAVE" | "LATE_AND_EARLY_LEAVE" | "ABSENT_NO_REASON" | "ON_LEAVE" | "ON_TRIP" | "HOLIDAY" | "NON_WORKING_DAY" | "MISSING_CHECKOUT" | "SOURCE_OFFLINE" | "LEAVE_NOT_REPORTED" | "NOT_EMPLOYED" | "AWAITING_JUSTIFICATION";
        AuditEntry: {
            /** @description module.verb, e.g. staff.update, auth.login_failed */
            action: string;
            actorName: string;
            /** Format: date-time */
            at: string;
            details: {
                [key: string]: unknown;
            };
            entityId: string | null;
            entityType: string;
            hash: string;
            ip: string | null;
            prevHash: string;
            reason: string | null;
            seq: number;
            /** Format: uuid */
            unitId: string | null;
        };
        AuditProblem: {
            expected: string;
            found: string;
            /** @enum {string} */
            kind: "content_changed" | "link_broken" | "row_missing" | "chain_rewritten" | "tail_deleted" | "truncated" | "anchor_invalid" | "anchor_missing";
            messageEn: string;
            messageVi: string;
            /** @description The first row concerned (absent for problems about anchor files). */
            seq?: number;
            /** @description The last row concerned, for ranges. */
            toSeq?: number;
        };
        AuditVerdict: {
            /** @description Number of valid signed anchors checked. */
            anchors: number;
            /** @description First problem that names a row; absent when the log is intact. */
            brokenAt?: {
                expected: string;
                found: string;
                /** @enum {string} */
                problem: "content_changed" | "link_broken" | "row_missing" | "chain_rewritten" | "tail_deleted" | "truncated" | "anchor_invalid" | "anchor_missing";
                seq: number;
            };
            checked: number;
            lastHash: string;
            lastSeq: number;
            moreProblems: number;
            ok: boolean;
            problems: components["schemas"]["AuditProblem"][];
        };
        CalendarDate: {
            date: string;
            dayOff: {
                /** @enum {string} */
                kind: "HOLIDAY" | "COMPENSATORY" | "SWAPPED_OFF" | "WEEKLY_REST";
                legalBasis: string | null;
                name: string;
                /**
                 * @description CONFIRMED: by the law or an official notice (legalBasis). PROPOSED: expected, not announced yet; counts as a day off and is flagged
                 * @enum {string|null}
                 */
                status: "CONFIRMED" | "PROPOSED" | null;
            } | null;
            working: boolean;
        };
        CalendarDay: {
            date: string;
            /** Format: uuid */
            id: string | null;
            /** @enum {string} */
            kind: "HOLIDAY" | "COMPENSATORY" | "SWAPPED_OFF" | "MAKEUP_WORKDAY";
            legalBasis: string | null;
            name: string;
            note: string | null;
            /** @enum {string} */
            source: "STORED" | "RULE";
            /**
             * @description CONFIRMED: by the law or an official notice (legalBasis). PROPOSED: expected, not announced yet; counts as a day off and is flagged
             * @enum {string}
             */
            status: "CONFIRMED" | "PROPOSED";
            /** Format: uuid */
            unitId: string | null;
        };
        Camera: {
            /** @enum {string|null} */
            direction: "IN" | "OUT" | null;
            enabled: boolean;
            hasCredentials: boolean;
            health: {
                detail: string | null;
                since: string;
                state: string;
            };
            id: string;
            locationLabel: {
                en: string;
                vi: string;
            };
            /** @enum {string} */
            locationType: "GATE" | "PARKING" | "ONE_STOP" | "RECEPTION" | "OTHER";
            mainUrl: string;
            name: string;
            privacyMasks: [
                number,
                number
            ][][];
            quotaBytes: number | null;
            recognitionAllowed: boolean;
            retentionDays: number;
            segmentSeconds: number;
            stream: {
                codec: string;
                fps: number | null;
                height: number | null;
                width: number | null;
            } | null;
            subUrl: string | null;
            unitId: string;
            updatedAt: string;
            version: number;
        };
        CameraConnectionTest: {
            codec: string;
            fps: number;
            height: number;
            /** @enum {boolean} */
            ok: true;
            profile: string | null;
            snapshot: string;
            width: number;
        };
        CameraDetail: {
            /** @enum {string|null} */
            direction: "IN" | "OUT" | null;
            enabled: boolean;
            frames: {
                delivered: number;
                dropped: number;
                handlerErrors: number;
                published: number;
            };
            hasCredentials: boolean;
            health: {
                detail: string | null;
                since: string;
                state: string;
            };
            id: string;
            locationLabel: {
                en: string;
                vi: string;
            };
            /** @enum {string} */
            locationType: "GATE" | "PARKING" | "ONE_STOP" | "RECEPTION" | "OTHER";
            mainUrl: string;
            name: string;
            privacyMasks: [
                number,
                number
            ][][];
            quotaBytes: number | null;
            recognitionAllowed: boolean;
            retentionDays: number;
            rights: components["schemas"]["CameraRights"];
            segmentSeconds: number;
            stream: {
                codec: string;
                fps: number | null;
                height: number | null;
                width: number | null;
            } | null;
            subUrl: string | null;
            unitId: string;
            updatedAt: string;
            version: number;
        };
        CameraListItem: {
            /** @enum {string|null} */
            direction: "IN" | "OUT" | null;
            enabled: boolean;
            hasCredentials: boolean;
            health: {
                detail: string | null;
                since: string;
                state: string;
            };
            id: string;
            locationLabel: {
                en: string;
                vi: string;
            };
            /** @enum {string} */
            locationType: "GATE" | "PARKING" | "ONE_STOP" | "RECEPTION" | "OTHER";
            mainUrl: string;
            name: string;
            privacyMasks: [
                number,
                number
            ][][];
            quotaBytes: number | null;
            recognitionAllowed: boolean;
            retentionDays: number;
            rights: components["schemas"]["CameraRights"];
            segmentSeconds: number;
            stream: {
                codec: string;
                fps: number | null;
                height: number | null;
                width: number | null;
            } | null;
            subUrl: string | null;
            unitId: string;
            updatedAt: string;
            version: number;
        };
        CameraRights: {
            export: boolean;
            grant: boolean;
            live: boolean;
            manage: boolean;
            playback: boolean;
            raw: boolean;
        };
        /** @enum {string} */
        CompetenceMatter: "LEAVE_APPROVAL" | "ATTENDANCE_CORRECTION" | "VIOLATION_HANDLING" | "DISCIPLINE_DECISION";
        /** @enum {string} */
        CompetenceMatterInput: "LEAVE_APPROVAL" | "ATTENDANCE_CORRECTION" | "VIOLATION_HANDLING" | "DISCIPLINE_DECISION";
        CompetenceRule: {
            /** @enum {string} */
            decider: "OWN_UNIT_LEADERS" | "PARENT_UNIT_LEADERS" | "EMPLOYING_AUTHORITY_LEADERS" | "EXTERNAL";
            /** @enum {string|null} */
            externalLevel: "TRUNG_UONG" | "TINH" | "XA" | "KHAC" | null;
            externalName: string | null;
            /** Format: uuid */
            id: string;
            legalBasis: string;
            matter: components["schemas"]["CompetenceMatter"];
            note: string | null;
            /**
             * @description null = any category
             * @enum {string|null}
             */
            subjectCategory: "CAN_BO" | "CONG_CHUC" | "VIEN_CHUC" | "HOP_DONG" | null;
            /** @enum {string} */
            subjectPost: "STAFF" | "DEPUTY" | "HEAD";
            /** @description Unit type codes; null = any */
            subjectUnitTypes: string[] | null;
            validFrom: string;
            validTo: string | null;
        };
        CompetenceRuleAdopted: {
            /** @description Previous versions closed on the new validFrom */
            closedRuleIds: string[];
            rule: components["schemas"]["CompetenceRule"];
        };
        CompetenceRuleAdoptInput: {
            /** @enum {string} */
            decider: "OWN_UNIT_LEADERS" | "PARENT_UNIT_LEADERS" | "EMPLOYING_AUTHORITY_LEADERS" | "EXTERNAL";
            /** @enum {string|null} */
            externalLevel?: "TRUNG_UONG" | "TINH" | "XA" | "KHAC" | null;
            externalName?: string | null;
            legalBasis: string;
            matter: components["schemas"]["CompetenceMatterInput"];
            note?: string | null;
            /** @enum {string|null} */
            subjectCategory?: "CAN_BO" | "CONG_CHUC" | "VIEN_CHUC" | "HOP_DONG" | null;
            /** @enum {string} */
            subjectPost: "STAFF" | "DEPUTY" | "HEAD";
            subjectUnitTypes?: string[] | null;
            validFrom: string;
            validTo?: string | null;
        };
        CompetenceVerdict: {
            allowed: boolean;
            /** @enum {string|null} */
            code: "COMPETENCE_OWN_CASE" | "COMPETENCE_SUPERIOR_CASE" | "COMPETENCE_NOT_COMPETENT" | null;
            /** Format: uuid */
            competentUnitId: string | null;
            /** @description The competent unit, or the outside decider (e.g. "Chủ tịch UBND tỉnh") */
            competentUnitName: string | null;
            /** @description The competent level is outside this organisation (e.g. provincial) */
            external: boolean;
            legalBasis: string | null;
            message_en: string | null;
            message_vi: string | null;
        };
        CorrectionDayPunch: {
            annulled: boolean;
            /** Format: date-time */
            at: string;
            direction: components["schemas"]["PunchDirection"] | null;
            id: string;
            sourceId: string;
            time: string;
            voidRequestId: string | null;
        };
        CorrectionDayPunches: {
            items: components["schemas"]["CorrectionDayPunch"][];
        };
        CurrentUser: {
            csrfToken: string;
            displayName: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            locale: "vi" | "en";
            mustChangePassword: boolean;
            permissions: ("org.read" | "org.manage" | "staff.read" | "staff.manage" | "staff.import" | "users.manage" | "audit.read" | "attendance.read" | "attendance.manage" | "leave.approve" | "calendar.manage" | "camera.live" | "camera.playback" | "camera.manage" | "footage.raw" | "evidence.export" | "faces.enroll" | "faces.review" | "violations.read" | "violations.decide" | "rules.manage" | "inspections.manage" | "reports.read")[];
            /** Format: uuid */
            personId: string | null;
            roles: components["schemas"]["RoleGrant"][];
            username: string;
        };
        DashboardTodayAttendance: {
            /** Format: date-time */
            asOf: string;
            byUnit: {
                summary: {
                    arrived: number;
                    dayOff: number;
                    expected: number;
                    late: number;
                    notYetArrived: number;
                    onLeave: number;
                };
                /** Format: uuid */
                unitId: string;
                unitName: string;
            }[];
            /** @description Today in Việt Nam, YYYY-MM-DD. */
            date: string;
            /** @description Arrived late today (those who already left included), most minutes first. */
            late: {
                /** Format: date-time */
                arrivedAt: string | null;
                employeeCode: string;
                /** Format: date-time */
                expectedStart: string | null;
                fullName: string;
                lateMinutes: number | null;
                /** Format: uuid */
                personId: string;
                /** @enum {string} */
                status: "ARRIVED" | "LATE" | "NOT_YET" | "ON_LEAVE" | "DAY_OFF" | "LEFT";
                unitName: string;
            }[];
            /** @description Units whose attendance go-live is after today: their people are in no count and no list. */
            notLive: {
                judgedFrom: string;
                persons: number;
                /** Format: uuid */
                unitId: string;
                unitName: string;
            }[];
            /** @description Expected today and not seen yet, earliest expected first. */
            notYet: {
                /** Format: date-time */
                arrivedAt: string | null;
                employeeCode: string;
                /** Format: date-time */
                expectedStart: string | null;
                fullName: string;
                lateMinutes: number | null;
                /** Format: uuid */
                personId: string;
                /** @enum {string} */
                status: "ARRIVED" | "LATE" | "NOT_YET" | "ON_LEAVE" | "DAY_OFF" | "LEFT";
                unitName: string;
            }[];
            summary: {
                arrived: number;
                dayOff: number;
                expected: number;
                late: number;
                notYetArrived: number;
                onLeave: number;
            };
            /** @description True when a list was cut at its limit (the counts are complete). */
            truncated: boolean;
        };
        Delegation: {
            documentRef: string;
            endedBy: string | null;
            /** Format: uuid */
            fromPersonId: string;
            /** Format: uuid */
            id: string;
            matter: components["schemas"]["CompetenceMatter"];
            reason: string;
            /** Format: uuid */
            toPersonId: string;
            validFrom: string;
            /** @description Exclusive: the first day the delegation no longer applies */
            validTo: string;
        };
        DelegationCreateInput: {
            /** @description Số, ký hiệu of the giấy ủy quyền */
            documentRef: string;
            /** Format: uuid */
            fromPersonId: string;
            matter: components["schemas"]["CompetenceMatterInput"];
            reason: string;
            /** Format: uuid */
            toPersonId: string;
            validFrom: string;
            /** @description Exclusive: the first day the delegation no longer applies */
            validTo: string;
        };
        DelegationEndInput: {
            /** @description The first day it no longer applies; today by default */
            endOn?: string;
        };
        DisciplineCaseCreated: {
            /** Format: uuid */
            id: string;
        };
        DisciplineCaseDetail: {
            allowedActions: ("open" | "invite_review" | "hold_review" | "form_council" | "hold_council" | "decide" | "deliver" | "drop")[];
            allowedForms: {
                code: string;
                en: string;
                vi: string;
            }[];
            /** @enum {string} */
            category: "CAN_BO" | "CONG_CHUC" | "VIEN_CHUC" | "HOP_DONG";
            categoryLabel: {
                en: string;
                vi: string;
            };
            competence: {
                allowed: boolean;
                code: string | null;
                competentUnitName: string | null;
                external: boolean;
                message_en: string | null;
                message_vi: string | null;
            };
            council: {
                formedOn: string;
                name: string;
                personId: string | null;
                /** @enum {string} */
                role: "CHAIR" | "MEMBER" | "SECRETARY";
                seq: number;
                title: string | null;
            }[];
            councilRequired: boolean;
            deadlines: {
                limitation: {
                    heavierUntil: string;
                    legalBasis: string;
                    note: string | null;
                    occurredOn: string;
                    reprimandUntil: string;
                    /** Format: uuid */
                    violationId: string;
                }[];
                processing: {
                    days: number;
                    dueOn: string | null;
                    extended: boolean;
                    paused: boolean;
                    suspendedDays: number;
                } | null;
                warnings: {
                    daysLeft: number;
                    dueOn: string;
                    en: string;
                    kind: string;
                    vi: string;
                }[];
            };
            decision: components["schemas"]["DisciplineDecision"] | null;
            detectedOn: string;
            documents: {
                contentType: string;
                /** Format: date-time */
                createdAt: string;
                fileName: string;
                generated: boolean;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "REVIEW_INVITATION" | "REVIEW_MINUTES" | "SELF_REVIEW" | "COUNCIL_MINUTES" | "DECISION" | "SUSPENSION_EVIDENCE" | "OTHER";
                sha256: string;
                sizeBytes: number;
            }[];
            extended: boolean;
            extensionReason: string | null;
            /** Format: uuid */
            id: string;
            meetings: {
                attendees: {
                    name: string;
                    role: string;
                }[];
                ballot: {
                    formCode: string;
                    votes: number;
                }[] | null;
                chairName: string | null;
                conclusion: string | null;
                heldOn: string | null;
                /** Format: uuid */
                id: string;
                invitationDeliveredOn: string;
                invitationNo: string | null;
                /** @enum {string} */
                kind: "REVIEW" | "COUNCIL";
                meetingOn: string;
                meetingTime: string;
                opinions: {
                    name: string;
                    opinion: string;
                }[];
                personPresent: boolean | null;
                place: string;
                recommendation: string | null;
            }[];
            note: string | null;
            /** Format: date-time */
            openedAt: string;
            person: {
                employeeCode: string;
                fullName: string;
                /** Format: uuid */
                id: string;
                isLeader: boolean;
                positionTitle: string | null;
                unitName: string;
            };
            regime: {
                code: string;
                legalBasis: string;
                nameEn: string;
                nameVi: string;
                note: {
                    en: string;
                    vi: string;
                };
            };
            /** @enum {string} */
            state: "OPEN" | "REVIEW_INVITED" | "REVIEWED" | "COUNCIL_FORMED" | "COUNCIL_HELD" | "DECIDED" | "DELIVERED" | "DROPPED";
            stateLabel: {
                en: string;
                vi: string;
            };
            steps: {
                action: string;
                actorName: string;
                /** Format: date-time */
                at: string;
                details: {
                    [key: string]: unknown;
                };
                fromState: string | null;
                label: {
                    en: string;
                    vi: string;
                };
                onDate: string;
                seq: number;
                toState: string;
            }[];
            suspendedNow: components["schemas"]["DisciplineSuspension"] | null;
            suspensions: components["schemas"]["DisciplineSuspension"][];
            violations: {
                /** Format: uuid */
                id: string;
                kind: string;
                kindLabel: {
                    en: string;
                    vi: string;
                };
                occurredOn: string;
                proposedOn: string;
            }[];
        };
        DisciplineCaseSummary: {
            decisionNumber: string | null;
            detectedOn: string;
            effectiveOn: string | null;
            formLabel: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            openedAt: string;
            /** Format: uuid */
            personId: string;
            personName: string;
            /** @enum {string} */
            state: "OPEN" | "REVIEW_INVITED" | "REVIEWED" | "COUNCIL_FORMED" | "COUNCIL_HELD" | "DECIDED" | "DELIVERED" | "DROPPED";
            stateLabel: {
                en: string;
                vi: string;
            };
            unitName: string;
            violations: number;
        };
        DisciplineConsequence: {
            code: string;
            confidence: string;
            en: string;
            from: string;
            legalBasis: string;
            months: number | null;
            until: string | null;
            vi: string;
            year: number | null;
        };
        DisciplineContext: {
            asOf: string;
            /** @enum {string} */
            category: "CAN_BO" | "CONG_CHUC" | "VIEN_CHUC" | "HOP_DONG";
            deadlines: {
                limitationHeavierUntil: string | null;
                limitationReprimandUntil: string | null;
                processingDueOn: string | null;
                processingExtendedDueOn: string | null;
            };
            detectedOn: string;
            regime: components["schemas"]["DisciplineRegime"];
            violationDate: string;
        };
        DisciplineDecision: {
            authorityLine: string | null;
            complaintNote: string;
            complaintUntil: string | null;
            consequences: components["schemas"]["DisciplineConsequence"][];
            /** Format: date-time */
            decidedAt: string;
            deliveredOn: string | null;
            effectiveOn: string;
            formCode: string;
            formLabel: string;
            issuerName: string;
            number: string;
            reasons: string;
            signedOn: string;
            signerName: string;
            signerTitle: string;
        };
        DisciplineDocumentCreated: {
            /** Format: uuid */
            id: string;
        };
        DisciplineProposedViolation: {
            /** Format: uuid */
            id: string;
            kind: string;
            kindLabel: {
                en: string;
                vi: string;
            };
            occurredOn: string;
            /** Format: uuid */
            personId: string;
            personName: string;
            proposalNote: string | null;
            proposedOn: string;
            title: string;
            /** Format: uuid */
            unitId: string;
        };
        DisciplineRecord: {
            decisions: {
                authorityLine: string | null;
                /** Format: uuid */
                caseId: string;
                complaintNote: string;
                complaintUntil: string | null;
                consequences: components["schemas"]["DisciplineConsequence"][];
                /** Format: date-time */
                decidedAt: string;
                deliveredOn: string | null;
                effectiveOn: string;
                formCode: string;
                formLabel: string;
                inForce: boolean;
                issuerName: string;
                number: string;
                reasons: string;
                signedOn: string;
                signerName: string;
                signerTitle: string;
            }[];
            /** Format: uuid */
            personId: string;
            underConsideration: {
                /** Format: uuid */
                caseId: string;
                detectedOn: string;
                /** @enum {string} */
                state: "OPEN" | "REVIEW_INVITED" | "REVIEWED" | "COUNCIL_FORMED" | "COUNCIL_HELD" | "DECIDED" | "DELIVERED" | "DROPPED";
                stateLabel: {
                    en: string;
                    vi: string;
                };
            }[];
        };
        DisciplineRegime: {
            /** @enum {string} */
            code: "ND172_2025" | "ND112_2020_ND71_2023" | "ND112_2020" | "BLLD_2019";
            forms: {
                code: string;
                electedOnly?: boolean;
                en: string;
                leadersOnly?: boolean;
                nonLeadersOnly?: boolean;
                vi: string;
            }[];
            legalBasis: string;
            limitationYears: {
                reprimandLevel: number;
                warningOrHeavier: number;
            } | null;
            nameEn: string;
            nameVi: string;
            note: {
                en: string;
                vi: string;
            };
            processingDays: {
                /** @enum {string} */
                dayKind: "CALENDAR";
                extended: number;
                normal: number;
            } | null;
        };
        DisciplineSignerInput: {
            authorityLine: string | null;
            name: string;
            title: string;
        };
        DisciplineSuspension: {
            caveat: string | null;
            documentRef: string | null;
            from: string;
            id: string;
            /** @enum {string} */
            kind: "ILLNESS" | "MATERNITY" | "DETENTION" | "SICK_LEAVE";
            legalBasis: string;
            note: string | null;
            reason: {
                en: string;
                vi: string;
            };
            /** @enum {string} */
            source: "LEAVE" | "MANUAL";
            to: string | null;
        };
        DisciplineSuspensionCreated: {
            /** Format: uuid */
            id: string;
        };
        EffectiveRules: {
            config: {
                [key: string]: unknown;
            };
            legalBasis: string | null;
            name: string;
            /**
             * Format: uuid
             * @description The unit whose rules apply (the unit or an ancestor); null for the built-in default.
             */
            ownerUnitId: string | null;
            /** Format: uuid */
            ruleSetId: string | null;
            /**
             * @description SYSTEM_DEFAULT: the unit has not adopted its own regulation; the built-in rules apply.
             * @enum {string}
             */
            source: "UNIT" | "SYSTEM_DEFAULT";
            version: number | null;
        };
        EmailLogEntry: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            /** Format: date-time */
            nextAttemptAt: string;
            /** Format: date-time */
            sentAt: string | null;
            /** @enum {string} */
            status: "PENDING" | "SENDING" | "SENT" | "FAILED";
            subject: string;
            template: string;
            to: string;
        };
        EnrollmentZipImport: {
            /** Format: date-time */
            createdAt: string;
            engine: string | null;
            enrolledFiles: number;
            /** @description Why the job stopped early: INTERRUPTED, ENGINE_UNAVAILABLE, INTERNAL */
            errorCode: string | null;
            fileName: string;
            /** @description The per-file report once the job has ended (DONE or FAILED); null before */
            files: components["schemas"]["EnrollmentZipImportFile"][] | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            processedFiles: number;
            rejectedFiles: number;
            requestedByName: string;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
            templatesCreated: number;
            totalFiles: number;
        };
        EnrollmentZipImportAccepted: {
            /**
             * Format: uuid
             * @description The import job: poll GET /api/recognition/imports/{id}
             */
            id: string;
            /** @description Photos considered (folders and operating-system files are left out) */
            totalFiles: number;
        };
        EnrollmentZipImportFile: {
            /** @description Why the photo was not enrolled */
            code: string | null;
            /** @description The code read from the file name */
            employeeCode: string | null;
            file: string;
            /** @description The person's current name */
            fullName: string | null;
            message_en: string | null;
            message_vi: string | null;
            /** @enum {string} */
            outcome: "ENROLLED" | "REJECTED";
            /** Format: uuid */
            personId: string | null;
            /** @description Position in the zip's central directory */
            seq: number;
            templates: number;
        };
        /** @description Mọi lỗi đều có dạng này: mã ổn định và thông báo bằng tiếng Việt và tiếng Anh. / Every error has this shape: a stable code and a message in Vietnamese and English. */
        ErrorResponse: {
            /**
             * @description Mã lỗi / Error code.
             *
             *     | code | HTTP | Ý nghĩa | Meaning |
             *     |---|---|---|---|
             *     | `VALIDATION_FAILED` | 400 | Dữ liệu gửi lên (thân, tham số đường dẫn hoặc truy vấn) không đúng lược đồ; `details` liệt kê từng lỗi. | The request data (body, path or query) does not match the schema; `details` lists each problem. |
             *     | `MALFORMED_JSON` | 400 | Nội dung gửi lên không phải JSON hợp lệ. | The request body is not valid JSON. |
             *     | `EMPTY_BODY` | 400 | Yêu cầu khai báo JSON nhưng không có nội dung. | The request declares JSON but has no body. |
             *     | `BAD_CONTENT_LENGTH` | 400 | Độ dài nội dung khai báo không khớp với nội dung. | The declared content length does not match the body. |
             *     | `BAD_URL` | 400 | Đường dẫn không hợp lệ (ví dụ mã hóa phần trăm sai). | The URL is not valid (e.g. broken percent-encoding). |
             *     | `MALFORMED_REQUEST` | 400 | Yêu cầu HTTP không đúng cú pháp. | The HTTP request is malformed. |
             *     | `BAD_REQUEST` | 400 | Yêu cầu bị thư viện máy chủ từ chối; `message_en` nêu lý do. | A request the server framework refused; `message_en` gives the reason. |
             *     | `ROUTE_NOT_FOUND` | 404 | Không có đường dẫn API này. | There is no such API route. |
             *     | `REQUEST_TIMEOUT` | 408 | Yêu cầu gửi đến quá chậm. | The request took too long to arrive. |
             *     | `BODY_TOO_LARGE` | 413 | Nội dung gửi lên vượt giới hạn kích thước. | The request body exceeds the size limit. |
             *     | `URL_TOO_LONG` | 414 | Đường dẫn hoặc tham số quá dài. | The URL or a path parameter is too long. |
             *     | `UNSUPPORTED_MEDIA_TYPE` | 415 | Kiểu nội dung (Content-Type) không được hỗ trợ. | The content type is not supported. |
             *     | `HEADERS_TOO_LARGE` | 431 | Phần đầu (header) của yêu cầu quá lớn. | The request headers are too large. |
             *     | `TOO_MANY_REQUESTS` | 429 | Thử quá nhiều lần trong thời gian ngắn (ví dụ đăng nhập); hãy đợi rồi thử lại. | Too many attempts in a short time (e.g. sign-in); wait and try again. |
             *     | `UPLOAD_RATE_LIMITED` | 429 | Tải tệp lên quá nhiều lần trong thời gian ngắn; `details.retryAfterSeconds` cho biết khi nào thử lại. | Too many uploads in a short time; `details.retryAfterSeconds` says when to retry. |
             *     | `INTERNAL_ERROR` | 500 | Lỗi hệ thống; báo cho quản trị viên kèm `correlation_id`. | Internal error; report it to the administrator with the `correlation_id`. |
             *     | `STARTING` | 503 | Máy chủ đang khởi động; thử lại sau ít giây (xem Retry-After). | The server is starting; retry in a few seconds (see Retry-After). |
             *     | `STOPPING` | 503 | Máy chủ đang dừng; thử lại sau ít phút (xem Retry-After). | The server is stopping; retry in a few minutes (see Retry-After). |
             *     | `DATABASE_UNAVAILABLE` | 503 | Tạm thời không kết nối được cơ sở dữ liệu; có thể thử lại. | The database is temporarily unreachable; the request may be retried. |
             *     | `DATABASE_TIMEOUT` | 503 | Cơ sở dữ liệu không trả lời kịp; có thể thử lại. | The database did not answer in time; the request may be retried. |
             *     | `METRICS_TOKEN_REQUIRED` | 401 | Đọc số liệu giám sát cần mã truy cập Bearer. | Reading metrics needs the bearer token. |
             *     | `METRICS_LOCAL_ONLY` | 403 | Số liệu giám sát chỉ đọc được từ chính máy chủ (hoặc khi đặt KC_METRICS_TOKEN). | Metrics can only be read from the server itself (or with KC_METRICS_TOKEN set). |
             *     | `FST_INVALID_MULTIPART_CONTENT_TYPE` | 406 | Yêu cầu không phải multipart/form-data. | The request is not multipart/form-data. |
             *     | `FST_INVALID_JSON_FIELD_ERROR` | 406 | Một trường khai báo JSON nhưng không phải JSON hợp lệ. | A field declared as JSON is not valid JSON. |
             *     | `FST_PROTO_VIOLATION` | 400 | Tên trường không được phép (prototype). | A field name is not allowed (prototype property). |
             *     | `FST_MP_PREMATURE_CLOSE` | 400 | Kết nối đóng trước khi gửi xong biểu mẫu multipart. | The connection closed before the multipart form was complete. |
             *     | `FST_REQ_FILE_TOO_LARGE` | 413 | Tệp tải lên vượt giới hạn kích thước. | An uploaded file exceeds the size limit. |
             *     | `FST_FILES_LIMIT` | 413 | Quá nhiều tệp trong một lần tải lên. | Too many files in one upload. |
             *     | `FST_FIELDS_LIMIT` | 413 | Quá nhiều trường trong biểu mẫu. | Too many fields in the form. |
             *     | `FST_PARTS_LIMIT` | 413 | Quá nhiều phần trong biểu mẫu multipart. | Too many parts in the multipart form. |
             *     | `UNAUTHENTICATED` | 401 | Cần đăng nhập (không có phiên hoặc phiên đã hết hạn). | Sign-in required (no session, or it expired). |
             *     | `FORBIDDEN` | 403 | Vai trò của người dùng không có quyền này; `details.permission` nêu quyền cần có. | The user’s roles lack this permission; `details.permission` names it. |
             *     | `OUT_OF_SCOPE` | 403 | Dữ liệu thuộc đơn vị ngoài phạm vi quản lý của người dùng (hoặc của thiết bị). | The record belongs to a unit outside the user’s (or the device’s) scope. |
             *     | `CSRF_TOKEN_INVALID` | 403 | Thiếu hoặc sai mã chống giả mạo (header X-CSRF-Token) trên yêu cầu ghi. | The anti-forgery token (X-CSRF-Token header) of a write is missing or wrong. |
             *     | `PASSWORD_CHANGE_REQUIRED` | 403 | Phải đổi mật khẩu do quản trị viên cấp trước khi làm việc khác. | The password set by an administrator must be changed before anything else. |
             *     | `NOT_FOUND` | 404 | Không tìm thấy bản ghi được yêu cầu. | The requested record does not exist. |
             *     | `ORIGIN_NOT_ALLOWED` | 403 | Trang web gửi yêu cầu không được phép mở xem trực tiếp. | The web page that sent the request may not open the live view. |
             *     | `INVALID_CREDENTIALS` | 401 | Sai tên đăng nhập hoặc mật khẩu. | Wrong username or password. |
             *     | `ACCOUNT_LOCKED` | 423 | Tài khoản tạm khóa sau nhiều lần đăng nhập sai. | The account is locked for a while after repeated failed sign-ins. |
             *     | `WRONG_PASSWORD` | 400 | Mật khẩu hiện tại không đúng. | The current password is wrong. |
             *     | `WEAK_PASSWORD` | 400 | Mật khẩu mới không đạt yêu cầu độ mạnh; thông báo nêu lý do. | The new password is too weak; the message says why. |
             *     | `USERNAME_TAKEN` | 409 | Tên đăng nhập đã được dùng. | The username is taken. |
             *     | `ROLE_EXISTS` | 409 | Người dùng đã có vai trò này tại đơn vị này. | The user already holds this role in this unit. |
             *     | `USER_INACTIVE` | 400 | Tài khoản được chọn đã bị khóa hoặc ngừng sử dụng. | The chosen account is disabled. |
             *     | `UNIT_UNKNOWN` | 400 | Đơn vị được chọn không tồn tại. | The chosen unit does not exist. |
             *     | `UNIT_CLOSED` | 400 | Đơn vị đã giải thể vào ngày này. | The unit no longer exists on that date. |
             *     | `UNIT_PARENT_SELF` | 400 | Đơn vị không thể là cấp trên của chính nó. | A unit cannot be its own parent. |
             *     | `UNIT_PARENT_UNKNOWN` | 400 | Đơn vị cấp trên không tồn tại. | The parent unit does not exist. |
             *     | `UNIT_PARENT_CLOSED` | 400 | Đơn vị cấp trên đã giải thể trước ngày hiệu lực. | The parent unit no longer exists on the start date. |
             *     | `UNIT_PARENT_CYCLE` | 400 | Thay đổi tạo vòng lặp trong cây tổ chức. | The change would create a cycle in the organisation tree. |
             *     | `UNIT_CODE_TAKEN` | 409 | Mã đơn vị đã được dùng. | The unit code is taken. |
             *     | `UNIT_DATES` | 400 | Ngày kết thúc phải sau ngày bắt đầu. | The end date must be after the start date. |
             *     | `SUCCESSION_OVERLAP` | 400 | Đơn vị nguồn và đơn vị kế thừa trùng nhau. | A unit cannot succeed itself. |
             *     | `SUCCESSION_SHAPE` | 400 | Số đơn vị nguồn/kế thừa không hợp với loại sắp xếp (sáp nhập, chia tách…). | The number of source/successor units does not fit the kind of reorganisation. |
             *     | `SUCCESSION_UNKNOWN_UNIT` | 400 | Có đơn vị không tồn tại trong danh sách. | Some listed units do not exist. |
             *     | `SUCCESSION_DATE` | 400 | Ngày hiệu lực phải sau ngày thành lập đơn vị nguồn. | The effective date must follow the source unit’s start. |
             *     | `SUCCESSION_CLOSED` | 400 | Đơn vị nguồn đã giải thể trước ngày hiệu lực. | A source unit closed before the effective date. |
             *     | `PERSON_UNKNOWN` | 400, 422 | Cán bộ được nêu không tồn tại. | The named staff member does not exist. |
             *     | `PERSON_REQUIRED` | 400 | Cần chọn cán bộ. | A staff member must be chosen. |
             *     | `EMPLOYEE_CODE_TAKEN` | 409 | Mã cán bộ đã tồn tại. | The employee code exists. |
             *     | `TRANSFER_DATE` | 400 | Ngày điều chuyển phải sau ngày bắt đầu của vị trí hiện tại. | The transfer date must follow the start of the current assignment. |
             *     | `VERSION_CONFLICT` | 409 | Bản ghi đã được người khác thay đổi; tải lại rồi thử lại. | Someone else changed the record; reload and try again. |
             *     | `IMPORT_NEEDS_FILE` | 400 | Thiếu tệp .xlsx trong trường "file". | The .xlsx file is missing from the "file" field. |
             *     | `IMPORT_NOT_XLSX` | 400 | Tệp không phải bảng tính Excel .xlsx hợp lệ. | The file is not a valid .xlsx workbook. |
             *     | `IMPORT_TOO_LARGE` | 400 | Tệp nhập quá lớn. | The import file is too large. |
             *     | `IMPORT_TOO_LARGE_UNCOMPRESSED` | 400 | Bảng tính giải nén ra quá lớn (có thể là "bom zip"). | The workbook expands to too many bytes (possibly a zip bomb). |
             *     | `IMPORT_TOO_MANY_ROWS` | 400 | Tệp có quá nhiều dòng cho một lần nhập. | The file has too many rows for one import. |
             *     | `IMPORT_EMPTY` | 400 | Tệp không có dữ liệu. | The file has no data. |
             *     | `IMPORT_BAD_HEADER` | 400 | Tệp thiếu cột bắt buộc; hãy dùng tệp mẫu. | The file lacks required columns; use the template. |
             *     | `SCHEDULE_INVALID` | 400 | Lịch làm việc không hợp lệ. | The work schedule is invalid. |
             *     | `NAME_REQUIRED` | 400 | Cần nhập tên ngày nghỉ. | A name is required. |
             *     | `CALENDAR_DAY_EXISTS` | 409 | Ngày này đã có trong lịch. | This date is already in the calendar. |
             *     | `CALENDAR_DAY_ALREADY_CONFIRMED` | 409 | Ngày này đã được xác nhận theo văn bản chính thức. | This day is already confirmed by an official notice. |
             *     | `CALENDAR_LEGAL_BASIS_REQUIRED` | 400 | Cần nhập số, ký hiệu và ngày của văn bản chính thức để xác nhận. | The number and date of the official notice are required to confirm. |
             *     | `ROSTER_INVALID` | 400 | Cần chọn một ngày cụ thể hoặc một thứ trong tuần. | Give either a date or a weekday. |
             *     | `OVERRIDE_INVALID` | 400 | Giờ làm việc riêng không hợp lệ. | The personal working hours are invalid. |
             *     | `DATE_INVALID` | 400 | Ngày không hợp lệ. | Invalid date. |
             *     | `INVALID_CAMERA_URL` | 400 | Địa chỉ luồng camera không hợp lệ (cần rtsp:// hoặc rtsps:// có tên máy chủ). | The camera stream URL is not valid (rtsp:// or rtsps:// with a host). |
             *     | `DIRECTION_ONLY_FOR_GATE` | 400 | Chỉ camera ở cổng mới có hướng vào/ra. | Only gate cameras have an in/out direction. |
             *     | `RECOGNITION_NOT_ALLOWED_HERE` | 400 | Không được bật nhận diện khuôn mặt ở nơi tiếp công dân. | Face recognition may not be enabled where citizens are served. |
             *     | `CAMERA_UNREACHABLE` | 422 | Không kết nối được tới camera. | Cannot reach the camera. |
             *     | `CAMERA_AUTH_FAILED` | 422 | Camera từ chối tên đăng nhập hoặc mật khẩu. | The camera refused the user name or password. |
             *     | `CAMERA_NOT_FOUND` | 422 | Camera không có luồng ở đường dẫn này. | The camera has no stream at this path. |
             *     | `CAMERA_UNSUPPORTED_CODEC` | 422 | Camera phát chuẩn nén không được hỗ trợ (cần H.264). | The camera sends an unsupported codec (H.264 is needed). |
             *     | `CAMERA_NO_VIDEO` | 422 | Luồng không có hình ảnh. | The stream has no video. |
             *     | `CAMERA_TIMEOUT` | 422 | Camera không phản hồi trong thời gian cho phép. | The camera did not answer in time. |
             *     | `CAMERA_INVALID_URL` | 400 | Địa chỉ luồng camera không hợp lệ. | The camera stream URL is not valid. |
             *     | `CAMERA_FAILED` | 422 | Không đọc được luồng camera. | Could not read the camera stream. |
             *     | `CAMERA_NOT_RUNNING` | 409 | Camera đang tắt hoặc chưa được khởi động. | The camera is disabled or not running. |
             *     | `ONVIF_UNREACHABLE` | 422 | Không kết nối được tới thiết bị ONVIF. | Cannot reach the ONVIF device. |
             *     | `ONVIF_TIMEOUT` | 422 | Thiết bị ONVIF không phản hồi kịp. | The ONVIF device did not answer in time. |
             *     | `ONVIF_AUTH_FAILED` | 422 | Thiết bị ONVIF từ chối đăng nhập (hoặc đồng hồ lệch nhiều). | The ONVIF device refused the credentials (or its clock is far off). |
             *     | `ONVIF_BAD_RESPONSE` | 422 | Thiết bị trả lời không đúng chuẩn ONVIF. | The device did not answer as ONVIF requires. |
             *     | `ONVIF_NO_PROFILES` | 422 | Thiết bị không có cấu hình luồng video nào. | The device has no media profiles. |
             *     | `ONVIF_UNKNOWN_DEVICE` | 400 | Địa chỉ không nằm trong kết quả tìm kiếm gần đây; hãy tìm lại. | The address is not among recent discovery results; search again. |
             *     | `ONVIF_PROBE_FAILED` | 422 | Không gửi được gói tìm kiếm ONVIF ra mạng. | The ONVIF discovery probe could not be sent. |
             *     | `NOTHING_GRANTED` | 400 | Cần chọn ít nhất một quyền: xem trực tiếp hoặc xem lại. | Choose at least one right: live or playback. |
             *     | `EXPIRY_IN_PAST` | 400 | Thời hạn phải ở sau thời điểm hiện tại. | The expiry must be in the future. |
             *     | `GRANT_TO_SELF` | 400 | Không thể tự cấp quyền cho chính mình. | You cannot grant access to yourself. |
             *     | `GRANTEE_OUT_OF_SCOPE` | 403 | Chỉ cấp quyền xem cho người thuộc đơn vị mình phụ trách. | Access can only be granted to people of the units you lead. |
             *     | `GRANT_SYSTEM_MANAGED` | 409 | Quyền này được cấp theo cuộc kiểm tra và tự hết khi cuộc kiểm tra kết thúc. | This grant was made for an inspection and ends with it. |
             *     | `REVERSED_RANGE` | 400 | Thời điểm kết thúc phải sau thời điểm bắt đầu. | The end must be after the start. |
             *     | `RANGE_TOO_LONG` | 400 | Khoảng thời gian dài quá mức cho phép của thao tác này. | The time range is longer than this operation allows. |
             *     | `RANGE_IN_FUTURE` | 400 | Không thể trích xuất đoạn phim chưa ghi. | Footage in the future cannot be exported. |
             *     | `INVALID_TIME` | 400 | Thời điểm không hợp lệ. | Invalid time. |
             *     | `NO_FOOTAGE` | 404 | Không có đoạn ghi hình nào trong khoảng thời gian này. | There is no recorded footage in this range. |
             *     | `EVIDENCE_ON_HOLD` | 409 | Bản trích xuất đang bị giữ theo yêu cầu pháp lý, không được xóa. | The export is under legal hold and cannot be deleted. |
             *     | `EVIDENCE_LINKED` | 409 | Bản trích xuất đã gắn với vụ việc hoặc vi phạm, không được xóa. | The export is attached to a case and cannot be deleted. |
             *     | `ALREADY_RELEASED` | 409 | Lệnh giữ dữ liệu đã được gỡ. | The hold was already released. |
             *     | `CONSENT_INVALID` | 400 | Thông tin đồng ý không hợp lệ. | The consent record is invalid. |
             *     | `CONSENT_REQUIRED` | 409 | Chưa có sự đồng ý rõ ràng cho dữ liệu sinh trắc học; không thể đăng ký khuôn mặt. | No explicit biometric consent; faces cannot be enrolled. |
             *     | `PERSON_LEFT` | 409 | Người này đã nghỉ việc; không ghi nhận đồng ý hay khuôn mặt mới. | This person has left; no new consent or face can be recorded. |
             *     | `MULTIPART_REQUIRED` | 400 | Cần gửi dạng multipart/form-data. | Send a multipart/form-data form. |
             *     | `UNKNOWN_FIELD` | 400 | Biểu mẫu có trường không được nhận. | The form has a field that is not accepted. |
             *     | `ENROLL_FILE_COUNT` | 400 | Số ảnh gửi lên ngoài giới hạn cho phép. | The number of photos is outside the allowed range. |
             *     | `IMAGE_TOO_LARGE` | 400 | Tệp ảnh quá lớn. | The image file is too large. |
             *     | `IMAGE_UNREADABLE` | 400 | Không đọc được ảnh (tệp hỏng hoặc không phải JPEG/PNG/WebP). | The image cannot be read (corrupt, or not JPEG/PNG/WebP). |
             *     | `IMAGE_TOO_MANY_PIXELS` | 400 | Ảnh có quá nhiều điểm ảnh. | The image has too many pixels. |
             *     | `ZIP_REQUIRED` | 400 | Thiếu tệp .zip trong trường "file". | The .zip file is missing from the "file" field. |
             *     | `ZIP_TOO_LARGE` | 413 | Tệp zip quá lớn. | The zip file is too large. |
             *     | `ZIP_TOO_MANY_ENTRIES` | 400 | Tệp zip có quá nhiều tệp. | The zip holds too many files. |
             *     | `ZIP_TOO_LARGE_UNCOMPRESSED` | 400 | Dung lượng sau giải nén quá lớn (có thể là "bom zip"). | The zip expands to too many bytes (possibly a zip bomb). |
             *     | `ZIP_INVALID` | 400 | Tệp không phải tệp zip hợp lệ hoặc đã hỏng. | The file is not a valid zip archive or is damaged. |
             *     | `ZIP_ENCRYPTED` | 400 | Tệp zip có mật khẩu. | The zip is password-protected. |
             *     | `ZIP_UNSUPPORTED_METHOD` | 400 | Tệp zip dùng kiểu nén không được hỗ trợ (cần Deflate). | The zip uses an unsupported compression method (Deflate is needed). |
             *     | `ZIP_EMPTY` | 400 | Tệp zip không có ảnh nào. | The zip contains no photos. |
             *     | `ZIP_QUEUE_FULL` | 409 | Đang có nhiều lần nhập ảnh chờ xử lý; hãy đợi rồi gửi tiếp. | Several photo imports are waiting; wait for one to finish. |
             *     | `GROUP_ALREADY_DECIDED` | 409 | Nhóm khuôn mặt này đã được xử lý. | This face group has already been decided. |
             *     | `GROUP_NO_USABLE_FACE` | 409 | Nhóm không có ảnh khuôn mặt đủ chất lượng để đăng ký. | The group has no face good enough to enroll. |
             *     | `PERIOD_DATES_INVALID` | 400 | Ngày kết thúc phải sau hoặc bằng ngày bắt đầu. | The end date must be on or after the start date. |
             *     | `PERIOD_IN_PAST` | 400 | Đợt đăng ký phải kết thúc từ hôm nay trở đi. | The period must end today or later. |
             *     | `PERIOD_TOO_LONG` | 400 | Đợt đăng ký dài quá mức cho phép. | The period is longer than allowed. |
             *     | `PERIOD_OVERLAP` | 409 | Camera đã có một đợt đăng ký đang mở trùng thời gian. | The camera already has an open period over these dates. |
             *     | `PERIOD_CLOSED` | 409 | Đợt đăng ký đã đóng. | The period is already closed. |
             *     | `GATE_RECOGNITION_REQUIRED` | 409 | Chỉ mở đợt đăng ký cho camera cổng được phép nhận diện khuôn mặt. | Enrollment periods are only for gate cameras where recognition is allowed. |
             *     | `REVIEW_NOT_A_CANDIDATE` | 400 | Người được chọn không nằm trong danh sách gợi ý. | The chosen person is not among the candidates. |
             *     | `REVIEW_ALREADY_DECIDED` | 409 | Lượt nhận diện này đã được xem xét. | This pass has already been reviewed. |
             *     | `REVIEW_BULK_ONE_PERSON` | 400 | Xác nhận hàng loạt chỉ áp dụng cho các lượt của cùng một người. | A bulk confirmation names one person only. |
             *     | `REVIEW_BULK_DUPLICATE` | 400 | Một lượt qua cổng xuất hiện hai lần trong yêu cầu xác nhận hàng loạt. | A pass appears twice in a bulk confirmation. |
             *     | `PASS_RANGE_INVALID` | 400 | Khoảng thời gian lọc lượt qua cổng không hợp lệ: thời điểm bắt đầu phải trước thời điểm kết thúc. | The pass filter range is invalid: `from` must be before `to`. |
             *     | `SOURCE_UNAUTHENTICATED` | 401 | Thiết bị chưa xác thực: cần mã truy cập của nguồn chấm công (Authorization: Bearer). | The device is not authenticated: a punch-source token is required (Authorization: Bearer). |
             *     | `DEVICE_ENDPOINT_ONLY` | 403 | Chỉ thiết bị chấm công (bằng mã của thiết bị) được gửi vào đây. | Only punch devices (with their own token) may post here. |
             *     | `SOURCE_MISMATCH` | 403 | Thiết bị chỉ được gửi dữ liệu của chính nguồn của nó. | A device may only send data of its own source. |
             *     | `SOURCE_EXISTS` | 409 | Mã nguồn chấm công đã tồn tại. | A punch source with this id already exists. |
             *     | `CLOCK_OFFSET_TOO_LARGE` | 422 | Đồng hồ thiết bị lệch quá 24 giờ so với máy chủ. | The device clock is more than 24 hours off the server clock. |
             *     | `PUNCH_INVALID` | 400 | Dữ liệu lượt chấm công không hợp lệ. | The punch data is invalid. |
             *     | `PUNCH_IN_FUTURE` | 422 | Thời điểm chấm công ở tương lai, vượt sai số cho phép. | The punch time is in the future beyond the tolerance. |
             *     | `PUNCH_TOO_OLD` | 422 | Lượt chấm công quá cũ để thiết bị gửi; hãy dùng chấm công thủ công. | The punch is too old for a device; use a manual punch. |
             *     | `TODAY_DATE_OUT_OF_RANGE` | 400 | Chỉ xem được tình hình chấm công của hôm nay hoặc một ngày đã qua trong 31 ngày gần nhất. | Only today or a day of the last 31 days can be shown. |
             *     | `PUNCH_EVENT_ID_REUSED` | 409 | Mã sự kiện đã được dùng cho một lượt chấm công khác. | The source event id was already used for a different punch. |
             *     | `EVIDENCE_INVALID` | 400 | Ảnh bằng chứng phải là ảnh JPEG không rỗng, trong giới hạn dung lượng. | The evidence must be a non-empty JPEG image within the size limit. |
             *     | `EVIDENCE_UNKNOWN` | 422 | Không có ảnh bằng chứng nào của thiết bị này mang mã đã nêu. | No evidence image uploaded by this device has this id. |
             *     | `EVIDENCE_ALREADY_USED` | 409 | Ảnh bằng chứng đã gắn với một lượt chấm công khác. | The evidence image already belongs to another punch. |
             *     | `EVIDENCE_BACKLOG_FULL` | 429 | Thiết bị có quá nhiều ảnh chưa gắn với lượt chấm công; hãy gửi các lượt chấm công trước. | The device has too many images no punch refers to; send the punches first. |
             *     | `TYPE_UNKNOWN` | 400 | Loại đơn không hợp lệ. | Unknown request type. |
             *     | `RANGE_INVALID` | 400 | Khoảng thời gian không hợp lệ (kết thúc trước bắt đầu hoặc quá dài). | The range is invalid (end before start, or too long). |
             *     | `REASON_REQUIRED` | 400 | Cần nêu lý do. | A reason is required. |
             *     | `NOTE_REQUIRED` | 400 | Cần nêu lý do từ chối. | A reason is required to reject. |
             *     | `LEAVE_BALANCE_EXCEEDED` | 409 | Số ngày phép năm còn lại không đủ cho đơn này. | Not enough annual leave left for this request. |
             *     | `REQUEST_OVERLAPS` | 409 | Đã có đơn khác trong khoảng thời gian này. | Another request covers part of this period. |
             *     | `REQUEST_NOT_PENDING` | 409 | Đơn không còn chờ duyệt. | The request is no longer pending. |
             *     | `REQUEST_CLOSED` | 409 | Đơn đã kết thúc. | The request is already closed. |
             *     | `SELF_APPROVAL` | 403 | Không được tự duyệt đơn của chính mình. | You cannot decide on your own request. |
             *     | `PERMISSION_NEEDS_WINDOW` | 400 | Đơn xin đi muộn, về sớm cần ngày và khoảng giờ; dùng mẫu đơn xin phép. | A late-arrival / early-leave permission needs a date and a time window; use the permission form. |
             *     | `PERMISSION_WINDOW_INVALID` | 400 | Giờ kết thúc phải sau giờ bắt đầu. | The end time must be after the start time. |
             *     | `PERMISSION_OUTSIDE_SESSION` | 422 | Khoảng giờ xin phép phải nằm trong một buổi làm việc của ngày đó. | The permission window must lie inside one working session of that day. |
             *     | `NOT_A_WORKING_DAY` | 422 | Ngày đó không phải ngày làm việc của cán bộ. | That day is not a working day for the person. |
             *     | `NOT_EMPLOYED_ON_DATE` | 422 | Ngày đó cán bộ chưa hoặc không còn công tác. | The person was not employed on that day. |
             *     | `REQUEST_TOO_LATE` | 400 | Ngày của đơn đã quá hạn lập đơn sau sự việc. | The day is past the limit for an after-the-fact request. |
             *     | `REQUEST_TOO_FAR_AHEAD` | 400 | Ngày của đơn quá xa trong tương lai. | The day is too far in the future. |
             *     | `REQUEST_IN_FUTURE` | 400 | Thời điểm cần điều chỉnh chưa đến. | The time to correct has not come yet. |
             *     | `CORRECTION_PUNCH_UNKNOWN` | 400 | Lượt chấm công cần hủy không có trong dữ liệu của cán bộ. | The punch to void is not among the person’s punches. |
             *     | `CORRECTION_PUNCH_EXISTS` | 409 | Đã có lượt chấm công vào thời điểm đó; không cần bổ sung. | There already is a punch at that time; nothing to add. |
             *     | `PUNCH_ALREADY_VOID` | 409 | Lượt chấm công đã bị hủy. | The punch has already been annulled. |
             *     | `OUTAGE_RANGE` | 400 | Thời điểm kết thúc phải sau thời điểm bắt đầu. | The end must be after the start. |
             *     | `OUTAGE_TOO_LONG` | 400 | Khoảng mất tín hiệu báo một lần dài quá mức cho phép. | The outage reported at once is longer than allowed. |
             *     | `RECOMPUTE_TOO_LARGE` | 400 | Khối lượng tính lại quá lớn; hãy chọn đơn vị nhỏ hơn hoặc khoảng ngắn hơn. | The recomputation is too large; pick a smaller unit or a shorter range. |
             *     | `RECOMPUTE_BUSY` | 409 | Đơn vị đang có một lần tính lại chưa xong. | A recomputation of this unit is still running. |
             *     | `COMPETENCE_OWN_CASE` | 403 | Không được tự quyết định việc của chính mình (nghỉ, chấm công, vi phạm, kỷ luật); `details` nêu cấp có thẩm quyền. | One cannot decide one’s own matter (leave, attendance, violation, discipline); `details` names the competent level. |
             *     | `COMPETENCE_SUPERIOR_CASE` | 403 | Không được quyết định việc của lãnh đạo cấp trên của mình; `details` nêu cấp có thẩm quyền. | One cannot decide a superior’s matter; `details` names the competent level. |
             *     | `COMPETENCE_NOT_COMPETENT` | 403 | Người dùng không thuộc cấp có thẩm quyền (không là lãnh đạo, không được giao quyền hoặc ủy quyền); `details.competentUnitName` và `details.external` (thuộc cấp ngoài cơ quan, ví dụ cấp tỉnh). | The user is not at the competent level (not a leader, no permission, no delegation); `details.competentUnitName` and `details.external` (a level outside the agency, e.g. provincial). |
             *     | `COMPETENCE_RULE_INVALID` | 400 | Quy tắc thẩm quyền không hợp lệ (ví dụ cấp ngoài cơ quan mà không nêu tên, hoặc ngày kết thúc không sau ngày bắt đầu). | The competence rule is invalid (e.g. an external decider without a name, or an end date not after the start). |
             *     | `LEADERSHIP_POST_DATES` | 400 | Ngày thôi giữ chức vụ phải sau ngày bắt đầu. | The end of the post must be after its start. |
             *     | `DELEGATION_INVALID` | 400 | Ủy quyền không hợp lệ: người ủy quyền và người được ủy quyền phải khác nhau, ngày kết thúc sau ngày bắt đầu, người ủy quyền phải giữ chức vụ lãnh đạo vào ngày bắt đầu. | Invalid delegation: the two persons must differ, the end must follow the start, and the delegating person must hold a leadership post on the first day. |
             *     | `DELEGATION_ENDED` | 409 | Ủy quyền đã hết hiệu lực. | The delegation has already ended. |
             *     | `RULES_INVALID` | 400 | Cấu hình quy định không hợp lệ. | The rule configuration is invalid. |
             *     | `RULES_NOT_AFTER_PREVIOUS` | 409 | Ngày hiệu lực phải sau ngày hiệu lực của phiên bản trước. | The effective date must be after the previous version’s. |
             *     | `DATE_IN_FUTURE` | 400 | Ngày (của vi phạm, của quyết định thành lập đoàn kiểm tra) không được ở tương lai. | The date (of a violation, of the decision forming an inspection team) cannot be in the future. |
             *     | `INVALID_TRANSITION` | 409 | Thao tác không thực hiện được ở trạng thái hiện tại của hồ sơ. | The action is not allowed in the case’s current state. |
             *     | `VIOLATION_RETRACTED` | 409 | Vi phạm đã được hủy. | The violation was retracted. |
             *     | `AWAITING_JUSTIFICATION` | 409 | Ngày này đang có đơn chờ duyệt (chờ hợp thức hóa); chưa thể xử lý cho đến khi đơn được quyết định. | A request covering this day is pending; nothing can be decided until it is. |
             *     | `EXPLANATION_PENDING` | 409 | Người vi phạm vẫn còn thời hạn giải trình; chưa thể cho ý kiến xử lý. | The person still has time to explain; the case cannot be decided yet. |
             *     | `EXPLANATION_NOT_REQUESTED` | 409 | Vi phạm hiện không chờ giải trình. | No explanation is requested for this violation. |
             *     | `EXPLANATION_DEADLINE_PASSED` | 409 | Đã quá hạn giải trình. | The explanation deadline has passed. |
             *     | `EXPLANATION_TOO_SHORT` | 400 | Nội dung giải trình quá ngắn. | The explanation is too short. |
             *     | `NOT_ESCALATED` | 409 | Chỉ đề nghị xem xét kỷ luật sau khi đã chuyển xử lý. | Only an escalated case can be proposed for discipline. |
             *     | `TOO_MANY_FILES` | 400 | Đính kèm quá nhiều tệp. | Too many files attached. |
             *     | `FILE_TYPE_NOT_ALLOWED` | 400 | Loại tệp đính kèm không được chấp nhận. | The attached file type is not accepted. |
             *     | `FILE_SIZE` | 400 | Tệp đính kèm rỗng hoặc quá lớn. | An attached file is empty or too large. |
             *     | `DISCIPLINE_STEP_NOT_ALLOWED` | 409 | Bước này không thực hiện được ở giai đoạn hiện tại của hồ sơ kỷ luật. | The step is not allowed at the current stage of the discipline case. |
             *     | `DISCIPLINE_DATES_OUT_OF_ORDER` | 400 | Các ngày không theo đúng trình tự (ví dụ ngày có hiệu lực trước ngày ký, ngày ký trước cuộc họp); `details` nêu các ngày. | Dates out of order (e.g. effective before signed, signed before the meeting); `details` gives the dates. |
             *     | `DISCIPLINE_DATE_IN_FUTURE` | 400 | Chỉ ghi nhận việc đã xảy ra: ngày không được sau ngày hôm nay. | Only what happened is recorded: the date cannot be after today. |
             *     | `CASE_SUSPENDED` | 409 | Đang trong trường hợp chưa xem xét xử lý kỷ luật (ốm nặng, thai sản/nuôi con dưới 12 tháng, bị tạm giữ…); `details` nêu lý do và thời gian. | Consideration is suspended (serious illness, maternity/child under 12 months, detention…); `details` gives the reason and dates. |
             *     | `INVITATION_TOO_LATE` | 400 | Giấy mời họp phải được giao trước ngày họp ít nhất 05 ngày làm việc. | The meeting invitation must be delivered at least 5 working days before the meeting. |
             *     | `COUNCIL_COMPOSITION` | 400 | Hội đồng kỷ luật cần ít nhất 03 thành viên, đúng 01 Chủ tịch và 01 Thư ký. | The disciplinary council needs at least three members, one chair and one secretary. |
             *     | `COUNCIL_MEMBER_IS_SUBJECT` | 400 | Người bị xem xét kỷ luật không được là thành viên Hội đồng kỷ luật. | The person concerned cannot sit on the disciplinary council. |
             *     | `COUNCIL_MEMBER_RELATIVE` | 400 | Chưa xác nhận thành viên Hội đồng không phải là người thân của người bị xem xét kỷ luật. | A council member was not confirmed as unrelated to the person concerned. |
             *     | `BALLOT_INVALID` | 400 | Kết quả bỏ phiếu kín không hợp lệ (hình thức không được áp dụng hoặc quá số thành viên). | The secret-ballot result is invalid (a form not allowed, or more votes than members). |
             *     | `DECISION_NUMBER_REQUIRED` | 400 | Quyết định kỷ luật phải có số, ký hiệu. | The disciplinary decision needs its number and symbol. |
             *     | `DECISION_NUMBER_FORMAT` | 400 | Số, ký hiệu quyết định không đúng thể thức (ví dụ 15/QĐ-UBND). | The decision number is not in the form 15/QĐ-UBND. |
             *     | `DECISION_NUMBER_TAKEN` | 409 | Số, ký hiệu này đã được cơ quan dùng cho quyết định khác trong năm. | The issuer already used this number this year. |
             *     | `DISCIPLINE_FORM_NOT_ALLOWED` | 400 | Hình thức kỷ luật không được áp dụng cho ngạch/chức danh, chức vụ của người này vào ngày ký; `details.allowed` liệt kê các hình thức được áp dụng. | The form is not available for this person’s category, post and signing date; `details.allowed` lists the forms that are. |
             *     | `LIMITATION_EXPIRED` | 409 | Đã hết thời hiệu xử lý kỷ luật; `details` nêu ngày vi phạm và ngày hết thời hiệu. | The limitation period has run out; `details` gives the violation date and the last day. |
             *     | `DISCIPLINE_SEVERAL_PERSONS` | 400 | Một hồ sơ kỷ luật chỉ gồm các vi phạm của cùng một người. | A discipline case holds the violations of one person only. |
             *     | `VIOLATION_NOT_PROPOSED` | 409 | Vi phạm chưa được đề nghị xem xét kỷ luật. | The violation was not proposed for discipline. |
             *     | `VIOLATION_ALREADY_IN_CASE` | 409 | Vi phạm đã thuộc một hồ sơ kỷ luật khác. | The violation is already in another discipline case. |
             *     | `DISCIPLINE_UPLOAD_INVALID` | 400 | Cần chọn loại tài liệu và một tệp. | Choose the document kind and one file. |
             *     | `DOCUMENT_NUMBER_FORMAT` | 400 | Số, ký hiệu văn bản không đúng thể thức (ví dụ 03/BB-ĐKT) hoặc năm không hợp lệ. | The document number is not in the form 03/BB-ĐKT, or the year is invalid. |
             *     | `DOCUMENT_NUMBER_TAKEN` | 409 | Số, ký hiệu này đã được cơ quan dùng cho văn bản khác trong năm. | The issuer already used this document number this year. |
             *     | `INSPECTION_STATE` | 409 | Cuộc kiểm tra đang ở trạng thái không cho phép thao tác này; `details.allowed` nêu các trạng thái được phép. | The inspection is in a state that does not allow this step; `details.allowed` lists the states that do. |
             *     | `INSPECTION_NOT_MEMBER` | 403 | Chỉ thành viên đoàn kiểm tra mới được thực hiện thao tác này. | Only members of the inspection team may do this. |
             *     | `INSPECTION_TARGET_OUT_OF_SCOPE` | 403 | Đơn vị được kiểm tra nằm ngoài phạm vi của đơn vị ban hành quyết định kiểm tra. | The inspected unit is outside the scope of the unit issuing the inspection. |
             *     | `INSPECTION_TARGET_NOT_VALID` | 422 | Đơn vị không tồn tại vào ngày kiểm tra (đã sáp nhập, giải thể hoặc chưa thành lập); hãy chọn đơn vị kế thừa. | The unit did not exist on the inspection date (merged, abolished or not yet formed); choose its successor. |
             *     | `INSPECTION_PLAN_MISMATCH` | 400 | Kế hoạch thuộc đơn vị ban hành khác. | The plan belongs to another issuing unit. |
             *     | `INSPECTION_WINDOW` | 400 | Thời gian kết thúc phải sau thời gian bắt đầu. | The end must be after the start. |
             *     | `INSPECTION_WINDOW_OVER` | 409 | Đã hết thời gian kiểm tra theo quyết định. | The inspection window set by the decision is over. |
             *     | `INSPECTION_WINDOW_CLOSED` | 409 | Ngoài thời gian kiểm tra: không xem được camera của đơn vị. | Outside the inspection window: the unit’s cameras are not available. |
             *     | `INSPECTION_TEAM_HEAD` | 400 | Đoàn kiểm tra phải có đúng một Trưởng đoàn. | The team must have exactly one head. |
             *     | `INSPECTION_MEMBER_DUPLICATE` | 400 | Mỗi người chỉ có một vai trò trong đoàn. | Each person has one role on the team. |
             *     | `INSPECTION_MEMBER_UNKNOWN` | 422 | Thành viên phải là tài khoản đang hoạt động có vai trò vào ngày kiểm tra. | A member must be an active account holding a role on the inspection date. |
             *     | `INSPECTION_MEMBER_IN_TARGET` | 422 | Người thuộc đơn vị được kiểm tra không thể là thành viên đoàn kiểm tra. | A person of the inspected unit cannot be on the inspection team. |
             *     | `INSPECTION_NO_TEAM` | 409 | Chưa có thành viên đoàn kiểm tra. | The inspection team has no members yet. |
             *     | `PLAN_TARGET_DUPLICATE` | 400 | Một đơn vị chỉ có một dòng trong kế hoạch. | A unit appears once in a plan. |
             *     | `PLAN_TARGET_DATES` | 400 | Ngày kết thúc phải sau ngày bắt đầu. | The end date must not be before the start date. |
             *     | `CHECKLIST_ITEM_DUPLICATE` | 400 | Mỗi tiêu chí chỉ xuất hiện một lần trong bảng kiểm tra. | Each item code appears once in a checklist. |
             *     | `CHECKLIST_KIND_NOT_PER_PERSON` | 400 | Chỉ tiêu chí ghi nhận theo từng người mới mở vi phạm. | Only per-person items can open a violation. |
             *     | `FINDING_PERSON_NOT_IN_UNIT` | 422 | Người được nêu không thuộc đơn vị được kiểm tra (hoặc đơn vị trực thuộc) vào ngày đó. | The person named did not belong to the inspected unit (or its sub-units) on that date. |
             *     | `FINDING_ON_TEAM_MEMBER` | 422 | Không ghi nhận vi phạm đối với thành viên đoàn kiểm tra. | A team member cannot be the subject of a finding. |
             *     | `FINDING_ITEM_NOT_PER_PERSON` | 400 | Tiêu chí này không ghi nhận theo từng người. | This item is not recorded per person. |
             *     | `FINDING_IN_FUTURE` | 400 | Thời điểm ghi nhận không được ở tương lai. | The observation time cannot be in the future. |
             *     | `PHOTO_TOO_LARGE` | 413 | Ảnh vượt quá 8 MB; hãy giảm kích thước ảnh rồi gửi lại. | The photo is larger than 8 MB; resize it and send it again. |
             *     | `PHOTO_NOT_IMAGE` | 415 | Tệp không phải ảnh JPEG, PNG hoặc WebP (xét theo nội dung tệp). | The file is not a JPEG, PNG or WebP image (judged by its content). |
             *     | `PHOTO_LOCATION` | 400 | Vị trí cần cả vĩ độ và kinh độ hợp lệ. | A location needs both a valid latitude and longitude. |
             *     | `PHOTO_UPLOAD_INVALID` | 400 | Cần một tệp ảnh và mã clientId hợp lệ. | One image file and a valid clientId are required. |
             *     | `EVIDENCE_TIME` | 400 | Thiếu thời điểm chụp (at) hoặc khoảng thời gian (from, to) của đoạn phim. | The snapshot time (at) or the clip range (from, to) is missing. |
             *     | `EVIDENCE_OUTSIDE_WINDOW` | 422 | Chỉ trích xuất hình ảnh trong thời gian kiểm tra theo quyết định. | Only footage from within the inspection window may be exported. |
             *     | `MINUTES_END_TIME` | 400 | Thời điểm kết thúc phải sau khi bắt đầu và không ở tương lai. | The end time must be after the start and not in the future. |
             *     | `MINUTES_ITEMS_NOT_JUDGED` | 409 | Còn tiêu chí chưa đánh giá; `details.items` liệt kê các tiêu chí đó. | Some checklist items are not judged yet; `details.items` lists them. |
             *     | `CONCLUSION_BEFORE_MINUTES` | 409 | Chưa có biên bản kiểm tra: chưa thể ban hành kết luận. | The minutes have not been issued: the conclusion cannot be issued yet. |
             *     | `REMEDIATION_OWNER_OUT_OF_SCOPE` | 422 | Đơn vị khắc phục phải là đơn vị được kiểm tra hoặc đơn vị trực thuộc. | The remediation owner must be the inspected unit or one of its sub-units. |
             *     | `REMEDIATION_DUE_IN_PAST` | 400 | Thời hạn khắc phục phải sau ngày kết luận. | The remediation deadline must be after the conclusion date. |
             *     | `REMEDIATION_CLOSED` | 409 | Nội dung khắc phục này đã kết thúc. | This remediation is already closed. |
             *     | `REMEDIATIONS_OPEN` | 409 | Còn nội dung khắc phục chưa hoàn thành. | Some remediations are not done yet. |
             *     | `STATS_RANGE` | 400 | Ngày kết thúc phải sau ngày bắt đầu. | The end date must not be before the start date. |
             * @enum {string}
             */
            code: "VALIDATION_FAILED" | "MALFORMED_JSON" | "EMPTY_BODY" | "BAD_CONTENT_LENGTH" | "BAD_URL" | "MALFORMED_REQUEST" | "BAD_REQUEST" | "ROUTE_NOT_FOUND" | "REQUEST_TIMEOUT" | "BODY_TOO_LARGE" | "URL_TOO_LONG" | "UNSUPPORTED_MEDIA_TYPE" | "HEADERS_TOO_LARGE" | "TOO_MANY_REQUESTS" | "UPLOAD_RATE_LIMITED" | "INTERNAL_ERROR" | "STARTING" | "STOPPING" | "DATABASE_UNAVAILABLE" | "DATABASE_TIMEOUT" | "METRICS_TOKEN_REQUIRED" | "METRICS_LOCAL_ONLY" | "FST_INVALID_MULTIPART_CONTENT_TYPE" | "FST_INVALID_JSON_FIELD_ERROR" | "FST_PROTO_VIOLATION" | "FST_MP_PREMATURE_CLOSE" | "FST_REQ_FILE_TOO_LARGE" | "FST_FILES_LIMIT" | "FST_FIELDS_LIMIT" | "FST_PARTS_LIMIT" | "UNAUTHENTICATED" | "FORBIDDEN" | "OUT_OF_SCOPE" | "CSRF_TOKEN_INVALID" | "PASSWORD_CHANGE_REQUIRED" | "NOT_FOUND" | "ORIGIN_NOT_ALLOWED" | "INVALID_CREDENTIALS" | "ACCOUNT_LOCKED" | "WRONG_PASSWORD" | "WEAK_PASSWORD" | "USERNAME_TAKEN" | "ROLE_EXISTS" | "USER_INACTIVE" | "UNIT_UNKNOWN" | "UNIT_CLOSED" | "UNIT_PARENT_SELF" | "UNIT_PARENT_UNKNOWN" | "UNIT_PARENT_CLOSED" | "UNIT_PARENT_CYCLE" | "UNIT_CODE_TAKEN" | "UNIT_DATES" | "SUCCESSION_OVERLAP" | "SUCCESSION_SHAPE" | "SUCCESSION_UNKNOWN_UNIT" | "SUCCESSION_DATE" | "SUCCESSION_CLOSED" | "PERSON_UNKNOWN" | "PERSON_REQUIRED" | "EMPLOYEE_CODE_TAKEN" | "TRANSFER_DATE" | "VERSION_CONFLICT" | "IMPORT_NEEDS_FILE" | "IMPORT_NOT_XLSX" | "IMPORT_TOO_LARGE" | "IMPORT_TOO_LARGE_UNCOMPRESSED" | "IMPORT_TOO_MANY_ROWS" | "IMPORT_EMPTY" | "IMPORT_BAD_HEADER" | "SCHEDULE_INVALID" | "NAME_REQUIRED" | "CALENDAR_DAY_EXISTS" | "CALENDAR_DAY_ALREADY_CONFIRMED" | "CALENDAR_LEGAL_BASIS_REQUIRED" | "ROSTER_INVALID" | "OVERRIDE_INVALID" | "DATE_INVALID" | "INVALID_CAMERA_URL" | "DIRECTION_ONLY_FOR_GATE" | "RECOGNITION_NOT_ALLOWED_HERE" | "CAMERA_UNREACHABLE" | "CAMERA_AUTH_FAILED" | "CAMERA_NOT_FOUND" | "CAMERA_UNSUPPORTED_CODEC" | "CAMERA_NO_VIDEO" | "CAMERA_TIMEOUT" | "CAMERA_INVALID_URL" | "CAMERA_FAILED" | "CAMERA_NOT_RUNNING" | "ONVIF_UNREACHABLE" | "ONVIF_TIMEOUT" | "ONVIF_AUTH_FAILED" | "ONVIF_BAD_RESPONSE" | "ONVIF_NO_PROFILES" | "ONVIF_UNKNOWN_DEVICE" | "ONVIF_PROBE_FAILED" | "NOTHING_GRANTED" | "EXPIRY_IN_PAST" | "GRANT_TO_SELF" | "GRANTEE_OUT_OF_SCOPE" | "GRANT_SYSTEM_MANAGED" | "REVERSED_RANGE" | "RANGE_TOO_LONG" | "RANGE_IN_FUTURE" | "INVALID_TIME" | "NO_FOOTAGE" | "EVIDENCE_ON_HOLD" | "EVIDENCE_LINKED" | "ALREADY_RELEASED" | "CONSENT_INVALID" | "CONSENT_REQUIRED" | "PERSON_LEFT" | "MULTIPART_REQUIRED" | "UNKNOWN_FIELD" | "ENROLL_FILE_COUNT" | "IMAGE_TOO_LARGE" | "IMAGE_UNREADABLE" | "IMAGE_TOO_MANY_PIXELS" | "ZIP_REQUIRED" | "ZIP_TOO_LARGE" | "ZIP_TOO_MANY_ENTRIES" | "ZIP_TOO_LARGE_UNCOMPRESSED" | "ZIP_INVALID" | "ZIP_ENCRYPTED" | "ZIP_UNSUPPORTED_METHOD" | "ZIP_EMPTY" | "ZIP_QUEUE_FULL" | "GROUP_ALREADY_DECIDED" | "GROUP_NO_USABLE_FACE" | "PERIOD_DATES_INVALID" | "PERIOD_IN_PAST" | "PERIOD_TOO_LONG" | "PERIOD_OVERLAP" | "PERIOD_CLOSED" | "GATE_RECOGNITION_REQUIRED" | "REVIEW_NOT_A_CANDIDATE" | "REVIEW_ALREADY_DECIDED" | "REVIEW_BULK_ONE_PERSON" | "REVIEW_BULK_DUPLICATE" | "PASS_RANGE_INVALID" | "SOURCE_UNAUTHENTICATED" | "DEVICE_ENDPOINT_ONLY" | "SOURCE_MISMATCH" | "SOURCE_EXISTS" | "CLOCK_OFFSET_TOO_LARGE" | "PUNCH_INVALID" | "PUNCH_IN_FUTURE" | "PUNCH_TOO_OLD" | "TODAY_DATE_OUT_OF_RANGE" | "PUNCH_EVENT_ID_REUSED" | "EVIDENCE_INVALID" | "EVIDENCE_UNKNOWN" | "EVIDENCE_ALREADY_USED" | "EVIDENCE_BACKLOG_FULL" | "TYPE_UNKNOWN" | "RANGE_INVALID" | "REASON_REQUIRED" | "NOTE_REQUIRED" | "LEAVE_BALANCE_EXCEEDED" | "REQUEST_OVERLAPS" | "REQUEST_NOT_PENDING" | "REQUEST_CLOSED" | "SELF_APPROVAL" | "PERMISSION_NEEDS_WINDOW" | "PERMISSION_WINDOW_INVALID" | "PERMISSION_OUTSIDE_SESSION" | "NOT_A_WORKING_DAY" | "NOT_EMPLOYED_ON_DATE" | "REQUEST_TOO_LATE" | "REQUEST_TOO_FAR_AHEAD" | "REQUEST_IN_FUTURE" | "CORRECTION_PUNCH_UNKNOWN" | "CORRECTION_PUNCH_EXISTS" | "PUNCH_ALREADY_VOID" | "OUTAGE_RANGE" | "OUTAGE_TOO_LONG" | "RECOMPUTE_TOO_LARGE" | "RECOMPUTE_BUSY" | "COMPETENCE_OWN_CASE" | "COMPETENCE_SUPERIOR_CASE" | "COMPETENCE_NOT_COMPETENT" | "COMPETENCE_RULE_INVALID" | "LEADERSHIP_POST_DATES" | "DELEGATION_INVALID" | "DELEGATION_ENDED" | "RULES_INVALID" | "RULES_NOT_AFTER_PREVIOUS" | "DATE_IN_FUTURE" | "INVALID_TRANSITION" | "VIOLATION_RETRACTED" | "AWAITING_JUSTIFICATION" | "EXPLANATION_PENDING" | "EXPLANATION_NOT_REQUESTED" | "EXPLANATION_DEADLINE_PASSED" | "EXPLANATION_TOO_SHORT" | "NOT_ESCALATED" | "TOO_MANY_FILES" | "FILE_TYPE_NOT_ALLOWED" | "FILE_SIZE" | "DISCIPLINE_STEP_NOT_ALLOWED" | "DISCIPLINE_DATES_OUT_OF_ORDER" | "DISCIPLINE_DATE_IN_FUTURE" | "CASE_SUSPENDED" | "INVITATION_TOO_LATE" | "COUNCIL_COMPOSITION" | "COUNCIL_MEMBER_IS_SUBJECT" | "COUNCIL_MEMBER_RELATIVE" | "BALLOT_INVALID" | "DECISION_NUMBER_REQUIRED" | "DECISION_NUMBER_FORMAT" | "DECISION_NUMBER_TAKEN" | "DISCIPLINE_FORM_NOT_ALLOWED" | "LIMITATION_EXPIRED" | "DISCIPLINE_SEVERAL_PERSONS" | "VIOLATION_NOT_PROPOSED" | "VIOLATION_ALREADY_IN_CASE" | "DISCIPLINE_UPLOAD_INVALID" | "DOCUMENT_NUMBER_FORMAT" | "DOCUMENT_NUMBER_TAKEN" | "INSPECTION_STATE" | "INSPECTION_NOT_MEMBER" | "INSPECTION_TARGET_OUT_OF_SCOPE" | "INSPECTION_TARGET_NOT_VALID" | "INSPECTION_PLAN_MISMATCH" | "INSPECTION_WINDOW" | "INSPECTION_WINDOW_OVER" | "INSPECTION_WINDOW_CLOSED" | "INSPECTION_TEAM_HEAD" | "INSPECTION_MEMBER_DUPLICATE" | "INSPECTION_MEMBER_UNKNOWN" | "INSPECTION_MEMBER_IN_TARGET" | "INSPECTION_NO_TEAM" | "PLAN_TARGET_DUPLICATE" | "PLAN_TARGET_DATES" | "CHECKLIST_ITEM_DUPLICATE" | "CHECKLIST_KIND_NOT_PER_PERSON" | "FINDING_PERSON_NOT_IN_UNIT" | "FINDING_ON_TEAM_MEMBER" | "FINDING_ITEM_NOT_PER_PERSON" | "FINDING_IN_FUTURE" | "PHOTO_TOO_LARGE" | "PHOTO_NOT_IMAGE" | "PHOTO_LOCATION" | "PHOTO_UPLOAD_INVALID" | "EVIDENCE_TIME" | "EVIDENCE_OUTSIDE_WINDOW" | "MINUTES_END_TIME" | "MINUTES_ITEMS_NOT_JUDGED" | "CONCLUSION_BEFORE_MINUTES" | "REMEDIATION_OWNER_OUT_OF_SCOPE" | "REMEDIATION_DUE_IN_PAST" | "REMEDIATION_CLOSED" | "REMEDIATIONS_OPEN" | "STATS_RANGE";
            /** @description Sent with INTERNAL_ERROR: quote it to the administrator. */
            correlation_id?: string;
            /** @description Optional structured details (validation problems, limits, the field at fault). */
            details?: unknown;
            /** @description The message for the user (English). */
            message_en: string;
            /** @description Thông báo cho người dùng (tiếng Việt). */
            message_vi: string;
        };
        EvidenceExport: {
            /**
             * Format: date-time
             * @description A clip starts at the keyframe at or before the requested start
             */
            actualFrom: string;
            /** Format: date-time */
            actualTo: string;
            bytes: number;
            /** Format: uuid */
            cameraId: string;
            /** @description The camera's name when the export was made */
            cameraName: string;
            /** @description video/mp4, image/jpeg or image/png */
            contentType: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Clips only */
            durationSeconds: number | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "CLIP" | "SNAPSHOT";
            legalHold: boolean;
            /** @description Privacy masks were burned in */
            masked: boolean;
            reason: string;
            /** @description Name of who made the export */
            requestedBy: string;
            /** Format: date-time */
            requestedFrom: string;
            /** Format: date-time */
            requestedTo: string;
            sha256: string;
            /** Format: uuid */
            unitId: string;
        };
        EvidenceExportDetail: {
            /**
             * Format: date-time
             * @description A clip starts at the keyframe at or before the requested start
             */
            actualFrom: string;
            /** Format: date-time */
            actualTo: string;
            bytes: number;
            /** Format: uuid */
            cameraId: string;
            /** @description The camera's name when the export was made */
            cameraName: string;
            /** @description video/mp4, image/jpeg or image/png */
            contentType: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Clips only */
            durationSeconds: number | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "CLIP" | "SNAPSHOT";
            legalHold: boolean;
            links: components["schemas"]["EvidenceLink"][];
            manifest: components["schemas"]["EvidenceManifest"];
            /** @description Privacy masks were burned in */
            masked: boolean;
            reason: string;
            /** @description Name of who made the export */
            requestedBy: string;
            /** Format: date-time */
            requestedFrom: string;
            /** Format: date-time */
            requestedTo: string;
            sha256: string;
            /** Format: uuid */
            unitId: string;
        };
        EvidenceLink: {
            /** Format: date-time */
            linkedAt: string;
            /** Format: uuid */
            targetId: string;
            /** @enum {string} */
            targetType: "VIOLATION" | "INCIDENT";
        };
        /** @description The manifest stored with the file (its SHA-256 is what verification checks). */
        EvidenceManifest: {
            actual: {
                from: string;
                to: string;
            };
            camera: {
                /** Format: uuid */
                id: string;
                locationType: string;
                name: string;
                /** Format: uuid */
                unitId: string;
            };
            createdAt: string;
            /** Format: uuid */
            exportId: string;
            file: {
                bytes: number;
                contentType: string;
                name: string;
                sha256: string;
            };
            /** @enum {string} */
            format: "kycuong-evidence/1";
            /** @enum {string} */
            kind: "CLIP" | "SNAPSHOT";
            masked: boolean;
            reason: string;
            requested: {
                from: string;
                to: string;
            };
            requester: {
                id: string | null;
                ip: string | null;
                name: string;
            };
            video?: {
                durationSeconds: number;
                frames: number;
                reencoded: boolean;
                segments: number;
            };
        };
        EvidenceVerification: {
            bytes: number;
            /** @description SHA-256 written in the manifest */
            expectedSha256: string;
            /** @description SHA-256 of the stored file now */
            fileSha256: string;
            manifestMatchesRecord: boolean;
            /** @description The file matches its manifest and the manifest matches the record */
            ok: boolean;
        };
        FaceConsent: {
            /**
             * @description The latest decision; NONE when nothing was ever recorded
             * @enum {string}
             */
            decision: "GIVEN" | "REFUSED" | "WITHDRAWN" | "NONE";
            /** @description Latest decision GIVEN and also covers learning from gate passes (separate purpose) */
            gateLearning: boolean;
            noticeVersion: string | null;
            /** Format: uuid */
            personId: string;
            /** Format: date-time */
            recordedAt: string | null;
            /** @description Name of who recorded the decision */
            recordedBy: string | null;
        };
        FaceConsentRecorded: {
            /**
             * Format: uuid
             * @description The consent record
             */
            id: string;
            /** @description Templates deleted because the decision was a refusal or a withdrawal */
            templatesDeleted: number;
        };
        FaceLivenessPolicy: {
            /** @enum {string} */
            mode: "OFF" | "REVIEW";
            threshold: number;
            /**
             * Format: uuid
             * @description null for the global policy
             */
            unitId: string | null;
            unitName: string | null;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
        };
        FacePerson: {
            consent: components["schemas"]["FaceConsent"];
            templates: components["schemas"]["FaceTemplateCounts"];
        };
        FacePhotoReport: {
            /** @description Why the photo was refused (quality issue or IMAGE_* code) */
            code?: string;
            file: string;
            message_en?: string;
            message_vi?: string;
            ok: boolean;
            quality?: components["schemas"]["FaceQualityReport"];
            /** @description Templates created from an accepted photo (the photo and its synthetic masked copies) */
            templateIds?: string[];
        };
        FacePhotoUpload: {
            accepted: number;
            files: components["schemas"]["FacePhotoReport"][];
            rejected: number;
        };
        FaceQualityReport: {
            eyeDistance?: number;
            issues: ("NO_FACE" | "MANY_FACES" | "FACE_TOO_SMALL" | "BLURRY" | "POSE_TURNED" | "POSE_TILTED")[];
            ok: boolean;
            rollDegrees?: number;
            sharpness?: number;
            yaw?: number;
        };
        FaceReviewConfirmed: {
            /** @description The punch created for the confirmed person */
            punchId: string;
        };
        FaceReviewItem: {
            /** Format: uuid */
            cameraId: string;
            cameraName: string | null;
            candidates: {
                employeeCode: string | null;
                fullName: string | null;
                /** @description A reference face can be shown (GET /api/recognition/persons/{id}/reference-photo) */
                hasReference: boolean;
                /** Format: uuid */
                personId: string;
                score: number;
            }[];
            /** @description Track fragments merged into this pass: one review item per pass */
            fragments: number;
            frames: number;
            /**
             * Format: uuid
             * @description The sighting (gate pass)
             */
            id: string;
            /** @description Heuristic liveness signal of the pass (not certified anti-spoofing) */
            liveness: number | null;
            livenessComponents: {
                [key: string]: number | null;
            } | null;
            masked: boolean;
            /** @description Why the pass needs a reviewer (LOW_CONFIDENCE, MASKED_AMBIGUOUS, …) */
            reason: string | null;
            /**
             * Format: date-time
             * @description When the face was first seen in this pass (the punch time a confirmation gives)
             */
            seenAt: string;
            snapshotKey: string | null;
            /** Format: uuid */
            unitId: string;
        };
        FaceTemplateCounts: {
            /** @description Templates learned from confirmed or settled automatic gate passes (consent for gate learning) */
            learned: number;
            /** @description Templates made from photos or gate samples */
            photos: number;
            /** @description Synthetic masked copies derived from them */
            synthetic: number;
        };
        GateCameraStats: {
            /** Format: uuid */
            cameraId: string;
            cameraName: string;
            recognitionAllowed: boolean;
            /** @description A gate pipeline runs for this camera in this server */
            running: boolean;
            runtime: components["schemas"]["GateRuntimeStats"] | null;
            /** Format: uuid */
            unitId: string;
            window: components["schemas"]["GateWindowStats"];
        };
        GateEnrollmentAssigned: {
            samplesUsed: number;
            templateIds: string[];
        };
        GateEnrollmentCamera: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        GateEnrollmentGroup: {
            /** Format: date-time */
            firstSeen: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastSeen: string;
            /** @description Lowest liveness score among the group's samples (heuristic signal) */
            minLiveness: number | null;
            passes: number;
            /** Format: uuid */
            periodId: string;
            /** @description The enrolled person these faces came closest to, below the automatic threshold: a hint against double enrollment */
            resembles: {
                employeeCode: string;
                fullName: string;
                /** Format: uuid */
                personId: string;
                score: number;
            } | null;
            /** @description The best samples (at most 8) */
            samples: components["schemas"]["GateEnrollmentSample"][];
            usableSamples: number;
        };
        GateEnrollmentPeriod: {
            /** Format: uuid */
            cameraId: string;
            cameraName: string;
            /** Format: date-time */
            closedAt: string | null;
            closedBy: string | null;
            /** @description YYYY-MM-DD */
            endsOn: string;
            groupsAssigned: number;
            groupsDiscarded: number;
            groupsPurged: number;
            /** Format: uuid */
            id: string;
            note: string | null;
            /** Format: date-time */
            openedAt: string;
            openedBy: string;
            pendingGroups: number;
            /**
             * Format: date-time
             * @description From this instant unassigned groups are deleted
             */
            purgeAfter: string;
            /** Format: date-time */
            purgedAt: string | null;
            /** @description Unassigned groups are deleted this many days after the period ends */
            retentionDays: number;
            /** @description YYYY-MM-DD */
            startsOn: string;
            /** @enum {string} */
            state: "SCHEDULED" | "COLLECTING" | "ENDED" | "CLOSED";
            templatesCreated: number;
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        GateEnrollmentSample: {
            /**
             * Format: uuid
             * @description Its face crop: GET /api/recognition/gate-enrollment/samples/{id}/image
             */
            id: string;
            liveness: number | null;
            /** @description Sample quality in [0, 1] */
            quality: number;
            /** Format: date-time */
            seenAt: string;
            /** @description Passes the enrollment quality checks, so it can become a template */
            usable: boolean;
        };
        GatePass: {
            /** Format: uuid */
            cameraId: string;
            /** @description Null when the camera was deleted since */
            cameraName: string | null;
            /** @description First seen → verdict stored */
            decisionLatencyMs: number | null;
            employeeCode: string | null;
            /** @description Track fragments merged into this pass (1 = never split) */
            fragments: number;
            frames: number;
            hasSnapshot: boolean;
            /**
             * Format: uuid
             * @description The sighting (one gate pass)
             */
            id: string;
            /** @description Heuristic liveness signal (not certified anti-spoofing) */
            liveness: number | null;
            masked: boolean;
            /**
             * Format: uuid
             * @description Matched automatically or confirmed by a reviewer
             */
            personId: string | null;
            personName: string | null;
            punchId: string | null;
            /** @description Name of the reviewer who confirmed or rejected it */
            reviewedBy: string | null;
            /** @description Why the pass went to review (LOW_CONFIDENCE, MASKED_AMBIGUOUS, LOW_LIVENESS, …) */
            reviewReason: string | null;
            /** @enum {string|null} */
            reviewStatus: "PENDING" | "CONFIRMED" | "REJECTED" | null;
            /** @description Similarity of the top candidate */
            score: number | null;
            /**
             * Format: date-time
             * @description When the face was first seen in this pass (the punch time)
             */
            seenAt: string;
            /** Format: uuid */
            unitId: string;
            /** @enum {string} */
            verdict: "AUTO" | "REVIEW" | "UNKNOWN";
        };
        GatePassPage: {
            items: components["schemas"]["GatePass"][];
            page: number;
            pageSize: number;
            total: number;
        };
        GateRuntimeStats: {
            analysed: number;
            debounced: number;
            /** @description Dropped by the pipeline (lag) plus the frame queue drops (slow pipeline) */
            dropped: number;
            /** @description Of which dropped by the camera frame queue before reaching the pipeline */
            droppedByQueue: number;
            duplicates: number;
            faces: number;
            frames: number;
            lastFrameAt: string | null;
            latencyMs: {
                p50: number | null;
                p95: number | null;
                samples: number;
            };
            merged: number;
            observedFps: number | null;
            outOfOrder: number;
            passes: number;
            sightings: {
                AUTO: number;
                REVIEW: number;
                UNKNOWN: number;
            };
            since: string;
            skippedNoMotion: number;
        };
        GateStatsList: {
            cameras: components["schemas"]["GateCameraStats"][];
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
        };
        GateWindowStats: {
            auto: number;
            /** @description auto / passes (null without passes) */
            autoRate: number | null;
            /** @description Extra track fragments merged back into passes */
            fragmentsMerged: number;
            latencyP50Ms: number | null;
            latencyP95Ms: number | null;
            /** @description Review for a low liveness signal */
            livenessDoubts: number;
            passes: number;
            pendingReview: number;
            review: number;
            reviewRate: number | null;
            unknown: number;
        };
        Health: {
            /** @description System administrators only */
            blobs?: string;
            /** @description System administrators only */
            bus?: string;
            /** @description System administrators only */
            db?: string;
            /** @enum {string} */
            status: "ok";
            version: string;
        };
        HolidayProposal: {
            /** @enum {string} */
            basis: "FIXED_DATE" | "LUNAR" | "WEEKEND_COMPENSATION" | "PM_CHOICE_GUESS";
            date: string;
            /** @enum {string} */
            kind: "HOLIDAY" | "COMPENSATORY" | "SWAPPED_OFF" | "MAKEUP_WORKDAY";
            /** @description null on a PM-choice guess: the admin enters the notice when confirming */
            legalBasis: string | null;
            name: string;
            note: string | null;
            /**
             * @description CONFIRMED: by the law or an official notice (legalBasis). PROPOSED: expected, not announced yet; counts as a day off and is flagged
             * @enum {string}
             */
            status: "CONFIRMED" | "PROPOSED";
            /** Format: uuid */
            unitId: string | null;
        };
        Incident: {
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            occurredFrom: string | null;
            /** Format: date-time */
            occurredTo: string | null;
            /** @enum {string} */
            status: "OPEN" | "CLOSED";
            title: string;
            /** Format: uuid */
            unitId: string;
            /** Format: date-time */
            updatedAt: string;
        };
        IncidentDetail: {
            /** Format: date-time */
            createdAt: string;
            description: string;
            evidence: components["schemas"]["EvidenceExport"][];
            footage: components["schemas"]["IncidentFootage"][];
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            occurredFrom: string | null;
            /** Format: date-time */
            occurredTo: string | null;
            /** @enum {string} */
            status: "OPEN" | "CLOSED";
            title: string;
            /** Format: uuid */
            unitId: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description A range of a camera searched for the incident (whether or not anything was exported) */
        IncidentFootage: {
            /** Format: uuid */
            cameraId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            from: string;
            /** Format: uuid */
            id: string;
            note: string;
            /** Format: date-time */
            to: string;
        };
        Inspection: {
            /** Format: uuid */
            checklistId: string;
            checklistVersion: number;
            /** Format: date-time */
            closedAt: string | null;
            closingNote: string | null;
            /** Format: date-time */
            createdAt: string;
            decisionDate: string | null;
            decisionNo: string | null;
            decisionSigner: string | null;
            disagreement: string | null;
            /** Format: date-time */
            endedAt: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            issuerUnitId: string;
            issuerUnitName: string;
            kind: components["schemas"]["InspectionKind"];
            kindLabel: {
                en: string;
                vi: string;
            };
            place: string;
            /** Format: uuid */
            planId: string | null;
            /** Format: date-time */
            plannedFrom: string;
            /** Format: date-time */
            plannedTo: string;
            representativeName: string | null;
            representativeOpinion: string | null;
            representativeTitle: string | null;
            scope: string;
            /** Format: date-time */
            startedAt: string | null;
            state: components["schemas"]["InspectionState"];
            stateLabel: {
                en: string;
                vi: string;
            };
            /** Format: uuid */
            targetUnitId: string;
            targetUnitName: string;
            title: string;
        };
        InspectionAttendanceAtVisit: {
            /** Format: date-time */
            at: string;
            date: string;
            persons: {
                /** Format: date-time */
                arrivedAt: string | null;
                employeeCode: string;
                name: string;
                /** Format: uuid */
                personId: string;
                punchedInByVisit: boolean;
                status: string;
            }[];
            present: number;
            total: number;
        };
        InspectionCamera: {
            /** Format: uuid */
            id: string;
            liveAvailable: boolean;
            location: string | null;
            name: string;
            playbackAvailable: boolean;
            /** Format: uuid */
            unitId: string;
            /** Format: date-time */
            viewableUntil: string;
        };
        InspectionCan: {
            close: boolean;
            conclude: boolean;
            fieldWork: boolean;
            manage: boolean;
            minutes: boolean;
            report: boolean;
        };
        InspectionChecklist: {
            code: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            inUse: boolean;
            items: components["schemas"]["InspectionChecklistItem"][];
            title: string;
            version: number;
        };
        InspectionChecklistItem: {
            code: string;
            /** Format: uuid */
            id: string;
            legalBasis: string;
            ord: number;
            perPerson: boolean;
            titleEn: string;
            titleVi: string;
            violationKind: string | null;
        };
        InspectionChecklistSummary: {
            code: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            inUse: boolean;
            items: number;
            title: string;
            version: number;
        };
        InspectionCreated: {
            /** Format: uuid */
            id: string;
        };
        InspectionDocument: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            issuedAt: string;
            /** @enum {string} */
            kind: "MINUTES" | "CONCLUSION";
            numberText: string;
            sha256: string;
            url: string;
            year: number;
        };
        InspectionEvidence: {
            /** Format: uuid */
            cameraId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            exportId: string;
            /** Format: uuid */
            findingId: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "SNAPSHOT" | "CLIP";
            reason: string;
            sha256: string;
        };
        InspectionFinding: {
            clientId: string;
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** Format: uuid */
            id: string;
            itemCode: string;
            /** Format: uuid */
            itemId: string;
            /** Format: date-time */
            observedAt: string;
            /** Format: uuid */
            personId: string | null;
            personName: string | null;
            /** Format: uuid */
            violationId: string | null;
        };
        InspectionItemResult: {
            code: string;
            /** Format: uuid */
            id: string;
            legalBasis: string;
            note: string;
            ord: number;
            perPerson: boolean;
            titleEn: string;
            titleVi: string;
            /** Format: date-time */
            updatedAt: string | null;
            verdict: components["schemas"]["InspectionVerdict"] | null;
            verdictLabel: {
                en: string;
                vi: string;
            } | null;
            violationKind: string | null;
        };
        /** @enum {string} */
        InspectionKind: "PLANNED" | "SURPRISE" | "INTER_AGENCY" | "ON_COMPLAINT";
        /** @enum {string} */
        InspectionKindInput: "PLANNED" | "SURPRISE" | "INTER_AGENCY" | "ON_COMPLAINT";
        InspectionMember: {
            name: string;
            /** Format: uuid */
            personId: string | null;
            role: components["schemas"]["InspectionMemberRole"];
            title: string;
            /** Format: uuid */
            userId: string;
        };
        InspectionMemberCandidate: {
            name: string;
            onTeam: boolean;
            /** Format: uuid */
            personId: string | null;
            unitName: string;
            /** Format: uuid */
            userId: string;
        };
        /** @enum {string} */
        InspectionMemberRole: "HEAD" | "MEMBER" | "SECRETARY";
        /** @enum {string} */
        InspectionMemberRoleInput: "HEAD" | "MEMBER" | "SECRETARY";
        InspectionPage: {
            items: components["schemas"]["InspectionSummary"][];
            page: number;
            pageSize: number;
            total: number;
        };
        InspectionPhoto: {
            bytes: number;
            clientId: string;
            contentType: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            findingId: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            itemId: string | null;
            lat: number | null;
            lon: number | null;
            sha256: string;
            /** Format: date-time */
            takenAt: string | null;
            url: string;
        };
        InspectionPlan: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            issuerUnitId: string;
            issuerUnitName: string;
            note: string;
            periodLabel: string;
            targets: components["schemas"]["InspectionPlanTarget"][];
            title: string;
            year: number;
        };
        InspectionPlanTarget: {
            inspections: number;
            plannedFrom: string;
            plannedTo: string;
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        InspectionRecommendation: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "REMIND" | "CRITICIZE" | "SELF_REVIEW" | "PROPOSE_DISCIPLINE" | "FIX";
            kindLabel: {
                en: string;
                vi: string;
            };
            /** Format: uuid */
            personId: string | null;
            personName: string | null;
            text: string;
        };
        InspectionRemediation: {
            /** Format: date-time */
            closedAt: string | null;
            closedNote: string | null;
            description: string;
            dueOn: string;
            /** Format: uuid */
            id: string;
            overdue: boolean;
            /** Format: uuid */
            ownerUnitId: string;
            ownerUnitName: string;
            report: string | null;
            /** Format: date-time */
            reportedAt: string | null;
            /** Format: uuid */
            responsiblePersonId: string | null;
            /** @enum {string} */
            state: "OPEN" | "REPORTED" | "DONE" | "OVERDUE";
            stateLabel: {
                en: string;
                vi: string;
            };
        };
        InspectionSignerInput: {
            /** @default null */
            authorityLine: string | null;
            name: string;
            title: string;
        };
        /** @enum {string} */
        InspectionState: "DRAFT" | "DECIDED" | "IN_PROGRESS" | "MINUTES_ISSUED" | "CONCLUDED" | "REMEDIATING" | "CLOSED";
        /** @enum {string} */
        InspectionStateInput: "DRAFT" | "DECIDED" | "IN_PROGRESS" | "MINUTES_ISSUED" | "CONCLUDED" | "REMEDIATING" | "CLOSED";
        InspectionStats: {
            asOf: string;
            byKind: {
                count: number;
                key: string;
                label: {
                    en: string;
                    vi: string;
                };
            }[];
            byMonth: {
                findings: number;
                inspections: number;
                month: string;
            }[];
            byTargetType: {
                count: number;
                key: string;
                label: {
                    en: string;
                    vi: string;
                };
            }[];
            findingsByItem: {
                code: string;
                failed: number;
                findings: number;
                titleEn: string;
                titleVi: string;
            }[];
            findingsByUnit: {
                findings: number;
                inspections: number;
                /** Format: uuid */
                unitId: string;
                unitName: string;
                violations: number;
            }[];
            from: string;
            to: string;
            total: number;
        };
        InspectionSummary: {
            decisionNo: string | null;
            findings: number;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            issuerUnitId: string;
            issuerUnitName: string;
            kind: components["schemas"]["InspectionKind"];
            kindLabel: {
                en: string;
                vi: string;
            };
            member: boolean;
            /** Format: uuid */
            planId: string | null;
            /** Format: date-time */
            plannedFrom: string;
            /** Format: date-time */
            plannedTo: string;
            /** Format: date-time */
            startedAt: string | null;
            state: components["schemas"]["InspectionState"];
            stateLabel: {
                en: string;
                vi: string;
            };
            /** Format: uuid */
            targetUnitId: string;
            targetUnitName: string;
            title: string;
        };
        /** @enum {string} */
        InspectionVerdict: "PASS" | "FAIL" | "NA";
        /** @enum {string} */
        InspectionVerdictInput: "PASS" | "FAIL" | "NA";
        InspectionView: {
            attendanceAtVisit: components["schemas"]["InspectionAttendanceAtVisit"] | null;
            can: components["schemas"]["InspectionCan"];
            documents: components["schemas"]["InspectionDocument"][];
            evidence: components["schemas"]["InspectionEvidence"][];
            findings: components["schemas"]["InspectionFinding"][];
            inspection: components["schemas"]["Inspection"];
            items: components["schemas"]["InspectionItemResult"][];
            members: components["schemas"]["InspectionMember"][];
            photos: components["schemas"]["InspectionPhoto"][];
            recommendations: components["schemas"]["InspectionRecommendation"][];
            remediations: components["schemas"]["InspectionRemediation"][];
        };
        LeadershipPost: {
            /** Format: uuid */
            id: string;
            legalBasis: string | null;
            /** Format: uuid */
            personId: string;
            /** @enum {string} */
            post: "HEAD" | "DEPUTY";
            title: string;
            /** Format: uuid */
            unitId: string;
            validFrom: string;
            validTo: string | null;
        };
        LeadershipPostCreateInput: {
            legalBasis?: string | null;
            /** Format: uuid */
            personId: string;
            /** @enum {string} */
            post: "HEAD" | "DEPUTY";
            title: string;
            /** Format: uuid */
            unitId: string;
            validFrom: string;
            validTo?: string | null;
        };
        LeadershipPostPatchInput: {
            legalBasis?: string | null;
            /** @enum {string} */
            post?: "HEAD" | "DEPUTY";
            title?: string;
            validFrom?: string;
            validTo?: string | null;
        };
        LeaveBalance: {
            entitlement: components["schemas"]["LeaveEntitlement"];
            pendingDays: number;
            personId: string;
            remainingDays: number;
            usedDays: number;
            year: number;
        };
        LeaveEntitlement: {
            base: number;
            carried: number;
            extra: number;
            proRata: boolean;
            seniority: number;
            total: number;
        };
        /** @enum {string} */
        LeaveHalfDay: "MORNING" | "AFTERNOON";
        LeaveRequest: {
            /** Format: date-time */
            cancelled_at: string | null;
            cancelled_by: string | null;
            charged_days: number;
            /** Format: date-time */
            decided_at: string | null;
            decided_by: string | null;
            decision_note: string | null;
            document_ref: string | null;
            end_date: string;
            end_half: components["schemas"]["LeaveHalfDay"];
            id: string;
            person_id: string;
            reason: string;
            /** Format: date-time */
            requested_at: string;
            requested_by: string | null;
            start_date: string;
            start_half: components["schemas"]["LeaveHalfDay"];
            status: components["schemas"]["LeaveRequestStatus"];
            type: components["schemas"]["LeaveRequestType"];
            unit_id: string;
            version: number;
            window: components["schemas"]["RequestWindow"] | null;
        };
        LeaveRequestListItem: {
            canDecide: boolean;
            chargedDays: number;
            /** Format: date-time */
            decidedAt: string | null;
            decisionBlock: components["schemas"]["RequestDecisionBlock"] | null;
            decisionNote: string | null;
            documentRef: string | null;
            employeeCode: string;
            endDate: string;
            endHalf: components["schemas"]["LeaveHalfDay"];
            fullName: string;
            id: string;
            personId: string;
            reason: string;
            /** Format: date-time */
            requestedAt: string;
            startDate: string;
            startHalf: components["schemas"]["LeaveHalfDay"];
            status: components["schemas"]["LeaveRequestStatus"];
            type: components["schemas"]["LeaveRequestType"];
            unitId: string;
            unitName: string;
            version: number;
            window: components["schemas"]["RequestWindow"] | null;
        };
        /** @enum {string} */
        LeaveRequestStatus: "PENDING" | "APPROVED" | "REJECTED" | "CANCELLED";
        /** @enum {string} */
        LeaveRequestType: "ANNUAL_LEAVE" | "PERSONAL_PAID" | "PERSONAL_UNPAID" | "UNPAID_LEAVE" | "SICK_LEAVE" | "CHILD_SICK" | "MATERNITY" | "COMPENSATORY_OFF" | "BUSINESS_TRIP" | "TRAINING" | "FIELD_WORK" | "WORK_FROM_HOME" | "OTHER_APPROVED" | "LATE_ARRIVAL_PERMISSION" | "EARLY_LEAVE_PERMISSION";
        LegalHold: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            from: string;
            /** Format: uuid */
            id: string;
            reason: string;
            /** Format: date-time */
            releasedAt: string | null;
            /** Format: date-time */
            to: string;
        };
        LoginResult: {
            /** @description Send back in the X-CSRF-Token header on every state-changing request. */
            csrfToken: string;
            user: {
                displayName: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                locale: "vi" | "en";
                username: string;
            };
        };
        LunarDate: {
            day: number;
            leap: boolean;
            month: number;
            year: number;
        };
        ManualPunchResult: {
            punchId: string;
        };
        Notification: {
            body: string;
            /** Format: date-time */
            createdAt: string;
            entityId: string | null;
            entityType: string | null;
            /** Format: uuid */
            id: string;
            /** @description The template that produced it, e.g. violation_opened, daily_digest, cameras.grant. */
            kind: string;
            /** @description Path in the web app, relative to its root. */
            link: string | null;
            /** Format: date-time */
            readAt: string | null;
            title: string;
        };
        OnvifDevice: {
            address: string;
            endpoint: string;
            hardware: string | null;
            location: string | null;
            name: string | null;
            profiles: string[];
            scopes: string[];
            types: string[];
            xaddrs: string[];
        };
        OnvifDiscoveredDevice: {
            address: string;
            alreadyAdded: boolean;
            endpoint: string;
            hardware: string | null;
            location: string | null;
            name: string | null;
            profiles: string[];
            scopes: string[];
            types: string[];
            xaddrs: string[];
        };
        OnvifDiscovery: {
            items: components["schemas"]["OnvifDiscoveredDevice"][];
            probedAt: string;
            target: {
                address: string;
                port: number;
            };
        };
        OnvifStreamProfile: {
            encoding: string | null;
            fps: number | null;
            height: number | null;
            name: string;
            token: string;
            uri: string | null;
            width: number | null;
        };
        OnvifStreamProposal: {
            clockOffsetSeconds: number;
            device: components["schemas"]["OnvifDevice"];
            deviceXAddr: string;
            mainUrl: string | null;
            mediaXAddr: string;
            profiles: components["schemas"]["OnvifStreamProfile"][];
            subUrl: string | null;
        };
        OrgSuccession: {
            effectiveDate: string;
            fromIds: string[];
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "MERGE" | "SPLIT" | "RENAME" | "ABOLISH_TRANSFER_FUNCTIONS";
            legalBasis: string | null;
            note: string | null;
            toIds: string[];
        };
        OrgUnit: {
            /** @enum {string} */
            adminLevel: "TRUNG_UONG" | "TINH" | "HUYEN" | "XA" | "KHAC";
            adminUnitCode: string | null;
            code: string;
            /** Format: uuid */
            id: string;
            legalBasis: string | null;
            name: string;
            /** Format: uuid */
            parentId: string | null;
            shortName: string | null;
            /** @description Staff attached to the unit who have not left */
            staffCount: number;
            /** @description A code of /api/org/unit-types */
            unitType: string;
            validFrom: string;
            validTo: string | null;
        };
        OrgUnitDetail: {
            /** @enum {string} */
            adminLevel: "TRUNG_UONG" | "TINH" | "HUYEN" | "XA" | "KHAC";
            adminUnitCode: string | null;
            /** @description Path from the root to the unit */
            ancestry: {
                /** Format: uuid */
                id: string;
                name: string;
            }[];
            code: string;
            /** Format: uuid */
            id: string;
            legalBasis: string | null;
            name: string;
            /** Format: uuid */
            parentId: string | null;
            predecessors: components["schemas"]["OrgUnitLink"][];
            shortName: string | null;
            /** @description Staff attached to the unit who have not left */
            staffCount: number;
            successors: components["schemas"]["OrgUnitLink"][];
            /** @description A code of /api/org/unit-types */
            unitType: string;
            validFrom: string;
            validTo: string | null;
        };
        OrgUnitLink: {
            effectiveDate: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "MERGE" | "SPLIT" | "RENAME" | "ABOLISH_TRANSFER_FUNCTIONS";
            name: string;
        };
        OrgUnitType: {
            /** @enum {string} */
            adminLevel: "TRUNG_UONG" | "TINH" | "HUYEN" | "XA" | "KHAC";
            code: string;
            en: string;
            vi: string;
        };
        Person: {
            birthDate: string | null;
            /** @enum {string} */
            category: "CAN_BO" | "CONG_CHUC" | "VIEN_CHUC" | "HOP_DONG";
            email: string | null;
            employeeCode: string;
            fullName: string;
            /** @enum {string|null} */
            gender: "NAM" | "NU" | "KHAC" | null;
            /** Format: uuid */
            id: string;
            joinedOn: string | null;
            leftOn: string | null;
            phone: string | null;
            positionTitle: string | null;
            /** @enum {string} */
            status: "WORKING" | "ON_LEAVE" | "LEFT";
            /** Format: uuid */
            unitId: string;
            unitName: string | null;
            /** @description Send back when changing the record (optimistic concurrency) */
            version: number;
        };
        PersonAssignment: {
            /** @enum {string} */
            assignmentKind: "TUYEN_DUNG" | "BO_NHIEM" | "KIEM_NHIEM" | "BIET_PHAI" | "DIEU_DONG" | "SAP_XEP";
            legalBasis: string | null;
            positionTitle: string | null;
            /** Format: uuid */
            unitId: string;
            unitName: string;
            validFrom: string;
            validTo: string | null;
        };
        PersonAttendanceMonth: {
            days: components["schemas"]["AttendanceDay"][];
            justifications: {
                endDate: string;
                endHalf: string;
                id: string;
                reason: string;
                startDate: string;
                startHalf: string;
                status: string;
                type: string;
            }[];
            month: string;
            personId: string;
            punches: components["schemas"]["Punch"][];
        };
        PersonDetail: {
            /** @description The user account linked to the record */
            account: {
                /** Format: uuid */
                userId: string;
                username: string;
            } | null;
            birthDate: string | null;
            /** @enum {string} */
            category: "CAN_BO" | "CONG_CHUC" | "VIEN_CHUC" | "HOP_DONG";
            email: string | null;
            employeeCode: string;
            fullName: string;
            /** @enum {string|null} */
            gender: "NAM" | "NU" | "KHAC" | null;
            history: components["schemas"]["PersonAssignment"][];
            /** Format: uuid */
            id: string;
            joinedOn: string | null;
            leftOn: string | null;
            phone: string | null;
            positionTitle: string | null;
            /** @enum {string} */
            status: "WORKING" | "ON_LEAVE" | "LEFT";
            /** Format: uuid */
            unitId: string;
            unitName: string | null;
            /** @description Send back when changing the record (optimistic concurrency) */
            version: number;
        };
        Punch: {
            annulled: {
                at: string;
                reason: string;
            } | null;
            at: string;
            confirmedBy: string | null;
            deviceTime: string | null;
            direction: string | null;
            hasEvidence: boolean;
            id: string;
            kind: string;
            localTime: string;
            manualReason: string | null;
            receivedAt: string;
            source: string;
            sourceKind: string;
        };
        PunchBatchResult: {
            accepted: number;
            duplicates: number;
            rejected: number;
            results: components["schemas"]["PunchOutcome"][];
        };
        PunchCorrection: {
            /** Format: date-time */
            at: string | null;
            attachmentRef: string | null;
            /** Format: date-time */
            cancelledAt: string | null;
            createdPunchId: string | null;
            date: string;
            /** Format: date-time */
            decidedAt: string | null;
            decidedBy: string | null;
            decisionNote: string | null;
            direction: components["schemas"]["PunchDirection"] | null;
            id: string;
            kind: components["schemas"]["PunchCorrectionKind"];
            personId: string;
            punchId: string | null;
            reason: string;
            /** Format: date-time */
            requestedAt: string;
            requestedBy: string | null;
            status: components["schemas"]["PunchCorrectionStatus"];
            time: string | null;
            unitId: string;
            version: number;
        };
        PunchCorrectionCreateInput: {
            attachmentRef?: string | null;
            date: string;
            /** @enum {string} */
            direction: "IN" | "OUT";
            /** @enum {string} */
            kind: "ADD_PUNCH";
            /** Format: uuid */
            personId?: string;
            reason: string;
            time: string;
        } | {
            attachmentRef?: string | null;
            /** @enum {string} */
            kind: "VOID_PUNCH";
            /** Format: uuid */
            personId?: string;
            /** Format: uuid */
            punchId: string;
            reason: string;
        };
        /** @enum {string} */
        PunchCorrectionKind: "ADD_PUNCH" | "VOID_PUNCH";
        PunchCorrectionList: {
            items: components["schemas"]["PunchCorrectionListItem"][];
        };
        PunchCorrectionListItem: {
            /** Format: date-time */
            at: string | null;
            attachmentRef: string | null;
            /** Format: date-time */
            cancelledAt: string | null;
            canDecide: boolean;
            createdPunchId: string | null;
            date: string;
            /** Format: date-time */
            decidedAt: string | null;
            decidedBy: string | null;
            decisionBlock: components["schemas"]["RequestDecisionBlock"] | null;
            decisionNote: string | null;
            direction: components["schemas"]["PunchDirection"] | null;
            employeeCode: string;
            fullName: string;
            id: string;
            kind: components["schemas"]["PunchCorrectionKind"];
            personId: string;
            /** Format: date-time */
            punchAt: string | null;
            punchId: string | null;
            punchSource: string | null;
            reason: string;
            /** Format: date-time */
            requestedAt: string;
            requestedBy: string | null;
            status: components["schemas"]["PunchCorrectionStatus"];
            time: string | null;
            unitId: string;
            unitName: string;
            version: number;
        };
        /** @enum {string} */
        PunchCorrectionStatus: "PENDING" | "APPROVED" | "REJECTED" | "CANCELLED";
        /** @enum {string} */
        PunchDirection: "IN" | "OUT";
        PunchEvidenceUpload: {
            bytes: number;
            /** @description Put it in the `evidenceId` of the punch item it shows */
            evidenceId: string;
        };
        PunchOutcome: {
            effectiveAt: string;
            localDate: string;
            punchId: string;
            /** @enum {string} */
            status: "ACCEPTED" | "DUPLICATE";
        } | {
            code: string;
            details?: unknown;
            message_en: string;
            message_vi: string;
            /** @enum {string} */
            status: "REJECTED";
        };
        PunchSource: {
            clockOffsetMs: number | null;
            heartbeatIntervalSeconds: number;
            id: string;
            kind: components["schemas"]["PunchSourceKind"];
            /** Format: date-time */
            lastEventAt: string | null;
            /** Format: date-time */
            lastHeartbeatAt: string | null;
            name: string;
            offline: boolean;
            /** Format: date-time */
            tokenIssuedAt: string | null;
            unitId: string | null;
        };
        PunchSourceHeartbeat: {
            correctionOpened: boolean;
            offsetMs: number | null;
        };
        /** @enum {string} */
        PunchSourceKind: "CAMERA" | "DEVICE" | "MANUAL" | "MOBILE" | "IMPORT" | "CORRECTION";
        PunchSourceToken: {
            id: string;
            token: string;
        };
        RecomputeJob: {
            changed: number;
            /** Format: date-time */
            createdAt: string;
            done: number;
            error: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            from: string;
            id: string;
            skippedBeforeGoLive: number;
            status: components["schemas"]["RecomputeJobStatus"];
            to: string;
            total: number;
            unitId: string;
        };
        /** @enum {string} */
        RecomputeJobStatus: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
        RecomputeStarted: {
            changed: number;
            done: number;
            error: string | null;
            jobId: string;
            personDays: number;
            skippedBeforeGoLive: number;
            status: components["schemas"]["RecomputeJobStatus"];
            today: string;
            total: number;
        };
        RecordingTimeline: {
            /** @description Their total size */
            bytes: number;
            /** Format: uuid */
            cameraId: string;
            /** @description Recorded footage, segments closer than 1.5 s merged */
            coverage: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
            }[];
            /** @description Evidence exports, then legal holds in force, over the range */
            events: {
                /** Format: date-time */
                from: string;
                /** Format: uuid */
                id: string;
                /** @description The reason given */
                label: string;
                /** Format: date-time */
                to: string;
                /** @enum {string} */
                type: "CLIP" | "SNAPSHOT" | "HOLD";
            }[];
            /** Format: date-time */
            from: string;
            gaps: {
                /** Format: date-time */
                from: string;
                reason: string;
                /**
                 * Format: date-time
                 * @description null while the camera is still down
                 */
                to: string | null;
            }[];
            /** @description Segments in the range */
            segments: number;
            /** Format: date-time */
            to: string;
        };
        RequestDecisionBlock: {
            code: string;
            message_en: string;
            message_vi: string;
        };
        RequestWindow: {
            /** @description HH:MM, local time */
            from: string;
            /** @description HH:MM, local time */
            to: string;
        };
        ReviewBulkConfirmInput: {
            /** @description Passes of ONE person: every item names the same personId */
            items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                personId: string;
            }[];
        };
        ReviewBulkConfirmResult: {
            confirmed: number;
            failed: number;
            results: {
                code?: string;
                /** Format: uuid */
                id: string;
                message_en?: string;
                message_vi?: string;
                ok: boolean;
                punchId?: string;
            }[];
        };
        RoleGrant: {
            label: {
                en: string;
                vi: string;
            };
            /** @enum {string} */
            role: "sysadmin" | "chairman" | "office_chief" | "home_affairs_head" | "inspector" | "unit_head" | "staff";
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        RoleInfo: {
            label: {
                en: string;
                vi: string;
            };
            permissions: ("org.read" | "org.manage" | "staff.read" | "staff.manage" | "staff.import" | "users.manage" | "audit.read" | "attendance.read" | "attendance.manage" | "leave.approve" | "calendar.manage" | "camera.live" | "camera.playback" | "camera.manage" | "footage.raw" | "evidence.export" | "faces.enroll" | "faces.review" | "violations.read" | "violations.decide" | "rules.manage" | "inspections.manage" | "reports.read")[];
            /** @enum {string} */
            role: "sysadmin" | "chairman" | "office_chief" | "home_affairs_head" | "inspector" | "unit_head" | "staff";
        };
        RosterEntry: {
            date: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "EXTRA_DUTY" | "OFF_DUTY";
            note: string | null;
            /** Format: uuid */
            personId: string | null;
            /** @enum {string} */
            session: "MORNING" | "AFTERNOON" | "FULL";
            /** Format: uuid */
            unitId: string;
            validFrom: string;
            validTo: string | null;
            weekday: number | null;
        };
        RuleSet: {
            config: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            legalBasis: string | null;
            name: string;
            /** Format: uuid */
            unitId: string;
            /** @description YYYY-MM-DD, first day in force. */
            validFrom: string;
            /** @description YYYY-MM-DD, first day no longer in force; null while current. */
            validTo: string | null;
            version: number;
        };
        SchedulePeriod: {
            afternoon: {
                end: string;
                start: string;
            } | null;
            morning: {
                end: string;
                start: string;
            } | null;
            startsOn: string;
        };
        ScheduleReadiness: {
            confirmed: boolean;
            proposed: components["schemas"]["CalendarDay"][];
            /** @description Today is on or after remindFrom and the schedule is not confirmed */
            reminderDue: boolean;
            /** @description From this date (1 November of the year before) the calendar admins are reminded */
            remindFrom: string;
            tetConfirmed: boolean;
            year: number;
        };
        SourceOutageReport: {
            clippedToGoLive: string | null;
            message_en: string;
            message_vi: string;
            outageId: string;
            recompute: {
                from: string | null;
                personDays: number;
                to: string | null;
            };
        };
        StaffImport: {
            error: string | null;
            fileName: string;
            /** Format: date-time */
            finishedAt: string | null;
            hasReport: boolean;
            /** Format: uuid */
            id: string;
            insertedRows: number;
            /** @enum {string} */
            phase: "reading" | "writing" | "done" | "failed";
            processedRows: number;
            rejectedRows: number;
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            status: "RUNNING" | "DONE" | "FAILED";
            totalRows: number;
            updatedRows: number;
        };
        StoredCameraConnectionTest: {
            codec: string;
            fps: number;
            height: number;
            /** @enum {boolean} */
            ok: true;
            profile: string | null;
            snapshot: string | null;
            snapshotWithheld: boolean;
            width: number;
        };
        Timesheet: {
            days: {
                date: string;
                weekday: number;
            }[];
            month: string;
            rows: components["schemas"]["TimesheetRow"][];
        };
        TimesheetCell: {
            revision: number;
            sessions: {
                absenceRequestId: string | null;
                arrivalPermission: components["schemas"]["AttendancePermissionRef"] | null;
                departurePermission: components["schemas"]["AttendancePermissionRef"] | null;
                earlyLeaveMinutes: number;
                lateMinutes: number;
                session: string;
                status: components["schemas"]["AttendanceStatus"];
            }[];
            status: components["schemas"]["AttendanceStatus"];
        };
        TimesheetRow: {
            cells: {
                [key: string]: components["schemas"]["TimesheetCell"];
            };
            employeeCode: string;
            fullName: string;
            personId: string;
            totals: {
                [key: string]: number;
            };
            unitId: string;
        };
        TodayAttendance: {
            /**
             * Format: date-time
             * @description The instant the statuses are computed at (punches received up to then).
             */
            asOf: string;
            /** @description YYYY-MM-DD (Asia/Ho_Chi_Minh). */
            date: string;
            /** @description Units whose attendance go-live is after the date: nobody there is judged yet, so their people are neither listed nor counted. */
            notLive: components["schemas"]["TodayAttendanceNotLiveUnit"][];
            persons: components["schemas"]["TodayAttendancePerson"][];
            summary: components["schemas"]["TodayAttendanceSummary"];
        };
        TodayAttendanceNotLiveUnit: {
            /** @description YYYY-MM-DD: the unit’s attendance go-live (its own or inherited), after the date shown. */
            judgedFrom: string;
            /** @description People placed in the unit on the date, left out of the list and the counts. */
            persons: number;
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        TodayAttendancePerson: {
            /** Format: date-time */
            arrivedAt: string | null;
            employeeCode: string;
            /**
             * Format: date-time
             * @description Start of the first planned session, or the end of an approved late-arrival window covering it.
             */
            expectedStart: string | null;
            fullName: string;
            /** @description ON_LEAVE: the approved request (leave, trip, training…). */
            justificationType: components["schemas"]["LeaveRequestType"] | null;
            /** @description Minutes late after the grace; null when not late (an approved late-arrival permission means not late). */
            lateMinutes: number | null;
            /** Format: date-time */
            leftAt: string | null;
            /** Format: uuid */
            personId: string;
            /** @description Punch source of the arrival (or of the departure when no arrival was seen). */
            source: string | null;
            status: components["schemas"]["TodayAttendanceStatus"];
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        /** @enum {string} */
        TodayAttendanceStatus: "ARRIVED" | "LATE" | "NOT_YET" | "ON_LEAVE" | "DAY_OFF" | "LEFT";
        TodayAttendanceSummary: {
            /** @description Of the expected, those seen arriving (late ones and those who already left included). */
            arrived: number;
            dayOff: number;
            /** @description People with planned work today not on approved leave. */
            expected: number;
            late: number;
            notYetArrived: number;
            onLeave: number;
        };
        UserAccount: {
            displayName: string;
            /** Format: uuid */
            id: string;
            isActive: boolean;
            /** Format: date-time */
            lastLoginAt: string | null;
            /** Format: date-time */
            lockedUntil: string | null;
            /** Format: uuid */
            personId: string | null;
            personName: string | null;
            roles: components["schemas"]["UserRoleAssignment"][];
            username: string;
        };
        UserRoleAssignment: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "sysadmin" | "chairman" | "office_chief" | "home_affairs_head" | "inspector" | "unit_head" | "staff";
            /** Format: uuid */
            unitId: string;
            unitName: string;
            /** @description YYYY-MM-DD */
            validFrom: string;
            /** @description YYYY-MM-DD, exclusive */
            validTo: string | null;
        };
        ViewGrant: {
            canLive: boolean;
            canPlayback: boolean;
            createdAt: string;
            displayName: string;
            grantedBy: string | null;
            grantedFor: {
                id: string;
                label: string;
                type: string;
            } | null;
            id: string;
            reason: string;
            userId: string;
            username: string;
            validFrom: string | null;
            validUntil: string | null;
        };
        ViewGrantCandidate: {
            displayName: string;
            id: string;
            personName: string | null;
            unitName: string | null;
            username: string;
        };
        ViewGrantCreated: {
            id: string;
            replaced: string[];
        };
        ViolationCaseStatus: {
            /** @enum {string|null} */
            decision: "DISMISSED" | "REMINDED" | "ESCALATED" | null;
            /** Format: date-time */
            explanationDueAt: string | null;
            proposal: {
                [key: string]: unknown;
            } | null;
            /** @enum {string} */
            state: "OPENED" | "NOTIFIED" | "EXPLANATION_REQUESTED" | "EXPLAINED" | "NO_ANSWER" | "DECIDED" | "DISCIPLINE_PROPOSED" | "CLOSED" | "RETRACTED";
        };
        ViolationDashboard: {
            overdueExplanations: {
                /** Format: date-time */
                dueAt: string;
                dueOn: string;
                /** @enum {string} */
                kind: "LATE" | "EARLY_LEAVE" | "ABSENT_NO_REASON" | "LEAVE_NOT_REPORTED" | "AWAITING_JUSTIFICATION" | "OTHER";
                name: string;
                occurredOn: string;
                /** @enum {string} */
                state: "OPENED" | "NOTIFIED" | "EXPLANATION_REQUESTED" | "EXPLAINED" | "NO_ANSWER" | "DECIDED" | "DISCIPLINE_PROPOSED" | "CLOSED" | "RETRACTED";
                unitName: string;
                /** Format: uuid */
                violationId: string;
            }[];
            /** @description People with three or more upheld violations in the last 30 days. */
            repeatOffenders: {
                absent: number;
                count: number;
                earlyLeave: number;
                lastOn: string;
                late: number;
                name: string;
                /** Format: uuid */
                personId: string;
                unitName: string;
                /** @description The upheld violations the count is made of (not retracted, not dismissed, not awaiting justification). */
                violations: {
                    /** Format: uuid */
                    id: string;
                    /** @enum {string} */
                    kind: "LATE" | "EARLY_LEAVE" | "ABSENT_NO_REASON" | "LEAVE_NOT_REPORTED" | "AWAITING_JUSTIFICATION" | "OTHER";
                    occurredOn: string;
                }[];
            }[];
            today: {
                byUnit: {
                    count: number;
                    /** @enum {string} */
                    kind: "LATE" | "EARLY_LEAVE" | "ABSENT_NO_REASON" | "LEAVE_NOT_REPORTED" | "AWAITING_JUSTIFICATION" | "OTHER";
                    people: {
                        minutes: number | null;
                        name: string;
                        /** Format: uuid */
                        personId: string;
                        session: string | null;
                        /** Format: uuid */
                        violationId: string;
                    }[];
                    /** Format: uuid */
                    unitId: string;
                    unitName: string;
                }[];
                /** @description Today in Vietnam, YYYY-MM-DD. */
                date: string;
            };
            trends: {
                monthly: {
                    /** @enum {string} */
                    kind: "LATE" | "EARLY_LEAVE" | "ABSENT_NO_REASON" | "LEAVE_NOT_REPORTED" | "AWAITING_JUSTIFICATION" | "OTHER";
                    /** @description YYYY-MM. */
                    month: string;
                    n: number;
                }[];
                weekly: {
                    /** @enum {string} */
                    kind: "LATE" | "EARLY_LEAVE" | "ABSENT_NO_REASON" | "LEAVE_NOT_REPORTED" | "AWAITING_JUSTIFICATION" | "OTHER";
                    n: number;
                    /** @description Monday of the ISO week, YYYY-MM-DD. */
                    week: string;
                }[];
            };
        };
        ViolationDetail: {
            allowedActions: ("notify" | "request_explanation" | "explain" | "mark_no_answer" | "decide" | "propose_discipline" | "close" | "retract")[];
            case: {
                /** Format: date-time */
                closedAt: string | null;
                /** Format: date-time */
                decidedAt: string | null;
                /** @enum {string|null} */
                decision: "DISMISSED" | "REMINDED" | "ESCALATED" | null;
                decisionLabel: {
                    en: string;
                    vi: string;
                } | null;
                decisionReason: string | null;
                /** Format: date-time */
                explanationDueAt: string | null;
                explanationDueOn: string | null;
                limitationUntil: string | null;
                processingDueOn: string | null;
                proposal: {
                    [key: string]: unknown;
                } | null;
                /** @enum {string} */
                state: "OPENED" | "NOTIFIED" | "EXPLANATION_REQUESTED" | "EXPLAINED" | "NO_ANSWER" | "DECIDED" | "DISCIPLINE_PROPOSED" | "CLOSED" | "RETRACTED";
                stateLabel: {
                    en: string;
                    vi: string;
                };
            } | null;
            /** @description For those who may decide: the regime and time limits that apply. */
            discipline: components["schemas"]["DisciplineContext"] | null;
            evidence: {
                /** Format: uuid */
                cameraId: string | null;
                contentType: string | null;
                details: {
                    [key: string]: unknown;
                };
                /** Format: uuid */
                exportId: string | null;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "SNAPSHOT" | "CLIP" | "GATE_COVERAGE" | "PUNCH" | "DOCUMENT";
                note: string | null;
                /** @description A file can be fetched from …/evidence/{evidenceId}/content. */
                playable: boolean;
                /** Format: uuid */
                punchId: string | null;
                /** Format: date-time */
                rangeEnd: string | null;
                /** Format: date-time */
                rangeStart: string | null;
                sha256: string | null;
                /** @enum {string} */
                status: "REQUESTED" | "READY" | "UNAVAILABLE" | "FAILED";
            }[];
            explanations: {
                body: string;
                files: {
                    contentType: string;
                    fileName: string;
                    /** Format: uuid */
                    id: string;
                    sha256: string;
                    sizeBytes: number;
                }[];
                /** Format: uuid */
                id: string;
                /** Format: date-time */
                submittedAt: string;
            }[];
            facts: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            judgement: {
                /** @description The upheld violations the ordinal was counted from. The judgement is never redone: one dismissed or retracted since is shown as such. */
                countedFrom: {
                    /** Format: uuid */
                    id: string;
                    /** @enum {string} */
                    kind: "LATE" | "EARLY_LEAVE" | "ABSENT_NO_REASON" | "LEAVE_NOT_REPORTED" | "AWAITING_JUSTIFICATION" | "OTHER";
                    kindLabel: {
                        en: string;
                        vi: string;
                    };
                    occurredOn: string;
                    /**
                     * @description What became of it after it was counted.
                     * @enum {string}
                     */
                    since: "UPHELD" | "DISMISSED" | "RETRACTED";
                    stillUpheld: boolean;
                }[];
                /** @description False for violations judged before the counted ids were kept. */
                countedRecorded: boolean;
                /** @description False while the fact awaits justification: no ordinal and no step yet. */
                judged: boolean;
                /** Format: date-time */
                judgedAt: string | null;
                notifyUnitHead: boolean;
                /** @enum {string} */
                proposedAction: "REMINDER" | "WRITTEN_REMINDER" | "PROPOSE_REVIEW";
                proposedActionLabel: {
                    en: string;
                    vi: string;
                };
                repeatOrdinal: number;
                repeatWindow: string | null;
                /** @description The regulation the judgement used, or the system default when the unit had none. */
                rulesBasis: {
                    en: string;
                    vi: string;
                };
                /** Format: uuid */
                ruleSetId: string | null;
                ruleVersion: number | null;
            };
            /** @enum {string} */
            kind: "LATE" | "EARLY_LEAVE" | "ABSENT_NO_REASON" | "LEAVE_NOT_REPORTED" | "AWAITING_JUSTIFICATION" | "OTHER";
            /** @description The history of this fact’s kind (one fact, one violation). */
            kindChanges: {
                /** Format: date-time */
                at: string;
                attendanceRevision: number | null;
                cause: string;
                causeLabel: {
                    en: string;
                    vi: string;
                };
                details: {
                    [key: string]: unknown;
                };
                /** @enum {string} */
                from: "LATE" | "EARLY_LEAVE" | "ABSENT_NO_REASON" | "LEAVE_NOT_REPORTED" | "AWAITING_JUSTIFICATION" | "OTHER";
                fromLabel: {
                    en: string;
                    vi: string;
                };
                notified: boolean;
                /** @enum {string} */
                to: "LATE" | "EARLY_LEAVE" | "ABSENT_NO_REASON" | "LEAVE_NOT_REPORTED" | "AWAITING_JUSTIFICATION" | "OTHER";
                toLabel: {
                    en: string;
                    vi: string;
                };
            }[];
            kindLabel: {
                en: string;
                vi: string;
            };
            minutes: number | null;
            occurredOn: string;
            person: {
                /** @enum {string} */
                category: "CAN_BO" | "CONG_CHUC" | "VIEN_CHUC" | "HOP_DONG";
                employeeCode: string;
                /** Format: uuid */
                id: string;
                name: string;
                positionTitle: string | null;
            } | null;
            retraction: {
                /** Format: date-time */
                at: string;
                details: {
                    [key: string]: unknown;
                } | null;
                reason: string | null;
                reasonLabel: {
                    en: string;
                    vi: string;
                } | null;
            } | null;
            session: string | null;
            /** @enum {string} */
            source: "ATTENDANCE" | "INSPECTION" | "LEADER";
            /** @description Whose attendance thresholds measured the fact; says so plainly when the system default was used. */
            thresholds: {
                en: string;
                vi: string;
            } | null;
            title: string;
            transitions: {
                actorName: string;
                /** Format: date-time */
                at: string;
                details: {
                    [key: string]: unknown;
                };
                /** @enum {string|null} */
                from: "OPENED" | "NOTIFIED" | "EXPLANATION_REQUESTED" | "EXPLAINED" | "NO_ANSWER" | "DECIDED" | "DISCIPLINE_PROPOSED" | "CLOSED" | "RETRACTED" | null;
                reason: string | null;
                /** @enum {string} */
                to: "OPENED" | "NOTIFIED" | "EXPLANATION_REQUESTED" | "EXPLAINED" | "NO_ANSWER" | "DECIDED" | "DISCIPLINE_PROPOSED" | "CLOSED" | "RETRACTED";
            }[];
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        ViolationSummary: {
            /** @enum {string|null} */
            decision: "DISMISSED" | "REMINDED" | "ESCALATED" | null;
            employeeCode: string;
            /** Format: date-time */
            explanationDueAt: string | null;
            /** @description The last day to explain (deadlines run to the end of a local day). */
            explanationDueOn: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "LATE" | "EARLY_LEAVE" | "ABSENT_NO_REASON" | "LEAVE_NOT_REPORTED" | "AWAITING_JUSTIFICATION" | "OTHER";
            minutes: number | null;
            occurredOn: string;
            /** Format: uuid */
            personId: string;
            personName: string;
            /** @enum {string} */
            proposedAction: "REMINDER" | "WRITTEN_REMINDER" | "PROPOSE_REVIEW";
            repeatOrdinal: number;
            repeatWindow: string | null;
            retracted: boolean;
            session: string | null;
            /** @enum {string} */
            source: "ATTENDANCE" | "INSPECTION" | "LEADER";
            /** @enum {string} */
            state: "OPENED" | "NOTIFIED" | "EXPLANATION_REQUESTED" | "EXPLAINED" | "NO_ANSWER" | "DECIDED" | "DISCIPLINE_PROPOSED" | "CLOSED" | "RETRACTED";
            title: string;
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        WorkSchedule: {
            docDate: string | null;
            docNumber: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            periods: components["schemas"]["SchedulePeriod"][];
            /** Format: uuid */
            unitId: string | null;
            validFrom: string;
            validTo: string | null;
            /** @description ISO weekdays worked, 1 = Monday … 7 = Sunday */
            weekdays: number[];
        };
    };
    responses: {
        /** @description Dữ liệu gửi lên không hợp lệ / The request is invalid (VALIDATION_FAILED or a rule of the operation) */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Xung đột với trạng thái hiện tại / Conflicts with the current state (taken codes, stale versions, closed records) */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Không có quyền, ngoài phạm vi hoặc sai mã CSRF / Missing permission, out of scope, or a bad CSRF token */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Lỗi hệ thống (kèm correlation_id) / Internal error (with a correlation_id) */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Không tìm thấy bản ghi / A record the request names does not exist (NOT_FOUND) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Lỗi khác (xem ErrorResponse.code) / Another error (see ErrorResponse.code) */
        OtherError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Nội dung gửi lên quá lớn / The body or an uploaded file is too large */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Quá nhiều yêu cầu trong thời gian ngắn / Too many requests in a short time */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Chưa đăng nhập hoặc phiên hết hạn / Not signed in, or the session expired (UNAUTHENTICATED) */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Máy chủ hoặc cơ sở dữ liệu tạm thời không sẵn sàng / The server or its database is temporarily unavailable; retry */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
