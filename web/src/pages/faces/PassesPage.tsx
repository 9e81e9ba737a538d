import { Card, DatePicker, Flex, Image, Select, Table, type TableProps, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, vietnamDayAfter, vietnamDayStart } from '../../i18n/format';
import type { PageProps } from '../../routes';
import { replaceSearch, useLocation } from '../../router';
import { GateStatsPanel } from '../cameras/GateStatsPanel';
import { type PKey, usePT } from './pass-texts';

type Pass = Schemas['GatePass'];
const VERDICTS = ['AUTO', 'REVIEW', 'UNKNOWN', 'LIVENESS'] as const;
const SORTS = ['seenAt', 'score', 'latency', 'frames'] as const;
type Sort = (typeof SORTS)[number];

/** One tag per pass: punched, awaiting review (or what the reviewer decided), not recognised, possible spoof. */
export function PassVerdictTag({ pass }: { pass: Pick<Pass, 'verdict' | 'reviewReason' | 'reviewStatus'> }) {
  const pt = usePT();
  const key: PKey =
    pass.verdict === 'AUTO'
      ? 'verdict.AUTO'
      : pass.verdict === 'UNKNOWN'
        ? 'verdict.UNKNOWN'
        : pass.reviewStatus === 'CONFIRMED'
          ? 'verdict.CONFIRMED'
          : pass.reviewStatus === 'REJECTED'
            ? 'verdict.REJECTED'
            : pass.reviewReason === 'LOW_LIVENESS'
              ? 'verdict.LIVENESS'
              : 'verdict.REVIEW';
  const color = { 'verdict.AUTO': 'green', 'verdict.CONFIRMED': 'cyan', 'verdict.REVIEW': 'gold', 'verdict.LIVENESS': 'volcano', 'verdict.REJECTED': 'default', 'verdict.UNKNOWN': 'default' }[
    key as string
  ];
  return (
    <Tag color={color} data-testid="pass-verdict" data-verdict={key.slice('verdict.'.length)}>
      {pt(key)}
    </Tag>
  );
}

/**
 * "Lượt qua cổng" (issue 14): every gate pass of the cameras the reviewer covers, filterable by camera, outcome,
 * mask and date (kept in the address so a filtered view can be shared), sortable by time, similarity, frames and
 * decision time; each snapshot loads only when its row is shown, through the audited snapshot route. The gate
 * statistics of the same cameras head the page.
 */
export default function PassesPage(_: PageProps) {
  const pt = usePT();
  const { search } = useLocation();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const pageSize = [20, 50, 100].includes(Number(search.get('pageSize'))) ? Number(search.get('pageSize')) : 20;
  const cameraId = search.get('cameraId') ?? undefined;
  const verdict = VERDICTS.find((v) => v === search.get('verdict'));
  const masked = search.get('masked') === 'true' || search.get('masked') === 'false' ? (search.get('masked') as 'true' | 'false') : undefined;
  const from = search.get('from') ?? undefined;
  const to = search.get('to') ?? undefined;
  const sort: Sort = SORTS.find((s) => s === search.get('sort')) ?? 'seenAt';
  const order = search.get('order') === 'asc' ? 'asc' : 'desc';
  const current = { cameraId, verdict, masked, from, to, sort: sort === 'seenAt' ? undefined : sort, order: order === 'desc' ? undefined : order };
  const write = (patch: Record<string, string | number | undefined>) =>
    replaceSearch({ ...current, pageSize: pageSize === 20 ? undefined : pageSize, page: undefined, ...patch });

  const cameras = useApi('/api/recognition/gate-stats', { hours: 24 }, { quiet: true });
  const { data, loading } = useApi('/api/recognition/passes', {
    cameraId,
    verdict,
    masked,
    from: from ? vietnamDayStart(from) : undefined,
    to: to ? vietnamDayAfter(to) : undefined,
    sort,
    order,
    page,
    pageSize,
  });

  const sortOrder = (key: Sort): SortOrder => (sort === key ? (order === 'asc' ? 'ascend' : 'descend') : null);
  const columns: TableProps<Pass>['columns'] = [
    { key: 'seenAt', title: pt('passes.time'), dataIndex: 'seenAt', width: 170, sorter: true, sortOrder: sortOrder('seenAt'), render: (v: string) => formatDateTime(v, true) },
    {
      key: 'snapshot',
      title: pt('passes.snapshot'),
      width: 90,
      render: (_, p) =>
        p.hasSnapshot ? (
          <Image width={64} loading="lazy" src={`/api/recognition/sightings/${p.id}/snapshot`} alt={pt('passes.snapshot')} data-testid="pass-snapshot" />
        ) : (
          <Typography.Text type="secondary">{pt('passes.noSnapshot')}</Typography.Text>
        ),
    },
    { key: 'camera', title: pt('passes.camera'), dataIndex: 'cameraName', render: (v: string | null) => v ?? '—' },
    { key: 'verdict', title: pt('passes.verdict'), render: (_, p) => <PassVerdictTag pass={p} /> },
    {
      key: 'person',
      title: pt('passes.person'),
      render: (_, p) => (p.personName ? `${p.personName}${p.employeeCode ? ` (${p.employeeCode})` : ''}` : '—'),
    },
    { key: 'score', title: pt('passes.score'), dataIndex: 'score', width: 110, sorter: true, sortOrder: sortOrder('score'), render: (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`) },
    { key: 'masked', title: pt('passes.masked'), dataIndex: 'masked', width: 130, render: (v: boolean) => (v ? <Tag color="gold">{pt('passes.maskedYes')}</Tag> : null) },
    { key: 'frames', title: pt('passes.frames'), dataIndex: 'frames', width: 100, sorter: true, sortOrder: sortOrder('frames') },
    { key: 'fragments', title: pt('passes.fragments'), dataIndex: 'fragments', width: 100, render: (v: number) => (v > 1 ? <Tag color="blue">{v}</Tag> : v) },
    {
      key: 'latency',
      title: pt('passes.latency'),
      dataIndex: 'decisionLatencyMs',
      width: 130,
      sorter: true,
      sortOrder: sortOrder('latency'),
      render: (v: number | null) => (v === null ? '—' : pt('passes.seconds', { s: (v / 1000).toFixed(1) })),
    },
    { key: 'reviewedBy', title: pt('passes.reviewedBy'), dataIndex: 'reviewedBy', render: (v: string | null) => v ?? '' },
  ];

  const onChange: TableProps<Pass>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = SORTS.find((k) => k === s?.columnKey);
      write({ sort: s?.order && key && key !== 'seenAt' ? key : undefined, order: s?.order === 'ascend' ? 'asc' : undefined });
      return;
    }
    const size = pagination.pageSize ?? 20;
    write({ page: pagination.current === 1 ? undefined : pagination.current, pageSize: size === 20 ? undefined : size });
  };

  return (
    <>
      <PageHeader title={pt('passes.title')} subtitle={pt('passes.subtitle')} />
      <GateStatsPanel />
      <Card styles={{ body: { paddingBottom: 8 } }}>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            style={{ minWidth: 240 }}
            placeholder={pt('passes.allCameras')}
            value={cameraId ?? null}
            onChange={(v: string | null) => write({ cameraId: v ?? undefined })}
            options={(cameras.data?.cameras ?? []).map((c) => ({ value: c.cameraId, label: c.cameraName }))}
            data-testid="passes-filter-camera"
          />
          <Select
            allowClear
            style={{ minWidth: 200 }}
            placeholder={pt('passes.allVerdicts')}
            value={verdict ?? null}
            onChange={(v: string | null) => write({ verdict: v ?? undefined })}
            options={VERDICTS.map((v) => ({ value: v, label: pt(`verdict.${v}`) }))}
            data-testid="passes-filter-verdict"
          />
          <Select
            allowClear
            style={{ minWidth: 160 }}
            placeholder={pt('passes.maskedAny')}
            value={masked ?? null}
            onChange={(v: string | null) => write({ masked: v ?? undefined })}
            options={[
              { value: 'true', label: pt('passes.maskedYes') },
              { value: 'false', label: pt('passes.maskedNo') },
            ]}
            data-testid="passes-filter-masked"
          />
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            placeholder={[pt('passes.from'), pt('passes.to')]}
            allowEmpty={[true, true]}
            onChange={(range) => write({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            data-testid="passes-filter-dates"
          />
        </Flex>
        <Table<Pass>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          onChange={onChange}
          onRow={(p) => ({ 'data-testid': 'pass-row', 'data-verdict': p.verdict, 'data-camera': p.cameraId }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => pt('passes.total', { total }),
          }}
          scroll={{ x: 1200 }}
          data-testid="passes-table"
        />
      </Card>
    </>
  );
}
