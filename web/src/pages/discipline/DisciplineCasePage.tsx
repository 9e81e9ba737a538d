import { Alert, Button, Card, Col, Descriptions, List, Row, Spin, Steps, Tag, Timeline, Typography } from 'antd';
import { download } from '../../api/client';
import type { UrlFor } from '../../api/contract';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import type { PageProps } from '../../routes';
import { type CaseDetail, useLoad } from './data';
import { ConsequenceList } from './PersonDisciplinePanel';
import { StepForms } from './StepForms';

const STAGES = ['OPEN', 'REVIEW_INVITED', 'REVIEWED', 'COUNCIL_FORMED', 'COUNCIL_HELD', 'DECIDED', 'DELIVERED'];

/** One case: the procedure as steps, the time limits with warnings, the suspension and why, forms per step, documents. */
export default function DisciplineCasePage({ params }: PageProps) {
  const { pick, locale } = useI18n();
  const en = locale === 'en';
  const { data: c, loading, reload } = useLoad<CaseDetail>(`/api/discipline/cases/${params.id}`);
  if (!c) return loading ? <Spin /> : null;
  const stages = STAGES.filter((s) => c.councilRequired || !s.startsWith('COUNCIL'));
  const current = c.state === 'DROPPED' ? stages.length : stages.indexOf(c.state);
  const p = c.deadlines.processing;
  return (
    <>
      <PageHeader title={`${en ? 'Discipline case' : 'Hồ sơ xử lý kỷ luật'}: ${c.person.fullName}`} subtitle={`${c.person.positionTitle ?? ''} — ${c.person.unitName} — ${pick(c.categoryLabel)}`} />
      <Steps size="small" current={current} data-testid="case-steps" data-state={c.state} style={{ marginBottom: 16 }}
        items={stages.map((s) => ({ title: s === c.state ? pick(c.stateLabel) : undefined, description: c.steps.find((x) => x.toState === s) ? formatDate(c.steps.find((x) => x.toState === s)?.onDate) : undefined }))} />
      {c.suspendedNow && (
        <Alert type="warning" showIcon data-testid="case-suspended" style={{ marginBottom: 16 }}
          message={`${en ? 'Consideration suspended' : 'Chưa xem xét xử lý kỷ luật'}: ${pick(c.suspendedNow.reason)}`}
          description={`${formatDate(c.suspendedNow.from)} – ${c.suspendedNow.to ? formatDate(c.suspendedNow.to) : '…'}. ${c.suspendedNow.source === 'LEAVE' ? (en ? 'From an approved leave' : 'Theo đơn nghỉ đã được duyệt') : c.suspendedNow.documentRef ?? ''}. ${c.suspendedNow.legalBasis}. ${c.suspendedNow.caveat ?? ''}`} />
      )}
      {c.deadlines.warnings.map((w) => <Alert key={w.kind} type={w.daysLeft < 0 ? 'error' : 'warning'} showIcon data-testid={`warning-${w.kind}`} style={{ marginBottom: 8 }} message={`${en ? w.en : w.vi} (${formatDate(w.dueOn)})`} />)}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <StepForms c={c} done={reload} />
          {c.decision && (
            <Card title={en ? 'Decision' : 'Quyết định kỷ luật'} size="small" style={{ marginBottom: 16 }} data-testid="case-decision">
              <Descriptions size="small" column={1} items={[
                { key: 'n', label: en ? 'Number' : 'Số', children: c.decision.number },
                { key: 'f', label: en ? 'Form' : 'Hình thức', children: c.decision.formLabel },
                { key: 's', label: en ? 'Signed' : 'Ngày ký', children: formatDate(c.decision.signedOn) },
                { key: 'e', label: en ? 'Effective' : 'Ngày có hiệu lực', children: <span data-testid="decision-effective">{formatDate(c.decision.effectiveOn)}</span> },
                { key: 'd', label: en ? 'Delivered' : 'Ngày nhận', children: formatDate(c.decision.deliveredOn) },
                { key: 'c', label: en ? 'Complaint until' : 'Hạn khiếu nại', children: c.decision.complaintUntil ? `${formatDate(c.decision.complaintUntil)} (${c.decision.complaintNote})` : '' },
              ]} />
              <ConsequenceList items={c.decision.consequences} />
            </Card>
          )}
          <Card title={en ? 'History' : 'Diễn biến hồ sơ'} size="small">
            <Timeline items={c.steps.map((s) => ({ children: <span data-testid={`history-${s.action}`}><b>{formatDate(s.onDate)}</b> — {pick(s.label)} ({s.actorName}, {formatDateTime(s.at)})</span> }))} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={en ? 'Time limits' : 'Thời hiệu, thời hạn'} size="small" style={{ marginBottom: 16 }} data-testid="case-deadlines">
            <Descriptions size="small" column={1} items={[
              { key: 'reg', label: en ? 'Regime' : 'Chế độ', children: `${en ? c.regime.nameEn : c.regime.nameVi}` },
              { key: 'det', label: en ? 'Detected (proposal)' : 'Ngày phát hiện (đề nghị)', children: formatDate(c.detectedOn) },
              { key: 'proc', label: en ? 'Processing period' : 'Thời hạn xử lý', children: p ? (p.paused ? (en ? 'stopped (suspension without end date)' : 'đang tạm dừng') : `${formatDate(p.dueOn)} (${p.days} ${en ? 'days' : 'ngày'}${p.suspendedDays ? `, ${en ? 'not counting' : 'không tính'} ${p.suspendedDays} ${en ? 'suspended days' : 'ngày chưa xem xét'}` : ''})`) : (en ? 'none (labour law)' : 'không áp dụng') },
              ...c.deadlines.limitation.map((l) => ({ key: l.violationId, label: `${en ? 'Limitation' : 'Thời hiệu'} (${formatDate(l.occurredOn)})`, children: `${en ? 'reprimand' : 'khiển trách'}: ${formatDate(l.reprimandUntil)}; ${en ? 'heavier' : 'nặng hơn'}: ${formatDate(l.heavierUntil)}${l.note ? ` — ${l.note}` : ''}` })),
            ]} />
          </Card>
          <Card title={en ? 'Violations' : 'Vi phạm được xem xét'} size="small" style={{ marginBottom: 16 }}>
            <List size="small" dataSource={c.violations} renderItem={(v) => <List.Item>{pick(v.kindLabel)} — {formatDate(v.occurredOn)}</List.Item>} />
          </Card>
          {c.council.length > 0 && (
            <Card title={en ? 'Council' : 'Hội đồng kỷ luật'} size="small" style={{ marginBottom: 16 }}>
              <List size="small" dataSource={c.council} renderItem={(m) => <List.Item>{m.name} <Tag>{m.role === 'CHAIR' ? (en ? 'Chair' : 'Chủ tịch') : m.role === 'SECRETARY' ? (en ? 'Secretary' : 'Thư ký') : (en ? 'Member' : 'Ủy viên')}</Tag></List.Item>} />
            </Card>
          )}
          <Card title={en ? 'Documents' : 'Tài liệu'} size="small" data-testid="case-documents">
            <List size="small" dataSource={c.documents} renderItem={(d) => (
              <List.Item actions={[<Button key="dl" size="small" data-testid={`doc-${d.kind}`} onClick={() => void download(`/api/discipline/cases/${c.id}/documents/${d.id}` as UrlFor<'get'>, undefined, d.fileName)}>{en ? 'Download' : 'Tải về'}</Button>]}>
                <Typography.Text>{d.fileName}</Typography.Text>
              </List.Item>
            )} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
