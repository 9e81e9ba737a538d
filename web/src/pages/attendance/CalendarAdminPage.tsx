import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, request } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../i18n/format';
import { replaceSearch, useLocation } from '../../router';
import type { PageProps } from '../../routes';
import { useSession } from '../../session';
import { UnitSelect } from '../../components/UnitSelect';
import { type CalDay, type Proposal, useCalendarGet } from './calendarApi';
import { CalendarReadinessAlert } from './CalendarReadinessAlert';
import { useAT } from './texts';

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
  const [changes, setChanges] = useState(0);
  const days = useCalendarGet<{ items: CalDay[] }>('/api/calendar/days', { year }, changes);
  const proposals = useCalendarGet<{ items: Proposal[] }>('/api/calendar/proposals', { year });
  const schedules = useApi('/api/calendar/schedules');
  const [adding, setAdding] = useState<Partial<Proposal> | null>(null);
  const [confirming, setConfirming] = useState<CalDay | null>(null);
  const [form] = Form.useForm();
  const [confirmForm] = Form.useForm();
  const manage = can('calendar.manage');
  const changed = () => setChanges((n) => n + 1);

  const save = async () => {
    const v = await form.validateFields();
    await api.post('/api/calendar/days', {
      date: (v.date as Dayjs).format('YYYY-MM-DD'),
      kind: v.kind,
      name: v.name,
      legalBasis: v.legalBasis,
      unitId: v.unitId ?? null,
    });
    message.success(t('cal.added'));
    setAdding(null);
    changed();
  };
  // A proposed day becomes confirmed only with the notice's number and date (the server refuses it without).
  const confirm = async () => {
    const v = await confirmForm.validateFields();
    if (!confirming?.id) return;
    await request('POST', `/api/calendar/days/${confirming.id}/confirm`, { body: { legalBasis: v.legalBasis, name: v.name || null } });
    message.success(t('cal.confirmed'));
    setConfirming(null);
    changed();
  };
  const remove = (d: CalDay) => {
    let reason = '';
    modal.confirm({
      title: `${t('cal.delete')} ${formatDate(d.date)}`,
      content: <Input placeholder={t('cal.deleteReason')} onChange={(e) => (reason = e.target.value)} />,
      onOk: async () => {
        await api.del(`/api/calendar/days/${d.id}`, { body: { reason } });
        changed();
      },
    });
  };
  // Only a date the law fixes comes with its basis; a guess never gets "Điều 112" pre-filled (D9).
  const fillFromProposal = (p: Omit<Proposal, 'basis'> & { basis: Proposal['basis'] }) => {
    form.resetFields();
    form.setFieldsValue({
      date: dayjs(p.date),
      kind: p.kind,
      name: p.name.replace(/, dự kiến\)/, ')').replace(/ \(dự kiến\)$/, ''),
      legalBasis: p.status === 'CONFIRMED' && p.basis !== 'PM_CHOICE_GUESS' ? (p.legalBasis ?? undefined) : undefined,
      unitId: p.unitId ?? undefined,
    });
    setAdding(p);
  };
  const kindTag = (k: string) => <Tag color={KIND_COLOR[k]}>{t(`kind.${k}` as never)}</Tag>;
  // Every place a day shows says whether it is confirmed; a proposed one is flagged in colour.
  const statusTag = (d: { status: string; note?: string | null; source?: string }) => (
    <Space size={4} wrap>
      <Tooltip title={d.note ?? undefined}>
        <Tag color={d.status === 'PROPOSED' ? 'gold' : 'green'} data-testid={`cal-status-${d.status}`}>
          {t(`dayStatus.${d.status}` as never)}
        </Tag>
      </Tooltip>
      {d.source === 'RULE' ? (
        <Tooltip title={t('cal.ruleHint')}>
          <Tag>{t('source.RULE')}</Tag>
        </Tooltip>
      ) : null}
    </Space>
  );

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
      <CalendarReadinessAlert year={year} onShowYear={(y) => replaceSearch({ year: y })} reloadKey={changes} />
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
          rowKey={(d) => d.id ?? `rule-${d.date}`}
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
              render: (u: string | null) => (u ? t('cal.unitScoped') : t('cal.national')),
            },
            { title: t('cal.status'), key: 'status', width: 230, render: (_: unknown, d: CalDay) => statusTag(d) },
            { title: t('cal.basis'), dataIndex: 'legalBasis', render: (b: string | null, d: CalDay) => b ?? (d.status === 'PROPOSED' ? '—' : '') },
            ...(manage
              ? [
                  {
                    key: 'x',
                    width: 170,
                    render: (_: unknown, d: CalDay) =>
                      !d.id && d.status === 'PROPOSED' ? (
                        // An automatic guess (a year with no shipped schedule): entering it from the notice stores it.
                        <Button size="small" type="primary" data-testid={`cal-confirm-${d.date}`} onClick={() => fillFromProposal({ ...d, basis: 'PM_CHOICE_GUESS' })}>
                          {t('cal.confirm')}
                        </Button>
                      ) : d.id ? (
                        <Space size={4}>
                          {d.status === 'PROPOSED' ? (
                            <Button
                              size="small"
                              type="primary"
                              data-testid={`cal-confirm-${d.date}`}
                              onClick={() => {
                                confirmForm.resetFields();
                                setConfirming(d);
                              }}
                            >
                              {t('cal.confirm')}
                            </Button>
                          ) : null}
                          <Button size="small" danger onClick={() => remove(d)}>
                            {t('cal.delete')}
                          </Button>
                        </Space>
                      ) : null,
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
          // Dates not entered yet (the automatic ones included), to compare with the notice and enter from it.
          dataSource={(proposals.data?.items ?? []).filter((p) => !(days.data?.items ?? []).some((d) => d.date === p.date && d.source === 'STORED'))}
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
            { title: t('cal.status'), key: 'status', width: 150, render: (_: unknown, p: Proposal) => statusTag(p) },
            {
              title: t('cal.basis'),
              dataIndex: 'basis',
              width: 260,
              render: (b: string, p: Proposal) => (
                <Tooltip title={p.legalBasis ?? undefined}>
                  <Tag color={b === 'PM_CHOICE_GUESS' ? 'gold' : undefined}>{t(`basis.${b}` as never)}</Tag>
                </Tooltip>
              ),
            },
            ...(manage
              ? [
                  {
                    key: 'use',
                    width: 150,
                    render: (_: unknown, p: Proposal) => (
                      <Button
                        size="small"
                        onClick={() => fillFromProposal(p)}
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
          {adding?.status === 'PROPOSED' || adding?.basis === 'PM_CHOICE_GUESS' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('cal.guessNoBasis')} /> : null}
          <Form.Item name="legalBasis" label={t('cal.basis')} rules={[{ required: true, min: 3 }]}>
            <Input placeholder={t('cal.basisPlaceholder')} />
          </Form.Item>
          <Form.Item name="unitId" label={t('cal.unit')} extra={t('cal.unitHint')}>
            <UnitSelect />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={confirming !== null}
        title={confirming ? t('cal.confirmTitle', { date: formatDate(confirming.date) }) : ''}
        onCancel={() => setConfirming(null)}
        onOk={confirm}
        okText={t('cal.confirm')}
        destroyOnHidden
      >
        {confirming ? <p>{confirming.name}</p> : null}
        <Form form={confirmForm} layout="vertical">
          <Form.Item name="legalBasis" label={t('cal.confirmBasis')} rules={[{ required: true, min: 3 }]}>
            <Input placeholder={t('cal.basisPlaceholder')} data-testid="cal-confirm-basis" />
          </Form.Item>
          <Form.Item name="name" label={t('cal.confirmName')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
