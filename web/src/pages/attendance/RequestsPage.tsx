import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { PersonSelect } from '../../components/PersonSelect';
import { formatDate } from '../../i18n/format';
import { replaceSearch, useLocation } from '../../router';
import type { PageProps } from '../../routes';
import { useMe, useSession } from '../../session';
import { JUSTIFICATION_TYPES, useAT } from './texts';

type Request = Schemas['LeaveRequestListItem'];

const STATE_COLOR: Record<string, string> = {
  PENDING: 'gold',
  APPROVED: 'green',
  REJECTED: 'red',
  CANCELLED: 'default',
};

function NewRequest({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useAT();
  const { can } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.post('/api/attendance/requests', {
        personId: v.personId || undefined,
        type: v.type,
        startDate: (v.from as Dayjs).format('YYYY-MM-DD'),
        startHalf: v.startHalf,
        endDate: (v.to as Dayjs).format('YYYY-MM-DD'),
        endHalf: v.endHalf,
        reason: v.reason,
        documentRef: v.documentRef || null,
      });
      message.success(t('rq.created'));
      form.resetFields();
      onDone();
    } finally {
      setBusy(false);
    }
  };
  const half = [
    { value: 'MORNING', label: t('half.MORNING') },
    { value: 'AFTERNOON', label: t('half.AFTERNOON') },
  ];
  return (
    <Modal open={open} title={t('rq.new')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('rq.submit')} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          type: 'ANNUAL_LEAVE',
          startHalf: 'MORNING',
          endHalf: 'AFTERNOON',
        }}
      >
        {can('attendance.manage') ? (
          <Form.Item name="personId" label={t('rq.person')}>
            <PersonSelect />
          </Form.Item>
        ) : null}
        <Form.Item name="type" label={t('rq.type')} rules={[{ required: true }]}>
          <Select
            options={JUSTIFICATION_TYPES.map((k) => ({
              value: k,
              label: t(`type.${k}` as never),
            }))}
            data-testid="rq-type"
          />
        </Form.Item>
        <Space>
          <Form.Item name="from" label={t('rq.from')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="startHalf" label=" ">
            <Select options={half} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="to" label={t('rq.to')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="endHalf" label=" ">
            <Select options={half} style={{ width: 110 }} />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label={t('rq.reason')} rules={[{ required: true, min: 3 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="documentRef" label={t('rq.doc')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Requests: the approver's inbox, one's own requests, and the unit's; approve, reject, cancel; new request. */
export default function RequestsPage(_: PageProps) {
  const t = useAT();
  const me = useMe();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const { search } = useLocation();
  const box = new URLSearchParams(search).get('box') ?? (can('leave.approve') ? 'inbox' : 'mine');
  const { data, loading, reload } = useApi('/api/attendance/requests', { box });
  const [creating, setCreating] = useState(false);

  const approve = async (r: Request) => {
    await api.post(`/api/attendance/requests/${r.id}/approve`, {
      version: r.version,
    });
    message.success(t('rq.approved'));
    reload();
  };
  const reject = (r: Request) => {
    let note = '';
    modal.confirm({
      title: t('rq.reject'),
      content: <Input.TextArea rows={3} placeholder={t('rq.rejectNote')} onChange={(e) => (note = e.target.value)} data-testid="rq-reject-note" />,
      onOk: async () => {
        await api.post(`/api/attendance/requests/${r.id}/reject`, {
          note,
          version: r.version,
        });
        message.success(t('rq.rejected'));
        reload();
      },
    });
  };
  const cancel = async (r: Request) => {
    await api.post(`/api/attendance/requests/${r.id}/cancel`, {
      reason: 'Hủy theo đề nghị',
    });
    message.success(t('rq.cancelled'));
    reload();
  };

  const tabs = [
    ...(can('leave.approve') ? [{ key: 'inbox', label: t('rq.inbox') }] : []),
    ...(me.personId ? [{ key: 'mine', label: t('rq.mine') }] : []),
    ...(can('attendance.read') || can('leave.approve') ? [{ key: 'unit', label: t('rq.unit') }] : []),
  ];
  return (
    <div>
      <PageHeader
        title={t('rq.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="rq-new">
            {t('rq.new')}
          </Button>
        }
      />
      <Tabs activeKey={box} items={tabs} onChange={(k) => replaceSearch({ box: k })} />
      <Table<Request>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('rq.empty') }}
        data-testid="rq-table"
        columns={[
          {
            title: t('rq.person'),
            key: 'person',
            render: (_, r) => `${r.fullName} (${r.employeeCode}) — ${r.unitName}`,
          },
          {
            title: t('rq.type'),
            dataIndex: 'type',
            render: (v: string) => t(`type.${v}` as never),
          },
          {
            title: t('rq.period'),
            key: 'period',
            render: (_, r) =>
              `${formatDate(r.startDate)} (${t(`half.${r.startHalf}` as never)}) → ${formatDate(r.endDate)} (${t(`half.${r.endHalf}` as never)})`,
          },
          { title: t('rq.days'), dataIndex: 'chargedDays', width: 80 },
          { title: t('rq.reason'), dataIndex: 'reason' },
          {
            title: t('rq.state'),
            dataIndex: 'status',
            render: (v: string) => <Tag color={STATE_COLOR[v]}>{t(`st.${v}` as never)}</Tag>,
          },
          {
            key: 'actions',
            render: (_, r) => (
              <Space>
                {box === 'inbox' && r.status === 'PENDING' ? (
                  <>
                    <Popconfirm title={t('rq.approve')} onConfirm={() => approve(r)} okButtonProps={{ 'data-testid': 'rq-approve-confirm' } as never}>
                      <Button type="primary" size="small" data-testid={`rq-approve-${r.employeeCode}`}>
                        {t('rq.approve')}
                      </Button>
                    </Popconfirm>
                    <Button danger size="small" onClick={() => reject(r)} data-testid={`rq-reject-${r.employeeCode}`}>
                      {t('rq.reject')}
                    </Button>
                  </>
                ) : null}
                {(r.status === 'PENDING' && r.personId === me.personId) || (r.status === 'APPROVED' && can('leave.approve')) ? (
                  <Popconfirm title={t('rq.cancel')} onConfirm={() => cancel(r)}>
                    <Button size="small">{t('rq.cancel')}</Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <NewRequest
        open={creating}
        onClose={() => setCreating(false)}
        onDone={() => {
          setCreating(false);
          reload();
        }}
      />
    </div>
  );
}
