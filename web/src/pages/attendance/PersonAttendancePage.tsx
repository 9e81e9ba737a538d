import { Alert, Card, DatePicker, Flex, Image, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime, formatTime, todayInVietnam } from '../../i18n/format';
import { Link, replaceSearch, useLocation } from '../../router';
import type { PageProps } from '../../routes';
import { useMe } from '../../session';
import { type DayExtras, dayOffText, permissionNotes, punchDeciderText, regulationText, type SessionExtras } from './day-details';
import { STATUS, useAT } from './texts';
import { TodayCard } from './TodayCard';

type Day = Omit<Schemas['AttendanceDay'], 'sessions'> & DayExtras & { sessions: Array<Schemas['AttendanceSession'] & SessionExtras> };
type Punch = Schemas['Punch'];

/** One person's month: every computed day with its reasons, every punch with its source and evidence, requests. */
export default function PersonAttendancePage({ params }: PageProps) {
  const t = useAT();
  const { locale } = useI18n();
  const me = useMe();
  const { search } = useLocation();
  const personId = params.personId ?? me.personId ?? '';
  const month = new URLSearchParams(search).get('month') ?? todayInVietnam().slice(0, 7);
  const { data, loading } = useApi(personId ? `/api/attendance/persons/${personId}/month` : null, { month });
  const balance = useApi(personId ? '/api/attendance/leave-balance' : null, { personId, year: Number(month.slice(0, 4)) }, { quiet: true });
  const label = (s: string | null) => (s ? ((locale === 'en' ? STATUS[s]?.en : STATUS[s]?.vi) ?? s) : '—');
  const lang = locale === 'en' ? 'en' : 'vi';
  const days = (data?.days ?? []) as Day[];
  // The regulation of the latest computed day: the thresholds the month was judged by (D7, D14).
  const regulation = [...days].reverse().find((d) => d.regulation)?.regulation ?? null;

  return (
    <div>
      <PageHeader title={t('pm.title')} subtitle={<Link to={`/attendance?month=${month}`}>{t('pm.back')}</Link>} />
      <TodayCard personId={personId} />
      <Flex gap={12} style={{ marginBottom: 12 }} align="center" wrap>
        <DatePicker
          picker="month"
          format="MM/YYYY"
          value={dayjs(`${month}-01`)}
          allowClear={false}
          onChange={(v) => v && replaceSearch({ month: v.format('YYYY-MM') })}
        />
        {balance.data ? (
          <Alert
            type="info"
            showIcon
            title={t('pm.balance', {
              year: balance.data.year,
              total: balance.data.entitlement.total,
              used: balance.data.usedDays,
              remaining: balance.data.remainingDays,
              pending: balance.data.pendingDays,
            })}
          />
        ) : null}
      </Flex>
      {regulation ? (
        <Alert
          style={{ marginBottom: 12 }}
          type={regulation.source === 'SYSTEM_DEFAULT' ? 'warning' : 'info'}
          showIcon
          title={regulationText(regulation, lang)}
          data-testid="pm-regulation"
          data-source={regulation.source}
        />
      ) : null}
      <Card title={t('pm.days')} size="small" style={{ marginBottom: 16 }}>
        <Table<Day>
          rowKey="date"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={days.filter((d) => d.status !== null)}
          data-testid="pm-days"
          columns={[
            {
              title: t('pm.date'),
              dataIndex: 'date',
              width: 110,
              render: (d: string) => formatDate(d),
            },
            {
              title: t('pm.status'),
              dataIndex: 'status',
              width: 170,
              render: (s: string, d) => (
                <>
                  <Tag color={STATUS[s]?.color} style={{ color: '#000' }} data-testid="pm-day-status" data-status={s}>
                    {label(s)}
                  </Tag>
                  {d.dayOff ? (
                    <div>
                      <Typography.Text type="secondary" data-testid="pm-day-off" data-kind={d.dayOff.kind}>
                        {dayOffText(d.dayOff, lang)}
                      </Typography.Text>
                    </div>
                  ) : null}
                </>
              ),
            },
            {
              title: t('pm.sessions'),
              key: 'sessions',
              render: (_, d) =>
                d.sessions
                  .filter((s) => s.session !== 'FULL')
                  .map((s) => (
                    <div key={s.session}>
                      <Typography.Text strong>{s.session === 'MORNING' ? (locale === 'en' ? 'AM' : 'Sáng') : locale === 'en' ? 'PM' : 'Chiều'}</Typography.Text>{' '}
                      {formatTime(s.checkIn) || '—'} → {formatTime(s.checkOut) || '—'} · {label(s.status)}
                      {s.lateMinutes ? ` (+${s.lateMinutes}′)` : ''}
                      {s.earlyLeaveMinutes ? ` (−${s.earlyLeaveMinutes}′)` : ''}
                      {permissionNotes(s, lang).map((n) => (
                        <Tag key={n} color="blue" style={{ marginLeft: 6 }} data-testid="pm-permission">
                          {n}
                        </Tag>
                      ))}
                    </div>
                  )),
            },
            {
              title: t('pm.explain'),
              key: 'explain',
              render: (_, d) => d.explanations.map((e, i) => <div key={`${e.code}${i}`}>{locale === 'en' ? e.en : e.vi}</div>),
            },
            { title: t('pm.revision'), dataIndex: 'revision', width: 80 },
          ]}
        />
      </Card>
      <Card title={t('pm.punches')} size="small" style={{ marginBottom: 16 }}>
        <Table<Punch>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          dataSource={data?.punches ?? []}
          data-testid="pm-punches"
          columns={[
            {
              title: t('pm.time'),
              dataIndex: 'at',
              render: (v: string) => formatDateTime(v, true),
            },
            {
              title: t('pm.source'),
              key: 'source',
              // Who decided the punch: a reviewer's confirmation is not shown as the machine's (issue 14).
              render: (_, p) => (
                <>
                  {`${p.source} (${p.sourceKind})`}{' '}
                  {punchDeciderText(p, lang) ? <Tag data-testid="pm-decider">{punchDeciderText(p, lang)}</Tag> : null}
                </>
              ),
            },
            {
              title: t('pm.direction'),
              dataIndex: 'direction',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('pm.kind'),
              key: 'kind',
              render: (_, p) => (
                <>
                  {p.kind === 'MANUAL' ? (
                    <Tag color="orange">
                      {t('pm.manual')}: {p.manualReason}
                    </Tag>
                  ) : null}
                  {p.annulled ? (
                    <Tag color="red">
                      {t('pm.annulled')}: {p.annulled.reason}
                    </Tag>
                  ) : null}
                </>
              ),
            },
            {
              title: t('pm.received'),
              dataIndex: 'receivedAt',
              render: (v: string) => formatDateTime(v, true),
            },
            {
              title: t('pm.evidence'),
              key: 'evidence',
              render: (_, p) => (p.hasEvidence ? <Image width={64} src={`/api/attendance/punches/${p.id}/evidence`} alt={t('pm.evidence')} /> : '—'),
            },
          ]}
        />
      </Card>
      <Card title={t('pm.requests')} size="small">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data?.justifications ?? []}
          columns={[
            {
              title: t('rq.type'),
              dataIndex: 'type',
              render: (v: string) => t(`type.${v}` as never),
            },
            {
              title: t('rq.period'),
              key: 'period',
              render: (_, j) =>
                `${formatDate(j.startDate)} (${t(`half.${j.startHalf}` as never)}) → ${formatDate(j.endDate)} (${t(`half.${j.endHalf}` as never)})`,
            },
            {
              title: t('rq.state'),
              dataIndex: 'status',
              render: (v: string) => t(`st.${v}` as never),
            },
            { title: t('rq.reason'), dataIndex: 'reason' },
          ]}
        />
      </Card>
    </div>
  );
}
