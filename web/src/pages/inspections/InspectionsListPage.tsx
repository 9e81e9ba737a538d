import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Select, Table, Tabs, Tag } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDate } from '../../i18n/format';
import { Link, navigate, replaceSearch, useLocation } from '../../router';
import { useSession } from '../../session';
import { CreateInspectionModal } from './CreateInspectionModal';
import { BASE, useLoad } from './data';
import { PlansPanel } from './PlansPanel';
import { type IKey, KINDS, STATE_COLORS, STATES, useIT } from './texts';
import type { InspectionPage, InspectionSummary } from './types';

// The chart library is large: loaded only when the statistics tab opens.
const StatsPanel = lazy(() => import('./StatsPanel'));

const SORTS = ['plannedFrom', '-plannedFrom', 'state', 'target'] as const;

/** Inspections (sortable, filtered by kind, state, unit and period; kept in the address bar), plans and statistics. */
export default function InspectionsListPage() {
  const it = useIT();
  const { can } = useSession();
  const { search } = useLocation();
  const [creating, setCreating] = useState(false);
  const tab = (['list', 'plans', 'stats'] as const).find((t) => t === search.get('tab')) ?? 'list';
  const sortParam = search.get('sort');
  const q = {
    kind: search.get('kind') ?? undefined,
    state: search.get('state') ?? undefined,
    unitId: search.get('unitId') ?? undefined,
    from: search.get('from') ?? undefined,
    to: search.get('to') ?? undefined,
    sort: SORTS.find((s) => s === sortParam) ?? '-plannedFrom',
    page: Math.max(1, Number(search.get('page')) || 1),
    pageSize: [20, 50, 100].includes(Number(search.get('pageSize'))) ? Number(search.get('pageSize')) : 20,
  };
  const list = useLoad<InspectionPage>(tab === 'list' ? BASE : null, q);
  const write = (patch: Record<string, string | number | undefined>) => replaceSearch({ ...q, tab: tab === 'list' ? undefined : tab, page: undefined, ...patch });
  const onSort = (s: SorterResult<InspectionSummary> | SorterResult<InspectionSummary>[]) => {
    const one = Array.isArray(s) ? s[0] : s;
    if (!one?.order) return write({ sort: undefined });
    if (one.columnKey === 'period') write({ sort: one.order === 'ascend' ? 'plannedFrom' : '-plannedFrom' });
    else if (one.columnKey === 'state') write({ sort: 'state' });
    else if (one.columnKey === 'target') write({ sort: 'target' });
  };
  const sortOrder = (key: string) => {
    if (key === 'period') return q.sort === 'plannedFrom' ? 'ascend' : q.sort === '-plannedFrom' ? 'descend' : null;
    return q.sort === key ? 'ascend' : null;
  };

  const listTab = (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <Select
            allowClear
            placeholder={it('col.kind')}
            style={{ width: 200 }}
            value={q.kind}
            onChange={(v) => write({ kind: v })}
            options={KINDS.map((k) => ({ value: k, label: it(`kind.${k}` as IKey) }))}
            data-testid="filter-kind"
          />
          <Select
            allowClear
            placeholder={it('col.state')}
            style={{ width: 200 }}
            value={q.state}
            onChange={(v) => write({ state: v })}
            options={STATES.map((s) => ({ value: s, label: it(`state.${s}` as IKey) }))}
            data-testid="filter-state"
          />
          <UnitSelect value={q.unitId} onChange={(v) => write({ unitId: v })} placeholder={it('filter.unit')} style={{ width: 280 }} testId="filter-unit" />
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            value={q.from && q.to ? [dayjs(q.from), dayjs(q.to)] : null}
            onChange={(r) => write({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          />
        </Flex>
      </Card>
      <Table<InspectionSummary>
        rowKey="id"
        size="middle"
        data-testid="inspections-table"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: it('list.empty') }}
        onChange={(_p, _f, s) => onSort(s)}
        onRow={(r) => ({ onClick: () => navigate(`/inspections/${r.id}`), style: { cursor: 'pointer' }, 'data-testid': `inspection-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          onChange: (page, pageSize) => replaceSearch({ ...q, page, pageSize }),
        }}
        columns={[
          {
            key: 'period',
            title: it('col.period'),
            sorter: true,
            sortOrder: sortOrder('period'),
            width: 190,
            render: (_, r) => <Link to={`/inspections/${r.id}`}>{`${formatDate(r.plannedFrom)} – ${formatDate(r.plannedTo)}`}</Link>,
          },
          {
            key: 'title',
            title: it('col.title'),
            render: (_, r) => (
              <span>
                {r.title} {r.member ? <Tag color="blue">{it('filter.mine')}</Tag> : null}
              </span>
            ),
          },
          { key: 'kind', title: it('col.kind'), render: (_, r) => it(`kind.${r.kind}` as IKey) },
          { key: 'target', title: it('col.target'), dataIndex: 'targetUnitName', sorter: true, sortOrder: sortOrder('target') },
          { key: 'decision', title: it('col.decision'), render: (_, r) => r.decisionNo ?? '—' },
          { key: 'findings', title: it('col.findings'), dataIndex: 'findings', width: 100, align: 'right' },
          {
            key: 'state',
            title: it('col.state'),
            sorter: true,
            sortOrder: sortOrder('state'),
            render: (_, r) => (
              <Tag color={STATE_COLORS[r.state]} data-testid="inspection-state" data-state={r.state}>
                {it(`state.${r.state}` as IKey)}
              </Tag>
            ),
          },
        ]}
      />
    </>
  );

  return (
    <div>
      <PageHeader
        title={it('list.title')}
        subtitle={it('list.subtitle')}
        extra={
          can('inspections.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="inspection-create">
              {it('list.create')}
            </Button>
          ) : null
        }
      />
      <CreateInspectionModal open={creating} onClose={() => setCreating(false)} />
      <Tabs
        activeKey={tab}
        onChange={(k) => replaceSearch({ tab: k === 'list' ? undefined : k })}
        items={[
          { key: 'list', label: it('tab.inspections'), children: listTab },
          { key: 'plans', label: it('tab.plans'), children: tab === 'plans' ? <PlansPanel /> : null },
          {
            key: 'stats',
            label: it('tab.stats'),
            children: tab === 'stats' ? (
              <Suspense fallback={null}>
                <StatsPanel />
              </Suspense>
            ) : null,
          },
        ]}
      />
    </div>
  );
}
