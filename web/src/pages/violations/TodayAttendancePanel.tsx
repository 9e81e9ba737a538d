import { Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import { TODAY_STATUS_LABELS } from '../../../../src/platform/glossary';
import type { Schemas } from '../../api/contract';
import { useI18n } from '../../i18n';
import { formatDate, formatTime } from '../../i18n/format';
import { Link } from '../../router';
import { useSession } from '../../session';
import { TODAY_COLORS, todayLabel, useLive } from '../attendance/today-live';

type Line = Schemas['DashboardTodayAttendance']['late'][number];
type Unit = Schemas['DashboardTodayAttendance']['byUnit'][number];

const EXPECTED = { vi: 'Phải có mặt', en: 'Expected' };
/** The live status each count of the summary is about (the glossary's words). */
const COUNT_STATUS = { arrived: 'ARRIVED', late: 'LATE', notYetArrived: 'NOT_YET', onLeave: 'ON_LEAVE' } as const;

/**
 * The leaders' "Hôm nay" panel: who has arrived, who is late, who is not here yet, refreshed every 5 s from the
 * punches received so far. Provisional: violations still open only after the day is closed (the card says so).
 */
export function TodayAttendancePanel({ unitId }: { unitId?: string }) {
  const { can } = useSession();
  if (!can('attendance.read') && !can('attendance.manage')) return null;
  return <Panel unitId={unitId} />;
}

/** Mounted as a row of the dashboard's grid (a full-width column). */
function Panel({ unitId }: { unitId?: string }) {
  const { pick, locale } = useI18n();
  const lang = locale === 'en' ? 'en' : 'vi';
  const { data, loading } = useLive('/api/reports/today-attendance', {
    unitId,
  });
  const s = data?.summary;
  const name = (p: Line) => (
    <Link to={`/attendance/${p.personId}`} data-testid={`today-person-${p.employeeCode}`}>
      {p.fullName}
    </Link>
  );
  return (
    <Col xs={24}>
      <Card
        title={`${pick({ vi: 'Hôm nay', en: 'Today' })} ${formatDate(data?.date)}`}
        extra={
          <Typography.Text type="secondary" data-testid="today-as-of">
            {pick({ vi: 'Cập nhật lúc', en: 'Updated at' })} {formatTime(data?.asOf)}
          </Typography.Text>
        }
        loading={loading && !data}
        data-testid="dash-today-attendance"
      >
        <Row gutter={[16, 8]} data-testid="today-counts">
          {(
            [
              ['expected', EXPECTED],
              ['arrived', TODAY_STATUS_LABELS.ARRIVED],
              ['late', TODAY_STATUS_LABELS.LATE],
              ['notYetArrived', TODAY_STATUS_LABELS.NOT_YET],
              ['onLeave', TODAY_STATUS_LABELS.ON_LEAVE],
            ] as const
          ).map(([k, label]) => (
            <Col key={k} xs={12} md={8} xl={4}>
              <Statistic title={pick(label)} value={s?.[k] ?? 0} data-testid={`today-count-${k}`} />
            </Col>
          ))}
        </Row>
        {(data?.notLive ?? []).length > 0 ? (
          // Units whose attendance starts later: their people are in no count above, and the leader should see why.
          <div style={{ marginTop: 8 }} data-testid="today-not-live">
            {(data?.notLive ?? []).map((u) => (
              <div key={u.unitId} data-testid={`today-not-live-${u.unitId}`}>
                <Typography.Text type="secondary">
                  {pick({
                    vi: `Đơn vị ${u.unitName} áp dụng chấm công từ ${formatDate(u.judgedFrom)} (${u.persons} người chưa được tính).`,
                    en: `Unit ${u.unitName} records attendance from ${formatDate(u.judgedFrom)} (${u.persons} people not counted yet).`,
                  })}
                </Typography.Text>
              </div>
            ))}
          </div>
        ) : null}
        <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
          <Col xs={24} xl={12}>
            <Typography.Title level={5}>{todayLabel('LATE', lang)}</Typography.Title>
            <Table<Line>
              size="small"
              rowKey="personId"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={data?.late ?? []}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={pick({
                      vi: 'Chưa có ai đi muộn',
                      en: 'Nobody late',
                    })}
                  />
                ),
              }}
              data-testid="today-late"
              columns={[
                {
                  key: 'name',
                  title: pick({ vi: 'Cán bộ', en: 'Person' }),
                  render: (_, p) => name(p),
                  sorter: (a, b) => a.fullName.localeCompare(b.fullName, 'vi'),
                },
                {
                  key: 'unit',
                  title: pick({ vi: 'Đơn vị', en: 'Unit' }),
                  dataIndex: 'unitName',
                  sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'vi'),
                },
                {
                  key: 'at',
                  title: pick({ vi: 'Giờ đến', en: 'Arrived at' }),
                  render: (_, p) => formatTime(p.arrivedAt),
                },
                {
                  key: 'late',
                  title: pick({ vi: 'Muộn (phút)', en: 'Late (min)' }),
                  defaultSortOrder: 'descend',
                  sorter: (a, b) => (a.lateMinutes ?? 0) - (b.lateMinutes ?? 0),
                  render: (_, p) => (
                    <Tag color={TODAY_COLORS.LATE} data-testid={`today-late-${p.employeeCode}`} data-minutes={p.lateMinutes ?? ''} data-status={p.status}>
                      {p.lateMinutes}′{p.status === 'LEFT' ? ` · ${todayLabel('LEFT', lang)}` : ''}
                    </Tag>
                  ),
                },
              ]}
            />
          </Col>
          <Col xs={24} xl={12}>
            <Typography.Title level={5}>{todayLabel('NOT_YET', lang)}</Typography.Title>
            <Table<Line>
              size="small"
              rowKey="personId"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={data?.notYet ?? []}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={pick({
                      vi: 'Mọi người đã đến',
                      en: 'Everyone is in',
                    })}
                  />
                ),
              }}
              data-testid="today-not-yet"
              columns={[
                {
                  key: 'name',
                  title: pick({ vi: 'Cán bộ', en: 'Person' }),
                  render: (_, p) => <span data-testid={`today-notyet-${p.employeeCode}`}>{name(p)}</span>,
                  sorter: (a, b) => a.fullName.localeCompare(b.fullName, 'vi'),
                },
                {
                  key: 'unit',
                  title: pick({ vi: 'Đơn vị', en: 'Unit' }),
                  dataIndex: 'unitName',
                  sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'vi'),
                },
                {
                  key: 'due',
                  title: pick({ vi: 'Giờ vào', en: 'Due at' }),
                  sorter: (a, b) => String(a.expectedStart).localeCompare(String(b.expectedStart)),
                  render: (_, p) => formatTime(p.expectedStart),
                },
              ]}
            />
          </Col>
        </Row>
        {(data?.byUnit.length ?? 0) > 1 ? (
          <Table
            style={{ marginTop: 12 }}
            size="small"
            rowKey="unitId"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={data?.byUnit ?? []}
            data-testid="today-by-unit"
            columns={[
              { key: 'unit', title: pick({ vi: 'Đơn vị', en: 'Unit' }), dataIndex: 'unitName', sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'vi') },
              ...(['expected', 'arrived', 'late', 'notYetArrived', 'onLeave'] as const).map((k) => ({
                key: k,
                title: pick(k === 'expected' ? EXPECTED : TODAY_STATUS_LABELS[COUNT_STATUS[k]]),
                sorter: (a: Unit, b: Unit) => a.summary[k] - b.summary[k],
                render: (_: unknown, u: Unit) => u.summary[k],
              })),
            ]}
          />
        ) : null}
        {data?.truncated ? (
          <Typography.Text type="warning">
            {pick({
              vi: 'Danh sách dài: chỉ hiện một phần, số liệu đầy đủ ở trên.',
              en: 'Long lists are cut; the counts above are complete.',
            })}
          </Typography.Text>
        ) : null}
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {pick({
              vi: 'Tạm tính theo các lượt chấm công đã nhận, tự cập nhật 5 giây một lần. Vi phạm chỉ được ghi nhận sau khi kết thúc ngày làm việc.',
              en: 'Provisional, from the punches received so far; refreshed every 5 seconds. Violations are recorded only after the working day is closed.',
            })}
          </Typography.Text>
        </div>
      </Card>
    </Col>
  );
}
