import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { useCT } from './texts';
type Camera = Schemas['CameraListItem'];
type CameraGrant = Schemas['ViewGrant'];

interface GrantForm {
  userId: string;
  canLive: boolean;
  canPlayback: boolean;
  validUntil?: Dayjs | null;
  reason: string;
}

/**
 * The grants panel of one camera, for leaders of its unit: who else may watch it (live and/or playback), until
 * when and why; grant and revoke. The server checks the leader's role and unit scope and that the person belongs
 * to that scope, and audits every change.
 */
export function GrantsDrawer({ camera, onClose }: { camera: Camera; onClose: () => void }) {
  const ct = useCT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const grants = useApi(`/api/cameras/${camera.id}/grants`);
  const [form] = Form.useForm<GrantForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<CameraGrant | null>(null);

  const submit = async (v: GrantForm) => {
    setError(null);
    if (!v.canLive && !v.canPlayback) return setError(ct('grants.pickRight'));
    setSaving(true);
    try {
      await api.post(
        `/api/cameras/${camera.id}/grants`,
        { userId: v.userId, canLive: v.canLive, canPlayback: v.canPlayback, validUntil: v.validUntil ? v.validUntil.toISOString() : null, reason: v.reason },
        { quiet: true },
      );
      message.success(ct('grants.granted'));
      form.resetFields();
      grants.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(locale) : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open width={760} onClose={onClose} title={ct('grants.title', { name: camera.name })} data-testid="grants-drawer">
      <Alert type="info" showIcon title={ct('grants.help')} style={{ marginBottom: 16 }} />
      <Form<GrantForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ canLive: true, canPlayback: false }}>
        <Form.Item name="userId" label={ct('grants.user')} rules={[{ required: true }]}>
          <CandidateSelect cameraId={camera.id} placeholder={ct('grants.userPlaceholder')} />
        </Form.Item>
        <Form.Item label={ct('grants.rights')} required>
          <Space>
            <Form.Item name="canLive" valuePropName="checked" noStyle>
              <Checkbox data-testid="grant-live">{ct('grants.live')}</Checkbox>
            </Form.Item>
            {/* Playback can only be passed on by someone who has it over the unit. */}
            <Form.Item name="canPlayback" valuePropName="checked" noStyle>
              <Checkbox data-testid="grant-playback" disabled={!camera.rights.playback}>{ct('grants.playback')}</Checkbox>
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="validUntil" label={ct('grants.until')} extra={ct('grants.untilHelp')}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="DD/MM/YYYY HH:mm"
            disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
            data-testid="grant-until"
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item name="reason" label={ct('grants.reason')} extra={ct('grants.reasonHelp')} rules={[{ required: true, min: 5, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="grant-reason" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="grant-error" /> : null}
        <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={saving} data-testid="grant-submit">{ct('grants.submit')}</Button>
      </Form>

      <Typography.Title level={5} style={{ marginTop: 24 }}>{ct('grants.current')}</Typography.Title>
      <Table<CameraGrant>
        data-testid="grants-table"
        rowKey="id"
        size="small"
        loading={grants.loading && !grants.data}
        dataSource={grants.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: ct('grants.empty') }}
        onRow={(g) => ({ 'data-testid': `grant-row-${g.username}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: ct('grants.user'), render: (_, g) => <Space direction="vertical" size={0}><span>{g.displayName}</span><Typography.Text type="secondary">{g.username}</Typography.Text></Space> },
          { title: ct('grants.rights'), render: (_, g) => <Space size={4}>{g.canLive ? <Tag color="blue">{ct('grants.live')}</Tag> : null}{g.canPlayback ? <Tag color="cyan">{ct('grants.playback')}</Tag> : null}</Space> },
          { title: ct('grants.until'), render: (_, g) => (g.validUntil ? formatDateTime(g.validUntil) : <Typography.Text type="secondary">{ct('grants.noExpiry')}</Typography.Text>) },
          { title: ct('grants.reason'), dataIndex: 'reason' },
          { title: ct('grants.by'), render: (_, g) => <Space direction="vertical" size={0}><span>{g.grantedBy ?? '—'}</span><Typography.Text type="secondary">{formatDateTime(g.createdAt)}</Typography.Text></Space> },
          { title: '', render: (_, g) => <Button size="small" danger onClick={() => setRevoking(g)} data-testid={`grant-revoke-${g.username}`}>{ct('grants.revoke')}</Button> },
        ]}
      />
      {revoking ? (
        <RevokeModal
          cameraId={camera.id}
          grant={revoking}
          onDone={(changed) => {
            setRevoking(null);
            if (changed) {
              message.success(ct('grants.revoked'));
              grants.reload();
            }
          }}
        />
      ) : null}
    </Drawer>
  );
}

function RevokeModal({ cameraId, grant, onDone }: { cameraId: string; grant: CameraGrant; onDone: (changed: boolean) => void }) {
  const ct = useCT();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    setBusy(true);
    try {
      await api.del(`/api/cameras/${cameraId}/grants/${grant.id}`, { body: reason.trim() ? { reason: reason.trim() } : {} });
      onDone(true);
    } catch {
      // The client already showed the error as a toast; keep the dialog open.
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={ct('grants.revokeTitle', { name: grant.displayName })}
      okText={ct('grants.revoke')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'revoke-confirm' }}
      cancelText={ct('cams.cancel')}
      onOk={() => void revoke()}
      onCancel={() => onDone(false)}
    >
      <Input.TextArea rows={2} maxLength={500} placeholder={ct('grants.revokeReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="revoke-reason" />
    </Modal>
  );
}

/** Finds people the leader may grant to, as the user types (GET /api/cameras/:id/grant-candidates?q=). */
function CandidateSelect({ cameraId, value, onChange, placeholder }: { cameraId: string; value?: string; onChange?: (v: string | undefined) => void; placeholder: string }) {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get(`/api/cameras/${cameraId}/grant-candidates`, { q: query.trim() }, { signal: controller.signal, quiet: true })
        .then((r) => setOptions(r.items.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})${u.unitName ? ` – ${u.unitName}` : ''}` }))))
        .catch(() => {})
        .finally(() => setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [cameraId, query]);
  return (
    <Select
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      loading={loading}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      notFoundContent={null}
      data-testid="grant-user"
    />
  );
}
