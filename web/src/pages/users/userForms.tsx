import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, Flex, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { PersonSelect } from '../../components/PersonSelect';
import { UnitSelect } from '../../components/UnitSelect';
import { useI18n } from '../../i18n';

/** Runs a write, keeps the server's error (in the user's language) for the form to show, and reports success. */
function useSubmit() {
  const { locale } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err.text(locale) : String(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run, clear: () => setError(null) };
}

type RoleInfo = Schemas['RoleInfo'];
type UserRow = Schemas['UserAccount'];
type Role = RoleInfo['role'];

function RoleSelect({ roles, value, onChange }: { roles: RoleInfo[]; value?: Role; onChange?: (v: Role) => void }) {
  const { pick } = useI18n();
  return (
    <Select
      value={value}
      onChange={onChange}
      options={roles.map((r) => ({ value: r.role, label: pick(r.label) }))}
      style={{ minWidth: 220 }}
      data-testid="role-select"
    />
  );
}

interface CreateValues {
  username: string;
  displayName: string;
  password: string;
  personId: string | null;
  roles: Array<{ role: Role; unitId: string }>;
}

export function CreateUserModal({ open, roles, onClose, onCreated }: { open: boolean; roles: RoleInfo[]; onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const { error, busy, run, clear } = useSubmit();
  const submit = async () => {
    const values = await form.validateFields();
    const ok = await run(async () => {
      await api.post('/api/users', { ...values, personId: values.personId ?? undefined }, { quiet: true });
    });
    if (ok) {
      message.success(t('users.created', { name: values.username }));
      form.resetFields();
      onCreated();
    }
  };
  const required = [{ required: true, whitespace: true, message: t('users.required') }];
  return (
    <Modal
      open={open}
      title={t('users.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={() => {
        clear();
        onClose();
      }}
      width={640}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'user-create-submit' } as ButtonProps}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" /> : null}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ roles: [{}] }} data-testid="user-create-form">
        <Flex gap={16}>
          <Form.Item name="username" label={t('users.username')} rules={required} style={{ flex: 1 }}>
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={required} style={{ flex: 1 }}>
            <Input data-testid="user-display-name" />
          </Form.Item>
        </Flex>
        <Form.Item name="password" label={t('users.password')} rules={required} extra={t('users.passwordHint')}>
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Form.Item name="personId" label={t('users.person')}>
          <PersonSelect placeholder={t('users.personPick')} testId="user-person" />
        </Form.Item>
        <Form.List
          name="roles"
          rules={[
            {
              validator: async (_, value: unknown[] | undefined) => {
                if (!value || value.length === 0) throw new Error(t('users.atLeastOneRole'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              <div style={{ marginBottom: 8 }}>{t('users.roles')}</div>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: t('users.roleRequired') }]}>
                    <RoleSelect roles={roles} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unitId']} rules={[{ required: true, message: t('users.roleRequired') }]} style={{ flex: 1 }}>
                    <UnitSelect placeholder={t('users.unit')} testId="role-unit" />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('common.cancel')} />
                  ) : null}
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                {t('users.addRole')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export function AddRoleModal({ user, roles, onClose, onDone }: { user: UserRow | null; roles: RoleInfo[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ role: Role; unitId: string }>();
  const { error, busy, run, clear } = useSubmit();
  const submit = async () => {
    if (!user) return;
    const values = await form.validateFields();
    const added = await run(async () => {
      await api.post(`/api/users/${user.id}/roles`, values, { quiet: true });
    });
    if (added) {
      message.success(t('users.roleAdded'));
      form.resetFields();
      onDone();
    }
  };
  return (
    <Modal
      open={user !== null}
      title={`${t('users.addRole')} – ${user?.displayName ?? ''}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={() => {
        clear();
        onClose();
      }}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" /> : null}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
          <RoleSelect roles={roles} />
        </Form.Item>
        <Form.Item name="unitId" label={t('users.unit')} rules={[{ required: true, message: t('users.roleRequired') }]}>
          <UnitSelect testId="role-unit" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const { error, busy, run, clear } = useSubmit();
  const submit = async () => {
    if (!user) return;
    const values = await form.validateFields();
    if (await run(() => api.post(`/api/users/${user.id}/reset-password`, values, { quiet: true }))) {
      message.success(t('users.passwordReset', { name: user.username }));
      form.resetFields();
      onClose();
    }
  };
  return (
    <Modal
      open={user !== null}
      title={`${t('users.resetPassword')} – ${user?.username ?? ''}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={() => {
        clear();
        onClose();
      }}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" /> : null}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="newPassword"
          label={t('users.newPassword')}
          extra={t('users.resetHint')}
          rules={[{ required: true, message: t('users.required') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
