import { ArrowLeftOutlined, ArrowRightOutlined, TeamOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { type MessageKey, useI18n } from '../../i18n';
import { formatDate, todayInVietnam } from '../../i18n/format';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { LevelTag, useLevelLabel, useUnitTypes, useValidityText } from './orgShared';

type UnitLink = Schemas['OrgUnitLink'];

interface Props {
  unitId: string | null;
  /** Staff attached to the unit and to it plus its sub-units, counted from the tree's list answer. */
  staffCount?: { own: number; total: number };
  /** Select another unit; `closed` asks the page to show historical units so the tree can highlight it. */
  onSelect: (id: string, closed: boolean) => void;
}

function SuccessionList({ links, onSelect, icon }: { links: UnitLink[]; onSelect: Props['onSelect']; icon: React.ReactNode }) {
  const { t } = useI18n();
  if (links.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <List
      size="small"
      split={false}
      dataSource={links}
      renderItem={(link) => (
        <List.Item style={{ paddingInline: 0, paddingBlock: 4 }}>
          <Flex gap={8} align="center" wrap>
            {icon}
            <Typography.Link onClick={() => onSelect(link.id, true)}>{link.name}</Typography.Link>
            {link.kind ? <Tag>{t(`succession.${link.kind}` as MessageKey)}</Tag> : null}
            {link.effectiveDate ? (
              <Typography.Text type="secondary">{formatDate(link.effectiveDate)}</Typography.Text>
            ) : null}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** The right-hand panel of the org page: one unit, where it sits, where it came from and what replaced it. */
export function OrgUnitDetail({ unitId, staffCount, onSelect }: Props) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const typeLabel = useUnitTypes();
  const levelLabel = useLevelLabel();
  const validity = useValidityText();
  const { data: unit, loading, error } = useApi(unitId ? `/api/org/units/${unitId}` : null);

  if (!unitId)
    return (
      <Card>
        <Empty description={t('org.pickUnit')} />
      </Card>
    );
  if (loading && !unit)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (error || !unit)
    return (
      <Card>
        <Empty description={error ? error.text(locale) : t('common.loadFailed')} />
      </Card>
    );

  const closed = unit.validTo !== null && unit.validTo <= todayInVietnam();
  // The server's ancestry runs from the root down and may end with the unit itself.
  const parents = unit.ancestry.filter((a) => a.id !== unit.id);
  return (
    <Card
      data-testid="org-detail"
      title={
        <Flex gap={8} align="center" wrap style={{ paddingBlock: 8 }}>
          <span style={{ whiteSpace: 'normal' }}>{unit.name}</span>
          <Tag color={closed ? 'default' : 'success'}>{closed ? t('org.closed') : t('org.active')}</Tag>
        </Flex>
      }
      extra={
        can('staff.read') ? (
          <Button icon={<TeamOutlined />} onClick={() => navigate(`/staff?unitId=${unit.id}&includeSubunits=1`)}>
            {t('org.viewStaff')}
          </Button>
        ) : null
      }
    >
      <Flex gap={6} align="center" wrap data-testid="org-ancestry">
        <Typography.Text type="secondary">{t('org.ancestry')}:</Typography.Text>
        {parents.length === 0 ? (
          <Typography.Text>{t('org.root')}</Typography.Text>
        ) : (
          <Breadcrumb
            items={[
              ...parents.map((a) => ({
                title: <Typography.Link onClick={() => onSelect(a.id, false)}>{a.name}</Typography.Link>,
              })),
              { title: unit.name },
            ]}
          />
        )}
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={1}
        style={{ marginTop: 12 }}
        items={[
          { key: 'code', label: t('org.code'), children: unit.code },
          { key: 'short', label: t('org.shortName'), children: unit.shortName ?? '' },
          {
            key: 'type',
            label: t('org.unitType'),
            children: <LevelTag level={unit.adminLevel}>{typeLabel(unit.unitType)}</LevelTag>,
          },
          { key: 'level', label: t('org.adminLevel'), children: levelLabel(unit.adminLevel) },
          { key: 'adminCode', label: t('org.adminUnitCode'), children: unit.adminUnitCode ?? '' },
          { key: 'validity', label: t('org.validity'), children: validity(unit.validFrom, unit.validTo) },
          { key: 'legal', label: t('org.legalBasis'), children: unit.legalBasis ?? '' },
          {
            key: 'staff',
            label: t('org.staffCount'),
            children: (
              <span data-testid="org-staff-count">
                {staffCount ? staffCount.own : unit.staffCount}
                {staffCount && staffCount.total !== staffCount.own ? (
                  <Typography.Text type="secondary">
                    {' '}
                    · {t('org.staffWithSubunits', { count: staffCount.total })}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('org.predecessors')}
      </Typography.Title>
      <SuccessionList links={unit.predecessors} onSelect={onSelect} icon={<ArrowLeftOutlined style={{ color: '#8c8c8c' }} />} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('org.successors')}
      </Typography.Title>
      <SuccessionList links={unit.successors} onSelect={onSelect} icon={<ArrowRightOutlined style={{ color: '#8c8c8c' }} />} />
    </Card>
  );
}
