import { randomUUID } from 'node:crypto';
import { errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';
import { SHIPPED_SCHEDULES } from './domain/official-schedules';
import { isHhmm, isLocalDate } from '../../platform/time';
import type { CalendarDay, PersonOverride, RosterEntry, SchedulePeriod, TimeRange } from './domain/schedule';

type Actor = AuditActor & { id?: string | null };

export interface ScheduleInput {
  unitId: string | null;
  name: string;
  validFrom: string;
  validTo?: string | null;
  weekdays: number[];
  periods: SchedulePeriod[];
  docNumber?: string | null;
  docDate?: string | null;
  docIssuer?: string | null;
  note?: string | null;
}

const badRange = (r: TimeRange | null) => r !== null && (!isHhmm(r.start) || !isHhmm(r.end) || r.start >= r.end);

function validateSchedule(s: ScheduleInput): void {
  const problems: string[] = [];
  if (!isLocalDate(s.validFrom)) problems.push('validFrom');
  if (s.validTo && (!isLocalDate(s.validTo) || s.validTo <= s.validFrom)) problems.push('validTo');
  if (s.weekdays.some((w) => !Number.isInteger(w) || w < 1 || w > 7)) problems.push('weekdays');
  if (s.periods.length === 0) problems.push('periods');
  const starts = new Set<string>();
  for (const p of s.periods) {
    if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(p.startsOn) || starts.has(p.startsOn)) problems.push(`periods.${p.startsOn}`);
    starts.add(p.startsOn);
    if (badRange(p.morning) || badRange(p.afternoon)) problems.push(`periods.${p.startsOn}.times`);
    if (p.morning && p.afternoon && p.morning.end > p.afternoon.start) problems.push(`periods.${p.startsOn}.overlap`);
  }
  if (problems.length > 0)
    throw errors.badRequest('SCHEDULE_INVALID', 'Lịch làm việc không hợp lệ.', 'The work schedule is invalid.', { fields: problems });
}

export async function createSchedule(db: Db, actor: Actor | null, s: ScheduleInput): Promise<string> {
  validateSchedule(s);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO work_schedules (id, unit_id, name, valid_from, valid_to, weekdays, doc_number, doc_date, doc_issuer, note)
       VALUES ($1, $2, $3, $4, $5, $6::integer[], $7, $8, $9, $10)`,
      [id, s.unitId, s.name, s.validFrom, s.validTo ?? null, s.weekdays, s.docNumber ?? null, s.docDate ?? null, s.docIssuer ?? null, s.note ?? null],
    );
    for (const p of s.periods)
      await tx.query(
        `INSERT INTO work_schedule_periods (id, schedule_id, starts_on, morning_start, morning_end, afternoon_start, afternoon_end)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [randomUUID(), id, p.startsOn, p.morning?.start ?? null, p.morning?.end ?? null, p.afternoon?.start ?? null, p.afternoon?.end ?? null],
      );
    if (actor)
      await recordAudit(tx, {
        actor,
        action: 'calendar.schedule_create',
        entityType: 'work_schedule',
        entityId: id,
        unitId: s.unitId,
        details: { name: s.name, validFrom: s.validFrom, docNumber: s.docNumber ?? null },
      });
  });
  return id;
}

/** Ends a schedule (valid_to) — schedules are never edited in place, so past days keep their meaning. */
export async function endSchedule(db: Db, actor: Actor, id: string, validTo: string): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ unit_id: string | null }>(
      'UPDATE work_schedules SET valid_to = $2, updated_at = now() WHERE id = $1 AND valid_from < $2 RETURNING unit_id',
      [id, validTo],
    );
    if (rows.length === 0) throw errors.notFound('Schedule', 'lịch làm việc');
    await recordAudit(tx, { actor, action: 'calendar.schedule_end', entityType: 'work_schedule', entityId: id, unitId: rows[0]?.unit_id ?? null, details: { validTo } });
  });
}

/**
 * Adds a confirmed day entered from a notice. A PROPOSED national row of the same date (a shipped guess) is replaced
 * in place: the notice supersedes the guess, and the audit keeps what was there.
 */
export async function addCalendarDay(db: Db, actor: Actor | null, d: CalendarDay): Promise<string> {
  if (!isLocalDate(d.date)) throw errors.badRequest('DATE_INVALID', 'Ngày không hợp lệ.', 'Invalid date.');
  if (!d.name.trim()) throw errors.badRequest('NAME_REQUIRED', 'Cần nhập tên ngày nghỉ.', 'A name is required.');
  const status = d.status ?? 'CONFIRMED';
  const legalBasis = status === 'PROPOSED' ? null : d.legalBasis;
  return db.transaction(async (tx) => {
    const [clash] = await tx.query<{ id: string; status: string; kind: string; name: string; legal_basis: string | null }>(
      'SELECT id, status, kind, name, legal_basis FROM calendar_days WHERE date = $1 AND unit_id IS NOT DISTINCT FROM $2',
      [d.date, d.unitId],
    );
    if (clash && !(clash.status === 'PROPOSED' && status === 'CONFIRMED'))
      throw errors.conflict('CALENDAR_DAY_EXISTS', 'Ngày này đã có trong lịch.', 'This date is already in the calendar.', { date: d.date });
    const id = clash?.id ?? randomUUID();
    if (clash)
      await tx.query(
        `UPDATE calendar_days SET kind = $2, name = $3, legal_basis = $4, status = 'CONFIRMED', note = NULL, confirmed_by = $5, confirmed_at = now()
          WHERE id = $1`,
        [id, d.kind, d.name.trim(), legalBasis, actor?.id ?? null],
      );
    else
      await tx.query(
        'INSERT INTO calendar_days (id, date, kind, name, unit_id, legal_basis, status, note, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
        [id, d.date, d.kind, d.name.trim(), d.unitId, legalBasis, status, d.note ?? null, actor?.id ?? null],
      );
    if (actor)
      await recordAudit(tx, {
        actor,
        action: clash ? 'calendar.day_confirm' : 'calendar.day_add',
        entityType: 'calendar_day',
        entityId: id,
        unitId: d.unitId,
        details: { ...d, status, legalBasis, ...(clash ? { replaced: clash } : {}) },
      });
    return id;
  });
}

/**
 * Confirms a PROPOSED day against the official notice: the legal basis (số/ký hiệu and date of the notice) is
 * required, so a guess never becomes "confirmed" without one. Returns the day for the recomputation hook.
 */
export async function confirmCalendarDay(db: Db, actor: Actor, id: string, legalBasis: string, name?: string | null): Promise<CalendarDay> {
  if (legalBasis.trim().length < 3)
    throw errors.badRequest(
      'CALENDAR_LEGAL_BASIS_REQUIRED',
      'Cần nhập số, ký hiệu và ngày của văn bản chính thức để xác nhận.',
      'The number and date of the official notice are required to confirm.',
    );
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ date: string; kind: CalendarDay['kind']; name: string; unit_id: string | null; status: string }>(
      'SELECT date, kind, name, unit_id, status FROM calendar_days WHERE id = $1',
      [id],
    );
    if (!row) throw errors.notFound('Calendar day', 'ngày trong lịch');
    if (row.status === 'CONFIRMED')
      throw errors.conflict('CALENDAR_DAY_ALREADY_CONFIRMED', 'Ngày này đã được xác nhận theo văn bản chính thức.', 'This day is already confirmed by an official notice.');
    // A confirmed name drops the "(dự kiến)" of the guess unless the admin gives the notice's own wording.
    const confirmedName = name?.trim() || row.name.replace(/, dự kiến\)/, ')').replace(/ \(dự kiến\)$/, '');
    await tx.query(
      `UPDATE calendar_days SET status = 'CONFIRMED', legal_basis = $2, name = $3, note = NULL, confirmed_by = $4, confirmed_at = now() WHERE id = $1`,
      [id, legalBasis.trim(), confirmedName, actor.id ?? null],
    );
    await recordAudit(tx, {
      actor,
      action: 'calendar.day_confirm',
      entityType: 'calendar_day',
      entityId: id,
      unitId: row.unit_id,
      details: { date: row.date, before: row.name, name: confirmedName, legalBasis: legalBasis.trim() },
    });
    return { date: row.date, kind: row.kind, name: confirmedName, unitId: row.unit_id, legalBasis: legalBasis.trim(), status: 'CONFIRMED' };
  });
}

export async function deleteCalendarDay(db: Db, actor: Actor, id: string, reason: string): Promise<CalendarDay> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ date: string; kind: CalendarDay['kind']; name: string; unit_id: string | null; legal_basis: string | null }>(
      'DELETE FROM calendar_days WHERE id = $1 RETURNING date, kind, name, unit_id, legal_basis',
      [id],
    );
    if (!row) throw errors.notFound('Calendar day', 'ngày trong lịch');
    await recordAudit(tx, { actor, action: 'calendar.day_delete', entityType: 'calendar_day', entityId: id, unitId: row.unit_id, reason, details: { ...row } });
    return { date: row.date, kind: row.kind, name: row.name, unitId: row.unit_id, legalBasis: row.legal_basis };
  });
}

/**
 * Writes the shipped official schedules (2025–2027; migration 0401 already does this on every database) — kept for
 * fixtures that start from a bare table. Existing dates are left as they are. Returns how many rows were added.
 */
export async function seedOfficial2026(db: Db): Promise<number> {
  const rows = await db.query(
    `INSERT INTO calendar_days (id, date, kind, name, unit_id, legal_basis, status, note)
     SELECT gen_random_uuid(), x.date, x.kind, x.name, NULL, x.legal_basis, x.status, x.note
       FROM jsonb_to_recordset($1::jsonb) AS x(date date, kind text, name text, legal_basis text, status text, note text)
     ON CONFLICT DO NOTHING RETURNING id`,
    [JSON.stringify(SHIPPED_SCHEDULES.map((d) => ({ date: d.date, kind: d.kind, name: d.name, legal_basis: d.legalBasis, status: d.status, note: d.note ?? null })))],
  );
  return rows.length;
}

export async function createRoster(db: Db, actor: Actor | null, r: Omit<RosterEntry, 'id'>): Promise<string> {
  if ((r.date === null) === (r.weekday === null))
    throw errors.badRequest('ROSTER_INVALID', 'Cần chọn một ngày cụ thể hoặc một thứ trong tuần.', 'Give either a date or a weekday.');
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO work_rosters (id, unit_id, person_id, date, weekday, valid_from, valid_to, session, kind, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, r.unitId, r.personId, r.date, r.weekday, r.validFrom, r.validTo, r.session, r.kind, r.note],
    );
    if (actor) await recordAudit(tx, { actor, action: 'calendar.roster_create', entityType: 'work_roster', entityId: id, unitId: r.unitId, details: { ...r } });
  });
  return id;
}

export async function createOverride(db: Db, actor: Actor | null, o: Omit<PersonOverride, 'id'> & { unitId?: string | null }): Promise<string> {
  if (badRange(o.morning) || badRange(o.afternoon))
    throw errors.badRequest('OVERRIDE_INVALID', 'Giờ làm việc riêng không hợp lệ.', 'The personal hours are invalid.');
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO person_schedule_overrides (id, person_id, valid_from, valid_to, morning_start, morning_end, afternoon_start, afternoon_end, works, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, o.personId, o.validFrom, o.validTo, o.morning?.start ?? null, o.morning?.end ?? null, o.afternoon?.start ?? null, o.afternoon?.end ?? null, o.works, o.reason],
    );
    if (actor)
      await recordAudit(tx, { actor, action: 'calendar.override_create', entityType: 'person_schedule_override', entityId: id, unitId: o.unitId ?? null, reason: o.reason, details: { personId: o.personId } });
  });
  return id;
}
