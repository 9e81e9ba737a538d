import { ApartmentOutlined } from '@ant-design/icons';
import { Card, Col, DatePicker, Empty, Flex, Input, Row, Spin, Switch, Tree, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { todayInVietnam } from '../../i18n/format';
import { replaceSearch, useLocation } from '../../router';
import { OrgUnitDetail } from './OrgUnitDetail';
import { LevelTag, useUnitTypes, useValidityText } from './orgShared';

interface TreeNode {
  key: string;
  title: ReactNode;
  children: TreeNode[];
}

function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Parent → children lists; a unit whose parent is outside the answer (out of scope) becomes a root. */
type Unit = Schemas['OrgUnit'];

function buildChildren(units: Unit[]): { roots: Unit[]; childrenOf: Map<string, Unit[]> } {
  const ids = new Set(units.map((u) => u.id));
  const childrenOf = new Map<string, Unit[]>();
  const roots: Unit[] = [];
  for (const unit of units) {
    if (unit.parentId && ids.has(unit.parentId)) {
      const list = childrenOf.get(unit.parentId) ?? [];
      list.push(unit);
      childrenOf.set(unit.parentId, list);
    } else roots.push(unit);
  }
  const byName = (a: Unit, b: Unit) => a.name.localeCompare(b.name, 'vi');
  roots.sort(byName);
  for (const list of childrenOf.values()) list.sort(byName);
  return { roots, childrenOf };
}

export default function OrgPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const asOf = search.get('asOf') ?? todayInVietnam();
  const historical = search.get('historical') === '1';
  const selected = search.get('unit');
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const typeLabel = useUnitTypes();
  const validity = useValidityText();

  const setParams = (next: { asOf?: string; historical?: boolean; unit?: string | null }) =>
    replaceSearch({
      asOf: next.asOf ?? search.get('asOf'),
      historical: (next.historical ?? historical) ? '1' : null,
      unit: next.unit === undefined ? selected : next.unit,
    });

  const { data, loading } = useApi('/api/org/units', { asOf, includeHistorical: historical });
  const units = data?.items ?? [];

  const { treeData, matchingAncestors } = useMemo(() => {
    const { roots, childrenOf } = buildChildren(units);
    const needle = normalise(filter.trim());
    const keepAncestors: string[] = [];
    const toNode = (unit: Unit): TreeNode | null => {
      const children = (childrenOf.get(unit.id) ?? []).map(toNode).filter((n): n is TreeNode => n !== null);
      const matches = !needle || normalise(`${unit.name} ${unit.code} ${unit.shortName ?? ''}`).includes(needle);
      if (!matches && children.length === 0) return null;
      if (needle && children.length > 0) keepAncestors.push(unit.id);
      const closed = unit.validTo !== null && unit.validTo <= todayInVietnam();
      return {
        key: unit.id,
        children,
        title: (
          <Flex gap={6} align="center" wrap style={{ paddingBlock: 2 }} data-testid={`org-node-${unit.code}`}>
            <span className={closed ? 'kc-tree-historical' : undefined} style={{ fontWeight: unit.parentId ? 400 : 600 }}>
              {unit.name}
            </span>
            <LevelTag level={unit.adminLevel}>{typeLabel(unit.unitType)}</LevelTag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {validity(unit.validFrom, unit.validTo)}
            </Typography.Text>
          </Flex>
        ),
      };
    };
    const nodes = roots.map(toNode).filter((n): n is TreeNode => n !== null);
    return { treeData: nodes, matchingAncestors: keepAncestors };
  }, [units, filter, typeLabel, validity]);

  // Staff per unit from the list answer, own and with everything below it (the detail answer has no totals).
  const staffCounts = useMemo(() => {
    const { childrenOf } = buildChildren(units);
    const totals = new Map<string, { own: number; total: number }>();
    const visit = (unit: Unit): number => {
      const total = unit.staffCount + (childrenOf.get(unit.id) ?? []).reduce((sum, c) => sum + visit(c), 0);
      totals.set(unit.id, { own: unit.staffCount, total });
      return total;
    };
    for (const root of buildChildren(units).roots) visit(root);
    return totals;
  }, [units]);

  // Until the user opens or closes a branch: the top two levels are open (province → its communes and bodies).
  const defaultExpanded = useMemo(() => {
    const { roots, childrenOf } = buildChildren(units);
    return roots.flatMap((r) => [r.id, ...(childrenOf.get(r.id) ?? []).map((c) => c.id)]);
  }, [units]);
  const expandedKeys = filter.trim() ? matchingAncestors : (expanded ?? defaultExpanded);

  return (
    <>
      <PageHeader
        title={t('org.title')}
        subtitle={data ? t('org.unitsCount', { count: units.length }) : undefined}
        extra={
          <Flex gap={16} align="center" wrap>
            <Flex gap={8} align="center">
              <Typography.Text>{t('org.asOf')}</Typography.Text>
              <DatePicker
                value={dayjs(asOf)}
                format="DD/MM/YYYY"
                allowClear={false}
                onChange={(d) => d && setParams({ asOf: d.format('YYYY-MM-DD') })}
                data-testid="org-as-of"
              />
            </Flex>
            <Flex gap={8} align="center">
              <Switch
                checked={historical}
                onChange={(checked) => setParams({ historical: checked })}
                data-testid="org-historical"
              />
              <Typography.Text>{t('org.showHistorical')}</Typography.Text>
            </Flex>
          </Flex>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card
            title={
              <Flex gap={8} align="center">
                <ApartmentOutlined />
                <Input.Search
                  allowClear
                  placeholder={t('org.search')}
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                  style={{ maxWidth: 320 }}
                  data-testid="org-search"
                />
              </Flex>
            }
            styles={{ body: { padding: 12, maxHeight: 'calc(100vh - 260px)', overflow: 'auto' } }}
          >
            <Spin spinning={loading}>
              {treeData.length === 0 && !loading ? (
                <Empty description={t('org.empty')} />
              ) : (
                <div data-testid="org-tree">
                <Tree
                  treeData={treeData}
                  blockNode
                  showLine
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => setExpanded(keys.map(String))}
                  selectedKeys={selected ? [selected] : []}
                  onSelect={(keys) => keys[0] && setParams({ unit: String(keys[0]) })}
                />
                </div>
              )}
            </Spin>
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <OrgUnitDetail
            unitId={selected}
            staffCount={selected ? staffCounts.get(selected) : undefined}
            onSelect={(id, closed) => setParams({ unit: id, historical: closed ? true : undefined })}
          />
        </Col>
      </Row>
    </>
  );
}
