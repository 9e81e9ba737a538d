import { CheckCircleOutlined, ToolOutlined } from '@ant-design/icons';
import { Card, Flex, List, Tag, Typography } from 'antd';
import { type MessageKey, useI18n } from '../i18n';

/**
 * The page of a module that is not built yet. It says so plainly and lists what the module will do; it shows no
 * sample or invented data.
 */
export function NotBuilt({ moduleKey, title }: { moduleKey: string; title: MessageKey }) {
  const { t } = useI18n();
  const purpose = t(`planned.${moduleKey}` as MessageKey);
  const features = t(`planned.${moduleKey}.features` as MessageKey)
    .split('\n')
    .filter(Boolean);
  return (
    <Card style={{ maxWidth: 820 }} data-testid="not-built">
      <Flex gap={20} align="flex-start">
        <div
          style={{
            flex: 'none',
            width: 56,
            height: 56,
            borderRadius: 14,
            display: 'grid',
            placeItems: 'center',
            background: '#fff4e5',
            color: '#d46b08',
            fontSize: 28,
          }}
        >
          <ToolOutlined />
        </div>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
              {t(title)}
            </Typography.Title>
            <Tag color="orange">{t('notBuilt.tag')}</Tag>
          </Flex>
          <Typography.Title level={5} style={{ marginTop: 12, marginBottom: 4 }}>
            {t('notBuilt.title')}
          </Typography.Title>
          <Typography.Paragraph style={{ marginBottom: 12 }}>{purpose}</Typography.Paragraph>
          <Typography.Text strong>{t('notBuilt.intro')}</Typography.Text>
          <List
            size="small"
            split={false}
            dataSource={features}
            renderItem={(item) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Flex gap={8} align="baseline">
                  <CheckCircleOutlined style={{ color: '#8c8c8c' }} />
                  <span>{item}</span>
                </Flex>
              </List.Item>
            )}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('notBuilt.footer')}
          </Typography.Paragraph>
        </div>
      </Flex>
    </Card>
  );
}
