import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { type CaseDetail, post } from './data';

/** A labelled input with a test id; dates are native date inputs (dd/mm/yyyy in a Vietnamese browser). */
function F({ name, vi, en, type = 'text', area = false }: { name: string | string[]; vi: string; en: string; type?: string; area?: boolean }) {
  const { locale } = useI18n();
  const id = Array.isArray(name) ? name.join('-') : name;
  return (
    <Form.Item name={name} label={locale === 'en' ? en : vi} rules={[{ required: true }]}>
      {area ? <Input.TextArea rows={3} data-testid={`f-${id}`} /> : <Input type={type} data-testid={`f-${id}`} />}
    </Form.Item>
  );
}

const lines = (s: string | undefined) => (s ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
/** "Name — role" lines. */
const people = (s: string | undefined) => lines(s).map((l) => { const [name, ...rest] = l.split(/\s+[—-]\s+/); return { name: (name ?? l).trim(), role: rest.join(' - ').trim() || '—' }; });
/** "Name: opinion" lines. */
const opinions = (s: string | undefined) => lines(s).map((l) => { const i = l.indexOf(':'); return { name: l.slice(0, i).trim(), opinion: l.slice(i + 1).trim() }; });

function Signer() {
  return (
    <>
      <F name={['signer', 'authorityLine']} vi="Quyền hạn ký (TM./KT./Q.)" en="Signing authority (TM./KT./Q.)" />
      <F name={['signer', 'title']} vi="Chức vụ người ký" en="Signer's title" />
      <F name={['signer', 'name']} vi="Họ và tên người ký" en="Signer's name" />
    </>
  );
}

function StepCard({ testId, title, onSubmit, children }: { testId: string; title: string; onSubmit: (v: Record<string, any>) => Promise<unknown>; children: React.ReactNode }) {
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const { locale } = useI18n();
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }} data-testid={testId}>
      <Form form={form} layout="vertical" onFinish={async (v) => { setBusy(true); try { await onSubmit(v); } finally { setBusy(false); } }}>
        {children}
        <Button type="primary" htmlType="submit" loading={busy} data-testid={`${testId}-submit`}>{locale === 'en' ? 'Record' : 'Ghi nhận'}</Button>
      </Form>
    </Card>
  );
}

export function StepForms({ c, done }: { c: CaseDetail; done: () => void }) {
  const { locale, pick } = useI18n();
  const en = locale === 'en';
  const base = `/api/discipline/cases/${c.id}`;
  const can = (a: string) => c.allowedActions.includes(a);
  const send = (path: string, body: unknown) => post(`${base}/${path}`, body).then(done);
  if (c.suspendedNow) return null;
  return (
    <>
      {can('invite_review') && (
        <StepCard testId="step-invite" title={en ? 'Review meeting invitation' : 'Giấy mời họp kiểm điểm'} onSubmit={(v) => send('review-invitation', { ...v, invitationNo: v.invitationNo || null })}>
          <Form.Item name="invitationNo" label={en ? 'Number' : 'Số, ký hiệu'}><Input data-testid="f-invitationNo" placeholder="05/GM-UBND" /></Form.Item>
          <F name="deliveredOn" vi="Ngày giao giấy mời" en="Delivered on" type="date" />
          <F name="meetingOn" vi="Ngày họp (sau ít nhất 05 ngày làm việc)" en="Meeting date (≥ 5 working days later)" type="date" />
          <F name="meetingTime" vi="Giờ họp" en="Time" type="time" />
          <F name="place" vi="Địa điểm" en="Place" />
          <Signer />
        </StepCard>
      )}
      {can('hold_review') && (
        <StepCard testId="step-review" title={en ? 'Review meeting minutes' : 'Biên bản họp kiểm điểm'} onSubmit={(v) => send('review-minutes', { heldOn: v.heldOn, personPresent: !!v.personPresent, attendees: people(v.attendees), opinions: opinions(v.opinions), conclusion: v.conclusion, secretaryName: v.secretaryName })}>
          <F name="heldOn" vi="Ngày họp" en="Held on" type="date" />
          <Form.Item name="personPresent" valuePropName="checked"><Checkbox data-testid="f-personPresent">{en ? 'The person was present' : 'Người được kiểm điểm có mặt'}</Checkbox></Form.Item>
          <F name="attendees" vi="Thành phần (mỗi dòng: Họ tên — chức vụ)" en="Attendees (one per line: Name — role)" area />
          <F name="opinions" vi="Ý kiến (mỗi dòng: Họ tên: ý kiến)" en="Opinions (Name: opinion)" area />
          <F name="conclusion" vi="Kết luận" en="Conclusion" area />
          <F name="secretaryName" vi="Thư ký" en="Secretary" />
        </StepCard>
      )}
      {can('form_council') && (
        <StepCard testId="step-council" title={en ? 'Disciplinary council' : 'Thành lập Hội đồng kỷ luật'} onSubmit={(v) => send('council', { formedOn: v.formedOn, decisionRef: v.decisionRef, members: [
          { personId: null, name: v.chair, role: 'CHAIR', title: null, declaredNotRelated: !!v.notRelated },
          ...lines(v.members).map((name) => ({ personId: null, name, role: 'MEMBER', title: null, declaredNotRelated: !!v.notRelated })),
          { personId: null, name: v.secretary, role: 'SECRETARY', title: null, declaredNotRelated: !!v.notRelated },
        ] })}>
          <F name="formedOn" vi="Ngày thành lập" en="Formed on" type="date" />
          <F name="decisionRef" vi="Quyết định thành lập số" en="Formation decision" />
          <F name="chair" vi="Chủ tịch Hội đồng" en="Chair" />
          <F name="members" vi="Ủy viên (mỗi dòng một người)" en="Members (one per line)" area />
          <F name="secretary" vi="Thư ký" en="Secretary" />
          <Form.Item name="notRelated" valuePropName="checked"><Checkbox data-testid="f-notRelated">{en ? 'No member is the person concerned or a relative' : 'Không thành viên nào là người bị xem xét hoặc người thân của họ'}</Checkbox></Form.Item>
        </StepCard>
      )}
      {can('hold_council') && (
        <StepCard testId="step-council-meeting" title={en ? 'Council meeting and secret ballot' : 'Họp Hội đồng kỷ luật, bỏ phiếu kín'} onSubmit={(v) => send('council-meeting', {
          invitationDeliveredOn: v.invitationDeliveredOn, heldOn: v.heldOn, meetingTime: v.meetingTime, place: v.place, personPresent: !!v.personPresent, attendees: people(v.attendees), opinions: opinions(v.opinions),
          conclusion: v.conclusion, secretaryName: v.secretaryName, recommendation: v.recommendation, ballot: c.allowedForms.map((f) => ({ formCode: f.code, votes: Number(v.votes?.[f.code] ?? 0) })),
        })}>
          <F name="invitationDeliveredOn" vi="Ngày giao giấy mời" en="Invitation delivered on" type="date" />
          <F name="heldOn" vi="Ngày họp" en="Held on" type="date" />
          <F name="meetingTime" vi="Giờ họp" en="Time" type="time" />
          <F name="place" vi="Địa điểm" en="Place" />
          <Form.Item name="personPresent" valuePropName="checked"><Checkbox data-testid="f-council-personPresent">{en ? 'The person was present' : 'Người bị xem xét có mặt'}</Checkbox></Form.Item>
          <F name="attendees" vi="Thành phần (Họ tên — chức vụ)" en="Attendees (Name — role)" area />
          <F name="opinions" vi="Ý kiến (Họ tên: ý kiến)" en="Opinions (Name: opinion)" area />
          {c.allowedForms.map((f) => (
            <Form.Item key={f.code} name={['votes', f.code]} label={`${en ? 'Votes for' : 'Số phiếu'}: ${pick(f)}`}><InputNumber min={0} data-testid={`f-votes-${f.code}`} /></Form.Item>
          ))}
          <F name="recommendation" vi="Kiến nghị của Hội đồng" en="Recommendation" area />
          <F name="conclusion" vi="Kết luận" en="Conclusion" area />
          <F name="secretaryName" vi="Thư ký" en="Secretary" />
        </StepCard>
      )}
      {can('decide') && !c.competence.allowed && <Alert type="info" showIcon data-testid="decision-not-competent" message={en ? c.competence.message_en : c.competence.message_vi} style={{ marginBottom: 16 }} />}
      {can('decide') && c.competence.allowed && (
        <StepCard testId="step-decision" title={en ? 'Disciplinary decision' : 'Quyết định kỷ luật'} onSubmit={(v) => send('decision', v)}>
          <F name="number" vi="Số, ký hiệu" en="Number" />
          <F name="signedOn" vi="Ngày ký" en="Signed on" type="date" />
          <F name="effectiveOn" vi="Ngày có hiệu lực" en="Effective on" type="date" />
          {/* No default: the competent person chooses (domain.md §4.4). */}
          <Form.Item name="formCode" label={en ? 'Form chosen by the competent person' : 'Hình thức kỷ luật do người có thẩm quyền lựa chọn'} rules={[{ required: true }]}>
            <Radio.Group data-testid="f-formCode">
              {c.allowedForms.map((f) => <Radio key={f.code} value={f.code} data-testid={`form-${f.code}`}>{pick(f)}</Radio>)}
            </Radio.Group>
          </Form.Item>
          <F name="reasons" vi="Lý do" en="Reasons" area />
          <Signer />
        </StepCard>
      )}
      {can('deliver') && (
        <StepCard testId="step-deliver" title={en ? 'Delivery of the decision' : 'Giao quyết định'} onSubmit={(v) => send('delivery', v)}>
          <F name="deliveredOn" vi="Ngày người bị kỷ luật nhận quyết định" en="Received on" type="date" />
        </StepCard>
      )}
    </>
  );
}
