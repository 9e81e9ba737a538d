import { addDays, localDateOf } from '../calendar/domain/local-time';
import { detectOutages } from './punches.service';
import { type AttendanceDeps, enqueueDirty, processDirty, type RecomputeStats, recomputeRange } from './recompute.service';

/**
 * One pass of the background work: open outages for silent sources, close yesterday for everyone once (the whole
 * staff computed in one set-based run), refresh recent absences whose "leave not reported" age may have been
 * reached, then drain the recompute queue. Every step is idempotent, so a pass can be repeated or interrupted.
 */
export async function attendanceTick(deps: AttendanceDeps): Promise<{ outagesOpened: number; closed: string | null; dirty: RecomputeStats }> {
  const now = deps.now();
  const outagesOpened = await detectOutages(deps.db, now);
  const yesterday = addDays(localDateOf(now), -1);
  let closed: string | null = null;
  const done = await deps.db.query('SELECT 1 FROM attendance_closed_dates WHERE date = $1', [yesterday]);
  if (done.length === 0) {
    await recomputeRange(deps, { from: yesterday, to: yesterday });
    const absences = await deps.db.query<{ person_id: string; date: string }>(
      `SELECT person_id, date FROM attendance_days WHERE day_status = 'ABSENT_NO_REASON' AND date >= $1 AND date < $2`,
      [addDays(yesterday, -60), yesterday],
    );
    await enqueueDirty(deps.db, absences.map((a) => ({ personId: a.person_id, date: a.date })));
    await deps.db.query('INSERT INTO attendance_closed_dates (date) VALUES ($1) ON CONFLICT DO NOTHING', [yesterday]);
    closed = yesterday;
  }
  const dirty = await processDirty(deps);
  return { outagesOpened, closed, dirty };
}

/** Runs `attendanceTick` every `seconds` (first run after one interval); never two passes at once. */
export function startTicker(deps: AttendanceDeps, seconds: number, onError: (e: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await attendanceTick(deps);
    } catch (e) {
      onError(e);
    } finally {
      running = false;
    }
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
