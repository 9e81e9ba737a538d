import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, Modal, Radio, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useI18n } from '../../i18n';
import { useCT } from './texts';


/** What the add-camera form gets from a found device. */
export interface CameraPrefill {
  name: string;
  mainUrl: string;
  subUrl?: string;
  username?: string;
  password?: string;
}

type DiscoverResult = Schemas['OnvifDiscovery'];
type DiscoveredDevice = Schemas['OnvifDiscoveredDevice'];
type StreamProposal = Schemas['OnvifStreamProposal'];

/**
 * "Tìm camera trong mạng": the server probes the LAN for ONVIF cameras (WS-Discovery); picking one and giving its
 * ONVIF login reads its profiles and RTSP addresses (GetProfiles/GetStreamUri), and "Use" opens the add-camera form
 * filled in. Nothing is saved here.
 */
export function DiscoveryModal({ onClose, onUse }: { onClose: () => void; onUse: (p: CameraPrefill) => void }) {
  const ct = useCT();
  const { locale } = useI18n();
  const [result, setResult] = useState<DiscoverResult | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<DiscoveredDevice | null>(null);

  const search = useCallback(async () => {
    setSearching(true);
    setError(null);
    setPicked(null);
    try {
      setResult(await api.post('/api/cameras/discover', { timeoutMs: 3000 }, { quiet: true }));
    } catch (err) {
      setError(err instanceof ApiError ? err.text(locale) : String(err));
    } finally {
      setSearching(false);
    }
  }, [locale]);

  useEffect(() => {
    void search();
  }, [search]);

  return (
    <Modal open width={900} title={ct('disc.title')} onCancel={onClose} footer={null} data-testid="discovery-modal">
      <Typography.Paragraph type="secondary">{ct('disc.help')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<ReloadOutlined />} onClick={() => void search()} loading={searching} data-testid="discovery-run">{ct('disc.again')}</Button>
        {result && !searching ? (
          <Typography.Text type="secondary" data-testid="discovery-summary">
            {ct('disc.target', { target: `${result.target.address}:${result.target.port}`, n: result.items.length })}
          </Typography.Text>
        ) : null}
      </Space>
      {error ? <Alert type="error" showIcon title={error} data-testid="discovery-error" style={{ marginBottom: 12 }} /> : null}
      {searching && !result ? <Spin tip={ct('disc.searching')}><div style={{ height: 80 }} /></Spin> : null}
      {result && result.items.length === 0 && !searching ? <Empty description={ct('disc.empty')} data-testid="discovery-empty" /> : null}
      {result && result.items.length > 0 ? (
        <Table<DiscoveredDevice>
          data-testid="discovery-table"
          rowKey="endpoint"
          size="small"
          pagination={false}
          dataSource={result.items}
          loading={searching}
          onRow={(d) => ({ 'data-testid': `discovery-row-${d.address}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: ct('disc.address'), dataIndex: 'address' },
            { title: ct('disc.name'), render: (_, d) => d.name ?? <Typography.Text type="secondary">{ct('disc.unnamed')}</Typography.Text> },
            { title: ct('disc.hardware'), render: (_, d) => d.hardware ?? '—' },
            { title: ct('disc.location'), render: (_, d) => d.location ?? '—' },
            { title: '', render: (_, d) => (d.alreadyAdded ? <Tag>{ct('disc.added')}</Tag> : null) },
            {
              title: '',
              render: (_, d) => (
                <Button size="small" type={picked?.endpoint === d.endpoint ? 'primary' : 'default'} onClick={() => setPicked(d)} data-testid="discovery-pick">
                  {ct('disc.pick')}
                </Button>
              ),
            },
          ]}
        />
      ) : null}
      {picked ? <StreamsPanel key={picked.endpoint} device={picked} onUse={onUse} /> : null}
    </Modal>
  );
}

function StreamsPanel({ device, onUse }: { device: DiscoveredDevice; onUse: (p: CameraPrefill) => void }) {
  const ct = useCT();
  const { locale } = useI18n();
  const [creds, setCreds] = useState({ username: '', password: '' });
  const [proposal, setProposal] = useState<StreamProposal | null>(null);
  const [main, setMain] = useState<string | null>(null);
  const [sub, setSub] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = device.name ?? device.address;

  const fetchStreams = async () => {
    setBusy(true);
    setError(null);
    try {
      // The first service address is the one on the interface that answered the probe (a device without one is
      // refused by the server's validation, as before).
      const p = await api.post(
        '/api/cameras/discover/streams',
        { xaddr: device.xaddrs[0] ?? '', username: creds.username || null, password: creds.password || null },
        { quiet: true },
      );
      setProposal(p);
      setMain(p.mainUrl);
      setSub(p.subUrl);
    } catch (err) {
      setError(err instanceof ApiError ? err.text(locale) : String(err));
    } finally {
      setBusy(false);
    }
  };

  const usable = (encoding: string | null) => encoding === null || /h\.?264|avc/i.test(encoding);

  return (
    <Card size="small" style={{ marginTop: 16 }} title={ct('disc.credentials', { name })} data-testid="onvif-panel">
      <Form layout="inline" onFinish={() => void fetchStreams()}>
        <Form.Item label={ct('cams.username')}>
          <Input value={creds.username} onChange={(e) => setCreds({ ...creds, username: e.target.value })} autoComplete="off" data-testid="onvif-username" />
        </Form.Item>
        <Form.Item label={ct('cams.password')}>
          <Input.Password value={creds.password} onChange={(e) => setCreds({ ...creds, password: e.target.value })} autoComplete="new-password" data-testid="onvif-password" />
        </Form.Item>
        <Button htmlType="submit" icon={<SearchOutlined />} loading={busy} data-testid="onvif-fetch">{ct('disc.fetch')}</Button>
      </Form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="onvif-error" /> : null}
      {proposal ? (
        <div style={{ marginTop: 12 }} data-testid="onvif-profiles">
          {Math.abs(proposal.clockOffsetSeconds) > 60 ? (
            <Alert type="warning" showIcon title={ct('disc.clock', { s: proposal.clockOffsetSeconds })} style={{ marginBottom: 8 }} />
          ) : null}
          <Typography.Text strong>{ct('disc.profiles')}</Typography.Text>
          <Table
            size="small"
            rowKey="token"
            pagination={false}
            dataSource={proposal.profiles}
            columns={[
              { title: ct('disc.name'), dataIndex: 'name' },
              { title: 'Codec', render: (_, p) => (usable(p.encoding) ? p.encoding : <Tag color="orange">{p.encoding} — {ct('disc.unsupported')}</Tag>) },
              { title: ct('cams.stream'), render: (_, p) => `${p.width ?? '?'}×${p.height ?? '?'}${p.fps ? ` · ${p.fps} fps` : ''}` },
              { title: 'RTSP', render: (_, p) => <Typography.Text code copyable style={{ fontSize: 12 }}>{p.uri ?? '—'}</Typography.Text> },
              {
                title: ct('disc.main'),
                render: (_, p) => <Radio checked={main === p.uri} disabled={!p.uri || !usable(p.encoding)} onChange={() => setMain(p.uri)} data-testid={`onvif-main-${p.token}`} />,
              },
              {
                title: ct('disc.sub'),
                render: (_, p) => <Radio checked={sub === p.uri} disabled={!p.uri || !usable(p.encoding) || p.uri === main} onChange={() => setSub(p.uri)} />,
              },
            ]}
          />
          <Button
            type="primary"
            style={{ marginTop: 12 }}
            disabled={!main}
            data-testid="onvif-use"
            onClick={() =>
              main &&
              onUse({
                name: device.name ?? ct('disc.unnamed'),
                mainUrl: main,
                subUrl: sub && sub !== main ? sub : undefined,
                username: creds.username || undefined,
                password: creds.password || undefined,
              })
            }
          >
            {ct('disc.use')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
