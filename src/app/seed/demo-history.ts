import { attendanceTick, decideJustification, recomputeRange, requestJustification } from '../../modules/attendance';
import { type CalendarData, isWorkingDay, loadCalendarData, unitAncestry } from '../../modules/calendar';
import { decide, resolvePendingEvidence, submitExplanation, sweepOverdueExplanations } from '../../modules/violations';
import type { AppContext, DemoAgency } from '../../platform/module';
import { type CaseRow, caseKey, decisionFor, explanationFor } from './demo-actions';
import { buildDemoPlan, type DemoPlan, type DemoRequest, type DemoStaff } from './demo-plan';
import { firstCompetent } from './demo-competence';
import { addDays, localDateOf, localToEpoch } from '../../platform/time';

/**
 * The demo agency's recent past, so that the dashboards, timesheets and violation lists are not empty on first start.
 *
 * Replay (KC_DEMO_HISTORY=on, with a running event pipeline): the raw punches of the last four weeks are stored
 * first, then the days are replayed one by one with the app's clock set back (AppContext.now is the injectable
 * clock): each night the attendance ticker closes the day and publishes attendance.day_updated.v1, the violations
 * consumer opens the violations and the workflow requests explanations with deadlines in working days; during each
 * working day people file leave requests, explain, and leaders approve and decide. Nothing is written to the
 * violation tables directly — they are what the normal path made of the punches.
 *
 * Quiet (KC_DEMO_HISTORY=off, or no pipeline such as `kycuong seed` on NATS): three weeks of the same punches and
 * requests, days computed without events, so no violation exists (tests that count violations from zero use it).
 */
export interface HistoryOptions {
  /** Publishes pending outbox events and waits until every consumer has processed them; null = no pipeline. */
  settle: (() => Promise<void>) | null;
}

export interface HistorySummary {
  mode: 'replay' | 'quiet';
  from: string;
  to: string;
  punches: number;
  violations: number;
  ms: number;
}

const REPLAY_DAYS = 28;
const QUIET_DAYS = 21;
/** A tiny PDF standing for a scanned paper (the repair shop's receipt) attached to one explanation. */
const RECEIPT_PDF = Buffer.from('%PDF-1.4\n% Giấy xác nhận sửa xe (bản chụp, dữ liệu mẫu)\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface Account {
  id: string;
  name: string;
  personId: string | null;
}

async function loadStaff(ctx: AppContext): Promise<DemoStaff[]> {
  const rows = await ctx.db.query<{ id: string; employee_code: string; unit_code: string; unit_id: string }>(
    'SELECT p.id, p.employee_code, u.code AS unit_code, p.unit_id FROM persons p JOIN org_units u ON u.id = p.unit_id ORDER BY p.employee_code',
  );
  const ancestry = new Map<string, string[]>();
  for (const unitId of new Set(rows.map((r) => r.unit_id))) ancestry.set(unitId, await unitAncestry(ctx.db, unitId));
  return rows.map((r) => ({ id: r.id, code: r.employee_code, unitCode: r.unit_code, ancestry: ancestry.get(r.unit_id) ?? [r.unit_id] }));
}

async function storePunches(ctx: AppContext, plan: DemoPlan): Promise<void> {
  // A batch upload from the sources: raw punches are immutable facts; the days are computed later, by the ticker.
  for (let i = 0; i < plan.punches.length; i += 2000) {
    const batch = plan.punches.slice(i, i + 2000).map((p) => ({ ...p, at: new Date(p.at).toISOString() }));
    await ctx.db.query(
      `INSERT INTO punches (id, source_id, source_event_id, person_id, at, device_time, received_at, direction, confidence)
       SELECT gen_random_uuid(), x.source, x."eventId", x."personId", x.at, x.at, x.at + interval '2 seconds', x.direction, x.confidence
         FROM jsonb_to_recordset($1::jsonb) AS x(source text, "eventId" text, "personId" uuid, at timestamptz, direction text, confidence real)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(batch)],
    );
  }
}

async function loadAccounts(ctx: AppContext): Promise<Map<string, Account>> {
  const rows = await ctx.db.query<{ id: string; username: string; person_id: string | null }>('SELECT id, username, person_id FROM users');
  return new Map(rows.map((r) => [r.username, { id: r.id, name: r.username, personId: r.person_id }]));
}

/** Sets the app's clock to a local date and minute during the replay; `restore` gives the real clock back. */
class ReplayClock {
  private readonly real: AppContext['now'];
  constructor(private readonly ctx: AppContext) {
    this.real = ctx.now;
  }
  at(date: string, minute: number): Date {
    const t = localToEpoch(date, minute);
    this.ctx.now = () => new Date(t);
    return new Date(t);
  }
  restore(): void {
    this.ctx.now = this.real;
  }
}

export async function seedDemoHistory(ctx: AppContext, demo: DemoAgency, opts: HistoryOptions): Promise<HistorySummary> {
  const started = Date.now();
  const replay = ctx.config.demoHistory && opts.settle !== null;
  const today = localDateOf(ctx.now());
  const from = addDays(today, -(replay ? REPLAY_DAYS : QUIET_DAYS));
  const to = addDays(today, -1);
  const staff = await loadStaff(ctx);
  const calendar = await loadCalendarData(ctx.db, from, to, staff.map((s) => s.id));
  const plan = buildDemoPlan(staff, calendar, from, to);
  await storePunches(ctx, plan);
  const accounts = await loadAccounts(ctx);

  if (replay && opts.settle) await replayDays(ctx, demo, { plan, calendar, accounts }, from, today, opts.settle);
  else await computeQuietly(ctx, demo, plan, accounts, from, to);

  const [v] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM violations');
  return { mode: replay ? 'replay' : 'quiet', from, to, punches: plan.punches.length, violations: v?.n ?? 0, ms: Date.now() - started };
}

/** Files a scripted request; with `approveAtOnce` (quiet mode) its approval follows immediately, without events. */
async function fileRequest(ctx: AppContext, demo: DemoAgency, accounts: Map<string, Account>, r: DemoRequest, approveAtOnce: boolean): Promise<string | null> {
  const by = accounts.get(r.requestedBy);
  const personId = demo.persons[r.personCode];
  if (!by || !personId) return null;
  const row = await requestJustification(
    ctx.db,
    by,
    { personId, type: r.type, startDate: r.startDate, startHalf: 'MORNING', endDate: r.endDate, endHalf: 'AFTERNOON', reason: r.reason, documentRef: r.documentRef },
    ctx.now(),
  );
  const approver = r.approval ? accounts.get(r.approval.by) : undefined;
  if (r.approval && approver && approveAtOnce)
    await decideJustification({ db: ctx.db, bus: null, now: () => ctx.now() }, approver, row.id, 'APPROVED', r.approval.note);
  return row.id;
}

/** KC_DEMO_HISTORY=off: the punches and requests, the days computed once without announcing them. */
async function computeQuietly(ctx: AppContext, demo: DemoAgency, plan: DemoPlan, accounts: Map<string, Account>, from: string, to: string): Promise<void> {
  for (const r of plan.requests) await fileRequest(ctx, demo, accounts, r, true);
  const deps = { db: ctx.db, bus: null, now: () => ctx.now() };
  await recomputeRange(deps, { from, to });
  await ctx.db.query(
    `INSERT INTO attendance_closed_dates (date) SELECT d::date FROM generate_series($1::date, $2::date, interval '1 day') d ON CONFLICT DO NOTHING`,
    [from, to],
  );
  await ctx.db.query('DELETE FROM attendance_dirty');
}

interface Action {
  minute: number;
  run: () => Promise<void>;
}

async function openCases(ctx: AppContext, states: string[], before: Date): Promise<CaseRow[]> {
  return ctx.db.query<CaseRow>(
    `SELECT c.violation_id, v.person_id, p.employee_code, u.code AS unit_code, v.kind, v.occurred_on, v.session, c.state
       FROM violation_cases c JOIN violations v ON v.id = c.violation_id JOIN persons p ON p.id = v.person_id
       JOIN org_units u ON u.id = v.unit_id
      WHERE c.state = ANY($1::text[]) AND v.retracted_at IS NULL AND c.updated_at < $2
      ORDER BY v.occurred_on, p.employee_code, v.kind`,
    [states, before],
  );
}

/** The explanations and decisions people make on working day `date`, from the cases as they stand that morning. */
async function workflowActions(ctx: AppContext, plan: DemoPlan, accounts: Map<string, Account>, date: string, seen: Set<string>): Promise<Action[]> {
  const morning = new Date(localToEpoch(date, 0));
  const actions: Action[] = [];
  const office = accounts.get('chanhvp');
  for (const c of await openCases(ctx, ['EXPLANATION_REQUESTED'], morning)) {
    const key = `explain|${caseKey(c)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const e = explanationFor(c, plan);
    // Staff without an account explain on paper; the office enters it for them.
    const actor = [...accounts.values()].find((a) => a.personId === c.person_id) ?? office;
    if (!e || !actor) continue;
    actions.push({
      minute: e.minute,
      run: async () => {
        const files = e.withPdf ? [{ fileName: 'giay-xac-nhan-sua-xe.pdf', contentType: 'application/pdf', data: RECEIPT_PDF }] : [];
        await submitExplanation(ctx.db, ctx.blobs, { violationId: c.violation_id, personId: c.person_id, body: e.body, files }, actor, ctx.now());
      },
    });
  }
  for (const c of await openCases(ctx, ['EXPLAINED', 'NO_ANSWER'], morning)) {
    const key = `decide|${caseKey(c)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const d = decisionFor(c, plan);
    // Only a competent leader decides: never on their own case nor a superior's (the Chủ tịch's go to the province).
    const leader = d ? await firstCompetent(ctx, d.deciders.map((u) => accounts.get(u)), { matter: 'VIOLATION_HANDLING', subjectPersonId: c.person_id, date }) : undefined;
    if (!d || !leader) continue;
    actions.push({ minute: d.minute, run: async () => void (await decide(ctx.db, c.violation_id, d.decision, d.reason, leader, ctx.now())) });
  }
  return actions;
}

/** KC_DEMO_HISTORY=on: the days replayed one by one through the ticker, the bus and the workflow. */
async function replayDays(
  ctx: AppContext,
  demo: DemoAgency,
  input: { plan: DemoPlan; calendar: CalendarData; accounts: Map<string, Account> },
  from: string,
  today: string,
  settle: () => Promise<void>,
): Promise<void> {
  const { plan, calendar, accounts } = input;
  const clock = new ReplayClock(ctx);
  const filed = new Map<DemoRequest, string>();
  const deps = { db: ctx.db, bus: ctx.bus, now: () => ctx.now() };
  const commune = await unitAncestry(ctx.db, demo.units['TT-UBND'] ?? null);
  const seen = new Set<string>();
  try {
    for (let date = from; date <= today; date = addDays(date, 1)) {
      if (date > from) {
        // Just after midnight: the ticker closes yesterday; violations open; their evidence is looked for;
        // explanations whose deadline has passed are marked.
        clock.at(date, 5);
        await attendanceTick(deps);
        await settle();
        await resolvePendingEvidence(ctx, { limit: 500 });
        clock.at(date, 6);
        await sweepOverdueExplanations(ctx.db, ctx.now());
      }
      if (date === today) break;
      const actions: Action[] = [];
      for (const r of plan.requests) {
        if (r.requestedAt.date === date)
          actions.push({
            minute: r.requestedAt.minute,
            run: async () => {
              const id = await fileRequest(ctx, demo, accounts, r, false);
              if (id) filed.set(r, id);
            },
          });
        const approver = r.approval ? accounts.get(r.approval.by) : undefined;
        if (r.approval?.at.date === date && approver)
          actions.push({
            minute: r.approval.at.minute,
            run: async () => {
              const id = filed.get(r);
              if (id && r.approval) await decideJustification(deps, approver, id, 'APPROVED', r.approval.note);
            },
          });
      }
      if (isWorkingDay(calendar, commune, date)) actions.push(...(await workflowActions(ctx, plan, accounts, date, seen)));
      for (const a of actions.sort((x, y) => x.minute - y.minute)) {
        clock.at(date, a.minute);
        await a.run();
        await settle();
      }
    }
  } finally {
    clock.restore();
  }
}
