/**
 * Dates and times as Vietnamese offices write them: dd/MM/yyyy and HH:mm (24-hour), always in Asia/Ho_Chi_Minh,
 * whatever the browser's own time zone is. Calendar dates ('YYYY-MM-DD') carry no zone and are only re-ordered.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function zonedParts(instant: string | Date): Record<string, string> | null {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of partsFormatter.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** 'YYYY-MM-DD' → 'dd/MM/yyyy'. An ISO instant is first moved to Vietnam time. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const p = zonedParts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : value;
}

/** ISO instant → 'dd/MM/yyyy HH:mm' in Vietnam time. */
export function formatDateTime(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '';
  const p = zonedParts(value);
  if (!p) return value;
  const time = withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.day}/${p.month}/${p.year} ${time}`;
}

/** ISO instant → 'HH:mm' in Vietnam time. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  const p = zonedParts(value);
  return p ? `${p.hour}:${p.minute}` : value;
}

/** Today's calendar date in Vietnam as 'YYYY-MM-DD' (the browser may sit in another zone). */
export function todayInVietnam(now: Date = new Date()): string {
  const p = zonedParts(now);
  return p ? `${p.year}-${p.month}-${p.day}` : now.toISOString().slice(0, 10);
}

/** A Vietnam-local 'YYYY-MM-DD' day boundary as a UTC ISO instant (for `from`/`to` filters). */
export function vietnamDayStart(date: string): string {
  return new Date(`${date}T00:00:00+07:00`).toISOString();
}

/** The first instant after a Vietnam-local day (an exclusive `to` bound). */
export function vietnamDayAfter(date: string): string {
  return new Date(new Date(`${date}T00:00:00+07:00`).getTime() + 86_400_000).toISOString();
}

export function formatNumber(value: number, locale: 'vi' | 'en'): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US').format(value);
}
