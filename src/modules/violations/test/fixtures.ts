import { randomUUID } from 'node:crypto';
import type { AttendanceDayUpdated, AttendanceSessionEvent } from '../../attendance';
import type { Db } from '../../../platform/ports/db';

/**
 * Test data for the violations scenarios: a commune People's Committee with one division, a staff member, the
 * division head and the chairman, each with an account and an e-mail address. Rows go straight into the lead's
 * tables because those modules' services are not what is under test here.
 */
export interface World {
  communeId: string;
  divisionId: string;
  staff: { personId: string; userId: string; email: string };
  head: { personId: string; userId: string; email: string };
  chairman: { personId: string; userId: string; email: string };
}

export async function person(db: Db, unitId: string, name: string, category: string, email: string) {
  const personId = randomUUID();
  const userId = randomUUID();
  await db.query(
    `INSERT INTO persons (id, employee_code, full_name, category, unit_id, email, joined_on, search_text)
     VALUES ($1,$2,$3,$4,$5,$6,'2020-01-01',$7)`,
    [personId, `NV-${personId.slice(0, 8)}`, name, category, unitId, email, name.toLowerCase()],
  );
  await db.query(
    `INSERT INTO person_unit_history (id, person_id, unit_id, valid_from) VALUES ($1,$2,$3,'2020-01-01')`,
    [randomUUID(), personId, unitId],
  );
  await db.query(`INSERT INTO users (id, username, display_name, password_hash, person_id) VALUES ($1,$2,$3,'x',$4)`, [
    userId,
    `u${userId.slice(0, 8)}`,
    name,
    personId,
  ]);
  return { personId, userId, email };
}

export async function role(db: Db, userId: string, roleName: string, unitId: string): Promise<void> {
  await db.query(`INSERT INTO role_assignments (id, user_id, role, unit_id, valid_from) VALUES ($1,$2,$3,$4,'2020-01-01')`, [
    randomUUID(),
    userId,
    roleName,
    unitId,
  ]);
}

export async function makeWorld(db: Db): Promise<World> {
  const communeId = randomUUID();
  const divisionId = randomUUID();
  const tag = communeId.slice(0, 6);
  await db.query(
    `INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from) VALUES ($1,$2,'UBND xã Quế Phong','UBND_XA','XA','2025-07-01')`,
    [communeId, `X-${tag}`],
  );
  await db.query(
    `INSERT INTO org_units (id, code, name, unit_type, admin_level, parent_id, valid_from)
     VALUES ($1,$2,'Phòng Kinh tế','PHONG','XA',$3,'2025-07-01')`,
    [divisionId, `P-${tag}`, communeId],
  );
  const staff = await person(db, divisionId, 'Nguyễn Văn Đức', 'CONG_CHUC', `duc.${tag}@example.vn`);
  const head = await person(db, divisionId, 'Trần Thị Hà', 'CONG_CHUC', `ha.${tag}@example.vn`);
  const chairman = await person(db, communeId, 'Lê Quang Minh', 'CAN_BO', `minh.${tag}@example.vn`);
  await role(db, staff.userId, 'staff', divisionId);
  await role(db, head.userId, 'unit_head', divisionId);
  await role(db, chairman.userId, 'chairman', communeId);
  return { communeId, divisionId, staff, head, chairman };
}

/** Vietnam local time → ISO instant. */
export function vn(date: string, hhmm: string): string {
  return new Date(`${date}T${hhmm}:00+07:00`).toISOString();
}

function session(date: string, kind: 'MORNING' | 'AFTERNOON', over: Partial<AttendanceSessionEvent>): AttendanceSessionEvent {
  const [start, end] = kind === 'MORNING' ? ['07:30', '11:30'] : ['13:30', '17:00'];
  return {
    session: kind,
    status: 'PRESENT',
    scheduledStart: vn(date, start),
    scheduledEnd: vn(date, end),
    checkIn: vn(date, start),
    checkOut: vn(date, end),
    checkInPunchId: randomUUID(),
    checkOutPunchId: randomUUID(),
    lateMinutes: 0,
    earlyLeaveMinutes: 0,
    justificationId: null,
    ...over,
  };
}

export function lateDay(w: World, date: string, minutes: number, revision = 1): AttendanceDayUpdated {
  const checkIn = new Date(new Date(vn(date, '07:30')).getTime() + minutes * 60_000).toISOString();
  return {
    personId: w.staff.personId,
    unitId: w.divisionId,
    date,
    revision,
    computedAt: vn(date, '18:00'),
    sessions: [session(date, 'MORNING', { status: 'LATE', lateMinutes: minutes, checkIn }), session(date, 'AFTERNOON', {})],
    dayStatus: 'LATE',
  };
}

export function absentDay(w: World, date: string, revision = 1): AttendanceDayUpdated {
  const absent = { status: 'ABSENT_NO_REASON' as const, checkIn: null, checkOut: null, checkInPunchId: null, checkOutPunchId: null };
  return {
    personId: w.staff.personId,
    unitId: w.divisionId,
    date,
    revision,
    computedAt: vn(date, '18:00'),
    sessions: [session(date, 'MORNING', absent), session(date, 'AFTERNOON', absent)],
    dayStatus: 'ABSENT_NO_REASON',
  };
}

export function onLeaveDay(w: World, date: string, revision: number, justificationId: string): AttendanceDayUpdated {
  const leave = { status: 'ON_LEAVE' as const, checkIn: null, checkOut: null, checkInPunchId: null, checkOutPunchId: null, justificationId };
  return {
    personId: w.staff.personId,
    unitId: w.divisionId,
    date,
    revision,
    computedAt: vn(date, '20:00'),
    sessions: [session(date, 'MORNING', leave), session(date, 'AFTERNOON', leave)],
    dayStatus: 'ON_LEAVE',
  };
}

type AbsenceStatus = 'ABSENT_NO_REASON' | 'LEAVE_NOT_REPORTED' | 'AWAITING_JUSTIFICATION';
type Regulation = { source: 'UNIT' | 'NATIONAL' | 'SYSTEM_DEFAULT'; unitId: string | null; legalBasis: string | null };

/**
 * A whole day away as the attendance computes it after issue 13 (CONTRACT C3): absent, "not reported" after the
 * working-day threshold, or awaiting justification while a request covering it is pending (`requestId`).
 */
export function awayDay(
  w: World,
  date: string,
  revision: number,
  status: AbsenceStatus,
  opts: { requestId?: string | null; regulation?: Regulation; computedAt?: string } = {},
): AttendanceDayUpdated {
  const away = {
    status,
    checkIn: null,
    checkOut: null,
    checkInPunchId: null,
    checkOutPunchId: null,
    absenceRequestId: status === 'AWAITING_JUSTIFICATION' ? (opts.requestId ?? null) : null,
  } as Partial<AttendanceSessionEvent>;
  return {
    personId: w.staff.personId,
    unitId: w.divisionId,
    date,
    revision,
    computedAt: opts.computedAt ?? vn(date, '18:00'),
    sessions: [session(date, 'MORNING', away), session(date, 'AFTERNOON', away)],
    dayStatus: status as AttendanceDayUpdated['dayStatus'],
    regulation: opts.regulation ?? { source: 'UNIT', unitId: w.communeId, legalBasis: 'Quy chế làm việc của UBND xã (Quyết định 12/QĐ-UBND)' },
  } as AttendanceDayUpdated;
}

/** The same date after the calendar made it a day off (a holiday added afterwards). */
export function dayOffDay(w: World, date: string, revision: number, dayOff: { kind: 'HOLIDAY' | 'COMPENSATORY' | 'SWAPPED_OFF' | 'WEEKLY_REST'; name: string; legalBasis: string | null; status: 'CONFIRMED' | 'PROPOSED' | null }): AttendanceDayUpdated {
  const off = { status: 'HOLIDAY' as const, checkIn: null, checkOut: null, checkInPunchId: null, checkOutPunchId: null, scheduledStart: null, scheduledEnd: null };
  return {
    personId: w.staff.personId,
    unitId: w.divisionId,
    date,
    revision,
    computedAt: vn(date, '20:00'),
    sessions: [session(date, 'MORNING', off), session(date, 'AFTERNOON', off)],
    dayStatus: 'HOLIDAY',
    dayOff,
  } as AttendanceDayUpdated;
}

/** A leave request row as the attendance module stores it (its service is not under test here). */
export async function leaveRequest(db: Db, w: World, date: string, status: 'PENDING' | 'APPROVED' | 'REJECTED'): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO justifications (id, person_id, unit_id, type, start_date, start_half, end_date, end_half, status, reason, requested_by)
     VALUES ($1,$2,$3,'PERSONAL_PAID',$4,'MORNING',$4,'AFTERNOON',$5,'Việc gia đình đột xuất',$6)`,
    [id, w.staff.personId, w.divisionId, date, status, w.staff.userId],
  );
  return id;
}
