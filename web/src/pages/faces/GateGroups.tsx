import { Alert, App, Button, Card, Empty, Flex, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PersonSelect } from '../../components/PersonSelect';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { useSession } from '../../session';
import { useGT } from './gate-texts';

type Group = Schemas['GateEnrollmentGroup'];

/** Below this (same default as the policy threshold) a group's liveness is flagged for the reviewer. */
const LOW_LIVENESS = 0.5;

/** The face groups of one period: several faces per group, assign to a consenting staff member or discard. */
export function GateGroups({ periodId, onChange }: { periodId: string; onChange: () => void }) {
  const gt = useGT();
  const { can } = useSession();
  const { message } = App.useApp();
  const groups = useApi(`/api/recognition/gate-enrollment/periods/${periodId}/groups`);
  const [assigning, setAssigning] = useState<Group | null>(null);
  const [reason, setReason] = useState('');
  const refresh = () => {
    groups.reload();
    onChange();
  };
  if (!groups.data) return null;
  if (groups.data.items.length === 0) return <Empty description={gt('gate.groups.empty')} />;
  return (
    <Flex vertical gap={12} data-testid="gate-groups">
      {groups.data.items.map((g) => (
        <Card key={g.id} size="small" data-testid="gate-group" data-group={g.id}>
          <Flex gap={16} wrap align="flex-start">
            <Flex gap={6} wrap style={{ maxWidth: 560 }}>
              {g.samples.map((s) => (
                <img
                  key={s.id}
                  src={`/api/recognition/gate-enrollment/samples/${s.id}/image`}
                  alt={gt('gate.thumb')}
                  title={`${Math.round(s.quality * 100)}%`}
                  data-testid="gate-thumb"
                  style={{ width: 96, height: 112, objectFit: 'cover', borderRadius: 6, opacity: s.usable ? 1 : 0.5 }}
                />
              ))}
            </Flex>
            <Flex vertical gap={6} style={{ minWidth: 260, flex: 1 }}>
              <Typography.Text>{gt('gate.group.passes', { passes: g.passes, first: formatDateTime(g.firstSeen), last: formatDateTime(g.lastSeen) })}</Typography.Text>
              <Space wrap>
                {g.usableSamples > 0 ? <Tag color="green">{gt('gate.group.usable', { usable: g.usableSamples })}</Tag> : <Tag color="red">{gt('gate.group.noUsable')}</Tag>}
                {g.minLiveness !== null ? (
                  <Tag color={g.minLiveness < LOW_LIVENESS ? 'orange' : 'default'} data-testid="gate-liveness">
                    {gt('gate.group.liveness', { score: g.minLiveness.toFixed(2) })}
                  </Tag>
                ) : null}
              </Space>
              {g.resembles ? (
                <Typography.Text type="warning">
                  {gt('gate.group.resembles', { name: g.resembles.fullName, code: g.resembles.employeeCode, score: Math.round(g.resembles.score * 100) })}
                </Typography.Text>
              ) : null}
              <Space wrap>
                {can('faces.enroll') ? (
                  <Button type="primary" disabled={g.usableSamples === 0} onClick={() => setAssigning(g)} data-testid="gate-assign">
                    {gt('gate.assign')}
                  </Button>
                ) : null}
                <Popconfirm
                  title={gt('gate.discard.confirm')}
                  description={<Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={gt('gate.discard.reason')} maxLength={500} />}
                  onConfirm={async () => {
                    await api.post(`/api/recognition/gate-enrollment/groups/${g.id}/discard`, { reason: reason.trim() || undefined });
                    setReason('');
                    message.success(gt('gate.discard.done'));
                    refresh();
                  }}
                >
                  <Button danger data-testid="gate-discard">
                    {gt('gate.discard')}
                  </Button>
                </Popconfirm>
              </Space>
            </Flex>
          </Flex>
        </Card>
      ))}
      <AssignModal
        group={assigning}
        onClose={(done) => {
          setAssigning(null);
          if (done) refresh();
        }}
      />
    </Flex>
  );
}

function AssignModal({ group, onClose }: { group: Group | null; onClose: (done: boolean) => void }) {
  const gt = useGT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [personId, setPersonId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const close = (done: boolean) => {
    setPersonId(null);
    setError(null);
    onClose(done);
  };
  const submit = async () => {
    if (!group || !personId) return;
    setBusy(true);
    setError(null);
    try {
      // quiet: a refusal (no consent, nothing usable) is shown in the dialog, in the user's language.
      const out = await api.post(`/api/recognition/gate-enrollment/groups/${group.id}/assign`, { personId }, { quiet: true });
      message.success(gt('gate.assign.done', { templates: out.templateIds.length, samples: out.samplesUsed }));
      close(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={group !== null}
      title={gt('gate.assign.title')}
      onCancel={() => close(false)}
      onOk={() => void submit()}
      okText={gt('gate.assign.ok')}
      okButtonProps={{ disabled: !personId, ...({ 'data-testid': 'gate-assign-ok' } as Record<string, string>) }}
      confirmLoading={busy}
      destroyOnHidden
      width={600}
    >
      <Form layout="vertical">
        <Form.Item label={gt('gate.assign.person')} extra={gt('gate.assign.help')}>
          <PersonSelect value={personId} onChange={setPersonId} placeholder={gt('gate.assign.pick')} testId="gate-assign-person" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon message={error.text(locale)} data-testid="gate-assign-error" data-code={error.code} /> : null}
    </Modal>
  );
}
