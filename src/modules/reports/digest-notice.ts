import { type Rendered, SUBJECT_PREFIX } from '../notifications';

export interface DigestVars {
  leaderName: string;
  dateLabel: string;
  newCount: number;
  byKind: Array<{ label: string; count: number }>;
  overdue: Array<{ personName: string; kindLabel: string; dateLabel: string }>;
  repeatOffenders: Array<{ personName: string; count: number }>;
  link: string;
}

/** The leaders' daily digest, in Vietnamese: the day's new violations by kind, explanations overdue, repeat offenders. */
export function dailyDigestNotice(v: DigestVars): Rendered {
  return {
    subject: `${SUBJECT_PREFIX} Tổng hợp kỷ luật, kỷ cương ngày ${v.dateLabel}`,
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
  };
}
