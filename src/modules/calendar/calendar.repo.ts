import type { Db } from '../../platform/ports/db';
import type { CalendarData, CalendarDay, CalendarDayStatus, PersonOverride, RosterEntry, SchedulePeriod, WorkSchedule } from './domain/schedule';
import { withStatutoryDays } from './domain/statutory';

interface ScheduleRow {
  id: string;
  unit_id: string | null;
  name: string;
  valid_from: string;
  valid_to: string | null;
  weekdays: number[];
  doc_number: string | null;
  doc_date: string | null;
}
interface PeriodRow {
  schedule_id: string;
  starts_on: string;
  morning_start: string | null;
  morning_end: string | null;
  afternoon_start: string | null;
  afternoon_end: string | null;
}

const range = (start: string | null, end: string | null) => (start && end ? { start, end } : null);

export async function loadSchedules(db: Db, from?: string, to?: string): Promise<WorkSchedule[]> {
  const rows = await db.query<ScheduleRow>(
    `SELECT id, unit_id, name, valid_from, valid_to, weekdays, doc_number, doc_date FROM work_schedules
      WHERE ($1::date IS NULL OR valid_to IS NULL OR valid_to > $1::date) AND ($2::date IS NULL OR valid_from <= $2::date)
      ORDER BY valid_from`,
    [from ?? null, to ?? null],
  );
  const periods = await db.query<PeriodRow>(
    'SELECT schedule_id, starts_on, morning_start, morning_end, afternoon_start, afternoon_end FROM work_schedule_periods WHERE schedule_id = ANY($1::uuid[]) ORDER BY starts_on',
    [rows.map((r) => r.id)],
  );
  const byId = new Map<string, SchedulePeriod[]>();
  for (const p of periods) {
    const list = byId.get(p.schedule_id) ?? [];
    list.push({ startsOn: p.starts_on, morning: range(p.morning_start, p.morning_end), afternoon: range(p.afternoon_start, p.afternoon_end) });
    byId.set(p.schedule_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    name: r.name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    weekdays: r.weekdays.map(Number),
    periods: byId.get(r.id) ?? [],
    docNumber: r.doc_number,
    docDate: r.doc_date,
  }));
}

export type StoredOrRuleDay = CalendarDay & { id: string | null };

/** The stored rows (calendar_days) between two dates, as they are. */
export async function loadStoredCalendarDays(db: Db, from: string, to: string): Promise<Array<CalendarDay & { id: string }>> {
  const rows = await db.query<{
    id: string;
    date: string;
    kind: CalendarDay['kind'];
    name: string;
    unit_id: string | null;
    legal_basis: string | null;
    status: CalendarDayStatus;
    note: string | null;
  }>(
    'SELECT id, date, kind, name, unit_id, legal_basis, status, note FROM calendar_days WHERE date BETWEEN $1 AND $2 ORDER BY date, unit_id NULLS FIRST',
    [from, to],
  );
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    kind: r.kind,
    name: r.name,
    unitId: r.unit_id,
    legalBasis: r.legal_basis,
    status: r.status,
    note: r.note,
    source: 'STORED' as const,
  }));
}

/**
 * The calendar days between two dates: the stored rows merged with the holidays the law fixes for those years
 * (domain/statutory.ts; `id` null, source RULE), a stored national row winning over a generated one of its date.
 */
export async function loadCalendarDays(db: Db, from: string, to: string): Promise<StoredOrRuleDay[]> {
  const stored = await loadStoredCalendarDays(db, `${from.slice(0, 4)}-01-01`, `${to.slice(0, 4)}-12-31`);
  return withStatutoryDays(stored, from, to).map((d) => ({ ...d, id: 'id' in d ? d.id : null }));
}

export async function loadRosters(db: Db, from: string, to: string): Promise<RosterEntry[]> {
  const rows = await db.query<{
    id: string;
    unit_id: string;
    person_id: string | null;
    date: string | null;
    weekday: number | null;
    valid_from: string;
    valid_to: string | null;
    session: RosterEntry['session'];
    kind: RosterEntry['kind'];
    note: string | null;
  }>(
    `SELECT id, unit_id, person_id, date, weekday, valid_from, valid_to, session, kind, note FROM work_rosters
      WHERE (date IS NULL OR date BETWEEN $1 AND $2) AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $1)`,
    [from, to],
  );
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    personId: r.person_id,
    date: r.date,
    weekday: r.weekday,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    session: r.session,
    kind: r.kind,
    note: r.note,
  }));
}

export async function loadOverrides(db: Db, personIds: readonly string[] | null, from: string, to: string): Promise<PersonOverride[]> {
  const rows = await db.query<{
    id: string;
    person_id: string;
    valid_from: string;
    valid_to: string | null;
    morning_start: string | null;
    morning_end: string | null;
    afternoon_start: string | null;
    afternoon_end: string | null;
    works: PersonOverride['works'];
    reason: string;
  }>(
    `SELECT id, person_id, valid_from, valid_to, morning_start, morning_end, afternoon_start, afternoon_end, works, reason
       FROM person_schedule_overrides
      WHERE ($1::uuid[] IS NULL OR person_id = ANY($1::uuid[])) AND valid_from <= $3 AND (valid_to IS NULL OR valid_to > $2)`,
    [personIds, from, to],
  );
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    morning: range(r.morning_start, r.morning_end),
    afternoon: range(r.afternoon_start, r.afternoon_end),
    works: r.works,
    reason: r.reason,
  }));
}

export async function loadCalendarData(db: Db, from: string, to: string, personIds: readonly string[] | null): Promise<CalendarData> {
  const [schedules, days, rosters, overrides] = await Promise.all([
    loadSchedules(db, from, to),
    loadCalendarDays(db, from, to),
    loadRosters(db, from, to),
    loadOverrides(db, personIds, from, to),
  ]);
  return { schedules, days, rosters, overrides };
}
