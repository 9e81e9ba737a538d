import { App as AntApp, ConfigProvider, Flex, Spin, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { Suspense, useEffect } from 'react';
import { configureClient } from './api/client';
import { NotBuilt } from './components/NotBuilt';
import { Forbidden, NotFound, PageBoundary } from './components/StatusPages';
import { I18nProvider, useI18n } from './i18n';
import { AppLayout } from './layout/AppLayout';
import LoginPage from './pages/LoginPage';
import { matchPath, navigate, useLocation } from './router';
import { type AppRoute, LANDING_ORDER, ROUTES } from './routes';
import { type AccessRule, type Me, SessionProvider, useSession } from './session';

function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Where a user lands after signing in: their own record if they cannot read staff, else per LANDING_ORDER. */
export function landingPath(me: Me, allows: (rule: AccessRule) => boolean): string {
  const canReadStaff = me.permissions.includes('staff.read');
  if (me.personId && !canReadStaff) return '/me';
  const usable = (key: string) => ROUTES.find((r) => r.key === key && r.page && allows(r.access));
  const preferred = LANDING_ORDER.map(usable).find(Boolean);
  const anyBuilt = ROUTES.find((r) => r.menu && r.page && allows(r.access));
  return preferred?.path ?? anyBuilt?.path ?? '/me';
}

function findRoute(pathname: string): { route: AppRoute; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

/**
 * Plugs the API client into the UI: 401 ends the session, 403 PASSWORD_CHANGE_REQUIRED opens the forced
 * change-password form, other errors become a toast in the user's language.
 */
function ClientBridge() {
  const { message } = AntApp.useApp();
  const { expire, requirePasswordChange } = useSession();
  const { locale } = useI18n();
  useEffect(() => {
    configureClient({
      onUnauthorized: expire,
      onPasswordChangeRequired: requirePasswordChange,
      onError: (err) => void message.error(err.text(locale)),
    });
  }, [message, expire, requirePasswordChange, locale]);
  return null;
}

function safeNext(value: string | null): string | null {
  return value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : null;
}

function Shell() {
  const { status, me, allows } = useSession();
  const location = useLocation();
  const { pathname } = location;
  const onLogin = pathname === '/login';

  useEffect(() => {
    if (status === 'anonymous' && !onLogin) {
      const next = pathname === '/' ? '' : `?next=${encodeURIComponent(location.href)}`;
      navigate(`/login${next}`, { replace: true });
    }
    if (status === 'ready' && me && (onLogin || pathname === '/'))
      navigate(safeNext(location.search.get('next')) ?? landingPath(me, allows), { replace: true });
  }, [status, me, onLogin, pathname, location, allows]);

  if (status === 'loading') return <FullPageSpin />;
  if (status === 'anonymous') return onLogin ? <LoginPage /> : <FullPageSpin />;
  if (onLogin || pathname === '/') return <FullPageSpin />;

  const found = findRoute(pathname);
  let body: React.ReactNode;
  if (!found) body = <NotFound />;
  else if (!allows(found.route.access)) body = <Forbidden />;
  else if (found.route.page) {
    const Page = found.route.page;
    body = <Page params={found.params} />;
  } else body = <NotBuilt moduleKey={found.route.key} title={found.route.title} />;

  const selectedKey = found ? (found.route.menuKey ?? found.route.key) : undefined;
  return (
    <AppLayout selectedKey={selectedKey}>
      <PageBoundary resetKey={pathname}>
        <Suspense
          fallback={
            <Flex justify="center" style={{ padding: 48 }}>
              <Spin />
            </Flex>
          }
        >
          {body}
        </Suspense>
      </PageBoundary>
    </AppLayout>
  );
}

function Themed() {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'vi' ? viVN : enUS}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: {
          colorPrimary: '#1c56a8',
          borderRadius: 6,
          fontFamily: "'Noto Sans', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
        },
        components: {
          Layout: { siderBg: '#0f2340', headerHeight: 64 },
          Menu: { darkItemBg: '#0f2340', darkSubMenuItemBg: '#0b1a31', darkItemSelectedBg: '#1c56a8' },
        },
      }}
    >
      <AntApp>
        <SessionProvider>
          <ClientBridge />
          <Shell />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
