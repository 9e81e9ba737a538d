import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Dropdown, Form, Input, Modal, Popconfirm, Segmented, Select, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { PersonSelect } from '../../components/PersonSelect';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import { replaceSearch, useLocation } from '../../router';
import type { PageProps } from '../../routes';
import { useMe, useSession } from '../../session';
import { CorrectionForm } from './CorrectionForm';
import { CorrectionsTable, STATE_COLOR } from './CorrectionsTable';
import { PermissionForm } from './PermissionForm';
import { JUSTIFICATION_TYPES, useAT } from './texts';

/** The list item with the fields the server added for issue 13 (optional until the API types are regenerated). */
type Request = Schemas['LeaveRequestListItem'] & {
  window?: { from: string; to: string } | null;
  canDecide?: boolean;
  decisionBlock?: { code: string; message_vi: string; message_en: string } | null;
};
type Kind = 'leave' | 'permission' | 'correction';
const STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'] as const;

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

/** Requests: leave and trips, late-arrival / early-leave permissions, punch corrections; inbox, mine, unit. */
export default function RequestsPage(_: PageProps) {
  const t = useAT();
  const me = useMe();
  const { can } = useSession();
  const { locale } = useI18n();
  const { message, modal } = App.useApp();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const box = params.get('box') ?? (can('leave.approve') || can('attendance.manage') ? 'inbox' : 'mine');
  const kind = (params.get('kind') as Kind | null) ?? 'leave';
  const { data, loading, reload } = useApi('/api/attendance/requests', kind === 'correction' ? { box } : { box, kind });
  const [creating, setCreating] = useState<Kind | null>(null);
  const [query, setQuery] = useState('');
  const [corrReload, setCorrReload] = useState(0);

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
  // Until every server answers canDecide, an inbox item that is pending may be decided (the server still checks).
  const mayDecide = (r: Request) => (r.canDecide !== undefined ? r.canDecide : box === 'inbox' && r.status === 'PENDING');

  const tabs = [
    ...(can('leave.approve') || can('attendance.manage') ? [{ key: 'inbox', label: t('rq.inbox') }] : []),
    ...(me.personId ? [{ key: 'mine', label: t('rq.mine') }] : []),
    ...(can('attendance.read') || can('leave.approve') ? [{ key: 'unit', label: t('rq.unit') }] : []),
  ];
  const q = query.trim().toLowerCase();
  const items = ((data?.items ?? []) as Request[]).filter((r) => !q || r.fullName.toLowerCase().includes(q) || r.employeeCode.toLowerCase().includes(q));
  const period = (r: Request) =>
    r.window
      ? `${formatDate(r.startDate)} ${r.window.from}–${r.window.to}`
      : `${formatDate(r.startDate)} (${t(`half.${r.startHalf}` as never)}) → ${formatDate(r.endDate)} (${t(`half.${r.endHalf}` as never)})`;
  const done = () => {
    setCreating(null);
    reload();
    setCorrReload((n) => n + 1);
  };
  return (
    <div>
      <PageHeader
        title={t('rq.title')}
        extra={
          <Dropdown
            menu={{
              items: [
                { key: 'leave', label: t('rq.newLeave'), onClick: () => setCreating('leave') },
                { key: 'permission', label: t('rq.newPermission'), onClick: () => setCreating('permission') },
                { key: 'correction', label: t('rq.newCorrection'), onClick: () => setCreating('correction') },
              ],
            }}
          >
            <Button type="primary" icon={<PlusOutlined />} data-testid="rq-new">
              {t('rq.new')} <DownOutlined />
            </Button>
          </Dropdown>
        }
      />
      <Tabs activeKey={box} items={tabs} onChange={(k) => replaceSearch({ box: k, kind })} />
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<Kind>
          value={kind}
          onChange={(k) => replaceSearch({ box, kind: k })}
          options={[
            { value: 'leave', label: t('rq.kindLeave') },
            { value: 'permission', label: t('rq.kindPermission') },
            { value: 'correction', label: t('rq.kindCorrection') },
          ]}
          data-testid="rq-kind"
        />
        <Input.Search allowClear placeholder={t('rq.search')} onChange={(e) => setQuery(e.target.value)} style={{ width: 280 }} />
      </Space>
      {kind === 'correction' ? (
        <CorrectionsTable box={box} search={query} reloadKey={corrReload} />
      ) : (
        <Table<Request>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={items}
          locale={{ emptyText: t('rq.empty') }}
          data-testid="rq-table"
          columns={[
            {
              title: t('rq.person'),
              key: 'person',
              sorter: (a, b) => a.fullName.localeCompare(b.fullName, 'vi'),
              render: (_, r) => `${r.fullName} (${r.employeeCode}) — ${r.unitName}`,
            },
            {
              title: t('rq.type'),
              dataIndex: 'type',
              filters: [...new Set(items.map((r) => r.type))].map((v) => ({ text: t(`type.${v}` as never), value: v })),
              onFilter: (v, r) => r.type === v,
              render: (v: string) => t(`type.${v}` as never),
            },
            { title: t('rq.period'), key: 'period', sorter: (a, b) => a.startDate.localeCompare(b.startDate), render: (_, r) => period(r) },
            ...(kind === 'leave' ? [{ title: t('rq.days'), dataIndex: 'chargedDays', width: 80, sorter: (a: Request, b: Request) => a.chargedDays - b.chargedDays }] : []),
            { title: t('rq.reason'), dataIndex: 'reason' },
            {
              title: t('rq.state'),
              dataIndex: 'status',
              filters: STATUSES.map((s) => ({ text: t(`st.${s}` as never), value: s })),
              onFilter: (v, r) => r.status === v,
              render: (v: string, r) => (
                <Tooltip title={r.decisionNote ? `${t('rq.decisionNote')}: ${r.decisionNote}` : undefined}>
                  <Tag color={STATE_COLOR[v]}>{t(`st.${v}` as never)}</Tag>
                </Tooltip>
              ),
            },
            {
              title: t('rq.requestedAt'),
              dataIndex: 'requestedAt',
              defaultSortOrder: 'descend',
              sorter: (a, b) => String(a.requestedAt).localeCompare(String(b.requestedAt)),
              render: (v: string) => formatDateTime(v),
            },
            {
              key: 'actions',
              render: (_, r) => (
                <Space>
                  {mayDecide(r) ? (
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
                  {r.status === 'PENDING' && r.personId !== me.personId && r.decisionBlock?.code.startsWith('COMPETENCE_') ? (
                    <Tooltip title={locale === 'en' ? r.decisionBlock.message_en : r.decisionBlock.message_vi}>
                      <Tag data-testid={`rq-competence-${r.employeeCode}`}>{locale === 'en' ? 'Not yours to decide' : 'Không thuộc thẩm quyền duyệt'}</Tag>
                    </Tooltip>
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
      )}
      <NewRequest open={creating === 'leave'} onClose={() => setCreating(null)} onDone={done} />
      <PermissionForm open={creating === 'permission'} onClose={() => setCreating(null)} onDone={done} />
      <CorrectionForm open={creating === 'correction'} onClose={() => setCreating(null)} onDone={done} />
    </div>
  );
}
