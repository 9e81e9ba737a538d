/**
 * Local types of the inspections API, written from the server's DTOs (src/modules/inspections/inspections.dto.ts
 * and followup.dto.ts: InspectionView, InspectionSummary, InspectionPlan, InspectionStats …) while those routes and
 * the regenerated schema.gen.ts land; the integrator may replace them with `Schemas['…']`. Instants are ISO strings
 * on the wire, calendar dates 'YYYY-MM-DD'.
 */
export type Label = { vi: string; en: string };
export type InspectionKind = 'PLANNED' | 'SURPRISE' | 'INTER_AGENCY' | 'ON_COMPLAINT';
export type InspectionState = 'DRAFT' | 'DECIDED' | 'IN_PROGRESS' | 'MINUTES_ISSUED' | 'CONCLUDED' | 'REMEDIATING' | 'CLOSED';
export type Verdict = 'PASS' | 'FAIL' | 'NA';
export type RecommendationKind = 'REMIND' | 'CRITICIZE' | 'SELF_REVIEW' | 'PROPOSE_DISCIPLINE' | 'FIX';

export interface InspectionSummary {
  id: string;
  planId: string | null;
  kind: InspectionKind;
  kindLabel: Label;
  state: InspectionState;
  stateLabel: Label;
  title: string;
  issuerUnitId: string;
  issuerUnitName: string;
  targetUnitId: string;
  targetUnitName: string;
  plannedFrom: string;
  plannedTo: string;
  decisionNo: string | null;
  startedAt: string | null;
  findings: number;
  member: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PlanTarget {
  unitId: string;
  unitName: string;
  plannedFrom: string;
  plannedTo: string;
  inspections: number;
}

export interface Plan {
  id: string;
  issuerUnitId: string;
  issuerUnitName: string;
  year: number;
  periodLabel: string;
  title: string;
  note: string;
  targets: PlanTarget[];
  createdAt: string;
}

export interface Inspection extends Omit<InspectionSummary, 'findings' | 'member' | 'decisionNo' | 'startedAt'> {
  scope: string;
  place: string;
  checklistId: string;
  checklistVersion: number;
  decisionNo: string | null;
  decisionDate: string | null;
  decisionSigner: string | null;
  startedAt: string | null;
  endedAt: string | null;
  representativeName: string | null;
  representativeTitle: string | null;
  representativeOpinion: string | null;
  disagreement: string | null;
  closingNote: string | null;
  closedAt: string | null;
  createdAt: string;
}

export interface Member {
  userId: string;
  personId: string | null;
  role: 'HEAD' | 'MEMBER' | 'SECRETARY';
  name: string;
  title: string;
}

export interface ItemResult {
  id: string;
  ord: number;
  code: string;
  titleVi: string;
  titleEn: string;
  legalBasis: string;
  perPerson: boolean;
  violationKind: string | null;
  verdict: Verdict | null;
  verdictLabel: Label | null;
  note: string;
  updatedAt: string | null;
}

export interface Finding {
  id: string;
  clientId: string;
  itemId: string;
  itemCode: string;
  personId: string | null;
  personName: string | null;
  description: string;
  observedAt: string;
  violationId: string | null;
  createdAt: string;
}

export interface Photo {
  id: string;
  clientId: string;
  findingId: string | null;
  itemId: string | null;
  contentType: string;
  bytes: number;
  sha256: string;
  takenAt: string | null;
  lat: number | null;
  lon: number | null;
  url: string;
  createdAt: string;
}

export interface Evidence {
  id: string;
  exportId: string;
  kind: 'SNAPSHOT' | 'CLIP';
  cameraId: string;
  findingId: string | null;
  sha256: string;
  reason: string;
  createdAt: string;
}

export interface InspectionCamera {
  id: string;
  name: string;
  unitId: string;
  location: string | null;
  viewableUntil: string;
}

export interface InspectionDocument {
  id: string;
  kind: 'MINUTES' | 'CONCLUSION';
  numberText: string;
  year: number;
  sha256: string;
  issuedAt: string;
  url: string;
}

export interface Recommendation {
  id: string;
  kind: RecommendationKind;
  kindLabel: Label;
  text: string;
  personId: string | null;
  personName: string | null;
}

export interface Remediation {
  id: string;
  description: string;
  ownerUnitId: string;
  ownerUnitName: string;
  responsiblePersonId: string | null;
  dueOn: string;
  state: 'OPEN' | 'REPORTED' | 'DONE' | 'OVERDUE';
  stateLabel: Label;
  overdue: boolean;
  report: string | null;
  reportedAt: string | null;
  closedNote: string | null;
  closedAt: string | null;
}

export interface AttendanceAtVisit {
  date: string;
  at: string;
  present: number;
  total: number;
  persons: Array<{ personId: string; name: string; employeeCode: string; status: string; arrivedAt: string | null; punchedInByVisit: boolean }>;
}

export interface InspectionCan {
  manage: boolean;
  fieldWork: boolean;
  minutes: boolean;
  conclude: boolean;
  report: boolean;
  close: boolean;
}

export interface InspectionView {
  inspection: Inspection;
  members: Member[];
  items: ItemResult[];
  findings: Finding[];
  photos: Photo[];
  evidence: Evidence[];
  documents: InspectionDocument[];
  recommendations: Recommendation[];
  remediations: Remediation[];
  attendanceAtVisit: AttendanceAtVisit | null;
  can: InspectionCan;
}

export interface InspectionStats {
  from: string;
  to: string;
  asOf: string;
  total: number;
  byKind: Array<{ key: string; label: Label; count: number }>;
  byTargetType: Array<{ key: string; label: Label; count: number }>;
  findingsByItem: Array<{ code: string; titleVi: string; titleEn: string; findings: number; failed: number }>;
  findingsByUnit: Array<{ unitId: string; unitName: string; inspections: number; findings: number; violations: number }>;
  byMonth: Array<{ month: string; inspections: number; findings: number }>;
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
