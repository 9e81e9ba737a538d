import { Card, Col, Empty, Flex, Row, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Link, replaceSearch, useLocation } from '../../router';
import { useVT, type VKey } from './texts';
import { trendSeries } from './trends';
import { TodayAttendancePanel } from './TodayAttendancePanel';

const CHART_KINDS = ['LATE', 'EARLY_LEAVE', 'ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED', 'OTHER'] as const;
const COLORS: Record<string, string> = { LATE: '#d48806', EARLY_LEAVE: '#1677ff', ABSENT_NO_REASON: '#cf1322', LEAVE_NOT_REPORTED: '#722ed1', OTHER: '#8c8c8c' };


export default function ViolationsDashboardPage() {
  const vt = useVT();
  const { pick } = useI18n();
  const { search } = useLocation();
  const unitId = search.get('unitId') ?? undefined;
  const { data, loading } = useApi('/api/violations/dashboard', { unitId, weeks: 26 });
  const weekly = useMemo(() => trendSeries(data?.trends.weekly ?? [], 'week', CHART_KINDS, (w) => formatDate(w).slice(0, 5)), [data]);
  const monthly = useMemo(() => trendSeries(data?.trends.monthly ?? [], 'month', CHART_KINDS, (m) => `${m.slice(5, 7)}/${m.slice(0, 4)}`), [data]);
  const kindName = (k: string) => vt(`kind.${k}` as VKey);
  // Totals on the chart containers: what the charts draw, readable by a test or an assistive tool.
  const weeklyTotal = (data?.trends.weekly ?? []).reduce((n, r) => n + r.n, 0);
  const monthlyTotal = (data?.trends.monthly ?? []).reduce((n, r) => n + r.n, 0);

  return (
    <div data-testid="violations-dashboard">
      <PageHeader
        title={vt('dash.title')}
        extra={<UnitSelect value={unitId} onChange={(v) => replaceSearch({ unitId: v ?? undefined })} placeholder={vt('list.unit')} style={{ width: 300 }} />}
      />
      <Row gutter={[16, 16]}>
        <TodayAttendancePanel unitId={unitId} />
        <Col xs={24}>
          <Card title={vt('dash.today', { date: formatDate(data?.today.date) })} loading={loading} data-testid="dash-today">
            {data && data.today.byUnit.length === 0 ? <Empty description={vt('dash.todayEmpty')} /> : null}
            <Flex vertical gap={8}>
              {data?.today.byUnit.map((u) => (
                <div key={`${u.unitId}-${u.kind}`}>
                  <strong>{u.unitName}</strong> · <Tag color={COLORS[u.kind]}>{kindName(u.kind)}: {u.count}</Tag>
                  {u.people.map((p) => (
                    <Link key={p.violationId} to={`/violations/${p.violationId}`} style={{ marginRight: 12 }}>
                      {p.name}
                      {p.minutes ? ` (${p.minutes}′)` : ''}
                    </Link>
                  ))}
                </div>
              ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={vt('dash.weekly')} loading={loading}>
            <div style={{ width: '100%', height: 280 }} data-testid="chart-weekly" data-total={weeklyTotal} data-periods={weekly.length}>
              <ResponsiveContainer>
                <LineChart data={weekly}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="period" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  {CHART_KINDS.map((k) => (
                    <Line key={k} type="monotone" dataKey={k} name={kindName(k)} stroke={COLORS[k]} dot={{ r: 2 }} />
                  ))}
                </LineChart>
              </ResponsiveContainer>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={vt('dash.monthly')} loading={loading}>
            <div style={{ width: '100%', height: 280 }} data-testid="chart-monthly" data-total={monthlyTotal} data-periods={monthly.length}>
              <ResponsiveContainer>
                <BarChart data={monthly}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="period" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  {CHART_KINDS.map((k) => (
                    <Bar key={k} dataKey={k} name={kindName(k)} stackId="a" fill={COLORS[k]} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={vt('dash.repeat')}>
            <Table
              size="small"
              rowKey="personId"
              loading={loading}
              pagination={false}
              dataSource={data?.repeatOffenders ?? []}
              locale={{ emptyText: vt('dash.none') }}
              data-testid="dash-repeat"
              columns={[
                { key: 'name', title: vt('list.person'), render: (_, r) => <Link to={`/violations?personId=${r.personId}`}>{r.name}</Link> },
                { key: 'unit', title: vt('list.unit'), dataIndex: 'unitName' },
                { key: 'n', title: vt('dash.count'), dataIndex: 'count' },
                { key: 'late', title: vt('dash.late'), dataIndex: 'late' },
                { key: 'early', title: vt('dash.early'), dataIndex: 'earlyLeave' },
                { key: 'absent', title: vt('dash.absent'), dataIndex: 'absent' },
                { key: 'last', title: vt('dash.lastOn'), render: (_, r) => formatDate(r.lastOn) },
                {
                  // The count is made of these upheld violations (not dismissed, not retracted, not awaiting justification).
                  key: 'which',
                  title: pick({ vi: 'Gồm các vi phạm', en: 'Made of' }),
                  render: (_, r) => (
                    <Flex gap={4} wrap data-testid="dash-repeat-violations">
                      {((r as { violations?: Array<{ id: string; occurredOn: string }> }).violations ?? []).map((x) => (
                        <Link key={x.id} to={`/violations/${x.id}`}>
                          {formatDate(x.occurredOn)}
                        </Link>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {pick({
                vi: 'Chỉ tính vi phạm được giữ nguyên: không tính vi phạm đã hủy, đã được miễn xử lý hoặc đang chờ hợp thức hóa.',
                en: 'Only upheld violations count: not retracted, not dismissed, not awaiting justification.',
              })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={vt('dash.overdue')}>
            <Table
              size="small"
              rowKey="violationId"
              loading={loading}
              pagination={false}
              dataSource={data?.overdueExplanations ?? []}
              locale={{ emptyText: vt('dash.none') }}
              data-testid="dash-overdue"
              columns={[
                { key: 'name', title: vt('list.person'), render: (_, r) => <Link to={`/violations/${r.violationId}`}>{r.name}</Link> },
                { key: 'unit', title: vt('list.unit'), dataIndex: 'unitName' },
                { key: 'kind', title: vt('list.kind'), render: (_, r) => kindName(r.kind) },
                { key: 'date', title: vt('list.date'), render: (_, r) => formatDate(r.occurredOn) },
                { key: 'due', title: vt('list.due'), render: (_, r) => formatDate(r.dueOn) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
