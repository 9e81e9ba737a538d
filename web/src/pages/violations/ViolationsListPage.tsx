import { DashboardOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Flex, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDate } from '../../i18n/format';
import { Link, navigate, replaceSearch, useLocation } from '../../router';
import { useSession } from '../../session';
import { ManualViolationModal } from './ManualViolationModal';
import { KINDS, STATE_COLORS, STATES, useVT, type VKey } from './texts';
import type { Schemas } from '../../api/contract';

type ViolationListItem = Schemas['ViolationSummary'];

export default function ViolationsListPage() {
  const vt = useVT();
  const { can } = useSession();
  const leader = can('violations.read');
  const canRecord = can('violations.decide') || can('inspections.manage');
  const [recording, setRecording] = useState(false);
  const { search } = useLocation();
  const q = {
    unitId: search.get('unitId') ?? undefined,
    // Set by the dashboard's repeat-offender links: one person's violations.
    personId: search.get('personId') ?? undefined,
    kind: search.get('kind') ?? undefined,
    state: search.get('state') ?? undefined,
    from: search.get('from') ?? undefined,
    to: search.get('to') ?? undefined,
    overdueOnly: search.get('overdueOnly') === 'true' ? 'true' : undefined,
    includeRetracted: search.get('includeRetracted') === 'true' ? 'true' : undefined,
    page: Math.max(1, Number(search.get('page')) || 1),
    pageSize: [20, 50, 100].includes(Number(search.get('pageSize'))) ? Number(search.get('pageSize')) : 20,
  };
  const { data, loading } = useApi('/api/violations', q);
  const write = (patch: Record<string, string | number | undefined>) => replaceSearch({ ...q, page: undefined, ...patch });

  return (
    <div>
      <PageHeader
        title={vt('list.title')}
        subtitle={leader ? vt('list.leader') : vt('list.mine')}
        extra={
          <>
            {canRecord ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="manual-violation">
                {vt('manual.open')}
              </Button>
            ) : null}
            {leader ? (
              <Button icon={<DashboardOutlined />} onClick={() => navigate('/violations/dashboard')} data-testid="violations-dashboard-link">
                {vt('list.dashboard')}
              </Button>
            ) : null}
            {leader ? (
              <Button icon={<SettingOutlined />} onClick={() => navigate('/violations/rules')}>
                {vt('rules.title')}
              </Button>
            ) : null}
          </>
        }
      />
      <ManualViolationModal open={recording} onClose={() => setRecording(false)} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          {q.personId ? (
            <Tag closable onClose={() => write({ personId: undefined })} data-testid="filter-person">
              {vt('list.personFilter', { name: data?.items[0]?.personName ?? '…' })}
            </Tag>
          ) : null}
          {leader ? (
            <UnitSelect value={q.unitId} onChange={(v) => write({ unitId: v ?? undefined })} placeholder={vt('list.unit')} style={{ width: 280 }} />
          ) : null}
          <Select
            allowClear
            placeholder={vt('list.kind')}
            style={{ width: 220 }}
            value={q.kind}
            onChange={(v) => write({ kind: v })}
            options={KINDS.map((k) => ({ value: k, label: vt(`kind.${k}` as VKey) }))}
            data-testid="filter-kind"
          />
          <Select
            allowClear
            placeholder={vt('list.state')}
            style={{ width: 240 }}
            value={q.state}
            onChange={(v) => write({ state: v })}
            options={STATES.map((s) => ({ value: s, label: vt(`state.${s}` as VKey) }))}
            data-testid="filter-state"
          />
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            value={q.from && q.to ? [dayjs(q.from), dayjs(q.to)] : null}
            onChange={(r) => write({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          />
          {leader ? (
            <Checkbox checked={q.overdueOnly === 'true'} onChange={(e) => write({ overdueOnly: e.target.checked ? 'true' : undefined })}>
              {vt('list.overdue')}
            </Checkbox>
          ) : null}
          <Checkbox checked={q.includeRetracted === 'true'} onChange={(e) => write({ includeRetracted: e.target.checked ? 'true' : undefined })}>
            {vt('list.retracted')}
          </Checkbox>
        </Flex>
      </Card>
      <Table<ViolationListItem>
        data-testid="violations-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: vt('list.empty') }}
        onRow={(r) => ({ onClick: () => navigate(`/violations/${r.id}`), style: { cursor: 'pointer' }, 'data-testid': `violation-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          onChange: (page, pageSize) => replaceSearch({ ...q, page, pageSize }),
        }}
        columns={[
          { key: 'date', title: vt('list.date'), render: (_, r) => <Link to={`/violations/${r.id}`}>{formatDate(r.occurredOn)}</Link>, width: 110 },
          ...(leader ? [{ key: 'person', title: vt('list.person'), render: (_: unknown, r: ViolationListItem) => <span>{r.personName} <Tag>{r.employeeCode}</Tag></span> }] : []),
          ...(leader ? [{ key: 'unit', title: vt('list.unit'), dataIndex: 'unitName' }] : []),
          {
            key: 'kind',
            title: vt('list.kind'),
            render: (_, r) => (
              <span>
                {vt(`kind.${r.kind}` as VKey)}
                {r.minutes ? ` · ${r.minutes}′` : ''}
                {r.session ? ` · ${vt(`session.${r.session}` as VKey)}` : ''}
              </span>
            ),
          },
          // 0: a fact awaiting justification, not judged (no ordinal yet).
          { key: 'ordinal', title: vt('list.ordinal'), render: (_, r) => (r.repeatOrdinal > 0 ? `${r.repeatOrdinal} (${r.repeatWindow ?? ''})` : '—'), width: 110 },
          { key: 'proposed', title: vt('list.proposed'), render: (_, r) => (r.repeatOrdinal > 0 ? vt(`action.${r.proposedAction}` as VKey) : '—') },
          {
            key: 'state',
            title: vt('list.state'),
            render: (_, r) => (
              <Tag color={STATE_COLORS[r.state]} data-testid="violation-state" data-state={r.state}>
                {vt(`state.${r.state}` as VKey)}
              </Tag>
            ),
          },
          { key: 'due', title: vt('list.due'), render: (_, r) => (r.state === 'EXPLANATION_REQUESTED' ? formatDate(r.explanationDueOn) : '') },
        ]}
      />
    </div>
  );
}
