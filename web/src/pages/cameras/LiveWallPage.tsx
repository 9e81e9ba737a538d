import { ExpandOutlined, FullscreenOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Segmented, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { useLocation } from '../../router';
import { PageHeader } from '../../components/PageHeader';
import type { PageProps } from '../../routes';
import { HealthBadge } from './HealthBadge';
import { LivePlayer } from './LivePlayer';
import { useCT } from './texts';

const LAYOUTS = [1, 4, 9, 16] as const;

/**
 * The live wall: 1/4/9/16 tiles on the sub stream, one camera on the main stream, full screen per tile or wall. Shows
 * the cameras the user may watch live, by role or by grant (also served at /live/shared for grantees).
 */
export default function LiveWallPage(_props: PageProps) {
  const ct = useCT();
  // Quiet: someone without any camera (a grantee whose grant ended) gets the empty wall, not an error toast.
  const { data: answer, error } = useApi('/api/cameras', undefined, { quiet: true });
  const data = answer ?? (error ? { items: [] } : undefined);
  const [layout, setLayout] = useState<(typeof LAYOUTS)[number]>(4);
  // ?camera=<id> (the link in a grant notification) opens that camera on its own.
  const [single, setSingle] = useState<string | null>(useLocation().search.get('camera'));
  const wall = useRef<HTMLDivElement>(null);
  const cameras = (data?.items ?? []).filter((c) => c.rights.live && c.enabled);
  const shown = single ? cameras.filter((c) => c.id === single) : cameras.slice(0, layout);
  const columns = single ? 1 : Math.sqrt(layout);

  return (
    <>
      <PageHeader
        title={ct('live.title')}
        subtitle={ct('live.subtitle')}
        extra={
          <>
            {single ? (
              <Button icon={<RollbackOutlined />} onClick={() => setSingle(null)} data-testid="live-back">
                {ct('live.back')}
              </Button>
            ) : (
              <Segmented
                data-testid="live-layout"
                value={layout}
                onChange={(v) => setLayout(v as (typeof LAYOUTS)[number])}
                options={LAYOUTS.map((n) => ({ value: n, label: <span data-testid={`layout-${n}`}>{n}</span> }))}
              />
            )}
            <Button icon={<FullscreenOutlined />} onClick={() => void wall.current?.requestFullscreen()}>
              {ct('live.fullscreen')}
            </Button>
          </>
        }
      />
      {data && cameras.length === 0 ? <Empty description={ct('live.noCameras')} /> : null}
      <div
        ref={wall}
        data-testid="live-wall"
        style={{ display: 'grid', gridTemplateColumns: `repeat(${columns}, 1fr)`, gap: 8, background: '#111', padding: 8, borderRadius: 8 }}
      >
        {shown.map((c) => (
          <Tile key={`${c.id}-${single ? 'main' : 'sub'}`} camera={c} stream={single ? 'main' : 'sub'} onSingle={() => setSingle(c.id)} singleLabel={ct('live.single')} />
        ))}
      </div>
    </>
  );
}

function Tile({ camera, stream, onSingle, singleLabel }: { camera: Schemas['CameraListItem']; stream: 'main' | 'sub'; onSingle: () => void; singleLabel: string }) {
  const box = useRef<HTMLDivElement>(null);
  return (
    <Card
      size="small"
      data-testid={`live-tile-${camera.id}`}
      styles={{ body: { padding: 0, aspectRatio: '16 / 9' } }}
      title={
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text ellipsis style={{ maxWidth: '60%' }}>
            {camera.name}
          </Typography.Text>
          <HealthBadge health={camera.health} />
        </Flex>
      }
      extra={
        <Flex gap={4}>
          {stream === 'sub' ? (
            <Tooltip title={singleLabel}>
              <Button size="small" type="text" icon={<ExpandOutlined />} onClick={onSingle} aria-label={singleLabel} />
            </Tooltip>
          ) : null}
          <Button size="small" type="text" icon={<FullscreenOutlined />} onClick={() => void box.current?.requestFullscreen()} aria-label="fullscreen" />
        </Flex>
      }
    >
      <div ref={box} style={{ width: '100%', height: '100%' }}>
        <LivePlayer cameraId={camera.id} stream={stream} />
      </div>
    </Card>
  );
}
