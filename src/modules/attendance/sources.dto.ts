import { z } from 'zod';
import { ZPunchSourceKind } from './attendance.dto';

/** Response schemas of the punch-source routes (sources.routes.ts). */

/** A punch source as its managers see it: health (heartbeats, open outage) and the clock correction in force. */
export const ZPunchSource = z
  .object({
    id: z.string(),
    kind: ZPunchSourceKind,
    name: z.string(),
    /** Null for a source registered by server code (e.g. a camera's first punch): system administrators only. */
    unitId: z.string().nullable(),
    heartbeatIntervalSeconds: z.number().int(),
    lastHeartbeatAt: z.date().nullable(),
    lastEventAt: z.date().nullable(),
    tokenIssuedAt: z.date().nullable(),
    /** An outage of this source is open. */
    offline: z.boolean(),
    /** Device clock minus true time, in force now; null when none. */
    clockOffsetMs: z.number().int().nullable(),
  })
  .meta({ id: 'PunchSource' });

/** A source's bearer token: shown once, when it is issued. */
export const ZPunchSourceToken = z.object({ id: z.string(), token: z.string() }).meta({ id: 'PunchSourceToken' });

export const ZHeartbeatResult = z
  .object({
    /** Median clock offset of the recent heartbeats (ms), null while fewer than three carried a device time. */
    offsetMs: z.number().nullable(),
    correctionOpened: z.boolean(),
  })
  .meta({ id: 'PunchSourceHeartbeat' });
