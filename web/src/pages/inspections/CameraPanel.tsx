import { CameraOutlined, EyeInvisibleOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Image, Input, List, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatDateTime } from '../../i18n/format';
import { useOnline } from '../../offline/useOutbox';
import { LivePlayer } from '../cameras/LivePlayer';
import { BASE, post, useLoad } from './data';
import { useIT } from './texts';
import type { Evidence, InspectionCamera, InspectionView } from './types';

/** A tiny transparent placeholder for a snapshot the viewer may not open in the evidence library. */
const NO_PREVIEW = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

/**
 * Camera-backed checks: the target unit's cameras the team may view now (a time-limited grant during the inspection
 * window), live, and a snapshot at a chosen instant from live or recorded footage, exported by recording (hashed,
 * with a manifest, audited) and attached as evidence — its SHA-256 shown so the minutes can quote it.
 */
export function CameraPanel({ view, editable, onAttached }: { view: InspectionView; editable: boolean; onAttached: () => void }) {
  const it = useIT();
  const online = useOnline();
  const id = view.inspection.id;
  const cams = useLoad<InspectionCamera[] | { items: InspectionCamera[] }>(online ? `${BASE}/${id}/cameras` : null);
  const cameras = Array.isArray(cams.data) ? cams.data : (cams.data?.items ?? []);
  const nameOf = (cameraId: string) => cameras.find((c) => c.id === cameraId)?.name ?? cameraId.slice(0, 8);
  return (
    <Flex vertical gap={12}>
      {online ? null : <Alert type="warning" showIcon title={it('cam.offline')} />}
      <Card size="small" title={it('cam.title')} loading={cams.loading}>
        <List
          data-testid="inspection-cameras"
          dataSource={cameras}
          locale={{ emptyText: it('cam.none') }}
          renderItem={(c) => <CameraRow key={c.id} camera={c} view={view} editable={editable && online} onAttached={onAttached} />}
        />
      </Card>
      <Card size="small" title={it('cam.evidence')}>
        <List
          data-testid="inspection-evidence"
          dataSource={view.evidence}
          locale={{ emptyText: '—' }}
          renderItem={(e: Evidence) => (
            <List.Item data-testid="evidence-row" data-export-id={e.exportId}>
              <Flex gap={10} align="flex-start" style={{ width: '100%' }}>
                {e.kind === 'SNAPSHOT' ? (
                  <Image src={`/api/evidence/${e.exportId}/file?inline=1`} fallback={NO_PREVIEW} width={96} style={{ objectFit: 'cover' }} />
                ) : null}
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <span>
                    <Tag>{e.kind}</Tag> {nameOf(e.cameraId)} · {formatDateTime(e.createdAt)}
                  </span>
                  <Typography.Text type="secondary">{e.reason}</Typography.Text>
                  <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid="evidence-sha">
                    {it('cam.sha')}: {e.sha256}
                  </Typography.Text>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}

function CameraRow({ camera, view, editable, onAttached }: { camera: InspectionCamera; view: InspectionView; editable: boolean; onAttached: () => void }) {
  const it = useIT();
  const { message } = App.useApp();
  const [live, setLive] = useState(false);
  const [at, setAt] = useState<Dayjs>(() => dayjs());
  const [reason, setReason] = useState(it('cam.reasonDefault'));
  const [findingId, setFindingId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const snapshot = async () => {
    setBusy(true);
    try {
      const body = { kind: 'SNAPSHOT', cameraId: camera.id, at: at.toISOString(), findingId, reason };
      await post<Evidence>(`${BASE}/${view.inspection.id}/evidence`, body);
      message.success(it('cam.done'));
      onAttached();
    } catch {
      // The client showed the server's reason (no footage at that instant, grant ended …).
    } finally {
      setBusy(false);
    }
  };
  return (
    <List.Item data-testid={`camera-${camera.id}`}>
      <Flex vertical gap={8} style={{ width: '100%' }}>
        <Flex gap={8} wrap align="center" justify="space-between">
          <span>
            <VideoCameraOutlined /> <Typography.Text strong>{camera.name}</Typography.Text>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {it('cam.until', { at: formatDateTime(camera.viewableUntil) })}
          </Typography.Text>
        </Flex>
        <Button size="small" icon={live ? <EyeInvisibleOutlined /> : <VideoCameraOutlined />} onClick={() => setLive(!live)} style={{ alignSelf: 'flex-start' }}>
          {live ? it('cam.hide') : it('cam.live')}
        </Button>
        {live ? <LivePlayer cameraId={camera.id} stream="sub" /> : null}
        {editable ? (
          <Flex gap={8} wrap align="center">
            <DatePicker
              showTime={{ format: 'HH:mm:ss' }}
              format="DD/MM/YYYY HH:mm:ss"
              value={at}
              onChange={(v) => v && setAt(v)}
              aria-label={it('cam.at')}
              data-testid="snapshot-at"
            />
            <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={it('cam.reason')} style={{ flex: '1 1 200px' }} data-testid="snapshot-reason" />
            <Select
              allowClear
              placeholder={it('cam.finding')}
              value={findingId ?? undefined}
              onChange={(v) => setFindingId(v ?? null)}
              options={view.findings.map((f) => ({ value: f.id, label: `${f.personName ?? ''} ${f.description}`.trim().slice(0, 60) }))}
              style={{ flex: '1 1 200px' }}
            />
            <Button type="primary" icon={<CameraOutlined />} loading={busy} onClick={() => void snapshot()} data-testid={`snapshot-${camera.id}`}>
              {it('cam.snapshot')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </List.Item>
  );
}
