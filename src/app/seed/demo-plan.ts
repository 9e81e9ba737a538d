import { DEMO_SOURCES } from '../../modules/attendance';
import { type CalendarData, resolveDayPlan } from '../../modules/calendar';
import { rand, randInt } from './demo-random';
import { addDays, localToEpoch } from '../../platform/time';

/**
 * What happened in the demo agency over the history window, decided before anything is stored: who came in when,
 * through which source, and the few scripted stories a first-time user should find (a repeat offender, an early
 * leave, a forgotten check-out, an absence, an approved leave, a business trip, a leave requested afterwards). Pure:
 * the same staff, calendar and window always give the same plan.
 */
export interface DemoStaff {
  id: string;
  code: string;
  unitCode: string;
  /** The person's unit followed by its parents (for the calendar). */
  ancestry: string[];
}

export type DayEvent = 'LATE' | 'EARLY' | 'MISSING_OUT' | 'ABSENT' | 'LEAVE' | 'TRIP' | 'PENDING_LEAVE';

export interface DemoPunch {
  source: string;
  eventId: string;
  personId: string;
  /** Epoch ms. */
  at: number;
  direction: 'IN' | 'OUT' | null;
  confidence: number | null;
}

/** A moment of the replay: a local date and minutes after local midnight. */
export interface Moment {
  date: string;
  minute: number;
}

export interface DemoRequest {
  personCode: string;
  type: 'ANNUAL_LEAVE' | 'BUSINESS_TRIP';
  startDate: string;
  endDate: string;
  reason: string;
  documentRef: string | null;
  /** Demo account that files it (the person, or the office entering a paper form). */
  requestedBy: string;
  requestedAt: Moment;
  approval: { by: string; at: Moment; note: string } | null;
}

export interface DemoPlan {
  punches: DemoPunch[];
  requests: DemoRequest[];
  /** `${code}|${date}` → what the plan made of that day (absent from the map: an ordinary day). */
  events: Map<string, { event: DayEvent; minutes: number }>;
  /** The person who is late three times in one month, and those dates. */
  repeatOffender: { code: string; dates: string[] } | null;
}

/** The scripted stories. `back` counts full working days back from the last one of the window (0 = the last). */
export const SCRIPT = {
  repeatOffender: 'TT102',
  earlyLeave: { code: 'TT109', back: 6, minutes: 42 },
  missingCheckOut: { code: 'TT108', back: 4 },
  absent: { code: 'TT111', back: 11 },
  leave: { code: 'TT104', back: 15, days: 2 },
  trip: { code: 'TT004', back: 8, days: 2 },
  pendingLeave: { code: 'TT005', back: 0 },
} as const;

const SCRIPTED = new Set<string>([
  SCRIPT.repeatOffender,
  SCRIPT.earlyLeave.code,
  SCRIPT.missingCheckOut.code,
  SCRIPT.absent.code,
  SCRIPT.leave.code,
  SCRIPT.trip.code,
  SCRIPT.pendingLeave.code,
]);

/** Rates of the unscripted, everyday slips: most days are punctual. */
const RATES = { late: 0.032, early: 0.01, missingOut: 0.012 };
const TERMINAL_UNITS = new Set(['TT-MOTCUA', 'TT-TTPVHCC']);

function sourceOf(unitCode: string): { id: string; directional: boolean; confidence: number | null } {
  if (TERMINAL_UNITS.has(unitCode)) return { id: DEMO_SOURCES.terminalTt, directional: false, confidence: null };
  if (unitCode.startsWith('TP')) return { id: DEMO_SOURCES.gateTp, directional: true, confidence: 0.92 };
  return { id: DEMO_SOURCES.gateTt, directional: true, confidence: 0.94 };
}

type Sessions = ReturnType<typeof resolveDayPlan>['sessions'];

/** Punches of one person-day. Gate cameras see every passage (in, out for lunch, in, out); the terminal sees the first and last. */
function punchesOf(s: DemoStaff, date: string, sessions: Sessions, ev: { event: DayEvent; minutes: number } | undefined): DemoPunch[] {
  if (ev && (ev.event === 'ABSENT' || ev.event === 'LEAVE' || ev.event === 'TRIP' || ev.event === 'PENDING_LEAVE')) return [];
  const src = sourceOf(s.unitCode);
  const k = `${s.code}|${date}`;
  const first = sessions[0];
  const last = sessions[sessions.length - 1];
  if (!first || !last) return [];
  const out: Array<{ minute: number; direction: 'IN' | 'OUT' }> = [];
  const inAt = ev?.event === 'LATE' ? first.start + ev.minutes : first.start - randInt(`${k}|in`, 2, 14);
  out.push({ minute: inAt, direction: 'IN' });
  if (src.directional && sessions.length === 2) {
    out.push({ minute: first.end + randInt(`${k}|lo`, 0, 8), direction: 'OUT' });
    out.push({ minute: last.start - randInt(`${k}|li`, 3, 15), direction: 'IN' });
  }
  const missingOut = ev?.event === 'MISSING_OUT';
  if (!missingOut) out.push({ minute: ev?.event === 'EARLY' ? last.end - ev.minutes : last.end + randInt(`${k}|out`, 0, 19), direction: 'OUT' });
  return out.map((p, i) => ({
    source: src.id,
    eventId: `demo:${s.code}:${date}:${i}`,
    personId: s.id,
    // Seconds too, so the times do not all fall on whole minutes.
    at: localToEpoch(date, p.minute) + randInt(`${k}|${i}|s`, 0, 59) * 1000,
    direction: src.directional ? p.direction : null,
    confidence: src.confidence,
  }));
}

/** The `back`-th full working day counted back from the end (clamped to the window), or null if there is none. */
function fullDayBack(days: readonly string[], back: number): string | null {
  if (days.length === 0) return null;
  return days[Math.max(0, days.length - 1 - Math.min(back, days.length - 1))] as string;
}

/** Three late days in one calendar month within the last four weeks, leaving the last two working days free. */
function repeatDates(days: readonly string[], to: string): string[] {
  const recent = days.filter((d) => d >= addDays(to, -27)).slice(0, -2);
  const byMonth = new Map<string, string[]>();
  for (const d of recent) byMonth.set(d.slice(0, 7), [...(byMonth.get(d.slice(0, 7)) ?? []), d]);
  const best = [...byMonth.values()].filter((l) => l.length >= 3).sort((a, b) => b.length - a.length || ((b[0] as string) > (a[0] as string) ? 1 : -1))[0];
  if (!best) return [];
  return [best[0] as string, best[Math.floor(best.length / 2)] as string, best[best.length - 1] as string];
}

export function buildDemoPlan(staff: readonly DemoStaff[], calendar: CalendarData, from: string, to: string): DemoPlan {
  const events = new Map<string, { event: DayEvent; minutes: number }>();
  const requests: DemoRequest[] = [];
  const sessionsByDay = new Map<string, Sessions>();
  const fullDays = new Map<string, string[]>();
  for (const s of staff) {
    const full: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const plan = resolveDayPlan(calendar, s.ancestry, s.id, d);
      sessionsByDay.set(`${s.code}|${d}`, plan.sessions);
      if (plan.sessions.length === 2) full.push(d);
    }
    fullDays.set(s.code, full);
  }
  const daysOf = (code: string) => fullDays.get(code) ?? [];
  const mark = (code: string, date: string | null, event: DayEvent, minutes = 0) => {
    if (date) events.set(`${code}|${date}`, { event, minutes });
  };
  const clampToWindow = (d: string) => (d < from ? from : d);

  const offenderDates = daysOf(SCRIPT.repeatOffender).length ? repeatDates(daysOf(SCRIPT.repeatOffender), to) : [];
  for (const [i, d] of offenderDates.entries()) mark(SCRIPT.repeatOffender, d, 'LATE', [16, 23, 31][i] as number);
  mark(SCRIPT.earlyLeave.code, fullDayBack(daysOf(SCRIPT.earlyLeave.code), SCRIPT.earlyLeave.back), 'EARLY', SCRIPT.earlyLeave.minutes);
  mark(SCRIPT.missingCheckOut.code, fullDayBack(daysOf(SCRIPT.missingCheckOut.code), SCRIPT.missingCheckOut.back), 'MISSING_OUT');
  mark(SCRIPT.absent.code, fullDayBack(daysOf(SCRIPT.absent.code), SCRIPT.absent.back), 'ABSENT');

  // n full working days in a row, counted back from the `back`-th: a request from the first to the last covers
  // every day in between, so a half-day (a Saturday morning at the one-stop desk) between them would become a third
  // day of leave. Such spans are skipped (which spans qualify depends on today's date: the window moves daily).
  const consecutive = (code: string, back: number, n: number): string[] => {
    const days = daysOf(code);
    const worksOn = (d: string) => (sessionsByDay.get(`${code}|${d}`)?.length ?? 0) > 0;
    const noOtherWorkingDayInside = (span: string[]) => {
      for (let d = span[0] as string; d < (span[n - 1] as string); d = addDays(d, 1)) if (worksOn(d) && !span.includes(d)) return false;
      return true;
    };
    const start = Math.max(n - 1, days.length - 1 - back);
    for (let end = start; end >= n - 1 && end < days.length; end--) {
      const span = days.slice(end - n + 1, end + 1);
      if (noOtherWorkingDayInside(span)) return span;
    }
    return days.slice(Math.max(0, start - n + 1), start + 1);
  };
  const leaveDays = consecutive(SCRIPT.leave.code, SCRIPT.leave.back, SCRIPT.leave.days);
  if (leaveDays.length > 0) {
    for (const d of leaveDays) mark(SCRIPT.leave.code, d, 'LEAVE');
    const asked = clampToWindow(addDays(leaveDays[0] as string, -3));
    requests.push({
      personCode: SCRIPT.leave.code,
      type: 'ANNUAL_LEAVE',
      startDate: leaveDays[0] as string,
      endDate: leaveDays[leaveDays.length - 1] as string,
      reason: 'Nghỉ phép năm: về quê giải quyết việc gia đình',
      documentRef: null,
      requestedBy: 'chanhvp',
      requestedAt: { date: asked, minute: 9 * 60 + 10 },
      approval: { by: 'chutich', at: { date: asked, minute: 15 * 60 + 20 }, note: 'Đồng ý, bàn giao công việc cho đồng nghiệp trước khi nghỉ.' },
    });
  }
  const tripDays = consecutive(SCRIPT.trip.code, SCRIPT.trip.back, SCRIPT.trip.days);
  if (tripDays.length > 0) {
    for (const d of tripDays) mark(SCRIPT.trip.code, d, 'TRIP');
    const asked = clampToWindow(addDays(tripDays[0] as string, -2));
    requests.push({
      personCode: SCRIPT.trip.code,
      type: 'BUSINESS_TRIP',
      startDate: tripDays[0] as string,
      endDate: tripDays[tripDays.length - 1] as string,
      reason: 'Dự hội nghị tập huấn chuyển đổi số tại UBND tỉnh',
      documentRef: 'Giấy đi đường số 15/GĐĐ-UBND',
      requestedBy: 'truongphong',
      requestedAt: { date: asked, minute: 8 * 60 + 40 },
      approval: { by: 'chutich', at: { date: asked, minute: 10 * 60 + 15 }, note: 'Đồng ý cử đi công tác.' },
    });
  }
  // The last full working day: away without telling anyone, the request filed that evening and still pending.
  const pending = fullDayBack(daysOf(SCRIPT.pendingLeave.code), SCRIPT.pendingLeave.back);
  if (pending) {
    mark(SCRIPT.pendingLeave.code, pending, 'PENDING_LEAVE');
    requests.push({
      personCode: SCRIPT.pendingLeave.code,
      type: 'ANNUAL_LEAVE',
      startDate: pending,
      endDate: pending,
      reason: 'Nghỉ phép năm: việc gia đình đột xuất (bổ sung đơn sau)',
      documentRef: null,
      requestedBy: 'canbo',
      requestedAt: { date: pending, minute: 20 * 60 + 10 },
      approval: null,
    });
  }

  for (const s of staff) {
    // Everyday slips are drawn for the staff (codes from 100); the named leaders and the scripted people keep their script.
    if (SCRIPTED.has(s.code) || Number(s.code.slice(2)) < 100) continue;
    const terminal = !sourceOf(s.unitCode).directional;
    for (let d = from; d <= to; d = addDays(d, 1)) {
      if ((sessionsByDay.get(`${s.code}|${d}`) ?? []).length === 0) continue;
      const r = rand(`event|${s.code}|${d}`);
      if (r < RATES.late) mark(s.code, d, 'LATE', randInt(`late|${s.code}|${d}`, 7, 35));
      else if (r < RATES.late + RATES.early) mark(s.code, d, 'EARLY', randInt(`early|${s.code}|${d}`, 12, 45));
      // A terminal only sees the first and last punch: a forgotten check-out there would read as an afternoon away.
      else if (r < RATES.late + RATES.early + RATES.missingOut && !terminal) mark(s.code, d, 'MISSING_OUT');
    }
  }

  const punches: DemoPunch[] = [];
  for (const s of staff)
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const sessions = sessionsByDay.get(`${s.code}|${d}`) ?? [];
      if (sessions.length > 0) punches.push(...punchesOf(s, d, sessions, events.get(`${s.code}|${d}`)));
    }
  return { punches, requests, events, repeatOffender: offenderDates.length === 3 ? { code: SCRIPT.repeatOffender, dates: offenderDates } : null };
}
