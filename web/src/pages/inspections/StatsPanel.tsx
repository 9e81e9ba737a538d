import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Row, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { download } from '../../api/client';
import type { UrlFor } from '../../api/contract';
import { UnitSelect } from '../../components/UnitSelect';
import { useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { replaceSearch, useLocation } from '../../router';
import { BASE, useLoad } from './data';
import { useIT } from './texts';
import type { InspectionStats } from './types';

/** 'YYYY-MM' → 'MM/yyyy' (Vietnamese month order). */
const monthLabel = (m: string) => (/^\d{4}-\d{2}$/.test(m) ? `${m.slice(5)}/${m.slice(0, 4)}` : m);

/**
 * Counts by period, kind and kind of inspected unit (counted on the org tree as of a chosen date: "21 cuộc: 8 xã,
 * 13 sở/phòng"), findings by criterion and by unit, the monthly trend as a chart, and the XLSX export.
 */
export default function StatsPanel() {
  const it = useIT();
  const { pick, locale } = useI18n();
  const { search } = useLocation();
  const year = dayjs().year();
  const q = {
    from: search.get('from') ?? `${year}-01-01`,
    to: search.get('to') ?? `${year}-12-31`,
    asOf: search.get('asOf') ?? undefined,
    unitId: search.get('unitId') ?? undefined,
  };
  const stats = useLoad<InspectionStats>(`${BASE}/stats`, q);
  const write = (patch: Record<string, string | undefined>) => replaceSearch({ tab: 'stats', ...q, ...patch });
  const s = stats.data;
  const months = (s?.byMonth ?? []).map((m) => ({ ...m, label: monthLabel(m.month) }));
  return (
    <Flex vertical gap={12} data-testid="inspection-stats">
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            allowClear={false}
            value={[dayjs(q.from), dayjs(q.to)]}
            onChange={(r) => r?.[0] && r[1] && write({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })}
            aria-label={it('stats.range')}
          />
          <DatePicker
            format="DD/MM/YYYY"
            placeholder={it('stats.asOf')}
            value={q.asOf ? dayjs(q.asOf) : null}
            onChange={(d) => write({ asOf: d?.format('YYYY-MM-DD') })}
          />
          <UnitSelect value={q.unitId} onChange={(v) => write({ unitId: v })} placeholder={it('col.issuer')} style={{ width: 260 }} />
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void download(`${BASE}/stats.xlsx` as UrlFor<'get'>, q, `kiem-tra-cong-vu-${q.from}-${q.to}.xlsx`).catch(() => undefined)}
            data-testid="stats-xlsx"
          >
            {it('stats.xlsx')}
          </Button>
        </Flex>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <Card size="small" loading={stats.loading}>
            <Statistic title={it('stats.inspections')} value={s?.total ?? 0} data-testid="stats-total" />
            {s ? (
              <div style={{ marginTop: 8 }} data-testid="stats-by-target">
                {s.byTargetType.map((t) => `${t.count} ${pick(t.label)}`).join(', ')}
              </div>
            ) : null}
            {s ? (
              <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                {it('stats.asOf')} {formatDate(s.asOf)}
              </div>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card size="small" title={it('stats.byMonth')} loading={stats.loading}>
            <div style={{ width: '100%', height: 240 }}>
              <ResponsiveContainer>
                <BarChart data={months}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="inspections" name={it('stats.inspections')} fill="#1677ff" />
                  <Bar dataKey="findings" name={it('stats.findings')} fill="#fa8c16" />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Card size="small" title={it('stats.byKind')}>
            <Table rowKey="key" size="small" pagination={false} dataSource={s?.byKind ?? []} columns={[
              { key: 'l', title: it('col.kind'), render: (_, r) => pick(r.label) },
              { key: 'c', title: it('stats.count'), dataIndex: 'count', align: 'right' },
            ]} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={it('stats.byTarget')}>
            <Table rowKey="key" size="small" pagination={false} dataSource={s?.byTargetType ?? []} columns={[
              { key: 'l', title: it('col.target'), render: (_, r) => pick(r.label) },
              { key: 'c', title: it('stats.count'), dataIndex: 'count', align: 'right' },
            ]} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={it('stats.byItem')}>
        <Table rowKey="code" size="small" pagination={false} dataSource={s?.findingsByItem ?? []} scroll={{ x: 560 }} columns={[
          { key: 't', title: it('finding.item'), render: (_, r) => (locale === 'en' ? r.titleEn : r.titleVi) },
          { key: 'f', title: it('stats.failed'), dataIndex: 'failed', align: 'right' },
          { key: 'n', title: it('stats.findings'), dataIndex: 'findings', align: 'right' },
        ]} />
      </Card>
      <Card size="small" title={it('stats.byUnit')}>
        <Table rowKey="unitId" size="small" pagination={false} dataSource={s?.findingsByUnit ?? []} scroll={{ x: 560 }} columns={[
          { key: 'u', title: it('col.target'), dataIndex: 'unitName' },
          { key: 'i', title: it('stats.inspections'), dataIndex: 'inspections', align: 'right' },
          { key: 'f', title: it('stats.findings'), dataIndex: 'findings', align: 'right' },
          { key: 'v', title: it('stats.violations'), dataIndex: 'violations', align: 'right' },
        ]} />
      </Card>
    </Flex>
  );
}
