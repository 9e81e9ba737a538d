import type { Db } from '../../platform/ports/db';
import { createRoster, createSchedule } from '../calendar';

/** The demo's punch sources: the gate cameras of both communes and the terminal of the one-stop centre. */
export const DEMO_SOURCES = {
  gateTt: 'gate-tt-01',
  terminalTt: 'term-tt-ttpvhcc',
  gateTp: 'gate-tp-01',
} as const;

/**
 * Demo configuration of the attendance module: the Nghệ An schedule (summer/winter, Thông báo 248/TB-UBND and 723/TB-UBND), the
 * official 2026 calendar (no work regulation: the system default applies and says so), the one-stop desk's Saturday-morning roster and the
 * punch sources. The attendance history itself (punches, requests, computed days) is seeded by the app's demo seed,
 * which replays it through the normal path (src/app/seed/demo-history.ts).
 */
export async function seedAttendanceDemo(
  db: Db,
  opts: { provinceUnitId: string; rootUnitId: string; oneStopUnitId?: string | null; oneStopCentreUnitId?: string | null; neighbourUnitId?: string | null },
): Promise<void> {
  await createSchedule(db, null, {
    unitId: opts.provinceUnitId,
    name: 'Giờ làm việc mùa hè / mùa đông của các cơ quan hành chính tỉnh Nghệ An',
    validFrom: '2024-04-16',
    weekdays: [1, 2, 3, 4, 5],
    periods: [
      { startsOn: '04-16', morning: { start: '07:00', end: '11:30' }, afternoon: { start: '13:30', end: '17:00' } },
      { startsOn: '10-16', morning: { start: '07:30', end: '12:00' }, afternoon: { start: '13:30', end: '17:00' } },
    ],
    // Two notices set the two seasons (audit D16): the summer hours (from 16/4) and the winter hours (from 16/10).
    docNumber: '248/TB-UBND; 723/TB-UBND',
    docDate: '2024-04-01',
    docIssuer: 'UBND tỉnh Nghệ An',
    note: 'Giờ mùa hè: Thông báo 248/TB-UBND ngày 01/04/2024; giờ mùa đông: Thông báo 723/TB-UBND ngày 02/10/2023 của UBND tỉnh Nghệ An.',
  });
  // The holidays (2025–2027 schedules, Điều 112 days of every year) ship with the database (calendar migration 0401).
  // No work regulation is seeded: a row saying "system default" would be reported as an adopted regulation. Until a
  // unit enters its quy chế (PUT /api/attendance/rules), days say SYSTEM_DEFAULT and notices say so (audit D7, D14).
  if (opts.oneStopUnitId)
    await createRoster(db, null, {
      unitId: opts.oneStopUnitId,
      personId: null,
      date: null,
      weekday: 6,
      validFrom: '2025-07-01',
      validTo: null,
      session: 'MORNING',
      kind: 'EXTRA_DUTY',
      note: 'Bộ phận Một cửa làm việc sáng thứ Bảy',
    });
  const sources: Array<[string, string, string, string | null]> = [
    [DEMO_SOURCES.gateTt, 'CAMERA', 'Camera cổng UBND xã Thông Thụ', opts.rootUnitId],
    [DEMO_SOURCES.terminalTt, 'DEVICE', 'Máy chấm công Trung tâm Phục vụ hành chính công xã Thông Thụ', opts.oneStopCentreUnitId ?? opts.rootUnitId],
    [DEMO_SOURCES.gateTp, 'CAMERA', 'Camera cổng UBND xã Tiền Phong', opts.neighbourUnitId ?? null],
  ];
  for (const [id, kind, name, unitId] of sources)
    await db.query('INSERT INTO punch_sources (id, kind, name, unit_id, heartbeat_interval_seconds) VALUES ($1, $2, $3, $4, 60) ON CONFLICT (id) DO NOTHING', [
      id,
      kind,
      name,
      unitId,
    ]);
}
