import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, Select, Table, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { download } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { type MessageKey, useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Link, navigate, replaceSearch, useLocation } from '../../router';
import { useSession } from '../../session';
import { CategoryTag, STAFF_CATEGORIES, STAFF_STATUSES, StatusTag } from './staffShared';

type StaffRow = Schemas['Person'];

const SORTABLE = ['employeeCode', 'fullName', 'unitName', 'category', 'status', 'joinedOn'] as const;
type SortKey = (typeof SORTABLE)[number];

interface Filters {
  q: string;
  unitId: string | undefined;
  includeSubunits: boolean;
  category: string | undefined;
  status: string | undefined;
  sort: SortKey;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Filters live in the address bar, so a filtered list can be bookmarked, shared and survives "back". */
function readFilters(search: URLSearchParams): Filters {
  const sort = search.get('sort') as SortKey | null;
  return {
    q: search.get('q') ?? '',
    unitId: search.get('unitId') ?? undefined,
    includeSubunits: search.get('includeSubunits') === '1',
    category: search.get('category') ?? undefined,
    status: search.get('status') ?? undefined,
    sort: sort && SORTABLE.includes(sort) ? sort : 'fullName',
    order: search.get('order') === 'desc' ? 'desc' : 'asc',
    page: Math.max(1, Number(search.get('page')) || 1),
    pageSize: [10, 20, 50, 100].includes(Number(search.get('pageSize'))) ? Number(search.get('pageSize')) : 20,
  };
}

function writeFilters(f: Filters): void {
  replaceSearch({
    q: f.q.trim(),
    unitId: f.unitId,
    includeSubunits: f.includeSubunits ? '1' : null,
    category: f.category,
    status: f.status,
    sort: f.sort === 'fullName' ? null : f.sort,
    order: f.order === 'asc' ? null : f.order,
    page: f.page === 1 ? null : f.page,
    pageSize: f.pageSize === 20 ? null : f.pageSize,
  });
}

/** The query the API understands (the same filters drive the XLSX export). */
function apiQuery(f: Filters) {
  return {
    q: f.q.trim(),
    unitId: f.unitId,
    includeSubunits: f.unitId ? f.includeSubunits : undefined,
    category: f.category,
    status: f.status,
    sort: f.sort,
    order: f.order,
  };
}

export default function StaffListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { search } = useLocation();
  const filters = readFilters(search);
  const [text, setText] = useState(filters.q);
  const [exporting, setExporting] = useState(false);
  const update = (patch: Partial<Filters>) => writeFilters({ ...filters, page: 1, ...patch });

  // Search as the user types, a moment after the last key stroke.
  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => update({ q: text }), 350);
    return () => clearTimeout(timer);
  });

  const { data, loading } = useApi('/api/staff', {
    ...apiQuery(filters),
    page: filters.page,
    pageSize: filters.pageSize,
  });

  const sortOrder = (key: SortKey) =>
    filters.sort === key ? (filters.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: TableProps<StaffRow>['columns'] = [
    { key: 'employeeCode', dataIndex: 'employeeCode', title: t('staff.employeeCode'), sorter: true, sortOrder: sortOrder('employeeCode'), width: 130 },
    {
      key: 'fullName',
      dataIndex: 'fullName',
      title: t('staff.fullName'),
      sorter: true,
      sortOrder: sortOrder('fullName'),
      render: (name: string, row) => (
        <Link to={`/staff/${row.id}`} data-testid="staff-row-link">
          {name}
        </Link>
      ),
    },
    { key: 'unitName', dataIndex: 'unitName', title: t('staff.unit'), sorter: true, sortOrder: sortOrder('unitName') },
    { key: 'positionTitle', dataIndex: 'positionTitle', title: t('staff.position') },
    {
      key: 'category',
      dataIndex: 'category',
      title: t('staff.category'),
      sorter: true,
      sortOrder: sortOrder('category'),
      render: (value) => <CategoryTag value={value} />,
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('staff.status'),
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (value) => <StatusTag value={value} />,
    },
    {
      key: 'joinedOn',
      dataIndex: 'joinedOn',
      title: t('staff.joinedOn'),
      sorter: true,
      sortOrder: sortOrder('joinedOn'),
      render: (value: string | null) => formatDate(value),
      width: 120,
    },
  ];

  const onTableChange: TableProps<StaffRow>['onChange'] = (pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = (one?.order ? one.columnKey : undefined) as SortKey | undefined;
    const sortChanged = (key ?? 'fullName') !== filters.sort || (one?.order === 'descend' ? 'desc' : 'asc') !== filters.order;
    writeFilters({
      ...filters,
      sort: key ?? 'fullName',
      order: one?.order === 'descend' ? 'desc' : 'asc',
      page: sortChanged ? 1 : (pagination.current ?? 1),
      pageSize: pagination.pageSize ?? filters.pageSize,
    });
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download('/api/staff/export', apiQuery(filters), 'danh-sach-can-bo.xlsx');
    } catch {
      // The client already showed the error.
    } finally {
      setExporting(false);
    }
  };

  const options = (codes: string[], prefix: string) =>
    codes.map((code) => ({ value: code, label: t(`${prefix}.${code}` as MessageKey) }));
  const filtered = filters.q || filters.unitId || filters.category || filters.status;

  return (
    <>
      <PageHeader
        title={t('staff.title')}
        subtitle={data ? t('common.total', { total: data.total }) : undefined}
        extra={
          <>
            {can('staff.import') ? (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/staff/import')} data-testid="staff-import">
                {t('staff.import')}
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="staff-export">
              {t('staff.export')}
            </Button>
          </>
        }
      />
      <Card styles={{ body: { paddingBottom: 8 } }}>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('staff.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => update({ q: value })}
            style={{ width: 250 }}
            data-testid="staff-search"
          />
          <UnitSelect
            value={filters.unitId}
            onChange={(unitId) => update({ unitId })}
            placeholder={t('staff.allUnits')}
            style={{ width: 260 }}
            testId="staff-filter-unit"
          />
          <Checkbox
            checked={filters.includeSubunits}
            disabled={!filters.unitId}
            onChange={(e) => update({ includeSubunits: e.target.checked })}
            style={{ alignSelf: 'center' }}
          >
            {t('staff.includeSubunits')}
          </Checkbox>
          <Select
            allowClear
            placeholder={t('staff.category')}
            value={filters.category}
            onChange={(category) => update({ category })}
            options={options(STAFF_CATEGORIES, 'category')}
            style={{ width: 170 }}
            data-testid="staff-filter-category"
          />
          <Select
            allowClear
            placeholder={t('staff.status')}
            value={filters.status}
            onChange={(status) => update({ status })}
            options={options(STAFF_STATUSES, 'status')}
            style={{ width: 150 }}
            data-testid="staff-filter-status"
          />
          {filtered ? (
            <Button
              type="link"
              onClick={() => {
                setText('');
                writeFilters({ ...readFilters(new URLSearchParams()), pageSize: filters.pageSize });
              }}
            >
              {t('common.resetFilters')}
            </Button>
          ) : null}
        </Flex>
        <Table<StaffRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          onChange={onTableChange}
          locale={{ emptyText: t('staff.empty') }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
          }}
          scroll={{ x: 900 }}
          data-testid="staff-table"
        />
      </Card>
    </>
  );
}
