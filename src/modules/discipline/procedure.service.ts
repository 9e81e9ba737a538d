/**
 * The steps before the decision: the review meeting (giấy mời delivered ≥ 5 working days ahead, minutes with the
 * attendees and opinions) and, where the regime requires one, the disciplinary council (members, meeting, secret
 * ballot result per form, recommendation). Every step is refused while a suspension covers its date.
 */
import { randomUUID } from 'node:crypto';
import type { Access } from '../../platform/access';
import { errors } from '../../platform/errors';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import { formatDateVi, localDateOf } from '../../platform/time';
import { addWorkingDays } from '../calendar';
import { assertNotBefore, type CaseContext, loadCaseContext, regimeOn, takeStep } from './case-context';
import { DOCX_TYPE, withFiles } from './documents.service';
import { allowedForms } from './domain/forms';
import { renderOfficialDocx } from '../../platform/official-docs';
import { meetingMinutes, reviewInvitation, type Signer } from './docx/templates';
import { assertMayRunProcedure } from './guards';
import { holdsLeadership } from './leadership';
import { insertMeeting, insertMembers, type MeetingRow, meetingsOf, membersOf, recordMeetingHeld } from './records.repo';
import { caseIssuer, subjectOf, violationLines } from './subject';
import { assertNotSuspended } from './suspensions';

type Deps = { db: Db; blobs: BlobStore };
/** Summons ≥ 5 working days before the meeting (112/2020 pattern, domain.md §4.6 [K-M]). */
export const INVITATION_WORKING_DAYS = 5;

async function prepare(tx: Db, access: Access, caseId: string, now: Date): Promise<{ ctx: CaseContext; today: string }> {
  const ctx = await loadCaseContext(tx, caseId, true);
  const today = localDateOf(now);
  await assertMayRunProcedure(tx, access, ctx.c, today);
  return { ctx, today };
}

function notFuture(date: string, today: string, what: { vi: string; en: string }) {
  if (date > today)
    throw errors.badRequest('DISCIPLINE_DATE_IN_FUTURE', `${what.vi} (${formatDateVi(date)}) không được sau ngày hôm nay.`, `${what.en} (${date}) cannot be after today.`, { date, today });
}

async function checkInvitation(tx: Db, ctx: CaseContext, deliveredOn: string, meetingOn: string, today: string, floor: string) {
  notFuture(deliveredOn, today, { vi: 'Ngày giao giấy mời', en: 'The invitation delivery date' });
  assertNotBefore(deliveredOn, floor, { vi: 'Ngày giao giấy mời', en: 'The invitation delivery date', floorVi: 'bước trước của hồ sơ', floorEn: 'the previous step' });
  const earliest = await addWorkingDays(tx, ctx.c.unit_id, deliveredOn, INVITATION_WORKING_DAYS);
  if (meetingOn < earliest)
    throw errors.badRequest(
      'INVITATION_TOO_LATE',
      `Giấy mời phải được giao trước ngày họp ít nhất ${INVITATION_WORKING_DAYS} ngày làm việc: giao ngày ${formatDateVi(deliveredOn)} thì họp sớm nhất ngày ${formatDateVi(earliest)}.`,
      `The invitation must reach the person at least ${INVITATION_WORKING_DAYS} working days before the meeting: delivered ${deliveredOn}, the meeting can be on ${earliest} at the earliest.`,
      { deliveredOn, meetingOn, earliest },
    );
  assertNotSuspended(ctx.suspensions, deliveredOn);
  assertNotSuspended(ctx.suspensions, meetingOn);
}

export interface InvitationInput {
  invitationNo: string | null;
  deliveredOn: string;
  meetingOn: string;
  meetingTime: string;
  place: string;
  signer: Signer;
}

export async function inviteReview(deps: Deps, access: Access, caseId: string, input: InvitationInput, now: Date): Promise<void> {
  await withFiles(deps, async (tx, files) => {
    const { ctx, today } = await prepare(tx, access, caseId, now);
    await checkInvitation(tx, ctx, input.deliveredOn, input.meetingOn, today, ctx.c.detected_on);
    const meetingId = randomUUID();
    await insertMeeting(tx, { id: meetingId, case_id: ctx.c.id, kind: 'REVIEW', invitation_no: input.invitationNo, invitation_delivered_on: input.deliveredOn, meeting_on: input.meetingOn, meeting_time: input.meetingTime, place: input.place, chair_name: input.signer.name, created_at: now });
    await takeStep(tx, ctx.c, 'invite_review', input.deliveredOn, access.actor(), now, { meetingId, invitationNo: input.invitationNo, meetingOn: input.meetingOn });
    const issuer = await caseIssuer(tx, access, ctx, today);
    const doc = reviewInvitation(issuer, subjectOf(ctx), { number: input.invitationNo, date: input.deliveredOn, meetingOn: input.meetingOn, meetingTime: input.meetingTime, place: input.place, violations: violationLines(ctx), signer: input.signer });
    await files.store(tx, ctx.c, { kind: 'REVIEW_INVITATION', fileName: `giay-moi-hop-kiem-diem-${input.deliveredOn}.docx`, contentType: DOCX_TYPE, data: await renderOfficialDocx(doc), generated: true }, access.actor(), now);
  });
}

export interface MinutesInput {
  heldOn: string;
  personPresent: boolean;
  attendees: Array<{ name: string; role: string }>;
  opinions: Array<{ name: string; opinion: string }>;
  conclusion: string;
  secretaryName: string;
}

function pending(meetings: MeetingRow[], kind: MeetingRow['kind']): MeetingRow {
  const m = [...meetings].reverse().find((x) => x.kind === kind && !x.held_on);
  if (!m) throw errors.conflict('DISCIPLINE_STEP_NOT_ALLOWED', 'Chưa có giấy mời cho cuộc họp này.', 'No invitation was recorded for this meeting.');
  return m;
}

export async function holdReview(deps: Deps, access: Access, caseId: string, input: MinutesInput, now: Date): Promise<void> {
  await withFiles(deps, async (tx, files) => {
    const { ctx, today } = await prepare(tx, access, caseId, now);
    const m = pending(await meetingsOf(tx, ctx.c.id), 'REVIEW');
    notFuture(input.heldOn, today, { vi: 'Ngày họp', en: 'The meeting date' });
    assertNotBefore(input.heldOn, m.meeting_on, { vi: 'Ngày họp', en: 'The meeting date', floorVi: 'ngày họp ghi trong giấy mời', floorEn: 'the date in the invitation' });
    assertNotSuspended(ctx.suspensions, input.heldOn);
    await recordMeetingHeld(tx, m.id, { held_on: input.heldOn, person_present: input.personPresent, attendees: input.attendees, opinions: input.opinions, conclusion: input.conclusion, ballot: null, recommendation: null });
    await takeStep(tx, ctx.c, 'hold_review', input.heldOn, access.actor(), now, { meetingId: m.id, personPresent: input.personPresent, attendees: input.attendees.length });
    const issuer = await caseIssuer(tx, access, ctx, today);
    const doc = meetingMinutes(issuer, subjectOf(ctx), { kind: 'REVIEW', heldOn: input.heldOn, place: m.place, meetingTime: m.meeting_time, attendees: input.attendees, opinions: input.opinions, personPresent: input.personPresent, conclusion: input.conclusion, chair: m.chair_name ?? '', secretary: input.secretaryName });
    await files.store(tx, ctx.c, { kind: 'REVIEW_MINUTES', fileName: `bien-ban-hop-kiem-diem-${input.heldOn}.docx`, contentType: DOCX_TYPE, data: await renderOfficialDocx(doc), generated: true }, access.actor(), now);
  });
}

export interface CouncilInput {
  formedOn: string;
  decisionRef: string;
  members: Array<{ personId: string | null; name: string; role: 'CHAIR' | 'MEMBER' | 'SECRETARY'; title: string | null; declaredNotRelated: boolean }>;
}

/** Forms the council: one chair, one secretary, at least three members, none the person concerned nor a relative. */
export async function formCouncil(deps: Deps, access: Access, caseId: string, input: CouncilInput, now: Date): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { ctx, today } = await prepare(tx, access, caseId, now);
    notFuture(input.formedOn, today, { vi: 'Ngày thành lập Hội đồng', en: 'The council formation date' });
    const reviewed = (await meetingsOf(tx, ctx.c.id)).filter((x) => x.kind === 'REVIEW' && x.held_on).map((x) => x.held_on as string).sort().at(-1);
    if (reviewed) assertNotBefore(input.formedOn, reviewed, { vi: 'Ngày thành lập Hội đồng', en: 'The council formation date', floorVi: 'ngày họp kiểm điểm', floorEn: 'the review meeting' });
    assertNotSuspended(ctx.suspensions, input.formedOn);
    const chairs = input.members.filter((m) => m.role === 'CHAIR').length;
    const secretaries = input.members.filter((m) => m.role === 'SECRETARY').length;
    if (input.members.length < 3 || chairs !== 1 || secretaries !== 1)
      throw errors.badRequest('COUNCIL_COMPOSITION', 'Hội đồng kỷ luật gồm ít nhất 03 thành viên: 01 Chủ tịch, 01 Thư ký và các ủy viên.', 'The council has at least three members: one chair, one secretary and members.', { members: input.members.length, chairs, secretaries });
    const subjectName = ctx.person.full_name.trim().toLowerCase();
    const self = input.members.find((m) => m.personId === ctx.c.person_id || (!m.personId && m.name.trim().toLowerCase() === subjectName));
    if (self)
      throw errors.badRequest('COUNCIL_MEMBER_IS_SUBJECT', 'Người bị xem xét kỷ luật không được là thành viên Hội đồng kỷ luật.', 'The person concerned cannot sit on the disciplinary council.', { name: self.name });
    const undeclared = input.members.filter((m) => !m.declaredNotRelated);
    if (undeclared.length)
      throw errors.badRequest('COUNCIL_MEMBER_RELATIVE', 'Cần xác nhận từng thành viên không phải là người thân (vợ, chồng, cha, mẹ, con, anh, chị, em ruột…) của người bị xem xét kỷ luật.', 'Confirm for each member that they are not a relative of the person concerned.', { names: undeclared.map((m) => m.name) });
    await insertMembers(tx, input.members.map((m, i) => ({ case_id: ctx.c.id, seq: i + 1, person_id: m.personId, full_name: m.name, role: m.role, title: m.title, formed_on: input.formedOn })));
    await takeStep(tx, ctx.c, 'form_council', input.formedOn, access.actor(), now, { decisionRef: input.decisionRef, members: input.members.map((m) => ({ name: m.name, role: m.role })) });
  });
}

export interface CouncilMeetingInput extends MinutesInput {
  invitationDeliveredOn: string;
  meetingTime: string;
  place: string;
  ballot: Array<{ formCode: string; votes: number }>;
  recommendation: string;
}

/** The council meeting: invitation ≥ 5 working days ahead, minutes, the secret-ballot count per form, the recommendation. */
export async function holdCouncil(deps: Deps, access: Access, caseId: string, input: CouncilMeetingInput, now: Date): Promise<void> {
  await withFiles(deps, async (tx, files) => {
    const { ctx, today } = await prepare(tx, access, caseId, now);
    const members = await membersOf(tx, ctx.c.id);
    const formedOn = members[0]?.formed_on ?? ctx.c.detected_on;
    await checkInvitation(tx, ctx, input.invitationDeliveredOn, input.heldOn, today, formedOn);
    notFuture(input.heldOn, today, { vi: 'Ngày họp', en: 'The meeting date' });
    const regime = regimeOn(ctx, input.heldOn);
    const forms = allowedForms(regime, holdsLeadership(ctx.person.position_title));
    const unknown = input.ballot.filter((b) => !forms.some((f) => f.code === b.formCode));
    const total = input.ballot.reduce((s, b) => s + b.votes, 0);
    if (unknown.length || total > members.length)
      throw errors.badRequest('BALLOT_INVALID', `Kết quả bỏ phiếu không hợp lệ: chỉ ghi các hình thức được áp dụng và tổng số phiếu không vượt số thành viên (${members.length}).`, `Invalid ballot: only forms the regime allows, and no more votes than members (${members.length}).`, { unknownForms: unknown.map((b) => b.formCode), total, members: members.length });
    const meetingId = randomUUID();
    const chair = members.find((m) => m.role === 'CHAIR')?.full_name ?? '';
    await insertMeeting(tx, { id: meetingId, case_id: ctx.c.id, kind: 'COUNCIL', invitation_no: null, invitation_delivered_on: input.invitationDeliveredOn, meeting_on: input.heldOn, meeting_time: input.meetingTime, place: input.place, chair_name: chair, created_at: now });
    await recordMeetingHeld(tx, meetingId, { held_on: input.heldOn, person_present: input.personPresent, attendees: input.attendees, opinions: input.opinions, conclusion: input.conclusion, ballot: input.ballot, recommendation: input.recommendation });
    await takeStep(tx, ctx.c, 'hold_council', input.heldOn, access.actor(), now, { meetingId, ballot: input.ballot });
    const issuer = await caseIssuer(tx, access, ctx, today);
    const label = (code: string) => forms.find((f) => f.code === code)?.vi ?? code;
    const doc = meetingMinutes(issuer, subjectOf(ctx), { kind: 'COUNCIL', heldOn: input.heldOn, place: input.place, meetingTime: input.meetingTime, attendees: input.attendees, opinions: input.opinions, personPresent: input.personPresent, conclusion: input.conclusion, ballot: input.ballot.map((b) => ({ label: label(b.formCode), votes: b.votes })), recommendation: input.recommendation, chair, secretary: input.secretaryName });
    await files.store(tx, ctx.c, { kind: 'COUNCIL_MINUTES', fileName: `bien-ban-hop-hoi-dong-ky-luat-${input.heldOn}.docx`, contentType: DOCX_TYPE, data: await renderOfficialDocx(doc), generated: true }, access.actor(), now);
  });
}
