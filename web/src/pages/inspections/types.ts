import type { Schemas } from '../../api/contract';

/**
 * Types of the inspection pages. The API's shapes are the generated ones (schema.gen.ts, from the server's zod DTOs
 * in src/modules/inspections/*.dto.ts) under the names the pages already use; only the device outbox payloads are
 * local. Instants are ISO strings on the wire, calendar dates 'YYYY-MM-DD'.
 */
export type InspectionKind = Schemas['InspectionKind'];
export type InspectionState = Schemas['InspectionState'];
export type Verdict = Schemas['InspectionVerdict'];
export type InspectionSummary = Schemas['InspectionSummary'];
export type Label = InspectionSummary['kindLabel'];
export type InspectionPage = Schemas['InspectionPage'];
export type PlanTarget = Schemas['InspectionPlanTarget'];
export type Plan = Schemas['InspectionPlan'];
export type Inspection = Schemas['Inspection'];
export type Member = Schemas['InspectionMember'];
export type MemberRole = Schemas['InspectionMemberRole'];
export type ItemResult = Schemas['InspectionItemResult'];
export type Finding = Schemas['InspectionFinding'];
export type Photo = Schemas['InspectionPhoto'];
export type Evidence = Schemas['InspectionEvidence'];
export type InspectionCamera = Schemas['InspectionCamera'];
export type InspectionDocument = Schemas['InspectionDocument'];
export type Recommendation = Schemas['InspectionRecommendation'];
export type RecommendationKind = Recommendation['kind'];
export type Remediation = Schemas['InspectionRemediation'];
export type AttendanceAtVisit = Schemas['InspectionAttendanceAtVisit'];
export type InspectionCan = Schemas['InspectionCan'];
export type InspectionView = Schemas['InspectionView'];
export type InspectionStats = Schemas['InspectionStats'];

/**
 * GET /api/inspections/:id/member-candidates (added with the team editor; schema.gen.ts is regenerated at
 * integration, then this becomes Schemas['InspectionMemberCandidate']).
 */
export interface MemberCandidate {
  userId: string;
  personId: string | null;
  name: string;
  unitName: string;
  onTeam: boolean;
}

/** Payloads of the device outbox entries (offline queue) for inspections. */
export interface ResultPayload {
  inspectionId: string;
  itemId: string;
  verdict: Verdict | null;
  note: string;
}
export interface FindingPayload {
  inspectionId: string;
  clientId: string;
  itemId: string;
  personId: string | null;
  personName: string | null;
  description: string;
  observedAt: string;
}
export interface PhotoPayload {
  inspectionId: string;
  clientId: string;
  blob: Blob;
  itemId: string | null;
  /** Client id of the finding it belongs to (its server id is known once the finding is sent). */
  findingClientId: string | null;
  takenAt: string | null;
  lat: number | null;
  lon: number | null;
}
