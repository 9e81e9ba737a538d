import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { Schemas } from '../api/contract';
import { useApi } from '../api/useApi';

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

type Unit = Schemas['OrgUnit'];

function toOptions(units: Unit[]): TreeOption[] {
  const ids = new Set(units.map((u) => u.id));
  const nodes = new Map<string, TreeOption>(units.map((u) => [u.id, { value: u.id, title: u.name, children: [] }]));
  const roots: TreeOption[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id) as TreeOption;
    const parent = unit.parentId && ids.has(unit.parentId) ? nodes.get(unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TreeOption[]) => {
    list.sort((a, b) => a.title.localeCompare(b.title, 'vi'));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

interface Props {
  /** Optional so that a Form.Item can supply both. */
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  testId?: string;
  allowClear?: boolean;
}

/** Pick one current unit from the tree the user may see (GET /api/org/units). */
export function UnitSelect({ value, onChange, placeholder, style, testId, allowClear = true }: Props) {
  const { data, loading } = useApi('/api/org/units', undefined, { quiet: true });
  const treeData = useMemo(() => toOptions(data?.items ?? []), [data]);
  return (
    <TreeSelect
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      loading={loading}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      style={style}
      data-testid={testId}
    />
  );
}
