import { type Rendered, SUBJECT_PREFIX } from '../notifications';

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

/**
 * The notices of the discipline flow, Vietnamese with full diacritics: a violation opened, reported to the unit head,
 * explanation requested / submitted / overdue, the leader's decision, a retraction. The notifications module
 * delivers them; the words are this module's.
 */
export const violationTemplates = {
  violation_opened: (v: ViolationVars): Rendered => ({
    subject: `${SUBJECT_PREFIX} Thông báo vi phạm: ${v.kindLabel} ngày ${v.dateLabel}`,
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
    subject: `${SUBJECT_PREFIX} Báo cáo vi phạm lặp lại: ${v.personName} (lần thứ ${v.ordinal} trong kỳ ${v.windowLabel})`,
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
    subject: `${SUBJECT_PREFIX} Yêu cầu giải trình: ${v.kindLabel} ngày ${v.dateLabel}`,
    title: `Yêu cầu giải trình: ${v.kindLabel} ngày ${v.dateLabel}`,
    paragraphs: [
      `Kính gửi ông/bà ${v.personName},`,
      `Đề nghị ông/bà giải trình về việc ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel} chậm nhất trong ngày ${v.dueLabel ?? ''}.`,
    ],
    link: v.link,
  }),
  explanation_submitted: (v: { personName: string; kindLabel: string; dateLabel: string; excerpt: string; link: string }): Rendered => ({
    subject: `${SUBJECT_PREFIX} ${v.personName} đã gửi giải trình: ${v.kindLabel} ngày ${v.dateLabel}`,
    title: `${v.personName} đã gửi giải trình`,
    paragraphs: [
      `Ông/bà ${v.personName} đã gửi giải trình về việc ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel}:`,
      `«${v.excerpt}»`,
      'Đề nghị đồng chí xem bằng chứng và cho ý kiến xử lý.',
    ],
    link: v.link,
  }),
  explanation_overdue: (v: { personName: string; kindLabel: string; dateLabel: string; link: string }): Rendered => ({
    subject: `${SUBJECT_PREFIX} Quá hạn giải trình: ${v.personName}, ${v.kindLabel} ngày ${v.dateLabel}`,
    title: `Quá hạn giải trình: ${v.personName}`,
    paragraphs: [
      `Ông/bà ${v.personName} chưa gửi giải trình về việc ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel} trong thời hạn.`,
      'Đề nghị đồng chí cho ý kiến xử lý.',
    ],
    link: v.link,
  }),
  decision_made: (v: { personName: string; kindLabel: string; dateLabel: string; decisionLabel: string; reason: string; link: string }): Rendered => ({
    subject: `${SUBJECT_PREFIX} Ý kiến xử lý: ${v.kindLabel} ngày ${v.dateLabel}`,
    title: `Ý kiến xử lý: ${v.decisionLabel}`,
    paragraphs: [
      `Kính gửi ông/bà ${v.personName},`,
      `Về việc ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel}, lãnh đạo đã cho ý kiến: ${v.decisionLabel}.`,
      `Lý do: ${v.reason}`,
    ],
    link: v.link,
  }),
  violation_retracted: (v: { personName: string; kindLabel: string; dateLabel: string; reason: string; link: string }): Rendered => ({
    subject: `${SUBJECT_PREFIX} Hủy ghi nhận vi phạm: ${v.kindLabel} ngày ${v.dateLabel}`,
    title: `Đã hủy: ${v.kindLabel} ngày ${v.dateLabel}`,
    paragraphs: [
      `Kính gửi ông/bà ${v.personName},`,
      `Ghi nhận ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel} đã được hủy. Lý do: ${v.reason}`,
    ],
    link: v.link,
  }),
};
