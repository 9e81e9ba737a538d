import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { type Translate, useI18n } from '../i18n';
import { navigate } from '../router';

export function Forbidden() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={<span data-testid="forbidden">{t('forbidden.title')}</span>}
      subTitle={t('forbidden.text')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.home')}
        </Button>
      }
    />
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={<span data-testid="not-found">{t('notFound.title')}</span>}
      subTitle={t('notFound.text')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.home')}
        </Button>
      }
    />
  );
}

interface BoundaryProps {
  t: Translate;
  resetKey: string;
  children: ReactNode;
}

/** Keeps one broken page from blanking the whole shell; navigating elsewhere (a new resetKey) clears it. */
class Boundary extends Component<BoundaryProps, { failed: boolean; key: string }> {
  override state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromProps(props: BoundaryProps, state: { failed: boolean; key: string }) {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('page failed', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const { t } = this.props;
    return (
      <Result
        status="error"
        title={<span data-testid="page-error">{t('pageError.title')}</span>}
        subTitle={t('pageError.text')}
        extra={<Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>}
      />
    );
  }
}

export function PageBoundary({ resetKey, children }: { resetKey: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Boundary t={t} resetKey={resetKey}>
      {children}
    </Boundary>
  );
}
