import { CheckCircleOutlined, CloseOutlined, KeyOutlined, LockOutlined, MoreOutlined, PlusOutlined, StopOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Flex, Input, Popconfirm, Table, type TableProps, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { Link, replaceSearch, useLocation } from '../../router';
import { AddRoleModal, CreateUserModal, ResetPasswordModal } from './userForms';

type UserRow = Schemas['UserAccount'];
type RoleInfo = Schemas['RoleInfo'];

function isLocked(user: UserRow): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
}

export default function UsersPage() {
  const { t, pick } = useI18n();
  const { message, modal } = App.useApp();
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const pageSize = [10, 20, 50].includes(Number(search.get('pageSize'))) ? Number(search.get('pageSize')) : 20;
  const [text, setText] = useState(q);
  const [creating, setCreating] = useState(false);
  const [addingRoleTo, setAddingRoleTo] = useState<UserRow | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);

  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => replaceSearch({ q: text.trim(), pageSize: pageSize === 20 ? null : pageSize }), 350);
    return () => clearTimeout(timer);
  });

  const users = useApi('/api/users', { q: q.trim(), page, pageSize });
  const rolesAnswer = useApi('/api/roles', undefined, { quiet: true });
  const roles = rolesAnswer.data?.items ?? [];
  const roleLabel = useMemo(() => {
    const byRole = new Map<string, RoleInfo['label']>(roles.map((r) => [r.role, r.label]));
    return (role: string) => pick(byRole.get(role)) || role;
  }, [roles, pick]);

  /** Every action reloads the list afterwards, since the server is the source of truth for locks and roles. */
  const act = async (action: () => Promise<unknown>, success: string) => {
    try {
      await action();
      message.success(success);
    } catch {
      // The client already showed the server's message.
    }
    users.reload();
  };

  const columns: TableProps<UserRow>['columns'] = [
    {
      key: 'username',
      title: t('users.username'),
      dataIndex: 'username',
      render: (value: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {value}
        </Typography.Text>
      ),
      width: 150,
    },
    {
      key: 'displayName',
      title: t('users.displayName'),
      width: 240,
      render: (_, user) => (
        <div>
          <div>{user.displayName}</div>
          {user.personId ? (
            <Link to={`/staff/${user.personId}`} style={{ fontSize: 12 }}>
              {user.personName ?? t('users.person')}
            </Link>
          ) : null}
        </div>
      ),
    },
    {
      key: 'roles',
      title: t('users.roles'),
      render: (_, user) => (
        <Flex gap={4} wrap>
          {user.roles.map((r) => (
            <Tag key={r.id} color="blue" style={{ marginInlineEnd: 0 }} data-testid="user-role-tag">
              {roleLabel(r.role)} · {r.unitName}
              <Popconfirm
                title={t('users.removeRoleConfirm', { role: roleLabel(r.role), unit: r.unitName })}
                okText={t('common.yes')}
                cancelText={t('common.no')}
                onConfirm={() => act(() => api.del(`/api/users/${user.id}/roles/${r.id}`), t('users.roleRemoved'))}
              >
                <CloseOutlined
                  role="button"
                  aria-label={t('users.removeRole')}
                  style={{ marginInlineStart: 6, fontSize: 10, cursor: 'pointer' }}
                  data-testid="user-remove-role"
                />
              </Popconfirm>
            </Tag>
          ))}
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setAddingRoleTo(user)} data-testid="user-add-role">
            {t('users.addRole')}
          </Button>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('users.status'),
      width: 170,
      render: (_, user) => (
        <Flex vertical gap={4} align="flex-start">
          {user.isActive ? <Tag color="success">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>}
          {isLocked(user) ? (
            <Tag color="error" icon={<LockOutlined />} data-testid="user-locked">
              {t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'lastLogin',
      title: t('users.lastLogin'),
      width: 150,
      render: (_, user) =>
        user.lastLoginAt ? formatDateTime(user.lastLoginAt) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      render: (_, user) => (
        <Flex gap={4} wrap>
          {isLocked(user) ? (
            <Button
              size="small"
              icon={<UnlockOutlined />}
              onClick={() => act(() => api.post(`/api/users/${user.id}/unlock`), t('users.unlocked', { name: user.username }))}
              data-testid="user-unlock"
            >
              {t('users.unlock')}
            </Button>
          ) : null}
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'reset',
                  icon: <KeyOutlined />,
                  label: <span data-testid="user-reset-password">{t('users.resetPassword')}</span>,
                  onClick: () => setResetting(user),
                },
                {
                  key: 'active',
                  danger: user.isActive,
                  icon: user.isActive ? <StopOutlined /> : <CheckCircleOutlined />,
                  label: <span data-testid="user-toggle-active">{user.isActive ? t('users.deactivate') : t('users.activate')}</span>,
                  onClick: () =>
                    modal.confirm({
                      title: `${user.isActive ? t('users.deactivate') : t('users.activate')}: ${user.username}?`,
                      okText: t('common.yes'),
                      cancelText: t('common.no'),
                      okButtonProps: { danger: user.isActive },
                      onOk: () =>
                        act(() => api.patch(`/api/users/${user.id}`, { isActive: !user.isActive }), t('users.updated', { name: user.username })),
                    }),
                },
              ],
            }}
          >
            <Button size="small" icon={<MoreOutlined />} aria-label={t('common.actions')} data-testid="user-actions" />
          </Dropdown>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={users.data ? t('common.total', { total: users.data.total }) : undefined}
        extra={
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
            {t('users.create')}
          </Button>
        }
      />
      <Card styles={{ body: { paddingBottom: 8 } }}>
        <Input.Search
          allowClear
          placeholder={t('users.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 320, marginBottom: 16 }}
          data-testid="users-search"
        />
        <Table<UserRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.loading}
          pagination={{
            current: page,
            pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => replaceSearch({ q, page: p === 1 ? null : p, pageSize: size === 20 ? null : size }),
          }}
          scroll={{ x: 1100 }}
          data-testid="users-table"
        />
      </Card>
      <CreateUserModal
        open={creating}
        roles={roles}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          users.reload();
        }}
      />
      <AddRoleModal
        user={addingRoleTo}
        roles={roles}
        onClose={() => setAddingRoleTo(null)}
        onDone={() => {
          setAddingRoleTo(null);
          users.reload();
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
