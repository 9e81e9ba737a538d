import { Collapse, List, Tag, Typography } from 'antd';
import { ATTENDANCE_STATUS_LABELS, pickLabel } from '../../../../src/platform/glossary';
import { useI18n } from '../../i18n';
import { formatTime } from '../../i18n/format';
import { useIT } from './texts';
import type { AttendanceAtVisit } from './types';

/** Beside "Giờ giấc làm việc": who had punched in by the visit time (attendance's facts of the inspected day). */
export function AttendanceAtVisitCard({ facts }: { facts: AttendanceAtVisit }) {
  const it = useIT();
  const { locale } = useI18n();
  const missing = facts.persons.filter((p) => !p.punchedInByVisit);
  return (
    <Collapse
      size="small"
      data-testid="attendance-at-visit"
      items={[
        {
          key: 'att',
          label: (
            <span>
              {it('att.title')}:{' '}
              <Typography.Text strong data-testid="attendance-at-visit-summary">
                {it('att.summary', { present: facts.present, total: facts.total, at: formatTime(facts.at) })}
              </Typography.Text>
            </span>
          ),
          children: (
            <List
              size="small"
              dataSource={[...missing, ...facts.persons.filter((p) => p.punchedInByVisit)]}
              renderItem={(p) => (
                <List.Item>
                  <span>
                    {p.name} <Tag>{p.employeeCode}</Tag>
                  </span>
                  {p.arrivedAt ? (
                    <Tag color={p.punchedInByVisit ? 'green' : 'gold'}>
                      {it('att.arrived')} {formatTime(p.arrivedAt)}
                    </Tag>
                  ) : (
                    <Tag color="red">{p.status ? pickLabel(ATTENDANCE_STATUS_LABELS, p.status, locale) : it('att.none')}</Tag>
                  )}
                </List.Item>
              )}
            />
          ),
        },
      ]}
    />
  );
}
