import { addDays, localDateOf } from '../../platform/time';
import { detectOutages } from './punches.service';
import { recomputeJobRunner, stopRecomputeJobs } from './recompute-jobs';
import { enqueueDirty, processDirty } from './dirty-queue';
import { RecomputeAborted } from './recompute-slices';
import { type AttendanceDeps, type RecomputeStats, recomputeRange } from './recompute.service';

/**
 * One pass of the background work: open outages for silent sources, close yesterday for everyone once (the whole
 * staff computed in small slices), refresh recent absences whose "leave not reported" age may have been reached,
 * then drain the recompute queue in small batches. Every step is idempotent, so a pass can be repeated or
 * interrupted (`signal`: server stop); an interrupted close is redone by the next pass.
 */
export async function attendanceTick(
  deps: AttendanceDeps,
  opts: { signal?: AbortSignal } = {},
): Promise<{ outagesOpened: number; closed: string | null; dirty: RecomputeStats }> {
  const now = deps.now();
  const outagesOpened = await detectOutages(deps.db, now);
  const yesterday = addDays(localDateOf(now), -1);
  let closed: string | null = null;
  const done = await deps.db.query('SELECT 1 FROM attendance_closed_dates WHERE date = $1', [yesterday]);
  if (done.length === 0) {
    await recomputeRange(deps, { from: yesterday, to: yesterday }, { signal: opts.signal });
    // "Not reported" is counted in working days (at most 60 by the rules table): 100 calendar days cover that even
    // across Tết and its nghỉ bù.
    const absences = await deps.db.query<{ person_id: string; date: string }>(
      `SELECT person_id, date FROM attendance_days WHERE day_status = 'ABSENT_NO_REASON' AND date >= $1 AND date < $2`,
      [addDays(yesterday, -100), yesterday],
    );
    await enqueueDirty(deps.db, absences.map((a) => ({ personId: a.person_id, date: a.date })));
    await deps.db.query('INSERT INTO attendance_closed_dates (date) VALUES ($1) ON CONFLICT DO NOTHING', [yesterday]);
    closed = yesterday;
  }
  const dirty = await processDirty(deps, { signal: opts.signal });
  return { outagesOpened, closed, dirty };
}

/**
 * Runs `attendanceTick` every `seconds` (first run after one interval); never two passes at once. Also resumes
 * recompute jobs left unfinished by the previous run. The returned stop aborts the pass in progress at its next
 * slice and the job runner at its next step, and resolves once both have let go of the database.
 */
export function startTicker(deps: AttendanceDeps, seconds: number, onError: (e: unknown) => void): () => Promise<void> {
  const controller = new AbortController();
  let pass: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (pass) return;
    pass = attendanceTick(deps, { signal: controller.signal })
      .then(() => undefined)
      .catch((e) => {
        if (!(e instanceof RecomputeAborted)) onError(e);
      })
      .finally(() => {
        pass = null;
      });
  }, seconds * 1000);
  timer.unref();
  recomputeJobRunner(deps, onError).kick();
  return async () => {
    clearInterval(timer);
    controller.abort();
    await Promise.all([pass, stopRecomputeJobs(deps.db)]);
  };
}
