import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Radio, Upload, type UploadFile } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useCompetence } from '../../api/useCompetence';
import { useI18n } from '../../i18n';
import { useVT } from './texts';

/** Giải trình: text and attachments, sent as multipart to the person's own violation. */
export function ExplainForm({ violationId, onDone }: { violationId: string; onDone: () => void }) {
  const vt = useVT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (body.trim().length < 10) return setError(vt('explain.min'));
    const form = new FormData();
    form.append('body', body.trim());
    for (const f of files) if (f.originFileObj) form.append('files', f.originFileObj, f.name);
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/violations/${violationId}/explanations`, form, { quiet: true });
      message.success(vt('explain.sent'));
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(locale) : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={vt('explain.title')} data-testid="explain-form">
      <Flex vertical gap={12}>
        <Input.TextArea
          rows={5}
          maxLength={8000}
          showCount
          value={body}
          onChange={(e) => setBody(e.target.value)}
          placeholder={vt('explain.placeholder')}
          aria-label={vt('explain.body')}
          data-testid="explanation-body"
        />
        <div>
          <div style={{ marginBottom: 4 }}>{vt('explain.files')}</div>
          <Upload
            multiple
            maxCount={5}
            accept=".pdf,.jpg,.jpeg,.png,.webp,.txt,.doc,.docx"
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />} data-testid="explanation-files">{vt('explain.choose')}</Button>
          </Upload>
        </div>
        {error ? <div style={{ color: '#cf1322' }} data-testid="explanation-error">{error}</div> : null}
        <div>
          <Button type="primary" loading={busy} onClick={submit} data-testid="explanation-submit">
            {vt('explain.submit')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}

/**
 * Offers a leader's action on a violation only when the competence table allows this user (never on one's own case
 * or a superior's, only at the competent level); otherwise says why and who decides. The person comes from the
 * caller, or from the violation itself.
 */
function CompetentOnly({ violationId, subjectPersonId, children }: { violationId: string; subjectPersonId?: string | undefined; children: ReactNode }) {
  const { locale } = useI18n();
  const v = useApi(subjectPersonId ? null : `/api/violations/${violationId}`, undefined, { quiet: true });
  const { verdict, allowed, loading } = useCompetence('VIOLATION_HANDLING', subjectPersonId ?? v.data?.person?.id ?? null);
  if (allowed) return <>{children}</>;
  if (loading || !verdict) return null;
  return <Alert type="info" showIcon message={(locale === 'en' ? verdict.message_en : verdict.message_vi) ?? ''} data-testid="competence-refusal" />;
}

/** The leader's decision with a mandatory reason. The choice is between measures, never a disciplinary form. */
export function DecisionForm({ violationId, subjectPersonId, onDone }: { violationId: string; subjectPersonId?: string; onDone: () => void }) {
  return (
    <CompetentOnly violationId={violationId} subjectPersonId={subjectPersonId}>
      <DecisionFields violationId={violationId} onDone={onDone} />
    </CompetentOnly>
  );
}

function DecisionFields({ violationId, onDone }: { violationId: string; onDone: () => void }) {
  const vt = useVT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [decision, setDecision] = useState<'DISMISSED' | 'REMINDED' | 'ESCALATED'>('REMINDED');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/violations/${violationId}/decision`, { decision, reason: reason.trim() }, { quiet: true });
      message.success(vt('decide.done'));
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(locale) : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={vt('decide.title')} data-testid="decision-form">
      <Flex vertical gap={12}>
        <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value)} data-testid="decision-choice">
          {(['DISMISSED', 'REMINDED', 'ESCALATED'] as const).map((d) => (
            <Radio key={d} value={d} data-testid={`decision-${d}`}>
              {vt(`decide.${d}`)}
            </Radio>
          ))}
        </Radio.Group>
        <Input.TextArea rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={vt('decide.reason')} data-testid="decision-reason" />
        {error ? <div style={{ color: '#cf1322' }} data-testid="decision-error">{error}</div> : null}
        <div>
          <Button type="primary" loading={busy} disabled={reason.trim().length < 3} onClick={submit} data-testid="decision-submit">
            {vt('decide.submit')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}

/** Where a one-field action goes: the discipline proposal takes a `note`, closing a case a `reason`. */
type NoteTarget = { path: `/api/violations/${string}/discipline-proposal`; field: 'note' } | { path: `/api/violations/${string}/close`; field: 'reason' };

/** A one-field action (proposal note, closing reason) posted to its path, offered only to a competent leader. */
export function NoteAction(props: { target: NoteTarget; label: string; button: string; testId: string; subjectPersonId?: string; onDone: () => void }) {
  return (
    <CompetentOnly violationId={props.target.path.split('/')[3] ?? ''} subjectPersonId={props.subjectPersonId}>
      <NoteFields {...props} />
    </CompetentOnly>
  );
}

function NoteFields({ target, label, button, testId, onDone }: { target: NoteTarget; label: string; button: string; testId: string; onDone: () => void }) {
  const { locale } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      if (target.field === 'note') await api.post(target.path, { note: text.trim() }, { quiet: true });
      else await api.post(target.path, { reason: text.trim() }, { quiet: true });
      setText('');
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(locale) : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={8} data-testid={testId}>
      <Input.TextArea rows={2} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} placeholder={label} />
      {error ? <div style={{ color: '#cf1322' }}>{error}</div> : null}
      <div>
        <Button loading={busy} disabled={text.trim().length < 3} onClick={submit}>
          {button}
        </Button>
      </div>
    </Flex>
  );
}
