import { Card, Descriptions, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { formatDate, formatTime } from '../../i18n/format';
import { TODAY_COLORS, todayLabel, todayText, useLive } from './today-live';

/**
 * A person's "Hôm nay" card on their attendance page: today's provisional status (arrived at, late by, not yet
 * arrived, on leave, day off, left), refreshed every 5 s. The month table below only has closed days.
 */
export function TodayCard({ personId }: { personId: string }) {
  const { pick, locale } = useI18n();
  const lang = locale === 'en' ? 'en' : 'vi';
  const { data } = useLive(personId ? '/api/attendance/today' : null, {
    personId,
  });
  const p = data?.persons[0];
  if (!data || !p) return null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={`${pick({ vi: 'Hôm nay', en: 'Today' })} ${formatDate(data.date)}`}
      extra={
        <Typography.Text type="secondary">
          {pick({ vi: 'Tạm tính, tự cập nhật', en: 'Provisional, live' })} · {formatTime(data.asOf)}
        </Typography.Text>
      }
      data-testid="pm-today"
    >
      <Descriptions size="small" column={{ xs: 1, md: 4 }}>
        <Descriptions.Item label={pick({ vi: 'Trạng thái', en: 'Status' })}>
          <Tag color={TODAY_COLORS[p.status]} data-testid="pm-today-status" data-status={p.status}>
            {todayLabel(p.status, lang)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={pick({ vi: 'Giờ vào', en: 'Due at' })}>{formatTime(p.expectedStart) || '—'}</Descriptions.Item>
        <Descriptions.Item label={pick({ vi: 'Giờ đến', en: 'Arrived at' })}>{formatTime(p.arrivedAt) || '—'}</Descriptions.Item>
        <Descriptions.Item label={pick({ vi: 'Muộn', en: 'Late by' })}>{p.lateMinutes ? `${p.lateMinutes}′` : '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary" data-testid="pm-today-text">
        {todayText(p, lang)}
      </Typography.Text>
    </Card>
  );
}
