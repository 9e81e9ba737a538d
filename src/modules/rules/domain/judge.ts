import { addDays } from '../../../platform/time';
import type { EscalationStep, RepeatWindow, RuleConfig, ViolationKind } from './rule-config';

/** First and last day (inclusive) of the repeat window that contains `date`. */
export function windowFor(window: RepeatWindow, date: string): { from: string; to: string; label: string } {
  const [y, m] = date.split('-').map(Number) as [number, number];
  if (window.kind === 'CALENDAR_MONTH') {
    const from = `${y}-${String(m).padStart(2, '0')}-01`;
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    return { from, to: addDays(next, -1), label: `${String(m).padStart(2, '0')}/${y}` };
  }
  if (window.kind === 'CALENDAR_QUARTER') {
    const q = Math.floor((m - 1) / 3);
    const from = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    const next = q === 3 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 4).padStart(2, '0')}-01`;
    return { from, to: addDays(next, -1), label: `Q${q + 1}/${y}` };
  }
  return { from: addDays(date, -(window.days - 1)), to: date, label: `${window.days}d` };
}

/** Kinds counted together with `kind` for repeats: its repeat group, or just itself. */
export function repeatKinds(cfg: RuleConfig, kind: ViolationKind): ViolationKind[] {
  const group = cfg.repeatGroups.find((g) => g.includes(kind));
  return group ? [...new Set(group)] : [kind];
}

/** The escalation step for the n-th violation in the window: the last step whose fromCount ≤ n. */
export function stepFor(cfg: RuleConfig, ordinal: number): EscalationStep {
  let chosen = cfg.steps[0] as EscalationStep;
  for (const s of cfg.steps) if (s.fromCount <= ordinal) chosen = s;
  return chosen;
}
