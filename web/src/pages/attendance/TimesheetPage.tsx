import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Input, Progress, Select, Space, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { api, download } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { useI18n } from '../../i18n';
import { todayInVietnam } from '../../i18n/format';
import { Link, replaceSearch, useLocation } from '../../router';
import type { PageProps } from '../../routes';
import { useMe, useSession } from '../../session';
import PersonAttendancePage from './PersonAttendancePage';
import { permissionNotes, type SessionExtras } from './day-details';
import { STATUS, useAT } from './texts';
import { useTimesheetToday } from './timesheet-today';

type Row = Schemas['TimesheetRow'];
/** What the page follows of a recompute, from the POST that starts it and from the job it polls. */
type RecomputeProgress = Pick<Schemas['RecomputeJob'], 'status' | 'done' | 'total' | 'changed'>;

const WEEKDAY_VI = ['', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];
const WEEKDAY_EN = ['', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/** Staff without attendance.read see their own month; leaders see the unit grid. */
export default function AttendanceHome(props: PageProps) {
  const { can } = useSession();
  const me = useMe();
  if (!can('attendance.read') && !can('attendance.manage') && me.personId) return <PersonAttendancePage params={{ personId: me.personId }} />;
  return <TimesheetPage {...props} />;
}

/** The month grid of a unit: one row per person, one coloured cell per day, totals, filters and XLSX export. */
function TimesheetPage(_: PageProps) {
  const t = useAT();
  const { locale } = useI18n();
  const me = useMe();
  const { can } = useSession();
  const { message } = App.useApp();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const unitId = params.get('unitId') ?? me.roles[0]?.unitId ?? '';
  const month = params.get('month') ?? todayInVietnam().slice(0, 7);
  const status = params.get('status') ?? undefined;
  const [q, setQ] = useState(params.get('q') ?? '');
  const { data, loading, reload } = useApi(unitId ? '/api/attendance/timesheet' : null, { unitId, month, status, q: params.get('q') ?? undefined });
  const today = useTimesheetToday(unitId, month, locale === 'en' ? 'en' : 'vi');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const columns = useMemo<TableProps<Row>['columns']>(() => {
    const days = data?.days ?? [];
    return [
      {
        title: t('ts.person'),
        key: 'person',
        fixed: 'left',
        width: 200,
        render: (_, r) => (
          <Link to={`/attendance/${r.personId}?month=${month}`} data-testid={`ts-person-${r.employeeCode}`}>
            <strong>{r.fullName}</strong> <Typography.Text type="secondary">{r.employeeCode}</Typography.Text>
          </Link>
        ),
      },
      ...days.map((d) => ({
        title: (
          <div
            style={{
              textAlign: 'center',
              lineHeight: 1.1,
              color: d.weekday >= 6 ? '#cf1322' : undefined,
            }}
          >
            {d.date.slice(8)}
            <br />
            <small>{(locale === 'en' ? WEEKDAY_EN : WEEKDAY_VI)[d.weekday]}</small>
          </div>
        ),
        key: d.date,
        width: 38,
        align: 'center' as const,
        onCell: (r: Row) => ({
          style: {
            background: r.cells[d.date] ? STATUS[r.cells[d.date]?.status ?? '']?.color : undefined,
            padding: 2,
          },
        }),
        render: (_: unknown, r: Row) => {
          const c = r.cells[d.date];
          if (!c) return today.cell(r, d.date);
          const s = STATUS[c.status];
          const tip = c.sessions
            .map(
              (x: (typeof c.sessions)[number] & SessionExtras) =>
                `${x.session === 'MORNING' ? (locale === 'en' ? 'AM' : 'Sáng') : x.session === 'AFTERNOON' ? (locale === 'en' ? 'PM' : 'Chiều') : ''} ${locale === 'en' ? STATUS[x.status]?.en : STATUS[x.status]?.vi}${x.lateMinutes ? ` +${x.lateMinutes}′` : ''}${x.earlyLeaveMinutes ? ` −${x.earlyLeaveMinutes}′` : ''}${permissionNotes(x, locale === 'en' ? 'en' : 'vi').map((n) => ` (${n})`).join('')}`,
            )
            .join(' · ');
          return (
            <Tooltip title={tip}>
              <span data-testid={`ts-cell-${r.employeeCode}-${d.date}`} data-status={c.status} style={{ fontWeight: 600, fontSize: 12 }}>
                {s?.short ?? c.status}
              </span>
            </Tooltip>
          );
        },
      })),
      {
        title: t('ts.totals'),
        key: 'totals',
        fixed: 'right',
        width: 150,
        // Days awaiting a decision on a request are not absences (D3): shown apart, with their grid code.
        render: (_, r) =>
          `${r.totals.present ?? 0} / ${r.totals.late ?? 0} / ${r.totals.early ?? 0} / ${r.totals.absent ?? 0} / ${r.totals.leave ?? 0}${r.totals.awaiting ? ` · ${r.totals.awaiting} ${STATUS.AWAITING_JUSTIFICATION?.short ?? ''}` : ''}`,
      },
    ];
  }, [data, locale, month, t, today]);

  const recompute = async () => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const last = dayjs(`${month}-01`).endOf('month').format('YYYY-MM-DD');
    setBusy(true);
    try {
      const started = await api.post('/api/attendance/recompute', {
        unitId,
        from: `${y}-${String(m).padStart(2, '0')}-01`,
        to: last,
      });
      let job: RecomputeProgress = started;
      // A large unit is recomputed as a background job: follow its progress instead of holding the request open.
      while (job.status === 'QUEUED' || job.status === 'RUNNING') {
        setProgress({ done: job.done, total: job.total });
        await new Promise((resolve) => setTimeout(resolve, 1000));
        job = await api.get(`/api/attendance/recompute/${started.jobId}`);
      }
      if (job.status === 'FAILED') message.error(t('ts.recomputeFailed'));
      else message.success(t('ts.recomputed', { n: job.done, changed: job.changed }));
      reload();
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <div>
      <PageHeader
        title={t('ts.title')}
        subtitle={t('ts.subtitle')}
        extra={
          <Space>
            <Link to="/attendance/calendar" data-testid="ts-calendar">
              {t('cal.title')}
            </Link>
            {can('attendance.manage') ? (
              <Button icon={<ReloadOutlined />} loading={busy} onClick={recompute} data-testid="ts-recompute">
                {t('ts.recompute')}
              </Button>
            ) : null}
            {progress ? (
              <Progress
                style={{ width: 160 }}
                size="small"
                percent={progress.total ? Math.floor((100 * progress.done) / progress.total) : 0}
                data-testid="ts-recompute-progress"
              />
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              disabled={!unitId}
              onClick={() => download('/api/attendance/timesheet.xlsx', { unitId, month }, `bang-cham-cong-${month}.xlsx`)}
              data-testid="ts-export"
            >
              {t('ts.export')}
            </Button>
          </Space>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <UnitSelect
          value={unitId || undefined}
          onChange={(v) => replaceSearch({ unitId: v ?? null })}
          style={{ minWidth: 280 }}
          testId="ts-unit"
          allowClear={false}
        />
        <DatePicker
          picker="month"
          format="MM/YYYY"
          value={dayjs(`${month}-01`)}
          allowClear={false}
          onChange={(v) => v && replaceSearch({ month: v.format('YYYY-MM') })}
          data-testid="ts-month"
        />
        <Select
          allowClear
          placeholder={t('ts.status')}
          style={{ minWidth: 220 }}
          value={status}
          onChange={(v) => replaceSearch({ status: v ?? null })}
          options={Object.entries(STATUS).map(([k, s]) => ({
            value: k,
            label: locale === 'en' ? s.en : s.vi,
          }))}
          data-testid="ts-status"
        />
        <Input.Search
          placeholder={t('ts.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => replaceSearch({ q: v || null })}
          style={{ width: 260 }}
          allowClear
        />
      </Flex>
      <Table<Row>
        rowKey="personId"
        size="small"
        bordered
        loading={loading}
        columns={columns}
        dataSource={today.withRows(data?.rows ?? [], !status && !params.get('q'))}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('ts.empty') }}
        data-testid="ts-table"
      />
      <div style={{ marginTop: 12 }} data-testid="ts-legend">
        <Typography.Text strong>{t('ts.legend')}: </Typography.Text>
        {Object.entries(STATUS)
          .filter(([, s]) => s.short)
          .map(([k, s]) => (
            <Tag key={k} color={s.color} style={{ color: '#000' }}>
              {s.short} = {locale === 'en' ? s.en : s.vi}
            </Tag>
          ))}
      </div>
    </div>
  );
}
