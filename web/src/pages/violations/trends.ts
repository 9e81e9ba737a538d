/**
 * Chart rows for the dashboard trends. The API returns only (period, kind) pairs that have violations; a chart must
 * show the periods and kinds without any as 0 — interpolating over them would draw violations that did not happen,
 * and a kind seen in one period only would not be drawn at all.
 */
export type TrendRow = { kind: string; n: number } & Record<string, string | number>;

const nextWeek = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
const nextMonth = (m: string) => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
};

/** One object per period from the first to the last period with data, a column per kind (0 when none). */
export function trendSeries(rows: readonly TrendRow[], key: 'week' | 'month', kinds: readonly string[], label: (p: string) => string): Array<Record<string, string | number>> {
  if (rows.length === 0) return [];
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${String(r[key])}|${r.kind}`, (counts.get(`${String(r[key])}|${r.kind}`) ?? 0) + r.n);
  const periods = rows.map((r) => String(r[key])).sort();
  const step = key === 'week' ? nextWeek : nextMonth;
  const out: Array<Record<string, string | number>> = [];
  for (let p = periods[0] as string; p <= (periods[periods.length - 1] as string); p = step(p)) {
    const entry: Record<string, string | number> = { period: label(p) };
    for (const k of kinds) entry[k] = counts.get(`${p}|${k}`) ?? 0;
    out.push(entry);
  }
  return out;
}
