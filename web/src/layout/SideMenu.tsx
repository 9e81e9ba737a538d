import { Menu, type MenuProps } from 'antd';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { MENU_GROUPS, ROUTES } from '../routes';
import { useSession } from '../session';

/** The module menu: every module in work-flow order, each shown only when the user's permissions allow it. */
export function SideMenu({ selectedKey, collapsed }: { selectedKey: string | undefined; collapsed: boolean }) {
  const { t } = useI18n();
  const { allows } = useSession();
  const items: MenuProps['items'] = [];
  for (const group of MENU_GROUPS) {
    const children = ROUTES.filter((r) => r.menu?.group === group && allows(r.access)).map((r) => ({
      key: r.key,
      icon: r.menu?.icon,
      label: (
        <Link to={r.path} data-testid={`menu-${r.key}`}>
          {t(r.title)}
        </Link>
      ),
    }));
    if (children.length === 0) continue;
    if (collapsed) items.push(...children);
    else items.push({ type: 'group', key: `group-${group}`, label: t(`group.${group}`), children });
  }
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selectedKey ? [selectedKey] : []}
      items={items}
      data-testid="side-menu"
      style={{ borderInlineEnd: 'none', paddingBottom: 24 }}
    />
  );
}
