import { CameraOutlined, ScissorOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { formatDateTime, vietnamDayStart } from '../../i18n/format';
import type { PageProps } from '../../routes';
import { TimelineBar } from './Timeline';
import { useCT } from './texts';

/** Playback with a day timeline (gaps, exports, holds), jump by click, clip and snapshot export with a reason. */
export default function PlaybackPage(_props: PageProps) {
  const ct = useCT();
  const { pick } = useI18n();
  const { message } = App.useApp();
  const cams = useApi('/api/cameras');
  const cameras = (cams.data?.items ?? []).filter((c) => c.rights.playback);
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [day, setDay] = useState<Dayjs>(dayjs());
  const [start, setStart] = useState<Date | null>(null);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<Schemas['EvidenceExport'] | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const camera = cameras.find((c) => c.id === cameraId) ?? null;

  useEffect(() => {
    if (!cameraId && cameras[0]) setCameraId(cameras[0].id);
  }, [cameraId, cameras]);

  const dayWindow = useMemo(() => {
    const from = new Date(vietnamDayStart(day.format('YYYY-MM-DD')));
    return { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() };
  }, [day]);
  const timeline = useApi(cameraId ? `/api/cameras/${cameraId}/timeline` : null, dayWindow);

  const playFrom = (at: Date) => {
    const now = Date.now();
    const from = new Date(Math.min(at.getTime(), now - 2000));
    setStart(from);
    const to = new Date(Math.min(from.getTime() + 30 * 60_000, now));
    setRange([dayjs(from), dayjs(new Date(Math.min(from.getTime() + 30_000, now)))]);
    if (video.current && cameraId)
      video.current.src = `/api/cameras/${cameraId}/playback?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  };

  const currentInstant = () => (start && video.current ? new Date(start.getTime() + video.current.currentTime * 1000) : null);

  const exportClip = async () => {
    if (!cameraId || !range) return;
    setBusy(true);
    try {
      const ev = await api.post('/api/evidence/clips', { cameraId, from: range[0].toISOString(), to: range[1].toISOString(), reason });
      setLast(ev);
      message.success(ct('play.exported', { sha: ev.sha256.slice(0, 16) }));
      timeline.reload();
    } finally {
      setBusy(false);
    }
  };

  const snapshot = async () => {
    const at = currentInstant();
    if (!cameraId || !at) return;
    setBusy(true);
    try {
      const ev = await api.post('/api/evidence/snapshots', { cameraId, at: at.toISOString(), reason });
      setLast(ev);
      message.success(ct('play.exported', { sha: ev.sha256.slice(0, 16) }));
    } finally {
      setBusy(false);
    }
  };

  const reasonOk = reason.trim().length >= 5;
  return (
    <>
      <PageHeader title={ct('play.title')} subtitle={ct('play.subtitle')} />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select
            data-testid="playback-camera"
            style={{ minWidth: 280 }}
            value={cameraId ?? undefined}
            onChange={setCameraId}
            options={cameras.map((c) => ({ value: c.id, label: `${c.name} · ${pick(c.locationLabel)}` }))}
            placeholder={ct('play.camera')}
          />
          <DatePicker value={day} onChange={(d) => d && setDay(d)} format="DD/MM/YYYY" allowClear={false} />
        </Flex>
        {timeline.data ? <TimelineBar data={timeline.data} cursor={start?.getTime() ?? null} onPick={playFrom} /> : null}
        {timeline.data && timeline.data.coverage.length === 0 ? <Alert type="info" showIcon message={ct('play.noFootage')} style={{ marginTop: 8 }} /> : null}
        {camera && !camera.rights.raw && camera.privacyMasks.length > 0 ? <Alert type="warning" showIcon message={ct('play.masked')} style={{ marginTop: 8 }} /> : null}
        {/* biome-ignore lint/a11y/useMediaCaption: CCTV footage has no audio track to caption. */}
        <video ref={video} controls autoPlay muted data-testid="playback-video" style={{ width: '100%', maxHeight: 540, background: '#000', marginTop: 12 }} />
      </Card>
      {camera?.rights.export ? (
        <Card title={ct('play.exportClip')} style={{ marginTop: 16 }}>
          <Form layout="vertical">
            <Form.Item label={`${ct('play.from')} – ${ct('play.to')}`}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm:ss' }} format="DD/MM/YYYY HH:mm:ss" value={range} onChange={(v) => setRange(v as [Dayjs, Dayjs] | null)} />
            </Form.Item>
            <Form.Item label={ct('play.reason')} extra={ct('play.reasonHelp')} required>
              <Input.TextArea data-testid="export-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={2} />
            </Form.Item>
            <Space wrap>
              <Button type="primary" icon={<ScissorOutlined />} disabled={!range || !reasonOk} loading={busy} onClick={() => void exportClip()} data-testid="export-clip">
                {ct('play.exportClip')}
              </Button>
              <Button icon={<CameraOutlined />} disabled={!start || !reasonOk} loading={busy} onClick={() => void snapshot()} data-testid="export-snapshot">
                {ct('play.snapshot')}
              </Button>
            </Space>
          </Form>
          {last ? (
            <Typography.Paragraph style={{ marginTop: 12 }} data-testid="export-result">
              {formatDateTime(last.actualFrom, true)} · SHA-256 <Typography.Text code copyable>{last.sha256}</Typography.Text>
            </Typography.Paragraph>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
