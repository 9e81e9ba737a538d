import { escapeHtml } from './format';

/**
 * E-mail and in-app texts, Vietnamese with full diacritics (the language of the agencies using the system). Every
 * template returns a subject and paragraphs; the HTML body is built from the same paragraphs so both parts match.
 */
export interface Rendered {
  subject: string;
  /** Short title for the in-app notification centre. */
  title: string;
  paragraphs: string[];
  link?: string;
}

const PREFIX = '[Kỷ Cương]';
const NOT_DISCIPLINE = 'Lưu ý: nhắc nhở, kiểm điểm là biện pháp quản lý, không phải hình thức kỷ luật.';

export interface ViolationVars {
  personName: string;
  kindLabel: string;
  dateLabel: string;
  detail: string;
  ordinal: number;
  windowLabel: string;
  actionLabel: string;
  dueLabel?: string | null;
  link: string;
}

export const templates = {
  violation_opened: (v: ViolationVars): Rendered => ({
    subject: `${PREFIX} Thông báo vi phạm: ${v.kindLabel} ngày ${v.dateLabel}`,
    title: `${v.kindLabel} ngày ${v.dateLabel}`,
    paragraphs: [
      `Kính gửi ông/bà ${v.personName},`,
      `Hệ thống ghi nhận: ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel}. ${v.detail}`,
      `Đây là lần thứ ${v.ordinal} trong kỳ ${v.windowLabel}. Biện pháp đề xuất theo quy chế của đơn vị: ${v.actionLabel}.`,
      v.dueLabel
        ? `Đề nghị ông/bà giải trình (kèm tài liệu chứng minh nếu có) chậm nhất trong ngày ${v.dueLabel}.`
        : 'Ông/bà có thể xem chi tiết và bằng chứng tại đường dẫn dưới đây.',
      NOT_DISCIPLINE,
    ],
    link: v.link,
  }),
  unit_head_report: (v: ViolationVars & { unitName: string }): Rendered => ({
    subject: `${PREFIX} Báo cáo vi phạm lặp lại: ${v.personName} (lần thứ ${v.ordinal} trong kỳ ${v.windowLabel})`,
    title: `${v.personName}: vi phạm lần thứ ${v.ordinal} trong kỳ ${v.windowLabel}`,
    paragraphs: [
      `Kính gửi Thủ trưởng ${v.unitName},`,
      `Ông/bà ${v.personName} ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel}. ${v.detail}`,
      `Đây là lần vi phạm thứ ${v.ordinal} trong kỳ ${v.windowLabel}. Theo quy chế của đơn vị, đề xuất: ${v.actionLabel}.`,
      'Đề nghị đồng chí xem xét, cho ý kiến xử lý trên hệ thống.',
      NOT_DISCIPLINE,
    ],
    link: v.link,
  }),
  explanation_requested: (v: ViolationVars): Rendered => ({
    subject: `${PREFIX} Yêu cầu giải trình: ${v.kindLabel} ngày ${v.dateLabel}`,
    title: `Yêu cầu giải trình: ${v.kindLabel} ngày ${v.dateLabel}`,
    paragraphs: [
      `Kính gửi ông/bà ${v.personName},`,
      `Đề nghị ông/bà giải trình về việc ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel} chậm nhất trong ngày ${v.dueLabel ?? ''}.`,
    ],
    link: v.link,
  }),
  explanation_submitted: (v: { personName: string; kindLabel: string; dateLabel: string; excerpt: string; link: string }): Rendered => ({
    subject: `${PREFIX} ${v.personName} đã gửi giải trình: ${v.kindLabel} ngày ${v.dateLabel}`,
    title: `${v.personName} đã gửi giải trình`,
    paragraphs: [
      `Ông/bà ${v.personName} đã gửi giải trình về việc ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel}:`,
      `«${v.excerpt}»`,
      'Đề nghị đồng chí xem bằng chứng và cho ý kiến xử lý.',
    ],
    link: v.link,
  }),
  explanation_overdue: (v: { personName: string; kindLabel: string; dateLabel: string; link: string }): Rendered => ({
    subject: `${PREFIX} Quá hạn giải trình: ${v.personName}, ${v.kindLabel} ngày ${v.dateLabel}`,
    title: `Quá hạn giải trình: ${v.personName}`,
    paragraphs: [
      `Ông/bà ${v.personName} chưa gửi giải trình về việc ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel} trong thời hạn.`,
      'Đề nghị đồng chí cho ý kiến xử lý.',
    ],
    link: v.link,
  }),
  decision_made: (v: { personName: string; kindLabel: string; dateLabel: string; decisionLabel: string; reason: string; link: string }): Rendered => ({
    subject: `${PREFIX} Ý kiến xử lý: ${v.kindLabel} ngày ${v.dateLabel}`,
    title: `Ý kiến xử lý: ${v.decisionLabel}`,
    paragraphs: [
      `Kính gửi ông/bà ${v.personName},`,
      `Về việc ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel}, lãnh đạo đã cho ý kiến: ${v.decisionLabel}.`,
      `Lý do: ${v.reason}`,
    ],
    link: v.link,
  }),
  violation_retracted: (v: { personName: string; kindLabel: string; dateLabel: string; reason: string; link: string }): Rendered => ({
    subject: `${PREFIX} Hủy ghi nhận vi phạm: ${v.kindLabel} ngày ${v.dateLabel}`,
    title: `Đã hủy: ${v.kindLabel} ngày ${v.dateLabel}`,
    paragraphs: [
      `Kính gửi ông/bà ${v.personName},`,
      `Ghi nhận ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel} đã được hủy. Lý do: ${v.reason}`,
    ],
    link: v.link,
  }),
  daily_digest: (v: {
    leaderName: string;
    dateLabel: string;
    newCount: number;
    byKind: Array<{ label: string; count: number }>;
    overdue: Array<{ personName: string; kindLabel: string; dateLabel: string }>;
    repeatOffenders: Array<{ personName: string; count: number }>;
    link: string;
  }): Rendered => ({
    subject: `${PREFIX} Tổng hợp kỷ luật, kỷ cương ngày ${v.dateLabel}`,
    title: `Tổng hợp ngày ${v.dateLabel}: ${v.newCount} vi phạm mới`,
    paragraphs: [
      `Kính gửi đồng chí ${v.leaderName},`,
      `Ngày ${v.dateLabel} có ${v.newCount} vi phạm mới${v.byKind.length ? `: ${v.byKind.map((k) => `${k.label} ${k.count}`).join('; ')}` : ''}.`,
      v.overdue.length
        ? `Quá hạn giải trình (${v.overdue.length}): ${v.overdue.map((o) => `${o.personName} (${o.kindLabel} ${o.dateLabel})`).join('; ')}.`
        : 'Không có giải trình quá hạn.',
      v.repeatOffenders.length
        ? `Vi phạm nhiều lần trong 30 ngày: ${v.repeatOffenders.map((r) => `${r.personName} (${r.count} lần)`).join('; ')}.`
        : 'Không có trường hợp vi phạm lặp lại trong 30 ngày.',
    ],
    link: v.link,
  }),
};

export type TemplateName = keyof typeof templates;

export function toText(r: Rendered): string {
  return [...r.paragraphs, ...(r.link ? [`Xem chi tiết: ${r.link}`] : []), '', '— Hệ thống Kỷ Cương (thư tự động, vui lòng không trả lời).'].join('\n\n');
}

export function toHtml(r: Rendered): string {
  const body = r.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const link = r.link ? `<p><a href="${escapeHtml(r.link)}">Xem chi tiết</a></p>` : '';
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>${body}${link}<p style="color:#888">— Hệ thống Kỷ Cương (thư tự động, vui lòng không trả lời).</p></body></html>`;
}
