import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../i18n/format';
import { replaceSearch, useLocation } from '../../router';
import type { PageProps } from '../../routes';
import { useSession } from '../../session';
import { useAT } from './texts';

type CalDay = Schemas['CalendarDay'];
type Proposal = Schemas['HolidayProposal'];
type Schedule = Schemas['WorkSchedule'];

const KINDS = ['HOLIDAY', 'COMPENSATORY', 'SWAPPED_OFF', 'MAKEUP_WORKDAY'] as const;
const KIND_COLOR: Record<string, string> = {
  HOLIDAY: 'purple',
  COMPENSATORY: 'blue',
  SWAPPED_OFF: 'cyan',
  MAKEUP_WORKDAY: 'orange',
};
const WD = ['', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];

/** Calendar administration: the year's holidays / nghỉ bù / làm bù (with lunar proposals), and working hours. */
export default function CalendarAdminPage(_: PageProps) {
  const t = useAT();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const { search } = useLocation();
  const year = Number(new URLSearchParams(search).get('year') ?? dayjs().year());
  const days = useApi('/api/calendar/days', { year });
  const proposals = useApi('/api/calendar/proposals', { year });
  const schedules = useApi('/api/calendar/schedules');
  const [adding, setAdding] = useState<Partial<Proposal> | null>(null);
  const [form] = Form.useForm();
  const manage = can('calendar.manage');

  const save = async () => {
    const v = await form.validateFields();
    await api.post('/api/calendar/days', {
      date: (v.date as Dayjs).format('YYYY-MM-DD'),
      kind: v.kind,
      name: v.name,
      legalBasis: v.legalBasis,
    });
    message.success(t('cal.added'));
    setAdding(null);
    days.reload();
  };
  const remove = (d: CalDay) => {
    let reason = '';
    modal.confirm({
      title: `${t('cal.delete')} ${formatDate(d.date)}`,
      content: <Input placeholder={t('cal.deleteReason')} onChange={(e) => (reason = e.target.value)} />,
      onOk: async () => {
        await api.del(`/api/calendar/days/${d.id}`, { body: { reason } });
        days.reload();
      },
    });
  };
  const kindTag = (k: string) => <Tag color={KIND_COLOR[k]}>{t(`kind.${k}` as never)}</Tag>;

  return (
    <div>
      <PageHeader
        title={t('cal.title')}
        extra={
          <Space>
            <span>{t('cal.year')}</span>
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && replaceSearch({ year: v })} data-testid="cal-year" />
          </Space>
        }
      />
      <Card
        title={t('cal.days')}
        size="small"
        style={{ marginBottom: 16 }}
        extra={
          manage ? (
            <Button
              icon={<PlusOutlined />}
              onClick={() => {
                form.resetFields();
                setAdding({});
              }}
              data-testid="cal-add"
            >
              {t('cal.add')}
            </Button>
          ) : null
        }
      >
        <Table<CalDay>
          rowKey="id"
          size="small"
          loading={days.loading}
          pagination={false}
          dataSource={days.data?.items ?? []}
          data-testid="cal-days"
          columns={[
            {
              title: t('cal.date'),
              dataIndex: 'date',
              width: 130,
              render: (d: string) => `${formatDate(d)} (${WD[dayjs(d).day() === 0 ? 7 : dayjs(d).day()]})`,
            },
            {
              title: t('cal.kind'),
              dataIndex: 'kind',
              width: 170,
              render: kindTag,
            },
            { title: t('cal.name'), dataIndex: 'name' },
            {
              title: t('cal.scope'),
              dataIndex: 'unitId',
              width: 110,
              render: (u: string | null) => (u ? '…' : t('cal.national')),
            },
            { title: t('cal.basis'), dataIndex: 'legalBasis' },
            ...(manage
              ? [
                  {
                    key: 'x',
                    width: 80,
                    render: (_: unknown, d: CalDay) => (
                      <Button size="small" danger onClick={() => remove(d)}>
                        {t('cal.delete')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={t('cal.proposals')} size="small" style={{ marginBottom: 16 }}>
        <Table
          rowKey="date"
          size="small"
          pagination={false}
          dataSource={(proposals.data?.items ?? []).filter((p) => !(days.data?.items ?? []).some((d) => d.date === p.date))}
          data-testid="cal-proposals"
          columns={[
            {
              title: t('cal.date'),
              dataIndex: 'date',
              width: 130,
              render: (d: string) => formatDate(d),
            },
            {
              title: t('cal.kind'),
              dataIndex: 'kind',
              width: 170,
              render: kindTag,
            },
            { title: t('cal.name'), dataIndex: 'name' },
            {
              title: '',
              dataIndex: 'basis',
              width: 190,
              render: (b: string) => <Tag>{b}</Tag>,
            },
            ...(manage
              ? [
                  {
                    key: 'use',
                    width: 150,
                    render: (_: unknown, p: Proposal) => (
                      <Button
                        size="small"
                        onClick={() => {
                          form.setFieldsValue({
                            date: dayjs(p.date),
                            kind: p.kind,
                            name: p.name,
                            legalBasis: p.legalBasis,
                          });
                          setAdding(p);
                        }}
                      >
                        {t('cal.use')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={t('cal.schedules')} size="small">
        <Table<Schedule>
          rowKey="id"
          size="small"
          pagination={false}
          loading={schedules.loading}
          dataSource={schedules.data?.items ?? []}
          data-testid="cal-schedules"
          columns={[
            { title: t('cal.name'), dataIndex: 'name' },
            {
              title: t('cal.valid'),
              key: 'valid',
              render: (_, s) => `${formatDate(s.validFrom)} → ${s.validTo ? formatDate(s.validTo) : '…'}`,
            },
            {
              title: t('cal.weekdays'),
              dataIndex: 'weekdays',
              render: (w: number[]) => w.map((d) => WD[d]).join(', '),
            },
            {
              title: `${t('cal.period')} · ${t('cal.morning')} · ${t('cal.afternoon')}`,
              key: 'periods',
              render: (_, s) =>
                s.periods.map((p) => (
                  <div key={p.startsOn}>
                    {p.startsOn.split('-').reverse().join('/')}: {p.morning ? `${p.morning.start}–${p.morning.end}` : '—'} ·{' '}
                    {p.afternoon ? `${p.afternoon.start}–${p.afternoon.end}` : '—'}
                  </div>
                )),
            },
            {
              title: t('cal.doc'),
              key: 'doc',
              render: (_, s) => (s.docNumber ? `${s.docNumber}${s.docDate ? `, ${formatDate(s.docDate)}` : ''}` : '—'),
            },
          ]}
        />
      </Card>
      <Modal open={adding !== null} title={t('cal.add')} onCancel={() => setAdding(null)} onOk={save} okText={t('common.save')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ kind: 'HOLIDAY' }}>
          <Form.Item name="date" label={t('cal.date')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="kind" label={t('cal.kind')} rules={[{ required: true }]}>
            <Select
              options={KINDS.map((k) => ({
                value: k,
                label: t(`kind.${k}` as never),
              }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('cal.name')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('cal.basis')} rules={[{ required: true, min: 3 }]}>
            <Input placeholder="Thông báo …/TB-BNV ngày …" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
