import { IdcardOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Card, Col, Descriptions, Empty, Flex, Result, Row, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Link } from '../../router';
import { useSession } from '../../session';
import { lastDayBefore } from '../org/orgShared';
import { CategoryTag, StatusTag, useCodeLabel } from './staffShared';

/** One person's record: the fields, where they have worked (unit history) and their sign-in account. */
export function StaffRecord({ personId }: { personId: string }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const label = useCodeLabel();
  const { data: person, loading, error } = useApi(`/api/staff/${encodeURIComponent(personId)}`, undefined, {
    quiet: true,
  });

  if (loading && !person) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (error?.status === 403)
    return (
      <Result status="403" title={<span data-testid="forbidden">{t('forbidden.title')}</span>} subTitle={error.text(locale)} />
    );
  if (error || !person)
    return <Result status={error?.status === 404 ? '404' : 'error'} title={error ? error.text(locale) : t('common.loadFailed')} />;

  const history = [...person.history].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  const fields = [
    { key: 'code', label: t('staff.employeeCode'), children: person.employeeCode },
    { key: 'name', label: t('staff.fullName'), children: person.fullName },
    { key: 'dob', label: t('staff.dateOfBirth'), children: formatDate(person.birthDate) },
    { key: 'gender', label: t('staff.gender'), children: label('gender', person.gender) },
    { key: 'unit', label: t('staff.unit'), children: person.unitName },
    { key: 'position', label: t('staff.position'), children: person.positionTitle ?? '' },
    { key: 'category', label: t('staff.category'), children: <CategoryTag value={person.category} /> },
    { key: 'status', label: t('staff.status'), children: <StatusTag value={person.status} /> },
    { key: 'joined', label: t('staff.joinedOn'), children: formatDate(person.joinedOn) },
    { key: 'left', label: t('staff.leftOn'), children: formatDate(person.leftOn) },
    { key: 'email', label: t('staff.email'), children: person.email ?? '' },
    { key: 'phone', label: t('staff.phone'), children: person.phone ?? '' },
  ];

  return (
    <div data-testid="staff-record">
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={16} align="center" wrap>
          <Avatar size={64} icon={<UserOutlined />} style={{ background: '#1c56a8' }} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="staff-record-name">
              {person.fullName}
            </Typography.Title>
            <Flex gap={8} align="center" wrap style={{ marginTop: 6 }}>
              <Typography.Text type="secondary">
                <IdcardOutlined /> {person.employeeCode}
              </Typography.Text>
              <Typography.Text type="secondary">· {person.positionTitle ? `${person.positionTitle}, ` : ''}{person.unitName}</Typography.Text>
              <CategoryTag value={person.category} />
              <StatusTag value={person.status} />
            </Flex>
          </div>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('common.details')}>
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={fields} />
          </Card>
          <Card title={t('staff.account')} style={{ marginTop: 16 }} data-testid="staff-account">
            {person.account ? (
              <Flex gap={8} align="center">
                <UserOutlined />
                {can('users.manage') ? (
                  <Link to={`/users?q=${encodeURIComponent(person.account.username)}`}>{person.account.username}</Link>
                ) : (
                  <Typography.Text code>{person.account.username}</Typography.Text>
                )}
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t('staff.noAccount')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('staff.history')} data-testid="staff-history">
            {history.length === 0 ? (
              <Empty description={t('staff.historyEmpty')} />
            ) : (
              <Timeline
                items={history.map((h, i) => ({
                  key: `${h.unitId}-${h.validFrom}-${i}`,
                  color: h.validTo ? 'gray' : 'blue',
                  title: (
                    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(h.validFrom)} – {h.validTo ? formatDate(lastDayBefore(h.validTo)) : t('staff.current')}
                    </Typography.Text>
                  ),
                  content: (
                    <div>
                      <Typography.Text strong>{h.unitName}</Typography.Text>
                      {h.positionTitle ? <div>{h.positionTitle}</div> : null}
                      <Flex gap={6} wrap style={{ marginTop: 4 }}>
                        {h.assignmentKind ? <Tag>{label('assignment', h.assignmentKind)}</Tag> : null}
                        {h.legalBasis ? (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {h.legalBasis}
                          </Typography.Text>
                        ) : null}
                      </Flex>
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
