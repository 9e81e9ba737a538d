import type { AppContext } from '../../platform/module';
import { localDateOf, localMinuteOf } from '../../platform/time';
import { mailConfig } from './notify';
import { periodic } from '../../platform/jobs/periodic';

/**
 * Digest batching: instead of one notice per event, a module sends each reader one summary a day. This schedules it:
 * once per Vietnamese calendar day, at the first check after KC_DIGEST_HOUR (checked every minute), `send` is called
 * with the local date; what goes into the digest and to whom is the caller's business. `send` must be idempotent
 * per date (e-mail dedup keys, `inAppOnce`), since a crash between sending and remembering the date repeats it.
 * Returns the function that stops the schedule.
 */
export function scheduleDailyDigest(
  ctx: AppContext,
  name: string,
  send: (date: string, now: Date) => Promise<Record<string, unknown>>,
): () => Promise<void> {
  const { digestHour } = mailConfig();
  let doneFor = '';
  return periodic(name, 60_000, async () => {
    const now = ctx.now();
    const today = localDateOf(now);
    const hour = Math.floor(localMinuteOf(now) / 60);
    if (doneFor === today || hour < digestHour) return;
    const r = await send(today, now);
    doneFor = today;
    ctx.log.info({ digest: name, date: today, ...r }, 'daily digest sent');
  }, ctx.log);
}
