/**
 * The decision, entered by the competent person (competence matter DISCIPLINE_DECISION): số/ký hiệu unique per issuer
 * and year, dates in order, the form chosen by that person among those the regime allows for the person's category,
 * leadership and date — never picked by the software — and within the limitation period. Everything is checked before
 * anything is written; the decision, its consequences, the DOCX and the closing of the violations are one transaction.
 */
import type { Access } from '../../platform/access';
import { errors } from '../../platform/errors';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import { formatDateVi, localDateOf } from '../../platform/time';
import { assertCompetent } from '../competence';
import { closeForDiscipline } from '../violations';
import { assertNotBefore, type CaseContext, loadCaseContext, regimeOn, takeStep } from './case-context';
import { DOCX_TYPE, withFiles } from './documents.service';
import { allowedForms, consequencesOf } from './domain/forms';
import { limitationForForm, limitationOf } from './domain/periods';
import { nextState } from './domain/states';
import { renderOfficialDocx } from '../../platform/official-docs';
import { decisionDocument, type Signer } from './docx/templates';
import { holdsLeadership } from './leadership';
import { insertDecision, meetingsOf, numberTaken } from './records.repo';
import { caseIssuer, subjectOf } from './subject';
import { assertNotSuspended } from './suspensions';

export interface DecisionInput {
  number: string;
  signedOn: string;
  effectiveOn: string;
  formCode: string;
  reasons: string;
  signer: Signer;
}

/** "15/QĐ-UBND", "07/QĐ-CT" (NĐ 30/2020 Phụ lục I: number / QĐ - issuer's abbreviation). */
const NUMBER = /^(\d{1,4})\/QĐ-[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$/u;

function checkNumber(number: string): void {
  if (!number.trim())
    throw errors.badRequest('DECISION_NUMBER_REQUIRED', 'Quyết định kỷ luật phải có số và ký hiệu (ví dụ 15/QĐ-UBND).', 'The decision needs its number and symbol (e.g. 15/QĐ-UBND).');
  if (!NUMBER.test(number.trim()))
    throw errors.badRequest('DECISION_NUMBER_FORMAT', `Số, ký hiệu "${number}" không đúng thể thức (ví dụ 15/QĐ-UBND).`, `Number "${number}" is not in the form 15/QĐ-UBND.`, { number });
}

async function lastMeetingOn(db: Db, ctx: CaseContext): Promise<string> {
  const held = (await meetingsOf(db, ctx.c.id)).map((m) => m.held_on).filter((d): d is string => !!d).sort();
  return held.at(-1) ?? ctx.c.detected_on;
}

/** Every check of a decision, in the order a person fixes them; throws the first refusal. */
async function validate(db: Db, access: Access, ctx: CaseContext, input: DecisionInput, today: string) {
  await assertCompetent(db, access, { matter: 'DISCIPLINE_DECISION', subjectPersonId: ctx.c.person_id, date: today });
  if (!nextState(ctx.c.state, 'decide', ctx.c.council_required))
    throw errors.conflict(
      'DISCIPLINE_STEP_NOT_ALLOWED',
      ctx.c.council_required ? 'Chỉ ra quyết định sau khi Hội đồng kỷ luật đã họp và kiến nghị.' : 'Chỉ ra quyết định sau khi đã họp kiểm điểm.',
      ctx.c.council_required ? 'The decision comes after the council met and recommended.' : 'The decision comes after the review meeting.',
      { state: ctx.c.state },
    );
  checkNumber(input.number);
  if (input.signedOn > today)
    throw errors.badRequest('DISCIPLINE_DATES_OUT_OF_ORDER', `Ngày ký (${formatDateVi(input.signedOn)}) không được sau ngày hôm nay.`, `The signing date (${input.signedOn}) cannot be after today.`, { signedOn: input.signedOn, today });
  const floor = await lastMeetingOn(db, ctx);
  assertNotBefore(input.signedOn, floor, { vi: 'Ngày ký quyết định', en: 'The signing date', floorVi: 'cuộc họp cuối cùng của hồ sơ', floorEn: 'the last meeting of the case' });
  assertNotBefore(input.effectiveOn, input.signedOn, { vi: 'Ngày có hiệu lực', en: 'The effective date', floorVi: 'ngày ký', floorEn: 'the signing date' });
  assertNotSuspended(ctx.suspensions, input.signedOn);
  assertNotSuspended(ctx.suspensions, today);
  const regime = regimeOn(ctx, input.signedOn);
  const isLeader = holdsLeadership(ctx.person.position_title);
  const forms = allowedForms(regime, isLeader);
  const form = forms.find((f) => f.code === input.formCode);
  if (!form)
    throw errors.badRequest(
      'DISCIPLINE_FORM_NOT_ALLOWED',
      `Hình thức này không được áp dụng cho ${ctx.c.category === 'HOP_DONG' ? 'người lao động hợp đồng' : 'người thuộc ngạch/chức danh này'} vào ngày ${formatDateVi(input.signedOn)} theo ${regime.nameVi}${isLeader ? '' : ' (không giữ chức vụ lãnh đạo, quản lý)'}. Các hình thức được áp dụng: ${forms.map((f) => f.vi).join(', ')}.`,
      `This form is not available for this person on ${input.signedOn} under ${regime.nameEn}${isLeader ? '' : ' (no leadership post)'}. Allowed: ${forms.map((f) => f.en).join(', ')}.`,
      { formCode: input.formCode, allowed: forms.map((f) => f.code), category: ctx.c.category, date: input.signedOn, isLeader, regime: regime.code },
    );
  for (const v of ctx.violations) {
    const until = limitationForForm(limitationOf(regime, v.occurred_on), form.code);
    if (input.signedOn > until)
      throw errors.conflict(
        'LIMITATION_EXPIRED',
        `Đã hết thời hiệu xử lý kỷ luật: vi phạm ngày ${formatDateVi(v.occurred_on)} chỉ được xử lý bằng hình thức ${form.vi} đến hết ngày ${formatDateVi(until)}; quyết định ký ngày ${formatDateVi(input.signedOn)} không còn trong thời hiệu.`,
        `The limitation period has run out: the violation of ${v.occurred_on} could be disciplined with ${form.en} until ${until}; a decision signed on ${input.signedOn} is too late.`,
        { violationId: v.violation_id, occurredOn: v.occurred_on, limitationUntil: until, signedOn: input.signedOn, formCode: form.code, legalBasis: limitationOf(regime, v.occurred_on).legalBasis },
      );
  }
  const issuer = await caseIssuer(db, access, ctx, today);
  const year = Number(input.signedOn.slice(0, 4));
  if (await numberTaken(db, issuer.unitId, year, input.number.trim()))
    throw errors.conflict('DECISION_NUMBER_TAKEN', `Số ${input.number} đã được dùng cho một quyết định khác của ${issuer.name} năm ${year}.`, `Number ${input.number} is already used by ${issuer.name} in ${year}.`, { number: input.number, year });
  return { regime, form, issuer, year };
}

/** The title in the decision's preamble: "KT. CHỦ TỊCH" signs for the Chủ tịch; "TM. ỦY BAN NHÂN DÂN" is signed by its title. */
function deciderTitle(s: Signer): string {
  const m = /^(KT|Q|TL|TUQ)\.\s*(.+)$/i.exec(s.authorityLine ?? '');
  return m?.[2] ?? s.title;
}

export async function recordDecision(deps: { db: Db; blobs: BlobStore }, access: Access, caseId: string, input: DecisionInput, now: Date): Promise<void> {
  const today = localDateOf(now);
  await withFiles(deps, async (tx, files) => {
    const ctx = await loadCaseContext(tx, caseId, true);
    const { regime, form, issuer, year } = await validate(tx, access, ctx, input, today);
    const consequences = consequencesOf(ctx.c.category, form.code, input.effectiveOn, regime.code === 'ND172_2025');
    const number = input.number.trim();
    await insertDecision(tx, {
      case_id: ctx.c.id,
      issuer_unit_id: issuer.unitId,
      issuer_name: issuer.name,
      number_text: number,
      year,
      signed_on: input.signedOn,
      effective_on: input.effectiveOn,
      form_code: form.code,
      form_label: form.vi,
      reasons: input.reasons,
      signer_name: input.signer.name,
      signer_title: input.signer.title,
      authority_line: input.signer.authorityLine,
      consequences,
      decided_by: access.principal.userId,
      decided_at: now,
    });
    await takeStep(tx, ctx.c, 'decide', input.signedOn, access.actor(), now, { number, formCode: form.code, effectiveOn: input.effectiveOn, regime: regime.code });
    await closeForDiscipline(tx, ctx.violations.map((v) => v.violation_id), { caseId: ctx.c.id, reason: `Quyết định kỷ luật số ${number} ngày ${formatDateVi(input.signedOn)}: ${form.vi}`, decisionNo: number, formCode: form.code }, access.actor(), now);
    const council = ctx.c.council_required ? 'biên bản họp và kiến nghị của Hội đồng kỷ luật' : null;
    const doc = decisionDocument(issuer, subjectOf(ctx), { number, signedOn: input.signedOn, effectiveOn: input.effectiveOn, formLabel: form.vi, reasons: input.reasons, legalBasis: regime.legalBasis, councilNote: council, signer: input.signer, deciderTitle: deciderTitle(input.signer) });
    await files.store(tx, ctx.c, { kind: 'DECISION', fileName: `quyet-dinh-ky-luat-${number.replace(/[^\p{L}\p{N}]+/gu, '-')}.docx`, contentType: DOCX_TYPE, data: await renderOfficialDocx(doc), generated: true }, access.actor(), now);
  });
}
