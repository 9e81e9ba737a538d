import type { Db } from '../../platform/ports/db';
import { localDateOf } from '../../platform/time';
import { notify, personRecipient } from '../notifications';
import { type EffectiveRules, type EscalationStep, effectiveRules, repeatKinds, stepFor, windowFor } from '../rules';
import { deadlineDetails, explanationDeadline } from './deadlines';
import { violationTemplates as templates } from './notice-templates';
import { reportAudience, violationVars } from './notices';
import { type Judgement, personInfo, unitName, upheldInWindow, type ViolationRow } from './violations.repo';
import { getCase } from './workflow.repo';
import { applyTransition, SYSTEM_ACTOR } from './workflow.service';

export interface Judged {
  judgement: Judgement;
  rules: EffectiveRules;
  step: EscalationStep;
}

/**
 * Judges a violation with the rules in force on its date (audit D4, CONTRACT C5): its ordinal counts only the
 * upheld violations of the window (not retracted, not dismissed, not awaiting justification), and the ids counted
 * are kept with it, so "lần thứ N" always shows what it is made of. The judgement is stored once and never redone
 * silently: when one of the counted violations is dismissed or retracted later, this one keeps its ordinal and step,
 * and its page says that a counted violation has since been dismissed (the leader deciding sees it and may weigh it).
 */
export async function judge(tx: Db, v: Pick<ViolationRow, 'id' | 'person_id' | 'unit_id' | 'kind' | 'occurred_on'>): Promise<Judged> {
  const rules = await effectiveRules(tx, v.unit_id, v.occurred_on);
  const cfg = rules.config;
  const window = windowFor(cfg.repeatWindow, v.occurred_on);
  const upTo = window.to < v.occurred_on ? window.to : v.occurred_on;
  const kinds = repeatKinds(cfg, v.kind).filter((k) => k !== 'AWAITING_JUSTIFICATION');
  const counted = await upheldInWindow(tx, v.person_id, kinds, window.from, upTo, v.id);
  const step = stepFor(cfg, counted.length + 1);
  return {
    rules,
    step,
    judgement: {
      rule_set_id: rules.ruleSetId,
      rule_version: rules.version,
      repeat_ordinal: counted.length + 1,
      repeat_window: window.label,
      proposed_action: step.action,
      notify_unit_head: step.notifyUnitHead,
      repeat_of: counted,
      rule_basis: { source: rules.source, name: rules.name, legalBasis: rules.legalBasis },
    },
  };
}

/** What a fact awaiting justification carries until it is judged: no ordinal, no step, nothing counted. */
export function notJudged(firstAction: Judgement['proposed_action']): Judgement {
  return {
    rule_set_id: null,
    rule_version: null,
    repeat_ordinal: 0,
    repeat_window: null,
    proposed_action: firstAction,
    notify_unit_head: false,
    repeat_of: null,
    rule_basis: null,
  };
}

/**
 * Tells the person about a judged violation and starts its handling: the notice (with `lead`, e.g. why a fact
 * that awaited justification became a violation), the report to the competent leaders when the step says so, the
 * notified transition and the explanation request with its deadline in the unit's working days.
 */
export async function announce(tx: Db, v: ViolationRow, judged: Judged, at: Date, lead: string | null = null): Promise<void> {
  const cfg = judged.rules.config;
  const person = await personInfo(tx, v.person_id);
  const state = (await getCase(tx, v.id))?.state;
  const due = judged.step.requestExplanation
    ? await explanationDeadline(tx, v.unit_id, at, { days: cfg.explanationDays, kind: cfg.explanationDaysKind })
    : null;
  const recipient = await personRecipient(tx, v.person_id);
  const vars = await violationVars(tx, v, person?.full_name ?? '', due?.label ?? null);
  if (recipient)
    await notify(
      tx,
      { template: 'violation_opened', rendered: templates.violation_opened({ ...vars, lead }), recipients: [recipient], entityType: 'violation', entityId: v.id, dedupKey: `opened:${v.id}` },
      at,
    );
  if (judged.step.notifyUnitHead) {
    const audience = await reportAudience(tx, v, localDateOf(at));
    await notify(
      tx,
      {
        template: 'unit_head_report',
        rendered: templates.unit_head_report({ ...vars, unitName: await unitName(tx, v.unit_id), competenceNote: audience.competenceNote }),
        recipients: audience.recipients,
        entityType: 'violation',
        entityId: v.id,
        dedupKey: `report:${v.id}`,
      },
      at,
    );
  }
  if (state !== 'OPENED') return;
  await applyTransition(tx, v, 'notify', SYSTEM_ACTOR, at, { details: { toPerson: !!recipient, toUnitHead: judged.step.notifyUnitHead } });
  if (due) await applyTransition(tx, v, 'request_explanation', SYSTEM_ACTOR, at, { patch: { explanation_due_at: due.dueAt }, details: deadlineDetails(due) });
}
