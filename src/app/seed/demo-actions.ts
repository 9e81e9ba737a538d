import type { DemoPlan } from './demo-plan';
import { pick, rand, randInt } from './demo-random';

/**
 * What the people of the demo agency do with the violations the system opened during the replay: some explain the
 * next working day, leaders decide a few days later, some cases are left waiting (an explanation not yet decided, a
 * deadline passed without an answer) so the dashboard and the lists have something to show. Deterministic: every
 * choice is drawn from the employee code, the date and the kind, never from generated ids.
 */
export interface CaseRow {
  violation_id: string;
  person_id: string;
  employee_code: string;
  unit_code: string;
  kind: string;
  occurred_on: string;
  session: string | null;
  state: string;
}

export const caseKey = (c: CaseRow) => `${c.employee_code}|${c.occurred_on}|${c.kind}|${c.session ?? 'DAY'}`;

const EXPLANATIONS: Record<string, readonly string[]> = {
  LATE: [
    'Sáng hôm đó xe máy của tôi bị thủng lốp trên đường đi làm, phải dừng lại vá xe nên đến cơ quan muộn. Tôi xin rút kinh nghiệm.',
    'Con tôi bị sốt, tôi phải đưa cháu đi khám ở trạm y tế xã trước giờ làm việc. Tôi đã gọi điện báo Trưởng phòng.',
    'Đường từ bản lên trung tâm xã bị sạt lở sau mưa lớn, phải đi đường vòng nên đến muộn.',
    'Tôi đi thẳng xuống thôn để xác minh hồ sơ theo phân công, sau đó mới về cơ quan chấm công.',
  ],
  EARLY_LEAVE: [
    'Tôi được Trưởng phòng đồng ý cho về sớm để đưa người nhà đi bệnh viện huyện, nhưng chưa kịp làm giấy.',
    'Chiều hôm đó tôi đi kiểm tra hiện trường theo phân công của lãnh đạo, không quay lại cơ quan.',
  ],
  LEAVE_NOT_REPORTED: ['Tôi bị ốm đột xuất, đã nhắn tin cho Trưởng phòng nhưng chưa làm đơn. Tôi xin bổ sung giấy khám bệnh.'],
};

const DECISION_REASONS = {
  REMINDED: [
    'Nhắc nhở, đề nghị chấp hành nghiêm giờ giấc làm việc theo quy chế.',
    'Nhắc nhở lần đầu; cần chủ động báo cáo lãnh đạo khi có việc đột xuất.',
    'Không giải trình trong thời hạn; nhắc nhở và theo dõi trong tháng.',
  ],
  DISMISSED: ['Lý do khách quan, có xác nhận; không xử lý.', 'Thực hiện nhiệm vụ được phân công; không xử lý.'],
};

/** Explains on the first working day after the violation was opened, or not at all. */
export function explanationFor(c: CaseRow, plan: DemoPlan): { body: string; minute: number; withPdf: boolean } | null {
  const key = caseKey(c);
  const minute = randInt(`explain-at|${key}`, 7 * 60 + 35, 9 * 60 + 40);
  const offender = plan.repeatOffender;
  if (offender && c.employee_code === offender.code) {
    // The repeat offender explains the first and the third late arrival, not the second.
    const i = offender.dates.indexOf(c.occurred_on);
    if (i === 1) return null;
    const body =
      i === 0
        ? (EXPLANATIONS.LATE?.[0] as string)
        : 'Mấy hôm nay tôi phải đưa mẹ đi điều trị ở bệnh viện huyện vào buổi sáng sớm. Tôi đã báo miệng Trưởng phòng và xin được bố trí lại công việc.';
    return { body, minute, withPdf: i === 0 };
  }
  // Somebody away without a word does not usually explain the first day; the "not reported" follow-up may be.
  const texts = EXPLANATIONS[c.kind];
  if (!texts || rand(`explain|${key}`) >= 0.4) return null;
  return { body: pick(texts, `explain-text|${key}`), minute, withPdf: false };
}

/** A leader's decision once the person explained or the deadline passed, or none (the case stays waiting). */
export function decisionFor(
  c: CaseRow,
  plan: DemoPlan,
): { decision: 'REMINDED' | 'DISMISSED'; reason: string; deciders: readonly string[]; minute: number } | null {
  const key = caseKey(c);
  const minute = randInt(`decide-at|${key}`, 9 * 60 + 30, 16 * 60);
  const deciders = c.unit_code.startsWith('TP') ? ['chutichtp'] : rand(`decider|${key}`) < 0.6 ? ['chutich', 'noivu'] : ['noivu', 'chutich'];
  const offender = plan.repeatOffender;
  if (offender && c.employee_code === offender.code) {
    const i = offender.dates.indexOf(c.occurred_on);
    // The third late arrival (reported to the unit head) waits for the chairman's decision in the demo.
    if (i === 2) return null;
    return { decision: 'REMINDED', reason: DECISION_REASONS.REMINDED[i === 0 ? 1 : 2] as string, deciders: ['chutich'], minute };
  }
  const r = rand(`decide|${key}`);
  if (c.state === 'EXPLAINED') {
    if (r >= 0.85) return null;
    const dismissed = rand(`dismiss|${key}`) < 0.35;
    const reasons = dismissed ? DECISION_REASONS.DISMISSED : DECISION_REASONS.REMINDED;
    return { decision: dismissed ? 'DISMISSED' : 'REMINDED', reason: pick(reasons, `reason|${key}`), deciders, minute };
  }
  // NO_ANSWER: most are handled; the others stay on the dashboard as explanations past their deadline.
  if (r >= 0.7) return null;
  return { decision: 'REMINDED', reason: DECISION_REASONS.REMINDED[2] as string, deciders, minute };
}
