import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, List, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { download } from '../../api/client';
import type { UrlFor } from '../../api/contract';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDate, formatDateTime } from '../../i18n/format';
import { BASE, post } from './data';
import { type IKey, RECOMMENDATION_KINDS, useIT } from './texts';
import type { InspectionDocument, InspectionView, RecommendationKind } from './types';

interface MinutesValues {
  repName: string;
  repTitle: string;
  opinion?: string;
  disagreement?: string;
  closingNote?: string;
}

interface ConclusionValues {
  summary?: string;
  shortcomings?: string;
  recommendations?: Array<{ kind: RecommendationKind; text: string }>;
  remediations?: Array<{ description: string; ownerUnitId: string; dueOn: Dayjs }>;
  authorityLine?: string;
  signerTitle: string;
  signerName: string;
}

const nullIfBlank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/**
 * The minutes (biên bản, once every item is judged) and the conclusion notice (thông báo kết luận, only after the
 * minutes: the server answers 409 CONCLUSION_BEFORE_MINUTES otherwise), both issued as numbered DOCX files.
 */
export function DocumentsPanel({ view, onIssued }: { view: InspectionView; onIssued: () => void }) {
  const it = useIT();
  const { message } = App.useApp();
  const id = view.inspection.id;
  const allJudged = view.items.every((i) => i.verdict !== null);
  const hasMinutes = view.documents.some((d) => d.kind === 'MINUTES');
  const hasConclusion = view.documents.some((d) => d.kind === 'CONCLUSION');

  const issueMinutes = async (v: MinutesValues) => {
    const body = {
      representative: { name: v.repName.trim(), title: v.repTitle.trim() },
      opinion: nullIfBlank(v.opinion),
      disagreement: nullIfBlank(v.disagreement),
      closingNote: nullIfBlank(v.closingNote),
    };
    const doc = await post<InspectionDocument>(`${BASE}/${id}/minutes`, body);
    message.success(it('doc.issued', { no: doc.numberText }));
    onIssued();
  };
  const issueConclusion = async (v: ConclusionValues) => {
    const body = {
      summary: nullIfBlank(v.summary),
      shortcomings: (v.shortcomings ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s.length >= 3),
      recommendations: (v.recommendations ?? []).map((r) => ({ kind: r.kind, text: r.text.trim(), personId: null })),
      remediations: (v.remediations ?? []).map((r) => ({ description: r.description.trim(), ownerUnitId: r.ownerUnitId, responsiblePersonId: null, dueOn: r.dueOn.format('YYYY-MM-DD') })),
      signer: { authorityLine: nullIfBlank(v.authorityLine), title: v.signerTitle.trim(), name: v.signerName.trim() },
    };
    const doc = await post<InspectionDocument>(`${BASE}/${id}/conclusion`, body);
    message.success(it('doc.issued', { no: doc.numberText }));
    onIssued();
  };

  return (
    <Flex vertical gap={12}>
      <Card size="small" title={it('doc.list')}>
        <List
          data-testid="inspection-documents"
          dataSource={view.documents}
          locale={{ emptyText: it('doc.none') }}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Button
                  key="dl"
                  icon={<DownloadOutlined />}
                  data-testid={`download-${d.kind}`}
                  onClick={() => void download((d.url || `${BASE}/${id}/documents/${d.id}`) as UrlFor<'get'>, undefined, `${d.numberText.replace(/\//g, '-')}.docx`).catch(() => undefined)}
                >
                  {it('doc.download')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={`${d.kind === 'MINUTES' ? it('doc.minutes') : it('doc.conclusion')} — ${d.numberText}`}
                description={
                  <span>
                    {formatDateTime(d.issuedAt)} · SHA-256 <Typography.Text code style={{ fontSize: 11, wordBreak: 'break-all' }}>{d.sha256}</Typography.Text>
                  </span>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {view.can.minutes && !hasMinutes ? (
        <Card size="small" title={it('doc.minutes')}>
          {allJudged ? null : <Alert type="info" showIcon title={it('doc.minutesBlocked')} style={{ marginBottom: 12 }} />}
          <Form<MinutesValues>
            layout="vertical"
            onFinish={(v) => void issueMinutes(v).catch(() => undefined)}
            initialValues={{ repName: view.inspection.representativeName ?? '', repTitle: view.inspection.representativeTitle ?? '' }}
          >
            <Flex gap={12} wrap>
              <Form.Item name="repName" label={it('doc.repName')} rules={[{ required: true, min: 2 }]} style={{ flex: '1 1 240px' }}>
                <Input data-testid="minutes-rep-name" />
              </Form.Item>
              <Form.Item name="repTitle" label={it('doc.repTitle')} rules={[{ required: true, min: 2 }]} style={{ flex: '1 1 240px' }}>
                <Input data-testid="minutes-rep-title" />
              </Form.Item>
            </Flex>
            <Form.Item name="opinion" label={it('doc.opinion')}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item name="disagreement" label={it('doc.disagreement')}>
              <Input.TextArea autoSize={{ minRows: 1 }} />
            </Form.Item>
            <Form.Item name="closingNote" label={it('doc.closingNote')}>
              <Input.TextArea autoSize={{ minRows: 1 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={!allJudged} data-testid="issue-minutes">
              {it('doc.issueMinutes')}
            </Button>
          </Form>
        </Card>
      ) : null}
      {view.can.conclude && hasMinutes && !hasConclusion ? (
        <Card size="small" title={it('doc.conclusion')}>
          <Form<ConclusionValues> layout="vertical" onFinish={(v) => void issueConclusion(v).catch(() => undefined)}>
            <Form.Item name="summary" label={it('doc.summary')}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item name="shortcomings" label={it('doc.shortcomings')}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Typography.Text strong>{it('doc.recommendations')}</Typography.Text>
            <Form.List name="recommendations">
              {(fields, { add, remove }) => (
                <Flex vertical gap={4} style={{ marginBlock: 8 }}>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} wrap align="flex-start">
                      <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]} style={{ flex: '0 1 240px', marginBottom: 8 }}>
                        <Select options={RECOMMENDATION_KINDS.map((k) => ({ value: k, label: it(`rec.${k}` as IKey) }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'text']} rules={[{ required: true, min: 3 }]} style={{ flex: '1 1 260px', marginBottom: 8 }}>
                        <Input data-testid={`rec-text-${f.name}`} />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                    </Flex>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'FIX', text: '' })} style={{ alignSelf: 'flex-start' }} data-testid="add-recommendation">
                    {it('doc.addRec')}
                  </Button>
                </Flex>
              )}
            </Form.List>
            <Typography.Text strong>{it('doc.remediations')}</Typography.Text>
            <Form.List name="remediations">
              {(fields, { add, remove }) => (
                <Flex vertical gap={4} style={{ marginBlock: 8 }}>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} wrap align="flex-start">
                      <Form.Item name={[f.name, 'description']} rules={[{ required: true, min: 3 }]} style={{ flex: '1 1 260px', marginBottom: 8 }}>
                        <Input placeholder={it('rem.description')} data-testid={`rem-description-${f.name}`} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'ownerUnitId']} rules={[{ required: true }]} style={{ flex: '1 1 220px', marginBottom: 8 }}>
                        <UnitSelect placeholder={it('doc.owner')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                        <DatePicker format="DD/MM/YYYY" placeholder={it('doc.due')} data-testid={`rem-due-${f.name}`} />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                    </Flex>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ ownerUnitId: view.inspection.targetUnitId })} style={{ alignSelf: 'flex-start' }} data-testid="add-remediation">
                    {it('doc.addRem')}
                  </Button>
                </Flex>
              )}
            </Form.List>
            <Flex gap={12} wrap>
              <Form.Item name="authorityLine" label={it('doc.authority')} style={{ flex: '1 1 160px' }}>
                <Input />
              </Form.Item>
              <Form.Item name="signerTitle" label={it('doc.signerTitle')} rules={[{ required: true, min: 2 }]} style={{ flex: '1 1 200px' }}>
                <Input data-testid="signer-title" />
              </Form.Item>
              <Form.Item name="signerName" label={it('doc.signer')} rules={[{ required: true, min: 2 }]} style={{ flex: '1 1 200px' }}>
                <Input data-testid="signer-name" />
              </Form.Item>
            </Flex>
            <Button type="primary" htmlType="submit" data-testid="issue-conclusion">
              {it('doc.issueConclusion')}
            </Button>
          </Form>
        </Card>
      ) : null}
      {view.inspection.decisionDate ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {it('info.decisionLine', { no: view.inspection.decisionNo ?? '', date: formatDate(view.inspection.decisionDate), signer: view.inspection.decisionSigner ?? '' })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
