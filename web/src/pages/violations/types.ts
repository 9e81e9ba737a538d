import type { Bilingual } from '../../api/types';

/** Wire shapes of the violations API (src/modules/violations/*.routes.ts, src/modules/workflow/workflow.routes.ts). */
export interface ViolationListItem {
  id: string;
  personId: string;
  personName: string;
  employeeCode: string;
  unitId: string;
  unitName: string;
  kind: string;
  source: string;
  occurredOn: string;
  session: string | null;
  minutes: number | null;
  title: string;
  repeatOrdinal: number;
  repeatWindow: string | null;
  proposedAction: string;
  retracted: boolean;
  state: string;
  explanationDueAt: string | null;
  explanationDueOn: string | null;
  decision: string | null;
}

export interface DisciplineForm {
  code: string;
  vi: string;
  en: string;
  leadersOnly?: boolean;
  nonLeadersOnly?: boolean;
  electedOnly?: boolean;
}

export interface DisciplineContext {
  category: string;
  asOf: string;
  violationDate: string;
  regime: { code: string; nameVi: string; nameEn: string; legalBasis: string; forms: DisciplineForm[]; note: Bilingual };
  deadlines: {
    limitationReprimandUntil: string | null;
    limitationHeavierUntil: string | null;
    processingDueOn: string | null;
    processingExtendedDueOn: string | null;
  };
}

export interface Evidence {
  id: string;
  kind: string;
  status: string;
  cameraId: string | null;
  punchId: string | null;
  rangeStart: string | null;
  rangeEnd: string | null;
  exportId: string | null;
  sha256: string | null;
  contentType: string | null;
  details: Record<string, unknown>;
  note: string | null;
  playable: boolean;
}

export interface ViolationDetail {
  id: string;
  person: { id: string; name: string; employeeCode: string; category: string; positionTitle: string | null } | null;
  unitId: string;
  unitName: string;
  kind: string;
  kindLabel: Bilingual;
  source: string;
  occurredOn: string;
  session: string | null;
  minutes: number | null;
  title: string;
  facts: Record<string, unknown>;
  judgement: {
    ruleSetId: string | null;
    ruleVersion: number | null;
    repeatOrdinal: number;
    repeatWindow: string | null;
    proposedAction: string;
    proposedActionLabel: Bilingual;
    notifyUnitHead: boolean;
  };
  retraction: { at: string; reason: string; details: Record<string, unknown> } | null;
  case: {
    state: string;
    stateLabel: Bilingual;
    explanationDueAt: string | null;
    explanationDueOn: string | null;
    decision: string | null;
    decisionLabel: Bilingual | null;
    decisionReason: string | null;
    decidedAt: string | null;
    proposal: { note: string; regime: DisciplineContext['regime']; deadlines: DisciplineContext['deadlines'] } | null;
    processingDueOn: string | null;
    limitationUntil: string | null;
    closedAt: string | null;
  } | null;
  transitions: Array<{ from: string | null; to: string; actorName: string; reason: string | null; at: string }>;
  explanations: Array<{ id: string; body: string; submittedAt: string; files: Array<{ id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string }> }>;
  evidence: Evidence[];
  allowedActions: string[];
  discipline: DisciplineContext | null;
}

export interface Dashboard {
  today: { date: string; byUnit: Array<{ unitId: string; unitName: string; kind: string; count: number; people: Array<{ violationId: string; personId: string; name: string; minutes: number | null; session: string | null }> }> };
  trends: { weekly: Array<{ week: string; kind: string; n: number }>; monthly: Array<{ month: string; kind: string; n: number }> };
  repeatOffenders: Array<{ personId: string; name: string; unitName: string; count: number; late: number; earlyLeave: number; absent: number; lastOn: string }>;
  overdueExplanations: Array<{ violationId: string; name: string; unitName: string; kind: string; occurredOn: string; dueAt: string; dueOn: string; state: string }>;
}

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
