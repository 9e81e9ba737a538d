import type { Db } from '../../platform/ports/db';
import type { SessionName } from '../calendar';
import { coveredSessions } from './domain/compute-day';
import type { JustificationInput } from './domain/types';

/**
 * What the requests (leave, trips, late-arrival / early-leave permissions, punch corrections) contribute to the
 * computation of person-days (CONTRACT C4). Owned by the requests side; called by recompute.service.ts, once per
 * slice of persons, so a whole month of a unit costs one query per kind.
 */

/** A partial-session permission: from–to in minutes after local midnight. */
export interface PermissionWindow {
  fromMin: number;
  toMin: number;
}

/** A justification as it bears on one date, with the window of a partial-session permission (null otherwise). */
export type JustificationDayInput = JustificationInput & { window: PermissionWindow | null };

/** An approved punch correction of a day, for traces (retractions, the person's month view). */
export interface DayCorrection {
  requestId: string;
  kind: 'ADD_PUNCH' | 'VOID_PUNCH';
  /** ADD_PUNCH: the punch it created; VOID_PUNCH: the punch it declared wrong. */
  punchId: string;
}

export interface RequestInputs {
  /** Approved and pending requests covering sessions of (person, date). */
  justificationsOf(personId: string, date: string): JustificationDayInput[];
  /** Punches an approved correction declared wrong (DayInput.voidedPunchIds); the raw rows stay. */
  voidedPunchIdsOf(personId: string, date: string): string[];
  /** Approved corrections of (person, date), both kinds. */
  correctionsOf(personId: string, date: string): DayCorrection[];
}

interface JustRow {
  id: string;
  person_id: string;
  type: JustificationInput['type'];
  start_date: string;
  start_half: SessionName;
  end_date: string;
  end_half: SessionName;
  status: 'APPROVED' | 'PENDING';
  window_from_min: number | null;
  window_to_min: number | null;
}

interface CorrectionRow {
  id: string;
  person_id: string;
  date: string;
  kind: 'ADD_PUNCH' | 'VOID_PUNCH';
  punch_id: string | null;
  created_punch_id: string | null;
}

/** Loads the request inputs of the given persons for the dates [from, to]. */
export async function loadRequestInputs(db: Db, personIds: readonly string[], from: string, to: string): Promise<RequestInputs> {
  const [justRows, corrRows] = await Promise.all([
    db.query<JustRow>(
      `SELECT id, person_id, type, start_date, start_half, end_date, end_half, status, window_from_min, window_to_min FROM justifications
        WHERE person_id = ANY($1::uuid[]) AND status IN ('APPROVED', 'PENDING') AND start_date <= $3 AND end_date >= $2`,
      [personIds, from, to],
    ),
    db.query<CorrectionRow>(
      `SELECT id, person_id, date, kind, punch_id, created_punch_id FROM punch_corrections
        WHERE person_id = ANY($1::uuid[]) AND status = 'APPROVED' AND date BETWEEN $2 AND $3`,
      [personIds, from, to],
    ),
  ]);
  const justByPerson = new Map<string, JustRow[]>();
  for (const j of justRows) justByPerson.set(j.person_id, [...(justByPerson.get(j.person_id) ?? []), j]);
  const corrByDay = new Map<string, DayCorrection[]>();
  for (const c of corrRows) {
    const punchId = c.kind === 'ADD_PUNCH' ? c.created_punch_id : c.punch_id;
    if (!punchId) continue;
    const key = `${c.person_id}|${c.date}`;
    corrByDay.set(key, [...(corrByDay.get(key) ?? []), { requestId: c.id, kind: c.kind, punchId }]);
  }
  return {
    justificationsOf(personId, date) {
      const out: JustificationDayInput[] = [];
      for (const j of justByPerson.get(personId) ?? []) {
        const sessions = coveredSessions({ startDate: j.start_date, startHalf: j.start_half, endDate: j.end_date, endHalf: j.end_half }, date);
        if (sessions.length === 0) continue;
        const window = j.window_from_min !== null && j.window_to_min !== null ? { fromMin: j.window_from_min, toMin: j.window_to_min } : null;
        out.push({ id: j.id, type: j.type, status: j.status, sessions, window });
      }
      return out;
    },
    voidedPunchIdsOf(personId, date) {
      return (corrByDay.get(`${personId}|${date}`) ?? []).filter((c) => c.kind === 'VOID_PUNCH').map((c) => c.punchId);
    },
    correctionsOf(personId, date) {
      return corrByDay.get(`${personId}|${date}`) ?? [];
    },
  };
}

/** The approved corrections behind the given punches (a punch a correction created, or one it voided). */
export async function correctionsOfPunches(db: Db, punchIds: readonly string[]): Promise<Map<string, { requestId: string; kind: DayCorrection['kind'] }>> {
  if (punchIds.length === 0) return new Map();
  const rows = await db.query<{ id: string; kind: DayCorrection['kind']; punch: string }>(
    `SELECT id, kind, COALESCE(created_punch_id, punch_id) AS punch FROM punch_corrections
      WHERE status = 'APPROVED' AND (created_punch_id = ANY($1::uuid[]) OR punch_id = ANY($1::uuid[]))`,
    [punchIds],
  );
  return new Map(rows.map((r) => [r.punch, { requestId: r.id, kind: r.kind }]));
}

/** The approved corrections of one person-day (violations: the trace of a retraction the correction caused). */
export async function approvedCorrectionsOfDay(db: Db, personId: string, date: string): Promise<DayCorrection[]> {
  return (await loadRequestInputs(db, [personId], date, date)).correctionsOf(personId, date);
}

/** A request as the computation reads it (CONTRACT note 13:05, attendance-compute): rows, not yet per date. */
export interface ComputeJustification {
  id: string;
  personId: string;
  type: JustificationInput['type'];
  status: 'APPROVED' | 'PENDING';
  startDate: string;
  startHalf: SessionName;
  endDate: string;
  endHalf: SessionName;
  /** LATE_ARRIVAL_PERMISSION / EARLY_LEAVE_PERMISSION only, else null. */
  window: PermissionWindow | null;
}

/** Every APPROVED or PENDING request of these persons overlapping [from, to]. */
export async function loadComputeJustifications(db: Db, personIds: readonly string[], from: string, to: string): Promise<ComputeJustification[]> {
  const rows = await db.query<JustRow>(
    `SELECT id, person_id, type, start_date, start_half, end_date, end_half, status, window_from_min, window_to_min FROM justifications
      WHERE person_id = ANY($1::uuid[]) AND status IN ('APPROVED', 'PENDING') AND start_date <= $3 AND end_date >= $2`,
    [personIds, from, to],
  );
  return rows.map((j) => ({
    id: j.id,
    personId: j.person_id,
    type: j.type,
    status: j.status,
    startDate: j.start_date,
    startHalf: j.start_half,
    endDate: j.end_date,
    endHalf: j.end_half,
    window: j.window_from_min !== null && j.window_to_min !== null ? { fromMin: j.window_from_min, toMin: j.window_to_min } : null,
  }));
}

/** Punch ids an APPROVED correction declared wrong, for corrections of days in [from − 1, to + 1] (a punch's local day). */
export async function loadVoidedPunchIds(db: Db, personIds: readonly string[], from: string, to: string): Promise<Set<string>> {
  const rows = await db.query<{ punch_id: string }>(
    `SELECT punch_id FROM punch_corrections
      WHERE person_id = ANY($1::uuid[]) AND kind = 'VOID_PUNCH' AND status = 'APPROVED'
        AND date BETWEEN ($2::date - 1) AND ($3::date + 1)`,
    [personIds, from, to],
  );
  return new Set(rows.map((r) => r.punch_id));
}

/**
 * The type of a request named in a day (a justification's type, e.g. LATE_ARRIVAL_PERMISSION, or PUNCH_CORRECTION
 * for a correction), for the trace a retraction keeps; null when no such request exists.
 */
export async function requestTypeOf(db: Db, requestId: string): Promise<string | null> {
  const [j] = await db.query<{ type: string }>('SELECT type FROM justifications WHERE id = $1', [requestId]);
  if (j) return j.type;
  const [c] = await db.query<{ id: string }>('SELECT id FROM punch_corrections WHERE id = $1', [requestId]);
  return c ? 'PUNCH_CORRECTION' : null;
}
