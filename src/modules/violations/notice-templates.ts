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
  /** Where the handling rules come from: "theo Quy chế … (căn cứ …)" or the system default, said plainly (D7). */
  rulesBasis: string;
  /** The violations the ordinal was counted from, e.g. "02/03/2026, 05/03/2026"; empty for a first one. */
  countedLabel: string;
  /** Whose thresholds (grace, reporting days) the attendance used, when it was not the unit's own regulation. */
  thresholdNote?: string | null;
  dueLabel?: string | null;
  link: string;
}

/** "Đây là lần thứ 3 trong kỳ 03/2026 (đã tính: 02/03/2026, 05/03/2026)." */
function ordinalSentence(v: ViolationVars, prefix = 'Đây là lần'): string {
  const counted = v.countedLabel ? ` (đã tính các vi phạm ngày ${v.countedLabel})` : '';
  return `${prefix} thứ ${v.ordinal} trong kỳ ${v.windowLabel}${counted}. Biện pháp đề xuất ${v.rulesBasis}: ${v.actionLabel}.`;
}

/** Who reads a report about a subject: the competent leaders, or the unit's deciders when that level is external. */
export interface ReportAudience {
  /** A line saying the matter belongs to a competent level outside the unit (empty when the readers are it). */
  competenceNote: string | null;
}

/**
 * The notices of the discipline flow, Vietnamese with full diacritics: a violation opened, reported to the unit head,
 * explanation requested / submitted / overdue, the leader's decision, a retraction. The notifications module
 * delivers them; the words are this module's.
 */
export const violationTemplates = {
  violation_opened: (v: ViolationVars & { lead?: string | null }): Rendered => ({
    subject: `${SUBJECT_PREFIX} Thông báo vi phạm: ${v.kindLabel} ngày ${v.dateLabel}`,
    title: `${v.kindLabel} ngày ${v.dateLabel}`,
    paragraphs: [
      `Kính gửi ông/bà ${v.personName},`,
      ...(v.lead ? [v.lead] : []),
      `Hệ thống ghi nhận: ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel}. ${v.detail}`,
      ...(v.thresholdNote ? [v.thresholdNote] : []),
      ordinalSentence(v),
      v.dueLabel
        ? `Đề nghị ông/bà giải trình (kèm tài liệu chứng minh nếu có) chậm nhất trong ngày ${v.dueLabel}.`
        : 'Ông/bà có thể xem chi tiết và bằng chứng tại đường dẫn dưới đây.',
      NOT_DISCIPLINE,
    ],
    link: v.link,
  }),
  /** To the leaders competent for the person (never the person, never a subordinate of theirs: audit D6). */
  unit_head_report: (v: ViolationVars & { unitName: string } & ReportAudience): Rendered => ({
    subject: `${SUBJECT_PREFIX} Báo cáo vi phạm lặp lại: ${v.personName} (lần thứ ${v.ordinal} trong kỳ ${v.windowLabel})`,
    title: `${v.personName}: vi phạm lần thứ ${v.ordinal} trong kỳ ${v.windowLabel}`,
    paragraphs: [
      'Kính gửi đồng chí,',
      `Ông/bà ${v.personName} (${v.unitName}) ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel}. ${v.detail}`,
      ordinalSentence(v, 'Đây là lần vi phạm'),
      ...(v.competenceNote ? [v.competenceNote] : []),
      v.competenceNote ? 'Đề nghị đồng chí chuyển hồ sơ đến cấp có thẩm quyền.' : 'Đề nghị đồng chí xem xét, cho ý kiến xử lý trên hệ thống.',
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
  explanation_overdue: (v: { personName: string; kindLabel: string; dateLabel: string; link: string } & ReportAudience): Rendered => ({
    subject: `${SUBJECT_PREFIX} Quá hạn giải trình: ${v.personName}, ${v.kindLabel} ngày ${v.dateLabel}`,
    title: `Quá hạn giải trình: ${v.personName}`,
    paragraphs: [
      `Ông/bà ${v.personName} chưa gửi giải trình về việc ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel} trong thời hạn.`,
      ...(v.competenceNote ? [v.competenceNote, 'Đề nghị đồng chí chuyển hồ sơ đến cấp có thẩm quyền.'] : ['Đề nghị đồng chí cho ý kiến xử lý.']),
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
  violation_retracted: (v: { personName: string; kindLabel: string; dateLabel: string; reason: string; detail?: string | null; link: string }): Rendered => ({
    subject: `${SUBJECT_PREFIX} Hủy ghi nhận vi phạm: ${v.kindLabel} ngày ${v.dateLabel}`,
    title: `Đã hủy: ${v.kindLabel} ngày ${v.dateLabel}`,
    paragraphs: [
      `Kính gửi ông/bà ${v.personName},`,
      `Ghi nhận ${v.kindLabel.toLowerCase()} ngày ${v.dateLabel} đã được hủy. Lý do: ${v.reason}`,
      ...(v.detail ? [v.detail] : []),
    ],
    link: v.link,
  }),
  /**
   * The same fact changed kind in a way that matters to the person (CONTRACT C5): their request was not approved, or
   * the absence is now "not reported". Their explanation, files and deadline stay with the violation.
   */
  violation_kind_changed: (v: { personName: string; fromLabel: string; toLabel: string; dateLabel: string; reason: string; detail: string; dueLabel: string | null; explained: boolean; link: string }): Rendered => ({
    subject: `${SUBJECT_PREFIX} Cập nhật vi phạm ngày ${v.dateLabel}: ${v.toLabel}`,
    title: `Cập nhật: ${v.toLabel} ngày ${v.dateLabel}`,
    paragraphs: [
      `Kính gửi ông/bà ${v.personName},`,
      `Ghi nhận ngày ${v.dateLabel} chuyển từ «${v.fromLabel}» sang «${v.toLabel}». ${v.reason}`,
      v.detail,
      v.explained
        ? 'Giải trình và tài liệu ông/bà đã gửi vẫn được giữ trong hồ sơ này.'
        : v.dueLabel
          ? `Đề nghị ông/bà giải trình (kèm tài liệu chứng minh nếu có) chậm nhất trong ngày ${v.dueLabel}.`
          : 'Ông/bà có thể xem chi tiết tại đường dẫn dưới đây.',
      NOT_DISCIPLINE,
    ],
    link: v.link,
  }),
};
