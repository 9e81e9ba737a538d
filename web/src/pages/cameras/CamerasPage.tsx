import { EditOutlined, PlusOutlined, RadarChartOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import type { PageProps } from '../../routes';
import { useSession } from '../../session';
import { CameraDrawer, type DrawerTab } from './CameraDrawer';
import { type CameraPrefill, DiscoveryModal } from './DiscoveryModal';
import { GrantsDrawer } from './GrantsDrawer';
import { HealthBadge } from './HealthBadge';
import { useCT } from './texts';

const LOCATION_LABEL: Record<string, { vi: string; en: string }> = {
  GATE: { vi: 'Cổng ra vào', en: 'Gate' },
  PARKING: { vi: 'Bãi đỗ xe', en: 'Parking lot' },
  ONE_STOP: { vi: 'Bộ phận Một cửa', en: 'One-stop desk' },
  RECEPTION: { vi: 'Phòng tiếp công dân', en: 'Citizen reception room' },
  OTHER: { vi: 'Khác', en: 'Other' },
};

type Camera = Schemas['CameraListItem'];
type Editing = { camera: Camera | null; tab: DrawerTab; prefill?: CameraPrefill };

/**
 * The camera registry: health everywhere; add/edit with a connection test and the privacy-mask editor; ONVIF
 * discovery to fill in the add form; the viewing-grants panel for leaders of the camera's unit.
 */
export default function CamerasPage(_props: PageProps) {
  const ct = useCT();
  const { pick } = useI18n();
  const { can } = useSession();
  const list = useApi('/api/cameras');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [granting, setGranting] = useState<Camera | null>(null);
  const [discovering, setDiscovering] = useState(false);
  useEffect(() => {
    const t = window.setInterval(list.reload, 10_000);
    return () => window.clearInterval(t);
  }, [list.reload]);
  return (
    <>
      <PageHeader
        title={ct('cams.title')}
        subtitle={ct('cams.subtitle')}
        extra={
          can('camera.manage') ? (
            <Space>
              <Button icon={<RadarChartOutlined />} onClick={() => setDiscovering(true)} data-testid="camera-discover">{ct('disc.button')}</Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ camera: null, tab: 'general' })} data-testid="camera-add">{ct('cams.add')}</Button>
            </Space>
          ) : null
        }
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
          {
            title: ct('cams.masks'),
            render: (_, c) => (
              <Space>
                <span data-testid={`camera-mask-count-${c.id}`} data-count={c.privacyMasks.length}>{ct('cams.masksCount', { n: c.privacyMasks.length })}</span>
                {c.rights.manage ? <Button size="small" type="link" onClick={() => setEditing({ camera: c, tab: 'masks' })} data-testid={`camera-masks-${c.id}`}>{ct('cams.drawMasks')}</Button> : null}
              </Space>
            ),
          },
          {
            title: '',
            render: (_, c) => (
              <Space>
                {c.rights.grant ? (
                  <Tooltip title={ct('cams.grants')}>
                    <Button size="small" icon={<TeamOutlined />} onClick={() => setGranting(c)} aria-label={ct('cams.grants')} data-testid={`camera-grants-${c.id}`} />
                  </Tooltip>
                ) : null}
                {c.rights.manage ? <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ camera: c, tab: 'general' })} aria-label={ct('cams.edit')} data-testid={`camera-edit-${c.id}`} /> : null}
              </Space>
            ),
          },
        ]}
      />
      {editing ? (
        <CameraDrawer
          // A new key per opening: the drawer's form and mask state start from the camera as it is now.
          key={`${editing.camera?.id ?? 'new'}-${editing.camera?.version ?? 0}-${editing.tab}`}
          camera={editing.camera}
          tab={editing.tab}
          prefill={editing.prefill}
          onClose={() => setEditing(null)}
          onSaved={() => { setEditing(null); list.reload(); }}
          locationLabel={(k) => pick(LOCATION_LABEL[k])}
        />
      ) : null}
      {granting ? <GrantsDrawer camera={granting} onClose={() => setGranting(null)} /> : null}
      {discovering ? (
        <DiscoveryModal
          onClose={() => setDiscovering(false)}
          onUse={(prefill) => {
            setDiscovering(false);
            setEditing({ camera: null, tab: 'general', prefill });
          }}
        />
      ) : null}
    </>
  );
}
