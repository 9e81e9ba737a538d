import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, List, Typography } from 'antd';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { navigate, replaceSearch, useLocation } from '../../router';
import { useVT } from './texts';
import type { Schemas } from '../../api/contract';

/** The in-app notification centre: newest first, unread in bold; opening one marks it read and follows its link. */
export default function NotificationsPage() {
  const vt = useVT();
  const { search } = useLocation();
  const unreadOnly = search.get('unreadOnly') === 'true';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const { data, loading, reload } = useApi('/api/notifications', {
    unreadOnly: unreadOnly ? 'true' : undefined,
    page,
    pageSize: 20,
  });
  const open = async (n: Schemas['Notification']) => {
    if (!n.readAt) await api.post(`/api/notifications/${n.id}/read`);
    if (n.link) navigate(n.link);
    else reload();
  };
  return (
    <div>
      <PageHeader
        title={
          <span>
            {vt('notif.title')} <Badge count={data?.unread ?? 0} data-testid="notif-unread" />
          </span>
        }
        extra={
          <>
            <Checkbox checked={unreadOnly} onChange={(e) => replaceSearch({ unreadOnly: e.target.checked ? 'true' : undefined })}>
              {vt('notif.unreadOnly')}
            </Checkbox>
            <Button onClick={() => void api.post('/api/notifications/read-all').then(reload)} data-testid="notif-read-all">
              {vt('notif.readAll')}
            </Button>
          </>
        }
      />
      <List
        data-testid="notifications"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: vt('notif.empty') }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: (p) => replaceSearch({ unreadOnly: unreadOnly ? 'true' : undefined, page: p }) }}
        renderItem={(n) => (
          <List.Item
            data-testid="notification"
            data-read={n.readAt ? 'true' : 'false'}
            actions={[
              <Button key="open" type="link" onClick={() => void open(n)}>
                {vt('notif.open')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              avatar={<BellOutlined style={{ fontSize: 18, color: n.readAt ? '#bfbfbf' : '#1677ff' }} />}
              title={<span style={{ fontWeight: n.readAt ? 400 : 600 }}>{n.title}</span>}
              description={
                <div>
                  <Typography.Paragraph style={{ marginBottom: 4 }} ellipsis={{ rows: 2 }}>
                    {n.body}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                </div>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
