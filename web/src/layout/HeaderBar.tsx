import { DownOutlined, LockOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, type MenuProps, Segmented, Typography } from 'antd';
import type { Locale } from '../i18n/locale';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useMe, useSession } from '../session';

interface Props {
  collapsed: boolean;
  onToggle: () => void;
  onChangePassword: () => void;
}

/** The top bar: menu toggle, who is signed in and in which roles, language, password and sign-out. */
export function HeaderBar({ collapsed, onToggle, onChangePassword }: Props) {
  const { t, pick, locale } = useI18n();
  const { logout, changeLocale } = useSession();
  const me = useMe();
  const roleText = me.roles.map((r) => `${pick(r.label)} – ${r.unitName}`);
  const accountMenu: MenuProps['items'] = [
    {
      type: 'group',
      key: 'roles',
      label: t('users.roles'),
      // Shown, not clickable: the roles this account holds and where.
      children: roleText.map((text, i) => ({
        key: `role-${i}`,
        label: <span style={{ color: 'rgba(0, 0, 0, 0.78)' }}>{text}</span>,
        icon: <SafetyOutlined style={{ color: '#1c56a8' }} />,
        disabled: true,
      })),
    },
    { type: 'divider' },
    {
      key: 'password',
      icon: <LockOutlined />,
      label: <span data-testid="change-password">{t('header.changePassword')}</span>,
      onClick: onChangePassword,
    },
  ];
  return (
    <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }}>
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        <Button
          type="text"
          aria-label={t('header.collapse')}
          icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          onClick={onToggle}
        />
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>
          {t('app.tagline')}
        </Typography.Text>
      </Flex>
      <Flex align="center" gap={16} style={{ minWidth: 0 }}>
        <Dropdown menu={{ items: accountMenu }} trigger={['click']} placement="bottomRight">
          <Button type="text" style={{ height: 48, paddingInline: 8, minWidth: 0 }} data-testid="current-user">
            <Flex align="center" gap={10} style={{ minWidth: 0 }}>
              <Avatar style={{ background: '#1c56a8', flex: 'none' }} icon={<UserOutlined />} />
              <div style={{ lineHeight: 1.25, minWidth: 0, textAlign: 'start' }}>
                <Typography.Text strong data-testid="current-user-name" style={{ display: 'block', maxWidth: 320 }} ellipsis>
                  {me.displayName}
                </Typography.Text>
                <Typography.Text
                  type="secondary"
                  style={{ fontSize: 12, display: 'block', maxWidth: 320 }}
                  ellipsis
                  data-testid="current-user-roles"
                >
                  {roleText[0] ?? ''}
                  {roleText.length > 1 ? ` (+${roleText.length - 1})` : ''}
                </Typography.Text>
              </div>
              <DownOutlined style={{ fontSize: 10, color: '#8c8c8c' }} />
            </Flex>
          </Button>
        </Dropdown>
        <Segmented<Locale>
          size="small"
          value={locale}
          onChange={(value) => changeLocale(value)}
          options={[
            { label: 'VI', value: 'vi' },
            { label: 'EN', value: 'en' },
          ]}
          aria-label={t('header.language')}
          data-testid="lang-switch"
        />
        <Button
          icon={<LogoutOutlined />}
          data-testid="logout"
          onClick={() => {
            void logout().then(() => navigate('/login'));
          }}
        >
          {t('header.logout')}
        </Button>
      </Flex>
    </Flex>
  );
}
