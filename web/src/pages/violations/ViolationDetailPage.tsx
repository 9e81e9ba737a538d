import { Alert, Button, Card, Col, Descriptions, Flex, Row, Spin, Tag, Timeline, Typography } from 'antd';
import { api, download } from '../../api/client';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime, formatTime } from '../../i18n/format';
import type { PageProps } from '../../routes';
import { DecisionForm, ExplainForm, NoteAction } from './CaseForms';
import { DisciplinePanel } from './DisciplinePanel';
import { EvidencePanel } from './EvidencePanel';
import { STATE_COLORS, useVT, type VKey } from './texts';
import { AwaitingNotice, JudgementCard, KindHistoryCard, retractionText, type ViolationDetailV2 } from './ViolationHistoryPanels';

type ViolationDetail = ViolationDetailV2;

function Facts({ v }: { v: ViolationDetail }) {
  const vt = useVT();
  const f = v.facts as { checkIn?: string; checkOut?: string; scheduledStart?: string; scheduledEnd?: string; note?: string };
  const items = [
    { key: 'date', label: vt('list.date'), children: formatDate(v.occurredOn) },
    { key: 'kind', label: vt('list.kind'), children: vt(`kind.${v.kind}` as VKey) },
    ...(v.session ? [{ key: 'session', label: vt('facts.session'), children: vt(`session.${v.session}` as VKey) }] : []),
    ...(f.scheduledStart ? [{ key: 'sched', label: vt('facts.scheduled'), children: `${formatTime(f.scheduledStart)} – ${formatTime(f.scheduledEnd)}` }] : []),
    ...(f.checkIn ? [{ key: 'in', label: vt('facts.in'), children: formatTime(f.checkIn) }] : []),
    ...(f.checkOut ? [{ key: 'out', label: vt('facts.out'), children: formatTime(f.checkOut) }] : []),
    ...(v.minutes ? [{ key: 'min', label: vt('facts.minutes'), children: v.minutes }] : []),
    { key: 'src', label: vt('facts.source'), children: vt(`source.${v.source}` as VKey) },
    ...(f.note ? [{ key: 'note', label: vt('detail.facts'), children: f.note }] : []),
  ];
  return <Descriptions size="small" column={1} bordered items={items} data-testid="violation-facts" />;
}

export default function ViolationDetailPage({ params }: PageProps) {
  const vt = useVT();
  const { pick } = useI18n();
  const { data, loading, reload } = useApi(`/api/violations/${params.id}`);
  const v = data as ViolationDetail | undefined;
  if (!v) return loading ? <Spin /> : null;
  const c = v.case;
  const can = (a: ViolationDetail['allowedActions'][number]) => v.allowedActions.includes(a);
  return (
    <div data-testid="violation-detail">
      <PageHeader
        title={v.title}
        subtitle={v.person ? `${v.person.name} (${v.person.employeeCode}) — ${v.unitName}` : v.unitName}
        extra={
          c ? (
            <Tag color={STATE_COLORS[c.state]} style={{ fontSize: 14, padding: '4px 10px' }} data-testid="case-state" data-state={c.state}>
              {vt(`state.${c.state}` as VKey)}
            </Tag>
          ) : null
        }
      />
      {v.retraction ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={vt('detail.retracted')}
          description={retractionText(v, pick)}
          data-testid="retraction"
        />
      ) : null}
      <AwaitingNotice v={v} />
      {c?.state === 'EXPLANATION_REQUESTED' && c.explanationDueOn ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={vt('detail.dueAt', { date: formatDate(c.explanationDueOn) })} data-testid="explanation-due" />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card title={vt('detail.facts')}>
              <Facts v={v} />
            </Card>
            <EvidencePanel violationId={v.id} evidence={v.evidence} />
            <Card title={vt('detail.explanations')} data-testid="explanations">
              {v.explanations.length === 0 ? (
                <Typography.Text type="secondary">{vt('detail.noExplanation')}</Typography.Text>
              ) : (
                v.explanations.map((e) => (
                  <div key={e.id} style={{ marginBottom: 12 }} data-testid="explanation">
                    <Typography.Text type="secondary">{formatDateTime(e.submittedAt)}</Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }} data-testid="explanation-text">
                      {e.body}
                    </Typography.Paragraph>
                    <Flex gap={8} wrap>
                      {e.files.map((f) => (
                        <Button key={f.id} size="small" onClick={() => download(`/api/violations/${v.id}/explanation-files/${f.id}`, undefined, f.fileName)} data-testid="explanation-file">
                          {f.fileName}
                        </Button>
                      ))}
                    </Flex>
                  </div>
                ))
              )}
            </Card>
            {can('explain') ? <ExplainForm violationId={v.id} onDone={reload} /> : null}
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <JudgementCard v={v} />
            <KindHistoryCard v={v} />
            {c?.decision ? (
              <Card title={vt('detail.decision')} data-testid="decision">
                <strong>{pick(c.decisionLabel)}</strong> — {formatDateTime(c.decidedAt)}
                <div>
                  {vt('detail.reason')}: {c.decisionReason}
                </div>
              </Card>
            ) : null}
            {can('decide') ? <DecisionForm violationId={v.id} onDone={reload} /> : null}
            {can('request_explanation') ? (
              <Card size="small">
                <Button onClick={() => void api.post(`/api/violations/${v.id}/request-explanation`, { workingDays: 3 }).then(reload)} data-testid="request-explanation">
                  {vt('decide.requestAgain')}
                </Button>
              </Card>
            ) : null}
            {v.discipline ? <DisciplinePanel ctx={v.discipline} /> : null}
            {can('propose_discipline') ? (
              <Card size="small" title={vt('discipline.propose')}>
                <NoteAction target={{ path: `/api/violations/${v.id}/discipline-proposal`, field: 'note' }} label={vt('discipline.note')} button={vt('discipline.propose')} testId="propose-discipline" onDone={reload} />
              </Card>
            ) : null}
            {can('close') ? (
              <Card size="small" title={vt('discipline.close')}>
                <NoteAction target={{ path: `/api/violations/${v.id}/close`, field: 'reason' }} label={vt('discipline.closeReason')} button={vt('discipline.close')} testId="close-case" onDone={reload} />
              </Card>
            ) : null}
            <Card title={vt('detail.history')}>
              <Timeline
                data-testid="case-history"
                items={v.transitions.map((t) => ({
                  key: `${t.at}-${t.to}`,
                  content: (
                    <div>
                      <strong>{vt(`state.${t.to}` as VKey)}</strong> — {formatDateTime(t.at)} · {t.actorName}
                      {t.reason ? <div>{t.reason}</div> : null}
                    </div>
                  ),
                }))}
              />
            </Card>
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
