import { ApiOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Form, Image, Input, InputNumber, Select, Space, Switch, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { UnitSelect } from '../../components/UnitSelect';
import { useI18n } from '../../i18n';
import type { CameraPrefill } from './DiscoveryModal';
import { GateStatsPanel } from './GateStatsPanel';
import { MaskEditor } from './MaskEditor';
import type { MaskPolygon } from './mask-geometry';
import { useCT } from './texts';

type Camera = Schemas['CameraListItem'];

export const LOCATIONS = ['GATE', 'PARKING', 'ONE_STOP', 'RECEPTION', 'OTHER'] as const;

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

/** A connection test as the drawer shows it: a new URL's (picture always) or a saved camera's (picture may be withheld). */
type TestAnswer = Schemas['CameraConnectionTest'] | Schemas['StoredCameraConnectionTest'];
type TestResult = (TestAnswer & { snapshotWithheld?: boolean }) | { ok: false; text: string };

export type DrawerTab = 'general' | 'masks';

interface Props {
  camera: Camera | null;
  tab?: DrawerTab;
  prefill?: CameraPrefill;
  onClose: () => void;
  onSaved: () => void;
  locationLabel: (k: string) => string;
}

/**
 * Add or edit a camera: the registry fields with a connection test (codec, size, frame rate, picture) and the
 * privacy-mask editor drawn over that picture. Masks go to the server with the other fields (PATCH replaces all).
 */
export function CameraDrawer({ camera, tab, prefill, onClose, onSaved, locationLabel }: Props) {
  const ct = useCT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [test, setTest] = useState<TestResult | null>(null);
  const [testing, setTesting] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [activeTab, setActiveTab] = useState<DrawerTab>(tab ?? 'general');
  const [masks, setMasks] = useState<MaskPolygon[]>(camera?.privacyMasks ?? []);
  const [draftOpen, setDraftOpen] = useState(false);
  const location = Form.useWatch('locationType', form);

  const runTest = useCallback(async () => {
    const v = form.getFieldsValue(true) as FormValues;
    setTesting(true);
    setTest(null);
    try {
      // A saved camera is tested with its stored (sealed) credentials unless the user typed new ones.
      const r = camera && !v.password && !v.username && v.mainUrl === camera.mainUrl
        ? await api.post(`/api/cameras/${camera.id}/test`, undefined, { quiet: true })
        : await api.post('/api/cameras/test', { mainUrl: v.mainUrl, username: v.username || null, password: v.password || null }, { quiet: true });
      setTest(r);
    } catch (err) {
      setTest({ ok: false, text: err instanceof ApiError ? err.text(locale) : String(err) });
    } finally {
      setTesting(false);
    }
  }, [camera, form, locale]);

  const save = async (v: FormValues) => {
    setSaveError(null);
    if (draftOpen) {
      setActiveTab('masks');
      setSaveError(ct('mask.draftPending'));
      return;
    }
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
      privacyMasks: masks,
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

  const snapshot = test?.ok ? test.snapshot : null;
  const size = test?.ok ? test : camera?.stream;
  const aspect = size?.width && size?.height ? size.width / size.height : 16 / 9;

  const general = (
    <>
      <Form.Item name="name" label={ct('cams.name')} rules={[{ required: true, min: 2 }]}><Input data-testid="camera-name" /></Form.Item>
      <Space.Compact block>
        <Form.Item name="locationType" label={ct('cams.location')} style={{ flex: 1 }}>
          <Select options={LOCATIONS.map((k) => ({ value: k, label: locationLabel(k) }))} data-testid="camera-location" />
        </Form.Item>
        {location === 'GATE' ? (
          <Form.Item name="direction" label={ct('cams.direction')} style={{ flex: 1 }}>
            <Select allowClear options={[{ value: 'IN', label: ct('cams.direction.IN') }, { value: 'OUT', label: ct('cams.direction.OUT') }]} />
          </Form.Item>
        ) : null}
      </Space.Compact>
      <Form.Item name="unitId" label={ct('cams.unit')} rules={[{ required: true }]}><UnitSelect /></Form.Item>
      <Form.Item name="mainUrl" label={ct('cams.mainUrl')} rules={[{ required: true }]}><Input placeholder="rtsp://192.168.1.64:554/Streaming/Channels/101" data-testid="camera-url" /></Form.Item>
      <Form.Item name="subUrl" label={ct('cams.subUrl')}><Input placeholder="rtsp://192.168.1.64:554/Streaming/Channels/102" data-testid="camera-sub-url" /></Form.Item>
      <Space.Compact block>
        <Form.Item name="username" label={ct('cams.username')} style={{ flex: 1 }}><Input autoComplete="off" data-testid="camera-username" /></Form.Item>
        <Form.Item name="password" label={ct('cams.password')} style={{ flex: 1 }} extra={camera?.hasCredentials ? ct('cams.passwordKeep') : undefined}><Input.Password autoComplete="new-password" data-testid="camera-password" /></Form.Item>
      </Space.Compact>
      <Button icon={<ApiOutlined />} loading={testing} onClick={() => void runTest()} data-testid="camera-test" style={{ marginBottom: 12 }}>{ct('cams.test')}</Button>
      {test?.ok ? (
        <Alert type="success" showIcon data-testid="camera-test-result" data-ok="true" style={{ marginBottom: 12 }}
          title={ct('cams.testOk', { codec: test.codec.toUpperCase(), width: test.width, height: test.height, fps: test.fps })}
          description={test.snapshot ? <Image src={test.snapshot} width={320} preview={false} alt="snapshot" /> : test.snapshotWithheld ? ct('mask.withheld') : null} />
      ) : test ? <Alert type="error" showIcon title={test.text} data-testid="camera-test-result" data-ok="false" style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="recognitionAllowed" label={ct('cams.recognition')} valuePropName="checked" extra={ct('cams.recognitionHelp')}>
        <Switch disabled={location === 'ONE_STOP' || location === 'RECEPTION'} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="retentionDays" label={ct('cams.retention')}><InputNumber min={1} max={3650} /></Form.Item>
        <Form.Item name="quotaGb" label={ct('cams.quota')}><InputNumber min={0.1} step={1} /></Form.Item>
        <Form.Item name="segmentSeconds" label={ct('cams.segment')}><InputNumber min={2} max={60} /></Form.Item>
        <Form.Item name="enabled" label={ct('cams.enabled')} valuePropName="checked"><Switch /></Form.Item>
      </Space>
    </>
  );

  return (
    <Drawer open width={720} onClose={onClose} title={camera ? ct('cams.edit') : ct('cams.add')} data-testid="camera-drawer">
      {camera?.recognitionAllowed ? <GateStatsPanel cameraId={camera.id} /> : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={
          camera
            ? { ...camera, subUrl: camera.subUrl ?? undefined, quotaGb: camera.quotaBytes ? camera.quotaBytes / 1024 ** 3 : null }
            : { locationType: 'GATE', recognitionAllowed: false, enabled: true, retentionDays: 30, segmentSeconds: 10, ...prefill }
        }
      >
        <Tabs
          activeKey={activeTab}
          onChange={(k) => setActiveTab(k as DrawerTab)}
          items={[
            // forceRender: the form's fields must be registered even when the drawer opens on the masks tab.
            { key: 'general', label: <span data-testid="camera-tab-general">{ct('cams.tab.general')}</span>, forceRender: true, children: general },
            {
              key: 'masks',
              label: <span data-testid="camera-tab-masks">{ct('cams.tab.masks')} ({masks.length})</span>,
              children: (
                <MaskEditor
                  value={masks}
                  onChange={setMasks}
                  snapshot={snapshot}
                  snapshotWithheld={test?.ok ? test.snapshotWithheld : false}
                  aspect={aspect}
                  loadingSnapshot={testing}
                  onSnapshot={() => void runTest()}
                  onDraftChange={setDraftOpen}
                />
              ),
            },
          ]}
        />
        {saveError ? <Alert type="error" showIcon title={saveError} style={{ margin: '12px 0' }} data-testid="camera-save-error" /> : null}
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" data-testid="camera-save">{ct('cams.save')}</Button>
          <Button onClick={onClose}>{ct('cams.cancel')}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
