import { App, Button, Card, Checkbox, Flex, Form, Input, Progress, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, upload } from '../../api/client';
import type { ApiRequestBody, Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { PersonSelect } from '../../components/PersonSelect';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import type { PageProps } from '../../routes';
import { Link, useLocation } from '../../router';
import { useSession } from '../../session';
import { useGT } from './gate-texts';
import { type FKey, useFT } from './texts';
import { WebcamCapture } from './WebcamCapture';
import { ReviewQueue } from './ReviewQueue';
import { ZipImport } from './ZipImport';

type PersonFaces = Schemas['FacePerson'];
type FileReport = Schemas['FacePhotoReport'];
type ConsentMethod = ApiRequestBody<'/api/recognition/consents', 'post'>['method'];

/** Consent, enrollment and the review queue of gate face recognition (issue 5). */
export default function FacesPage(_: PageProps) {
  const ft = useFT();
  const gt = useGT();
  const { can } = useSession();
  const { search } = useLocation();
  const items = [
    ...(can('faces.enroll') ? [{ key: 'enroll', label: ft('faces.tab.enroll'), children: <EnrollTab /> }] : []),
    ...(can('faces.enroll') ? [{ key: 'zip', label: ft('faces.tab.zip'), children: <ZipImport /> }] : []),
    ...(can('faces.review') ? [{ key: 'review', label: ft('faces.tab.review'), children: <ReviewQueue /> }] : []),
  ];
  return (
    <>
      <PageHeader title={ft('faces.title')} subtitle={ft('faces.subtitle')} extra={<Link to="/faces/gate-enrollment" data-testid="faces-gate-link">{gt('gate.title')}</Link>} />
      <Tabs items={items} defaultActiveKey={search.get('zip') ? 'zip' : undefined} data-testid="faces-tabs" />
    </>
  );
}

function EnrollTab() {
  const ft = useFT();
  const [personId, setPersonId] = useState<string | null>(null);
  const person = useApi(personId ? `/api/recognition/persons/${personId}` : null);
  return (
    <Flex vertical gap={16}>
      <Form layout="vertical" style={{ maxWidth: 560 }}>
        <Form.Item label={ft('faces.person')}>
          <PersonSelect value={personId} onChange={setPersonId} placeholder={ft('faces.pickPerson')} testId="faces-person" />
        </Form.Item>
      </Form>
      {personId && person.data ? <PersonPanel personId={personId} data={person.data} reload={person.reload} /> : null}
    </Flex>
  );
}

function PersonPanel({ personId, data, reload }: { personId: string; data: PersonFaces; reload: () => void }) {
  const ft = useFT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [notice, setNotice] = useState('TB-2026-01');
  const [method, setMethod] = useState<ConsentMethod>('SIGNED_FORM');
  const [explicit, setExplicit] = useState(false); // never pre-ticked: silence is not consent
  // Gate learning is a separate purpose (consent per purpose): its own box, never pre-ticked, optional.
  const [gateLearning, setGateLearning] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<Schemas['FacePhotoUpload'] | null>(null);
  const { consent, templates } = data;

  async function decide(decision: 'GIVEN' | 'REFUSED' | 'WITHDRAWN') {
    await api.post('/api/recognition/consents', { personId, decision, noticeVersion: notice, method, gateLearning: decision === 'GIVEN' && gateLearning });
    setExplicit(false);
    setGateLearning(false);
    reload();
  }

  /**
   * Adds or withdraws the gate-learning purpose while enrollment consent stands: a new GIVEN record under the notice
   * the person consented to (withdrawing deletes the templates learned from the gate, server side).
   */
  async function setLearning(on: boolean) {
    await api.post('/api/recognition/consents', { personId, decision: 'GIVEN', noticeVersion: consent.noticeVersion ?? notice, method, gateLearning: on });
    setGateLearning(false);
    reload();
  }

  async function send(files: FileList | null) {
    if (!files?.length) return;
    const form = new FormData();
    for (const f of Array.from(files)) form.append('files', f, f.name);
    setProgress(0);
    try {
      const out = await upload(`/api/recognition/persons/${personId}/photos`, form, setProgress);
      setReport(out);
      message.success(ft('faces.report.summary', { accepted: out.accepted, rejected: out.rejected }));
      reload();
    } finally {
      setProgress(null);
    }
  }

  return (
    <Card>
      <Flex vertical gap={12}>
        <Typography.Text data-testid="faces-consent" data-decision={consent.decision}>
          {ft('faces.consent')}:{' '}
          {consent.decision === 'NONE'
            ? ft('faces.consent.NONE')
            : ft('faces.consentSince', {
                decision: ft(`faces.consent.${consent.decision}` as FKey),
                version: consent.noticeVersion ?? '',
                time: formatDateTime(consent.recordedAt),
                by: consent.recordedBy ?? '',
              })}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="faces-templates">
          {ft('faces.templates', templates)}
        </Typography.Text>
        {consent.decision !== 'GIVEN' ? (
          <Flex vertical gap={8} style={{ maxWidth: 640 }}>
            <Space wrap>
              <Input value={notice} onChange={(e) => setNotice(e.target.value)} addonBefore={ft('faces.notice')} data-testid="faces-notice" />
              <Select
                value={method}
                onChange={setMethod}
                style={{ minWidth: 240 }}
                options={(['SIGNED_FORM', 'DIGITAL_CONFIRMATION', 'RECORDED_STATEMENT'] as const).map((m) => ({ value: m, label: ft(`faces.method.${m}`) }))}
              />
            </Space>
            <Checkbox checked={explicit} onChange={(e) => setExplicit(e.target.checked)} data-testid="faces-explicit">
              {ft('faces.explicit')}
            </Checkbox>
            <Checkbox checked={gateLearning} onChange={(e) => setGateLearning(e.target.checked)} data-testid="faces-gate-learning">
              {ft('faces.gateLearning')}
            </Checkbox>
            <Typography.Text type="secondary">{ft('faces.gateLearning.help')}</Typography.Text>
            <Space>
              <Button type="primary" disabled={!explicit || !notice.trim()} onClick={() => decide('GIVEN')} data-testid="faces-give">
                {ft('faces.give')}
              </Button>
              <Button onClick={() => decide('REFUSED')} disabled={!notice.trim()}>
                {ft('faces.refuse')}
              </Button>
            </Space>
            <Typography.Text type="secondary">{ft('faces.refusedHelp')}</Typography.Text>
          </Flex>
        ) : (
          <Flex vertical gap={8}>
            <GateLearningState on={consent.gateLearning} onChange={setLearning} />
            <div>
              <Typography.Text strong>{ft('faces.upload')}</Typography.Text>
              <br />
              <input type="file" accept="image/jpeg,image/png,image/webp" multiple onChange={(e) => void send(e.target.files)} data-testid="faces-upload" />
              <br />
              <Typography.Text type="secondary">{ft('faces.uploadHelp')}</Typography.Text>
            </div>
            <div>
              <WebcamCapture personId={personId} onEnrolled={reload} />
            </div>
            {progress !== null ? <Progress percent={Math.round(progress * 100)} /> : null}
            {report ? (
              <Table<FileReport>
                data-testid="faces-report"
                rowKey="file"
                size="small"
                pagination={false}
                dataSource={report.files}
                columns={[
                  { title: ft('faces.report.file'), dataIndex: 'file' },
                  {
                    title: ft('faces.report.result'),
                    render: (_, r) =>
                      r.ok ? <Tag color="green">{ft('faces.report.ok')}</Tag> : <Tag color="red" data-code={r.code}>{locale === 'en' ? r.message_en : r.message_vi}</Tag>,
                  },
                ]}
              />
            ) : null}
            <div>
              <Button danger onClick={() => decide('WITHDRAWN')}>
                {ft('faces.withdraw')}
              </Button>
            </div>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

/** Whether the standing consent covers templates learned at the gate, and the one action that changes it. */
function GateLearningState({ on, onChange }: { on: boolean; onChange: (on: boolean) => Promise<void> }) {
  const ft = useFT();
  const [agreed, setAgreed] = useState(false); // adding the purpose is consent too: ticked explicitly each time
  return (
    <Flex vertical gap={4} data-testid="faces-gate-learning-state" data-on={String(on)}>
      <Typography.Text>{ft(on ? 'faces.gateLearning.on' : 'faces.gateLearning.off')}</Typography.Text>
      {on ? (
        <div>
          <Button onClick={() => void onChange(false)} data-testid="faces-gate-learning-withdraw">
            {ft('faces.gateLearning.withdraw')}
          </Button>
        </div>
      ) : (
        <>
          <Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)} data-testid="faces-gate-learning">
            {ft('faces.gateLearning')}
          </Checkbox>
          <div>
            <Button disabled={!agreed} onClick={() => void onChange(true).then(() => setAgreed(false))} data-testid="faces-gate-learning-give">
              {ft('faces.gateLearning.give')}
            </Button>
          </div>
        </>
      )}
    </Flex>
  );
}
