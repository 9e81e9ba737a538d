import ExcelJS from 'exceljs';
import type { Db } from '../../platform/ports/db';
import { addDays, dateRange, isoWeekday, localToInstant, monthBounds, toLocalIso } from '../../platform/time';
import { userDisplayNames } from '../auth';
import { explain, STATUS_LABELS } from './domain/explain';
import type { AttendanceStatus, DayOff, Explanation, PermissionRef, RegulationRef } from './domain/types';

/** A session of a cell; the permission fields say when a late arrival / early leave was asked for (null on days computed before issue 13). */
export interface TimesheetCellSession {
  session: string;
  status: AttendanceStatus;
  lateMinutes: number;
  earlyLeaveMinutes: number;
  absenceRequestId: string | null;
  arrivalPermission: PermissionRef | null;
  departurePermission: PermissionRef | null;
}

export interface TimesheetCell {
  status: AttendanceStatus;
  sessions: TimesheetCellSession[];
  revision: number;
}

export interface TimesheetRow {
  personId: string;
  employeeCode: string;
  fullName: string;
  unitId: string;
  cells: Record<string, TimesheetCell>;
  totals: Record<string, number>;
}

export interface Timesheet {
  month: string;
  days: Array<{ date: string; weekday: number }>;
  rows: TimesheetRow[];
}

const TOTAL_KEYS: Record<string, AttendanceStatus[]> = {
  present: ['PRESENT', 'LATE', 'EARLY_LEAVE', 'LATE_AND_EARLY_LEAVE', 'MISSING_CHECKOUT'],
  late: ['LATE', 'LATE_AND_EARLY_LEAVE'],
  early: ['EARLY_LEAVE', 'LATE_AND_EARLY_LEAVE'],
  absent: ['ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED'],
  // Absences a pending request covers: not counted as absent until the approver decides (D3).
  awaiting: ['AWAITING_JUSTIFICATION'],
  leave: ['ON_LEAVE'],
  trip: ['ON_TRIP'],
  missing: ['MISSING_CHECKOUT'],
  offline: ['SOURCE_OFFLINE'],
};

/**
 * The month grid of a set of units: one row per person who has a computed day there in the month (the unit of each
 * day is the one valid on that date, so a person moved mid-month appears under both units for their own days).
 */
export async function monthTimesheet(
  db: Db,
  opts: { unitIds: readonly string[]; month: string; statuses?: readonly AttendanceStatus[]; search?: string | null },
): Promise<Timesheet> {
  const { from, to } = monthBounds(opts.month);
  const rows = await db.query<{
    person_id: string;
    date: string;
    unit_id: string;
    day_status: AttendanceStatus;
    sessions: TimesheetCell['sessions'];
    revision: number;
    employee_code: string;
    full_name: string;
    search_text: string;
  }>(
    `SELECT d.person_id, d.date, d.unit_id, d.day_status, d.sessions, d.revision, p.employee_code, p.full_name, p.search_text
       FROM attendance_days d JOIN persons p ON p.id = d.person_id
      WHERE d.unit_id = ANY($1::uuid[]) AND d.date BETWEEN $2 AND $3
      ORDER BY p.full_name, p.employee_code, d.date`,
    [opts.unitIds, from, to],
  );
  const byPerson = new Map<string, TimesheetRow>();
  for (const r of rows) {
    let row = byPerson.get(r.person_id);
    if (!row) {
      if (opts.search && !r.search_text.includes(opts.search) && !r.employee_code.toLowerCase().includes(opts.search)) continue;
      row = { personId: r.person_id, employeeCode: r.employee_code, fullName: r.full_name, unitId: r.unit_id, cells: {}, totals: {} };
      byPerson.set(r.person_id, row);
    }
    row.cells[r.date] = {
      status: r.day_status,
      revision: r.revision,
      sessions: r.sessions.map((s) => ({
        session: s.session,
        status: s.status,
        lateMinutes: s.lateMinutes,
        earlyLeaveMinutes: s.earlyLeaveMinutes,
        absenceRequestId: s.absenceRequestId ?? null,
        arrivalPermission: s.arrivalPermission ?? null,
        departurePermission: s.departurePermission ?? null,
      })),
    };
  }
  let out = [...byPerson.values()];
  for (const row of out)
    for (const [k, statuses] of Object.entries(TOTAL_KEYS)) row.totals[k] = Object.values(row.cells).filter((c) => statuses.includes(c.status)).length;
  if (opts.statuses && opts.statuses.length > 0) {
    const wanted = new Set(opts.statuses);
    out = out.filter((r) => Object.values(r.cells).some((c) => wanted.has(c.status)));
  }
  return { month: opts.month, days: dateRange(from, to).map((date) => ({ date, weekday: isoWeekday(date) })), rows: out };
}

export interface PersonMonth {
  personId: string;
  month: string;
  days: Array<{
    date: string;
    unitId: string | null;
    status: AttendanceStatus | null;
    revision: number | null;
    computedAt: string | null;
    sessions: unknown[];
    explanations: Array<Explanation & { vi: string; en: string }>;
    /** Which work regulation applied (null on days computed before issue 13). */
    regulation: RegulationRef | null;
    /** Why the day is not a working day (null on working days and on days computed before issue 13). */
    dayOff: DayOff | null;
  }>;
  punches: Array<{
    id: string;
    at: string;
    localTime: string;
    source: string;
    sourceKind: string;
    direction: string | null;
    kind: string;
    deviceTime: string | null;
    receivedAt: string;
    hasEvidence: boolean;
    manualReason: string | null;
    /** Who confirmed the gate pass behind a `camera-review:*` punch (a reviewer, not the machine). */
    confirmedBy: string | null;
    annulled: { reason: string; at: string } | null;
  }>;
  justifications: Array<{ id: string; type: string; startDate: string; startHalf: string; endDate: string; endHalf: string; status: string; reason: string }>;
}

/** A person's month: every computed day with its reasons, every punch (with source and evidence), every request. */
export async function personMonth(db: Db, personId: string, month: string): Promise<PersonMonth> {
  const { from, to } = monthBounds(month);
  const start = localToInstant(from);
  const end = localToInstant(addDays(to, 1));
  const [days, punches, justs] = await Promise.all([
    db.query<{
      date: string;
      unit_id: string;
      day_status: AttendanceStatus;
      revision: number;
      computed_at: Date;
      sessions: unknown[];
      explanations: Explanation[];
      regulation: RegulationRef | null;
      day_off: DayOff | null;
    }>(
      `SELECT date, unit_id, day_status, revision, computed_at, sessions, explanations, regulation, day_off
         FROM attendance_days WHERE person_id = $1 AND date BETWEEN $2 AND $3`,
      [personId, from, to],
    ),
    db.query<{
      id: string;
      at: Date;
      source_id: string;
      source_kind: string;
      direction: string | null;
      kind: string;
      device_time: Date | null;
      received_at: Date;
      evidence_snapshot_key: string | null;
      manual_reason: string | null;
      annul_reason: string | null;
      annulled_at: Date | null;
      created_by: string | null;
    }>(
      `SELECT p.id, p.at, p.source_id, s.kind AS source_kind, p.direction, p.kind, p.device_time, p.received_at, p.evidence_snapshot_key,
              p.manual_reason, a.reason AS annul_reason, a.annulled_at, p.created_by
         FROM punches p JOIN punch_sources s ON s.id = p.source_id LEFT JOIN punch_annulments a ON a.punch_id = p.id
        WHERE p.person_id = $1 AND p.at >= $2 AND p.at < $3 ORDER BY p.at`,
      [personId, start, end],
    ),
    db.query<{ id: string; type: string; start_date: string; start_half: string; end_date: string; end_half: string; status: string; reason: string }>(
      `SELECT id, type, start_date, start_half, end_date, end_half, status, reason FROM justifications
        WHERE person_id = $1 AND start_date <= $3 AND end_date >= $2 ORDER BY start_date`,
      [personId, from, to],
    ),
  ]);
  const byDate = new Map(days.map((d) => [d.date, d]));
  // A punch a reviewer confirmed at the gate names that reviewer (auth's account names, not a join on its table).
  const confirmedBy = (p: (typeof punches)[number]) => (p.source_id.startsWith('camera-review:') && p.created_by ? (reviewers.get(p.created_by) ?? null) : null);
  const reviewers = await userDisplayNames(
    db,
    punches.flatMap((p) => (p.source_id.startsWith('camera-review:') && p.created_by ? [p.created_by] : [])),
  );
  return {
    personId,
    month,
    days: dateRange(from, to).map((date) => {
      const d = byDate.get(date);
      return {
        date,
        unitId: d?.unit_id ?? null,
        status: d?.day_status ?? null,
        revision: d?.revision ?? null,
        computedAt: d ? d.computed_at.toISOString() : null,
        sessions: d?.sessions ?? [],
        explanations: (d?.explanations ?? []).map((e) => ({ ...e, ...explain(e) })),
        regulation: d?.regulation ?? null,
        dayOff: d?.day_off ?? null,
      };
    }),
    punches: punches.map((p) => ({
      id: p.id,
      at: p.at.toISOString(),
      localTime: toLocalIso(p.at),
      source: p.source_id,
      sourceKind: p.source_kind,
      direction: p.direction,
      kind: p.kind,
      deviceTime: p.device_time?.toISOString() ?? null,
      receivedAt: p.received_at.toISOString(),
      hasEvidence: p.evidence_snapshot_key !== null,
      manualReason: p.manual_reason,
      confirmedBy: confirmedBy(p),
      annulled: p.annul_reason ? { reason: p.annul_reason, at: (p.annulled_at as Date).toISOString() } : null,
    })),
    justifications: justs.map((j) => ({
      id: j.id,
      type: j.type,
      startDate: j.start_date,
      startHalf: j.start_half,
      endDate: j.end_date,
      endHalf: j.end_half,
      status: j.status,
      reason: j.reason,
    })),
  };
}

const FILL: Partial<Record<AttendanceStatus, string>> = {
  LATE: 'FFFFE58F',
  EARLY_LEAVE: 'FFFFE58F',
  LATE_AND_EARLY_LEAVE: 'FFFFC069',
  ABSENT_NO_REASON: 'FFFFA39E',
  AWAITING_JUSTIFICATION: 'FFFFF1B8',
  LEAVE_NOT_REPORTED: 'FFFF7875',
  MISSING_CHECKOUT: 'FFFFD591',
  ON_LEAVE: 'FF91CAFF',
  ON_TRIP: 'FFB7EB8F',
  HOLIDAY: 'FFD3ADF7',
  SOURCE_OFFLINE: 'FFD9D9D9',
};

/** The month grid as an XLSX workbook (Times New Roman, Vietnamese headers, a legend sheet). */
export async function timesheetXlsx(sheet: Timesheet, unitName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kỷ Cương';
  const ws = wb.addWorksheet(`Chấm công ${sheet.month}`);
  const font = { name: 'Times New Roman', size: 11 };
  const [y, m] = sheet.month.split('-');
  const lastCol = 3 + sheet.days.length + 5;
  ws.mergeCells(1, 1, 1, lastCol);
  ws.getCell(1, 1).value = `BẢNG CHẤM CÔNG THÁNG ${m}/${y}`;
  ws.getCell(1, 1).font = { ...font, size: 14, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, lastCol);
  ws.getCell(2, 1).value = `Đơn vị: ${unitName}`;
  ws.getCell(2, 1).font = { ...font, italic: true };
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  const header = ['STT', 'Mã CB', 'Họ và tên', ...sheet.days.map((d) => d.date.slice(8)), 'Có mặt', 'Đi muộn', 'Về sớm', 'Vắng', 'Nghỉ phép'];
  const headRow = ws.getRow(4);
  headRow.values = header;
  headRow.font = { ...font, bold: true };
  headRow.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.days.forEach((d, i) => {
    if (d.weekday >= 6) headRow.getCell(4 + i).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
  });
  sheet.rows.forEach((r, idx) => {
    const values = [
      idx + 1,
      r.employeeCode,
      r.fullName,
      ...sheet.days.map((d) => {
        const c = r.cells[d.date];
        return c ? STATUS_LABELS[c.status].short : '';
      }),
      r.totals.present ?? 0,
      r.totals.late ?? 0,
      r.totals.early ?? 0,
      r.totals.absent ?? 0,
      r.totals.leave ?? 0,
    ];
    const row = ws.addRow(values);
    row.font = font;
    sheet.days.forEach((d, i) => {
      const c = r.cells[d.date];
      const argb = c ? FILL[c.status] : undefined;
      const cell = row.getCell(4 + i);
      cell.alignment = { horizontal: 'center' };
      if (argb) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
    });
  });
  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 10;
  ws.getColumn(3).width = 26;
  for (let i = 0; i < sheet.days.length; i++) ws.getColumn(4 + i).width = 4.5;
  const legend = wb.addWorksheet('Chú thích');
  legend.addRow(['Ký hiệu', 'Ý nghĩa', 'Meaning']).font = { ...font, bold: true };
  for (const [, l] of Object.entries(STATUS_LABELS)) legend.addRow([l.short, l.vi, l.en]).font = font;
  legend.getColumn(2).width = 30;
  legend.getColumn(3).width = 30;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
