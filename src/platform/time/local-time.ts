/**
 * Civil time in Việt Nam: Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975). Every conversion
 * between an instant and a local date/time goes through these helpers with the offset written out, so the result
 * never depends on the machine's TZ setting.
 */
export const VN_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'YYYY-MM-DD' that is a real calendar date. */
export function isLocalDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function isHhmm(s: string): boolean {
  return HHMM_RE.test(s);
}

/** 'HH:MM' → minutes after local midnight. */
export function hhmmToMinutes(s: string): number {
  const m = HHMM_RE.exec(s);
  if (!m) throw new Error(`bad time of day ${JSON.stringify(s)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function minutesToHhmm(min: number): string {
  const h = Math.floor(min / 60);
  const m = min % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The local (UTC+7) calendar date of an instant. */
export function localDateOf(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes (with fraction) after local midnight of the instant's local date. */
export function localMinuteOf(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const local = ms + OFFSET_MS;
  return (((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000;
}

/** Epoch milliseconds of local date + minutes after local midnight. */
export function localToEpoch(date: string, minutes = 0): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`bad date ${JSON.stringify(date)}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + minutes * 60_000 - OFFSET_MS;
}

export function localToInstant(date: string, minutes = 0): Date {
  return new Date(localToEpoch(date, minutes));
}

/** ISO 8601 with the +07:00 offset, for display and exports: 2026-04-16T07:02:00+07:00. */
export function toLocalIso(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return `${new Date(ms + OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

export function addDays(date: string, n: number): string {
  return new Date(localToEpoch(date) + OFFSET_MS + n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(localToEpoch(date) + OFFSET_MS).getUTCDay();
  return d === 0 ? 7 : d;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((localToEpoch(to) - localToEpoch(from)) / DAY_MS);
}

/** Inclusive list of dates from..to. */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** First and last date of a 'YYYY-MM' month. */
export function monthBounds(month: string): { from: string; to: string } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`bad month ${JSON.stringify(month)}`);
  const from = `${month}-01`;
  const to = addDays(addDays(from, 32).slice(0, 8) + '01', -1);
  return { from, to };
}

/** The last instant (…23:59:59.999 local) of a local date: a deadline "by the end of dd/MM/yyyy". */
export function endOfLocalDay(date: string): Date {
  return new Date(localToEpoch(addDays(date, 1)) - 1);
}
