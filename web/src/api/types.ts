/** Shapes of the foundation API (docs/api-foundation.md). Dates are 'YYYY-MM-DD', instants ISO-8601 UTC. */

export type Locale = 'vi' | 'en';
export type Bilingual = { vi: string; en: string };

export interface RoleGrant {
  role: string;
  label: Bilingual;
  unitId: string;
  unitName: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  locale: Locale;
  csrfToken: string;
  mustChangePassword: boolean;
  roles: RoleGrant[];
  permissions: string[];
}

export interface UnitType {
  code: string;
  vi: string;
  en: string;
  adminLevel: string;
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  unitType: string;
  adminLevel: string;
  adminUnitCode: string | null;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  legalBasis: string | null;
  staffCount: number;
}

export interface UnitLink {
  id: string;
  name: string;
  kind?: string;
  effectiveDate?: string;
}

export interface UnitDetail extends Unit {
  ancestry: Array<{ id: string; name: string }>;
  predecessors: UnitLink[];
  successors: UnitLink[];
}

export type StaffCategory = 'CAN_BO' | 'CONG_CHUC' | 'VIEN_CHUC' | 'HOP_DONG';
export type StaffStatus = 'WORKING' | 'ON_LEAVE' | 'LEFT';
export const STAFF_CATEGORIES: StaffCategory[] = ['CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'HOP_DONG'];
export const STAFF_STATUSES: StaffStatus[] = ['WORKING', 'ON_LEAVE', 'LEFT'];

/** One row of the staff list. Fields beyond these may come back; the UI shows the ones it knows. */
export interface StaffRow {
  id: string;
  employeeCode: string;
  fullName: string;
  category: StaffCategory;
  status: StaffStatus;
  unitId: string;
  unitName: string;
  positionTitle?: string | null;
  joinedOn?: string | null;
  leftOn?: string | null;
  birthDate?: string | null;
  /** NAM | NU | KHAC */
  gender?: string | null;
  email?: string | null;
  phone?: string | null;
  version?: number;
  [extra: string]: unknown;
}

export interface StaffHistoryEntry {
  unitId: string;
  unitName: string;
  positionTitle: string | null;
  assignmentKind: string | null;
  validFrom: string;
  validTo: string | null;
  legalBasis: string | null;
}

export interface StaffDetail extends StaffRow {
  history: StaffHistoryEntry[];
  account: { userId: string; username: string } | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page?: number;
  pageSize?: number;
}

export interface ImportJob {
  id: string;
  fileName: string;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  totalRows: number | null;
  processedRows: number;
  insertedRows: number;
  updatedRows: number;
  rejectedRows: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  /** Whether an error report (the rejected rows) can be downloaded. */
  hasReport?: boolean;
  phase?: string;
}

export interface UserRoleAssignment {
  id: string;
  role: string;
  unitId: string;
  unitName: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  personName: string | null;
  isActive: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  roles: UserRoleAssignment[];
}

export interface RoleInfo {
  role: string;
  label: Bilingual;
  permissions: string[];
}

export interface AuditRow {
  seq: number;
  at: string;
  actorName: string | null;
  ip: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  unitId: string | null;
  reason: string | null;
  details: unknown;
  prevHash: string;
  hash: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  lastHash: string | null;
  brokenAt?: { seq: number; problem: string; expected: string; found: string };
  /** Every problem found (edited rows, gaps, cut tail, rewritten chain, altered or missing signed anchors). */
  problems?: { kind: string; seq?: number; toSeq?: number; messageVi: string; messageEn: string }[];
  moreProblems?: number;
}
