import { z } from 'zod';
import { ESCALATION_ACTION_LABELS } from '../../../platform/glossary';

/** Attendance facts a unit's regulation can count as violations (domain.md §1.3, §4.4). */
/**
 * AWAITING_JUSTIFICATION ("chờ hợp thức hóa") is the state of a fact a pending request covers (CONTRACT C5): kept as
 * a kind so the fact keeps one record for its whole life, but never counted, notified or decided while pending, and
 * never chosen by a unit's regulation (it is not in AUTO_KINDS) nor recorded by hand.
 */
export const VIOLATION_KINDS = ['LATE', 'EARLY_LEAVE', 'ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED', 'AWAITING_JUSTIFICATION', 'OTHER'] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];
export const AUTO_KINDS = ['LATE', 'EARLY_LEAVE', 'ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED'] as const;
/** Kinds a leader or an inspection may record by hand. */
export const MANUAL_KINDS = ['LATE', 'EARLY_LEAVE', 'ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED', 'OTHER'] as const;

/**
 * What an escalation step proposes. These are management measures and procedure steps, never a disciplinary form
 * (domain.md §4.2: nhắc nhở / kiểm điểm are not kỷ luật; §4.4: no automatic mapping from counts to forms).
 */
export const ESCALATION_ACTIONS = ['REMINDER', 'WRITTEN_REMINDER', 'PROPOSE_REVIEW'] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

/** The words come from the glossary (one term in server and web). */
export const ACTION_LABELS: Record<EscalationAction, { vi: string; en: string }> = ESCALATION_ACTION_LABELS;

const ZWindow = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('CALENDAR_MONTH') }),
  z.strictObject({ kind: z.literal('CALENDAR_QUARTER') }),
  z.strictObject({ kind: z.literal('ROLLING_DAYS'), days: z.number().int().min(1).max(366) }),
]);
export type RepeatWindow = z.infer<typeof ZWindow>;

const ZStep = z.strictObject({
  /** The step applies from this repeat count on (1 = first violation in the window). */
  fromCount: z.number().int().min(1).max(1000),
  action: z.enum(ESCALATION_ACTIONS),
  notifyUnitHead: z.boolean().default(false),
  requestExplanation: z.boolean().default(true),
});
export type EscalationStep = z.infer<typeof ZStep>;

export const ZRuleConfig = z
  .strictObject({
    counts: z.array(z.enum(AUTO_KINDS)).max(AUTO_KINDS.length),
    // No grace minutes here (audit D14): a unit's regulation states one number, kept in the attendance rules; a
    // violation follows the attendance status as computed with it.
    repeatWindow: ZWindow,
    /** Kinds whose occurrences are counted together for repeats (e.g. late and early leave are both "giờ giấc"). */
    repeatGroups: z.array(z.array(z.enum(VIOLATION_KINDS)).min(1)).default([]),
    steps: z.array(ZStep).min(1).max(10),
    /** Explanation deadline: this many days after the day of the request (that day itself not counted)… */
    explanationDays: z.number().int().min(1).max(30),
    /**
     * …counted as working days (ngày làm việc) on the unit's calendar — weekends, holidays, nghỉ bù and hoán đổi
     * skipped, làm bù Saturdays counted — or as calendar days, whichever the unit's regulation states. Rule sets
     * stored before this field existed meant working days.
     */
    explanationDaysKind: z.enum(['WORKING', 'CALENDAR']).default('WORKING'),
  })
  .superRefine((cfg, ctx) => {
    const froms = cfg.steps.map((s) => s.fromCount);
    if (froms[0] !== 1) ctx.addIssue({ code: 'custom', path: ['steps', 0, 'fromCount'], message: 'first step must start at 1' });
    for (let i = 1; i < froms.length; i++)
      if ((froms[i] as number) <= (froms[i - 1] as number))
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'fromCount'], message: 'steps must be in increasing order' });
  });
export type RuleConfig = z.infer<typeof ZRuleConfig>;

/**
 * Reads a stored configuration. Versions adopted before grace minutes moved to the attendance rules still carry
 * `graceMinutes`; it is stripped (it never applied twice: the attendance status is the one judged).
 */
export function storedRuleConfig(raw: unknown): RuleConfig {
  return ZRuleConfig.parse(withoutLegacyKeys(raw));
}

export function withoutLegacyKeys(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const { graceMinutes: _dropped, ...rest } = raw as Record<string, unknown>;
  return rest;
}

/**
 * Used when a unit (and none of its parents) has adopted rules yet: the Quế Phong pattern from the seed
 * (first → nhắc nhở; 3rd in a month → written reminder and report to the unit head; more → propose kiểm điểm).
 */
export const DEFAULT_RULES: RuleConfig = {
  counts: ['LATE', 'EARLY_LEAVE', 'ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED'],
  repeatWindow: { kind: 'CALENDAR_MONTH' },
  repeatGroups: [],
  steps: [
    { fromCount: 1, action: 'REMINDER', notifyUnitHead: false, requestExplanation: true },
    { fromCount: 3, action: 'WRITTEN_REMINDER', notifyUnitHead: true, requestExplanation: true },
    { fromCount: 4, action: 'PROPOSE_REVIEW', notifyUnitHead: true, requestExplanation: true },
  ],
  explanationDays: 3,
  explanationDaysKind: 'WORKING',
};
