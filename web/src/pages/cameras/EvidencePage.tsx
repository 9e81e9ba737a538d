import { DownloadOutlined, FileProtectOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, download } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatTime } from '../../i18n/format';
import type { PageProps } from '../../routes';
import { type CKey, useCT } from './texts';

function size(bytes: number): string {
  return bytes > 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The evidence library: every export with its manifest and hash; open (audited view), download, verify. */
export default function EvidencePage(_props: PageProps) {
  const ct = useCT();
  const [page, setPage] = useState(1);
  const list = useApi('/api/evidence', { page, pageSize: 20 });
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={ct('ev.title')} subtitle={ct('ev.subtitle')} />
      <Table<Schemas['EvidenceExport']>
        data-testid="evidence-table"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={ct('ev.empty')} /> }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '', dataIndex: 'kind', render: (k: string, r) => <Space><Tag color={k === 'CLIP' ? 'blue' : 'cyan'}>{ct(`ev.kind.${k}` as CKey)}</Tag>{r.legalHold ? <Tag color="purple">{ct('ev.hold')}</Tag> : null}{r.masked ? <Tag>{ct('ev.masked')}</Tag> : null}</Space> },
          { title: ct('ev.camera'), dataIndex: 'cameraName' },
          { title: ct('ev.range'), render: (_, r) => (r.kind === 'CLIP' ? `${formatDateTime(r.actualFrom, true)} – ${formatTime(r.actualTo)}` : formatDateTime(r.actualFrom, true)) },
          { title: ct('ev.reason'), dataIndex: 'reason', ellipsis: true },
          { title: ct('ev.by'), dataIndex: 'requestedBy' },
          { title: ct('ev.size'), dataIndex: 'bytes', render: size },
          { title: ct('ev.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      {openId ? <EvidenceDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} /> : null}
    </>
  );
}

function EvidenceDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const ct = useCT();
  const detail = useApi(`/api/evidence/${id}`);
  const [verdict, setVerdict] = useState<Schemas['EvidenceVerification'] | null>(null);
  const e = detail.data;
  const fileUrl = `/api/evidence/${id}/file?inline=1`;
  return (
    <Drawer open width={760} onClose={onClose} title={e ? `${ct(`ev.kind.${e.kind}` as CKey)} · ${e.cameraName}` : ''} data-testid="evidence-drawer">
      {e ? (
        <>
          {e.kind === 'CLIP' ? (
            // biome-ignore lint/a11y/useMediaCaption: CCTV footage has no audio track to caption.
            <video controls src={fileUrl} style={{ width: '100%', background: '#000' }} data-testid="evidence-video" />
          ) : (
            <img src={fileUrl} alt={e.cameraName} style={{ width: '100%' }} />
          )}
          <Space style={{ margin: '12px 0' }} wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void download(`/api/evidence/${id}/file`, undefined, `${id}.${e.kind === 'CLIP' ? 'mp4' : 'jpg'}`)}>{ct('ev.download')}</Button>
            <Button icon={<FileProtectOutlined />} onClick={() => void download(`/api/evidence/${id}/manifest`, undefined, `${id}.manifest.json`)}>{ct('ev.manifest')}</Button>
            <Button icon={<SafetyOutlined />} data-testid="evidence-verify" onClick={() => void api.post(`/api/evidence/${id}/verify`).then(setVerdict)}>
              {ct('ev.verify')}
            </Button>
            <Button
              onClick={() =>
                void api.post(`/api/evidence/${id}/hold`, { hold: !e.legalHold, reason: e.legalHold ? 'Gỡ giữ dữ liệu' : 'Giữ dữ liệu theo yêu cầu pháp lý' }).then(() => {
                  detail.reload();
                  onChanged();
                })
              }
            >
              {ct('ev.hold')}: {e.legalHold ? '✓' : '—'}
            </Button>
          </Space>
          {verdict ? <Alert showIcon type={verdict.ok ? 'success' : 'error'} message={verdict.ok ? ct('ev.verifyOk') : ct('ev.verifyBad')} data-testid="evidence-verdict" data-ok={String(verdict.ok)} style={{ marginBottom: 12 }} /> : null}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={ct('ev.range')}>{formatDateTime(e.actualFrom, true)} – {formatDateTime(e.actualTo, true)}</Descriptions.Item>
            <Descriptions.Item label={ct('ev.by')}>{e.requestedBy}</Descriptions.Item>
            <Descriptions.Item label={ct('ev.reason')}>{e.reason}</Descriptions.Item>
            <Descriptions.Item label="SHA-256"><Typography.Text code copyable>{e.sha256}</Typography.Text></Descriptions.Item>
            <Descriptions.Item label={ct('ev.size')}>{size(e.bytes)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{ct('ev.manifest')}</Typography.Title>
          <pre style={{ fontSize: 12, background: '#fafafa', padding: 8, maxHeight: 260, overflow: 'auto' }}>{JSON.stringify(e.manifest, null, 2)}</pre>
        </>
      ) : null}
    </Drawer>
  );
}
