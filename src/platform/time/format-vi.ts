import { localDateOf, toLocalIso } from './local-time';

/**
 * Vietnamese display formats (domain conventions): dates dd/MM/yyyy, times HH:mm, always in Vietnam time (UTC+7)
 * whatever the server's zone, so notices, reports and exports read the same on every machine.
 */

/** 'YYYY-MM-DD' (or an ISO timestamp, whose date part is used as written) → dd/MM/yyyy. */
export function formatDateVi(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** HH:mm (24-hour) in Vietnam time. */
export function formatTimeVi(at: Date): string {
  return toLocalIso(at).slice(11, 16);
}

/** "dd/MM/yyyy HH:mm" in Vietnam time, for table cells and short notice lines. */
export function formatTimestampVi(at: Date): string {
  return `${formatDateVi(localDateOf(at))} ${formatTimeVi(at)}`;
}
