import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { Locale } from '../i18n/locale';
import { useI18n } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { useLocation } from '../router';
import { useSession } from '../session';

interface Values {
  username: string;
  password: string;
}

function lockedUntilOf(err: ApiError): string | null {
  const details = err.details as { lockedUntil?: unknown } | undefined;
  return typeof details?.lockedUntil === 'string' ? details.lockedUntil : null;
}

export default function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { login } = useSession();
  const location = useLocation();
  const [error, setError] = useState<{ text: string; extra?: string; code: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosenLocale, setChosenLocale] = useState<Locale | undefined>(undefined);
  const cameBack = location.search.has('next');

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password, chosenLocale);
    } catch (err) {
      if (err instanceof ApiError) {
        const until = lockedUntilOf(err);
        setError({
          code: err.code,
          text: err.text(locale),
          extra: until ? t('login.lockedUntil', { time: formatDateTime(until) }) : undefined,
        });
      } else setError({ code: 'UNKNOWN', text: String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex style={{ minHeight: '100vh' }}>
      <Flex
        vertical
        justify="space-between"
        style={{
          flex: '1 1 46%',
          padding: '48px 56px',
          color: '#fff',
          background: 'linear-gradient(160deg, #0f2340 0%, #163b6e 60%, #1c56a8 100%)',
        }}
        className="kc-login-brand"
      >
        <Flex align="center" gap={14}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <span style={{ fontSize: 28, fontWeight: 700 }}>{t('app.name')}</span>
        </Flex>
        <div>
          <div style={{ fontSize: 30, fontWeight: 600, lineHeight: 1.3, maxWidth: 460 }}>{t('login.subtitle')}</div>
          <div style={{ marginTop: 16, opacity: 0.8, maxWidth: 460, fontSize: 15 }}>
            {t('menu.attendance')} · {t('menu.violations')} · {t('menu.inspections')} · {t('menu.reports')}
          </div>
        </div>
        <div style={{ opacity: 0.6, fontSize: 13 }}>{t('login.footer')}</div>
      </Flex>
      <Flex vertical align="center" justify="center" style={{ flex: '1 1 54%', padding: 24, background: '#f3f5f9' }}>
        <Flex justify="space-between" align="center" style={{ width: '100%', maxWidth: 400, marginBottom: 16 }}>
          <Flex align="center" gap={8} className="kc-login-compact-brand">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <strong style={{ fontSize: 18 }}>{t('app.name')}</strong>
          </Flex>
          <Segmented<Locale>
            size="small"
            value={locale}
            onChange={(value) => {
              setLocale(value);
              setChosenLocale(value);
            }}
            options={[
              { label: 'Tiếng Việt', value: 'vi' },
              { label: 'English', value: 'en' },
            ]}
            data-testid="login-lang"
          />
        </Flex>
        <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 32 } }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('login.title')}
          </Typography.Title>
          {cameBack && !error ? (
            <Alert type="info" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} />
          ) : null}
          {error ? (
            <Alert
              type={error.code === 'ACCOUNT_LOCKED' ? 'warning' : 'error'}
              showIcon
              title={error.text}
              description={error.extra}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
              data-code={error.code}
            />
          ) : null}
          <Form<Values> layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} data-testid="login-form">
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                size="large"
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                size="large"
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </Flex>
    </Flex>
  );
}
