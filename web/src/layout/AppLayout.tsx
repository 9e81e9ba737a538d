import { Flex, Layout, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { useMe, useSession } from '../session';
import { ChangePasswordModal } from './ChangePasswordModal';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';

const SIDER_BG = '#0f2340';

function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useI18n();
  return (
    <Link to="/" style={{ display: 'block' }} data-testid="brand">
      <Flex align="center" gap={10} style={{ height: 64, paddingInline: collapsed ? 24 : 20 }}>
        <img src="/favicon.svg" alt="" width={32} height={32} style={{ flex: 'none' }} />
        {collapsed ? null : (
          <Typography.Text style={{ color: '#fff', fontSize: 20, fontWeight: 700, letterSpacing: 0.3 }}>
            {t('app.name')}
          </Typography.Text>
        )}
      </Flex>
    </Link>
  );
}

/** The signed-in frame: module menu on the left, header on top, the page in the middle. */
export function AppLayout({ selectedKey, children }: { selectedKey: string | undefined; children: ReactNode }) {
  const me = useMe();
  const { expire } = useSession();
  const [collapsed, setCollapsed] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={256}
        collapsedWidth={80}
        collapsed={collapsed}
        breakpoint="lg"
        onBreakpoint={(broken) => setCollapsed(broken)}
        trigger={null}
        style={{ background: SIDER_BG, position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Brand collapsed={collapsed} />
        <SideMenu selectedKey={selectedKey} collapsed={collapsed} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            paddingInline: 16,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <HeaderBar
            collapsed={collapsed}
            onToggle={() => setCollapsed((c) => !c)}
            onChangePassword={() => setPasswordOpen(true)}
          />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }} data-testid="page-content">
          {children}
        </Layout.Content>
      </Layout>
      <ChangePasswordModal
        open={passwordOpen || me.mustChangePassword}
        forced={me.mustChangePassword}
        onClose={() => setPasswordOpen(false)}
        onChanged={() => {
          setPasswordOpen(false);
          expire();
          navigate('/login', { replace: true });
        }}
      />
    </Layout>
  );
}
