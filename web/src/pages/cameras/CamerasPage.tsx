import { ApiOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Form, Image, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { useI18n } from '../../i18n';
import type { PageProps } from '../../routes';
import { useSession } from '../../session';
import { HealthBadge } from './HealthBadge';
import { useCT } from './texts';
import type { Camera } from './types';

const LOCATIONS = ['GATE', 'PARKING', 'ONE_STOP', 'RECEPTION', 'OTHER'] as const;
const LOCATION_LABEL: Record<string, { vi: string; en: string }> = {
  GATE: { vi: 'Cổng ra vào', en: 'Gate' },
  PARKING: { vi: 'Bãi đỗ xe', en: 'Parking lot' },
  ONE_STOP: { vi: 'Bộ phận Một cửa', en: 'One-stop desk' },
  RECEPTION: { vi: 'Phòng tiếp công dân', en: 'Citizen reception room' },
  OTHER: { vi: 'Khác', en: 'Other' },
};

interface FormValues {
  name: string;
  locationType: (typeof LOCATIONS)[number];
  unitId: string;
  mainUrl: string;
  subUrl?: string;
  username?: string;
  password?: string;
  direction?: 'IN' | 'OUT' | null;
  recognitionAllowed: boolean;
  enabled: boolean;
  retentionDays: number;
  quotaGb?: number | null;
  segmentSeconds: number;
}

/** The camera registry: health everywhere, add/edit with a connection test (codec, size, frame rate, picture). */
export default function CamerasPage(_props: PageProps) {
  const ct = useCT();
  const { pick } = useI18n();
  const { can } = useSession();
  const list = useApi<{ items: Camera[] }>('/api/cameras');
  const [editing, setEditing] = useState<Camera | 'new' | null>(null);
  useEffect(() => {
    const t = window.setInterval(list.reload, 10_000);
    return () => window.clearInterval(t);
  }, [list.reload]);
  return (
    <>
      <PageHeader
        title={ct('cams.title')}
        subtitle={ct('cams.subtitle')}
        extra={can('camera.manage') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="camera-add">{ct('cams.add')}</Button> : null}
      />
      <Table<Camera>
        data-testid="cameras-table"
        rowKey="id"
        loading={list.loading && !list.data}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: ct('cams.name'), dataIndex: 'name' },
          { title: ct('cams.location'), render: (_, c) => <Space>{pick(c.locationLabel)}{c.direction ? <Tag>{ct(`cams.direction.${c.direction}`)}</Tag> : null}{c.recognitionAllowed ? <Tag color="gold">{ct('cams.recognition')}</Tag> : null}</Space> },
          { title: ct('cams.health'), render: (_, c) => <HealthBadge health={c.health} /> },
          { title: ct('cams.stream'), render: (_, c) => (c.stream ? `${c.stream.codec} ${c.stream.width ?? '?'}×${c.stream.height ?? '?'} ${c.stream.fps ?? ''}` : '—') },
          { title: ct('cams.retention'), dataIndex: 'retentionDays' },
          { title: ct('cams.masks'), render: (_, c) => ct('cams.masksCount', { n: c.privacyMasks.length }) },
          { title: '', render: (_, c) => (c.rights.manage ? <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} aria-label={ct('cams.edit')} /> : null) },
        ]}
      />
      {editing ? <CameraDrawer camera={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); list.reload(); }} locationLabel={(k) => pick(LOCATION_LABEL[k])} /> : null}
    </>
  );
}

function CameraDrawer({ camera, onClose, onSaved, locationLabel }: { camera: Camera | null; onClose: () => void; onSaved: () => void; locationLabel: (k: string) => string }) {
  const ct = useCT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [test, setTest] = useState<{ ok: true; codec: string; width: number; height: number; fps: number; snapshot: string } | { ok: false; text: string } | null>(null);
  const [testing, setTesting] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const location = Form.useWatch('locationType', form);

  const runTest = async () => {
    const v = form.getFieldsValue();
    setTesting(true);
    setTest(null);
    try {
      const r = camera && !v.password && !v.username && v.mainUrl === camera.mainUrl
        ? await api.post<{ codec: string; width: number; height: number; fps: number; snapshot: string }>(`/api/cameras/${camera.id}/test`, undefined, { quiet: true })
        : await api.post<{ codec: string; width: number; height: number; fps: number; snapshot: string }>('/api/cameras/test', { mainUrl: v.mainUrl, username: v.username || null, password: v.password || null }, { quiet: true });
      setTest({ ok: true, ...r });
    } catch (err) {
      setTest({ ok: false, text: err instanceof ApiError ? err.text(locale) : String(err) });
    } finally {
      setTesting(false);
    }
  };

  const save = async (v: FormValues) => {
    setSaveError(null);
    const body = {
      name: v.name,
      locationType: v.locationType,
      unitId: v.unitId,
      mainUrl: v.mainUrl,
      subUrl: v.subUrl || null,
      ...(v.username ? { username: v.username } : {}),
      ...(v.password ? { password: v.password } : {}),
      direction: v.locationType === 'GATE' ? (v.direction ?? null) : null,
      recognitionAllowed: v.recognitionAllowed,
      enabled: v.enabled,
      retentionDays: v.retentionDays,
      quotaBytes: v.quotaGb ? Math.round(v.quotaGb * 1024 ** 3) : null,
      segmentSeconds: v.segmentSeconds,
      privacyMasks: camera?.privacyMasks ?? [],
    };
    try {
      if (camera) await api.patch(`/api/cameras/${camera.id}`, { ...body, version: camera.version }, { quiet: true });
      else await api.post('/api/cameras', body, { quiet: true });
      message.success(ct('cams.saved'));
      onSaved();
    } catch (err) {
      setSaveError(err instanceof ApiError ? err.text(locale) : String(err));
    }
  };

  return (
    <Drawer open width={620} onClose={onClose} title={camera ? ct('cams.edit') : ct('cams.add')} data-testid="camera-drawer">
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={
          camera
            ? { ...camera, subUrl: camera.subUrl ?? undefined, quotaGb: camera.quotaBytes ? camera.quotaBytes / 1024 ** 3 : null }
            : { locationType: 'GATE', recognitionAllowed: false, enabled: true, retentionDays: 30, segmentSeconds: 10 }
        }
      >
        <Form.Item name="name" label={ct('cams.name')} rules={[{ required: true, min: 2 }]}><Input data-testid="camera-name" /></Form.Item>
        <Space.Compact block>
          <Form.Item name="locationType" label={ct('cams.location')} style={{ flex: 1 }}>
            <Select options={LOCATIONS.map((k) => ({ value: k, label: locationLabel(k) }))} />
          </Form.Item>
          {location === 'GATE' ? (
            <Form.Item name="direction" label={ct('cams.direction')} style={{ flex: 1 }}>
              <Select allowClear options={[{ value: 'IN', label: ct('cams.direction.IN') }, { value: 'OUT', label: ct('cams.direction.OUT') }]} />
            </Form.Item>
          ) : null}
        </Space.Compact>
        <Form.Item name="unitId" label={ct('cams.unit')} rules={[{ required: true }]}><UnitSelect /></Form.Item>
        <Form.Item name="mainUrl" label={ct('cams.mainUrl')} rules={[{ required: true }]}><Input placeholder="rtsp://192.168.1.64:554/Streaming/Channels/101" data-testid="camera-url" /></Form.Item>
        <Form.Item name="subUrl" label={ct('cams.subUrl')}><Input placeholder="rtsp://192.168.1.64:554/Streaming/Channels/102" /></Form.Item>
        <Space.Compact block>
          <Form.Item name="username" label={ct('cams.username')} style={{ flex: 1 }}><Input autoComplete="off" /></Form.Item>
          <Form.Item name="password" label={ct('cams.password')} style={{ flex: 1 }} extra={camera?.hasCredentials ? ct('cams.passwordKeep') : undefined}><Input.Password autoComplete="new-password" /></Form.Item>
        </Space.Compact>
        <Button icon={<ApiOutlined />} loading={testing} onClick={() => void runTest()} data-testid="camera-test" style={{ marginBottom: 12 }}>{ct('cams.test')}</Button>
        {test?.ok ? (
          <Alert type="success" showIcon data-testid="camera-test-result" data-ok="true" style={{ marginBottom: 12 }}
            message={ct('cams.testOk', { codec: test.codec.toUpperCase(), width: test.width, height: test.height, fps: test.fps })}
            description={<Image src={test.snapshot} width={320} preview={false} alt="snapshot" />} />
        ) : test ? <Alert type="error" showIcon message={test.text} data-testid="camera-test-result" data-ok="false" style={{ marginBottom: 12 }} /> : null}
        <Form.Item name="recognitionAllowed" label={ct('cams.recognition')} valuePropName="checked" extra={ct('cams.recognitionHelp')}>
          <Switch disabled={location === 'ONE_STOP' || location === 'RECEPTION'} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="retentionDays" label={ct('cams.retention')}><InputNumber min={1} max={3650} /></Form.Item>
          <Form.Item name="quotaGb" label={ct('cams.quota')}><InputNumber min={0.1} step={1} /></Form.Item>
          <Form.Item name="segmentSeconds" label={ct('cams.segment')}><InputNumber min={2} max={60} /></Form.Item>
          <Form.Item name="enabled" label={ct('cams.enabled')} valuePropName="checked"><Switch /></Form.Item>
        </Space>
        {saveError ? <Alert type="error" showIcon message={saveError} style={{ marginBottom: 12 }} data-testid="camera-save-error" /> : null}
        <Space>
          <Button type="primary" htmlType="submit" data-testid="camera-save">{ct('cams.save')}</Button>
          <Button onClick={onClose}>{ct('cams.cancel')}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
