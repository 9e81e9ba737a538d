import { escapeHtml } from './format';

/**
 * The shape of every notice: Vietnamese with full diacritics (the language of the agencies using the system), a
 * subject and paragraphs. The modules that have something to say write their own templates (violations, reports,
 * cameras); this module turns a rendered notice into the e-mail's text and HTML parts, built from the same
 * paragraphs so both parts match.
 */
export interface Rendered {
  subject: string;
  /** Short title for the in-app notification centre. */
  title: string;
  paragraphs: string[];
  link?: string;
}

/** Starts every e-mail subject, so recipients can filter the system's mail. */
export const SUBJECT_PREFIX = '[Kỷ Cương]';

export function toText(r: Rendered): string {
  return [...r.paragraphs, ...(r.link ? [`Xem chi tiết: ${r.link}`] : []), '', '— Hệ thống Kỷ Cương (thư tự động, vui lòng không trả lời).'].join('\n\n');
}

export function toHtml(r: Rendered): string {
  const body = r.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const link = r.link ? `<p><a href="${escapeHtml(r.link)}">Xem chi tiết</a></p>` : '';
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>${body}${link}<p style="color:#888">— Hệ thống Kỷ Cương (thư tự động, vui lòng không trả lời).</p></body></html>`;
}
