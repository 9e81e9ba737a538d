/** The matters whose decider the competence table names (CONTRACT C2). */
export const MATTERS = ['LEAVE_APPROVAL', 'ATTENDANCE_CORRECTION', 'VIOLATION_HANDLING', 'DISCIPLINE_DECISION'] as const;
export type Matter = (typeof MATTERS)[number];

export interface CompetenceQuery {
  matter: Matter;
  subjectPersonId: string;
  /** yyyy-mm-dd, the day the act is done. */
  date: string;
}

export type CompetenceCode = 'COMPETENCE_OWN_CASE' | 'COMPETENCE_SUPERIOR_CASE' | 'COMPETENCE_NOT_COMPETENT';

export interface CompetenceVerdict {
  allowed: boolean;
  code: null | CompetenceCode;
  message_vi: string | null;
  message_en: string | null;
  competentUnitId: string | null;
  competentUnitName: string | null;
  /** The competent level is outside this installation's org (e.g. provincial). */
  external: boolean;
  legalBasis: string | null;
}

export interface CompetentDecider {
  userId: string;
  personId: string | null;
  name: string;
  email: string | null;
}
