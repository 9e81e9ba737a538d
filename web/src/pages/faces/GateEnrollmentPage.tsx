import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import { Link, replaceSearch, useLocation } from '../../router';
import type { PageProps } from '../../routes';
import { useSession } from '../../session';
import { GateGroups } from './GateGroups';
import { type GKey, useGT } from './gate-texts';
import { LivenessPolicyPanel } from './LivenessPolicyPanel';

type Period = Schemas['GateEnrollmentPeriod'];

const STATE_COLOUR: Record<Period['state'], string> = { SCHEDULED: 'blue', COLLECTING: 'green', ENDED: 'default', CLOSED: 'default' };

/** Enrollment from the gate camera (periods, per-person face groups, assignment) and the liveness policy (issue 5). */
export default function GateEnrollmentPage(_: PageProps) {
  const gt = useGT();
  return (
    <>
      <PageHeader title={gt('gate.title')} subtitle={gt('gate.subtitle')} extra={<Link to="/faces">{gt('gate.back')}</Link>} />
      <Tabs
        data-testid="gate-tabs"
        items={[
          { key: 'periods', label: gt('gate.tab.periods'), children: <PeriodsTab /> },
          { key: 'liveness', label: gt('gate.tab.liveness'), children: <LivenessPolicyPanel /> },
        ]}
      />
    </>
  );
}

function PeriodsTab() {
  const gt = useGT();
  const { can } = useSession();
  const { message } = App.useApp();
  const { search } = useLocation();
  const selected = new URLSearchParams(search).get('period');
  const periods = useApi('/api/recognition/gate-enrollment/periods');
  const [opening, setOpening] = useState(false);
  // Bumped by "show groups" and "refresh": remounts the groups panel so it fetches again (passes keep arriving).
  const [tick, setTick] = useState(0);
  const current = periods.data?.items.find((p) => p.id === selected) ?? null;
  return (
    <Flex vertical gap={16}>
      {can('faces.enroll') ? (
        <div>
          <Button type="primary" onClick={() => setOpening(true)} data-testid="gate-open">
            {gt('gate.open')}
          </Button>
        </div>
      ) : null}
      <Table<Period>
        data-testid="gate-periods"
        rowKey="id"
        size="small"
        loading={periods.loading}
        dataSource={periods.data?.items ?? []}
        locale={{ emptyText: gt('gate.periods.empty') }}
        pagination={false}
        rowClassName={(p) => (p.id === selected ? 'ant-table-row-selected' : '')}
        columns={[
          { title: gt('gate.col.camera'), dataIndex: 'cameraName' },
          { title: gt('gate.col.unit'), dataIndex: 'unitName' },
          { title: gt('gate.col.dates'), render: (_, p) => `${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}` },
          { title: gt('gate.col.state'), render: (_, p) => <Tag color={STATE_COLOUR[p.state]} data-state={p.state}>{gt(`gate.state.${p.state}` as GKey)}</Tag> },
          { title: gt('gate.col.groups'), dataIndex: 'pendingGroups', align: 'right' },
          { title: gt('gate.col.results'), align: 'right', render: (_, p) => `${p.groupsAssigned} / ${p.groupsDiscarded} / ${p.groupsPurged}` },
          { title: gt('gate.col.purge'), render: (_, p) => formatDateTime(p.purgeAfter) },
          {
            key: 'actions',
            render: (_, p) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => {
                    replaceSearch({ period: p.id });
                    setTick((n) => n + 1);
                  }}
                  data-testid="gate-view"
                >
                  {gt('gate.view')}
                </Button>
                {can('faces.enroll') && p.state !== 'CLOSED' ? (
                  <Popconfirm
                    title={gt('gate.close.confirm')}
                    onConfirm={async () => {
                      await api.post(`/api/recognition/gate-enrollment/periods/${p.id}/close`);
                      message.success(gt('gate.close.done'));
                      periods.reload();
                    }}
                  >
                    <Button size="small" danger data-testid="gate-close">
                      {gt('gate.close')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {current ? (
        <Card
          title={gt('gate.groups.title', { camera: current.cameraName, from: formatDate(current.startsOn), to: formatDate(current.endsOn) })}
          data-testid="gate-groups-card"
          extra={
            <Button
              size="small"
              onClick={() => {
                setTick((n) => n + 1);
                periods.reload();
              }}
              data-testid="gate-refresh"
            >
              {gt('gate.refresh')}
            </Button>
          }
        >
          <GateGroups key={`${current.id}:${tick}`} periodId={current.id} onChange={periods.reload} />
        </Card>
      ) : null}
      <OpenPeriodModal
        open={opening}
        onClose={(id) => {
          setOpening(false);
          if (id) {
            periods.reload();
            replaceSearch({ period: id });
          }
        }}
      />
    </Flex>
  );
}

interface OpenValues {
  cameraId: string;
  dates: [Dayjs, Dayjs];
  retentionDays: number;
  note?: string;
}

function OpenPeriodModal({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const gt = useGT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OpenValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const cameras = useApi(open ? '/api/recognition/gate-enrollment/cameras' : null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const p = await api.post(
        '/api/recognition/gate-enrollment/periods',
        { cameraId: v.cameraId, startsOn: v.dates[0].format('YYYY-MM-DD'), endsOn: v.dates[1].format('YYYY-MM-DD'), retentionDays: v.retentionDays, note: v.note || undefined },
        { quiet: true },
      );
      message.success(gt('gate.open.done'));
      onClose(p.id);
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={gt('gate.open.title')} onCancel={() => onClose()} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden width={600}>
      <Form form={form} layout="vertical" initialValues={{ retentionDays: 14, dates: [dayjs(), dayjs().add(13, 'day')] }} data-testid="gate-open-form">
        <Form.Item name="cameraId" label={gt('gate.open.camera')} rules={[{ required: true }]} extra={cameras.data?.items.length === 0 ? gt('gate.noCameras') : undefined}>
          <Select
            data-testid="gate-open-camera"
            loading={cameras.loading}
            options={(cameras.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} — ${c.unitName}` }))}
          />
        </Form.Item>
        <Form.Item name="dates" label={gt('gate.open.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="retentionDays" label={gt('gate.open.retention')} rules={[{ required: true }]}>
          <InputNumber min={1} max={90} />
        </Form.Item>
        <Form.Item name="note" label={gt('gate.open.note')}>
          <Input maxLength={500} />
        </Form.Item>
        <Typography.Paragraph type="secondary">{gt('gate.open.privacy')}</Typography.Paragraph>
        {error ? (
          <Typography.Text type="danger" data-testid="gate-open-error" data-code={error.code}>
            {error.text(locale)}
          </Typography.Text>
        ) : null}
      </Form>
    </Modal>
  );
}
