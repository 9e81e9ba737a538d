import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Drawer, Empty, Form, Input, List, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDateTime, formatTime } from '../../i18n/format';
import type { PageProps } from '../../routes';
import { useSession } from '../../session';
import { useCT } from './texts';

/** Incidents with the footage searched and the evidence attached (exports are attached from the evidence API). */
export default function IncidentsPage(_props: PageProps) {
  const ct = useCT();
  const { can } = useSession();
  const list = useApi('/api/incidents');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [form] = Form.useForm<{ unitId: string; title: string; description: string }>();
  return (
    <>
      <PageHeader
        title={ct('inc.title')}
        subtitle={ct('inc.subtitle')}
        extra={can('evidence.export') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="incident-add">{ct('inc.add')}</Button> : null}
      />
      <Table<Schemas['Incident']>
        rowKey="id"
        data-testid="incidents-table"
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        locale={{ emptyText: <Empty description={ct('inc.empty')} /> }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: ct('inc.name'), dataIndex: 'title' },
          { title: ct('inc.status'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'OPEN' ? 'gold' : 'green'}>{ct(s === 'OPEN' ? 'inc.status.OPEN' : 'inc.status.CLOSED')}</Tag> },
          { title: ct('ev.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      <Modal
        open={creating}
        title={ct('inc.add')}
        onCancel={() => setCreating(false)}
        onOk={() =>
          void form.validateFields().then(async (v) => {
            await api.post('/api/incidents', v);
            setCreating(false);
            form.resetFields();
            list.reload();
          })
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item name="unitId" label={ct('inc.unit')} rules={[{ required: true }]}><UnitSelect /></Form.Item>
          <Form.Item name="title" label={ct('inc.name')} rules={[{ required: true, min: 3 }]}><Input /></Form.Item>
          <Form.Item name="description" label={ct('inc.description')} initialValue=""><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
      {openId ? <IncidentDrawer id={openId} onClose={() => { setOpenId(null); list.reload(); }} /> : null}
    </>
  );
}

function IncidentDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const ct = useCT();
  const detail = useApi(`/api/incidents/${id}`);
  const cams = useApi('/api/cameras');
  const name = (cid: string) => cams.data?.items.find((c) => c.id === cid)?.name ?? cid;
  const inc = detail.data;
  return (
    <Drawer open width={680} onClose={onClose} title={inc?.title}>
      {inc ? (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={ct('inc.description')}>{inc.description || '—'}</Descriptions.Item>
            <Descriptions.Item label={ct('inc.status')}>{ct(inc.status === 'OPEN' ? 'inc.status.OPEN' : 'inc.status.CLOSED')}</Descriptions.Item>
          </Descriptions>
          <Card size="small" title={ct('inc.footage')} style={{ marginTop: 12 }}>
            <List dataSource={inc.footage ?? []} renderItem={(f) => <List.Item>{name(f.cameraId)}: {formatDateTime(f.from)} – {formatTime(f.to)} {f.note ? `· ${f.note}` : ''}</List.Item>} />
          </Card>
          <Card size="small" title={ct('inc.evidence')} style={{ marginTop: 12 }}>
            <List dataSource={inc.evidence ?? []} renderItem={(e) => <List.Item><a href={`/api/evidence/${e.id}/file?inline=1`} target="_blank" rel="noreferrer">{e.cameraName} · {formatDateTime(e.actualFrom, true)}</a> <code>{e.sha256.slice(0, 16)}…</code></List.Item>} />
          </Card>
          {inc.status === 'OPEN' ? (
            <Button style={{ marginTop: 12 }} onClick={() => void api.patch(`/api/incidents/${id}`, { status: 'CLOSED' }).then(detail.reload)}>{ct('inc.close')}</Button>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
