import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The title row every page starts with: a heading, an optional line under it, and actions on the right. */
export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0, flex: '1 1 480px', maxWidth: 980 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {title}
        </Typography.Title>
        {subtitle ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {subtitle}
          </Typography.Text>
        ) : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap style={{ flex: 'none' }}>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
