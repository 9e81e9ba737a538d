import type { AppContext } from '../../platform/module';
import type { Db } from '../../platform/ports/db';

/** Dates whose working-day meaning changed, for everyone in `units` (null = everyone). */
export interface CalendarChange {
  units: readonly string[] | null;
  dates: readonly string[];
}

/**
 * Runs inside the transaction that wrote the change (so a change and its consequences commit together and no day is
 * missed); returns how many person-days it queued for recomputation.
 */
export type CalendarChangeHook = (tx: Db, change: CalendarChange) => Promise<number>;

// Per application context: several servers in one process (tests) each have their own listeners.
const hooks = new WeakMap<AppContext, Set<CalendarChangeHook>>();

/**
 * Later modules (attendance) learn of holiday and roster changes here instead of calendar importing them.
 * Returns the function that removes the hook.
 */
export function onCalendarChanged(ctx: AppContext, hook: CalendarChangeHook): () => void {
  let set = hooks.get(ctx);
  if (!set) {
    set = new Set();
    hooks.set(ctx, set);
  }
  set.add(hook);
  return () => void hooks.get(ctx)?.delete(hook);
}

/** Calls every hook of `ctx` in `tx`; the total of person-days they queued. */
export async function calendarChanged(ctx: AppContext, tx: Db, change: CalendarChange): Promise<number> {
  let queued = 0;
  for (const hook of hooks.get(ctx) ?? []) queued += await hook(tx, change);
  return queued;
}
