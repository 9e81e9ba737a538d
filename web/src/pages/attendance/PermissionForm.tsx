import { App, DatePicker, Form, Input, Modal, Select, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { request } from '../../api/client';
import { PersonSelect } from '../../components/PersonSelect';
import { useSession } from '../../session';
import { useAT } from './texts';

/** The two kinds of permission for part of a session (server: PERMISSION_REQUEST_TYPES). */
export const PERMISSION_TYPES = ['LATE_ARRIVAL_PERMISSION', 'EARLY_LEAVE_PERMISSION'] as const;

/**
 * "Đơn xin đi muộn, về sớm": a date, a from–to window inside one working session and a reason, before or after the
 * day (POST /api/attendance/requests/permissions). The server checks the window against the person's schedule.
 */
export function PermissionForm({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useAT();
  const { can } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    const [from, to] = v.window as [Dayjs, Dayjs];
    setBusy(true);
    try {
      await request('POST', '/api/attendance/requests/permissions', {
        body: {
          personId: v.personId || undefined,
          type: v.type,
          date: (v.date as Dayjs).format('YYYY-MM-DD'),
          from: from.format('HH:mm'),
          to: to.format('HH:mm'),
          reason: v.reason,
          documentRef: v.documentRef || null,
        },
      });
      message.success(t('rq.created'));
      form.resetFields();
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('rq.newPermission')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('rq.submit')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ type: 'LATE_ARRIVAL_PERMISSION' }}>
        {can('attendance.manage') ? (
          <Form.Item name="personId" label={t('rq.person')}>
            <PersonSelect />
          </Form.Item>
        ) : null}
        <Form.Item name="type" label={t('rq.type')} rules={[{ required: true }]}>
          <Select options={PERMISSION_TYPES.map((k) => ({ value: k, label: t(`type.${k}` as never) }))} data-testid="perm-type" />
        </Form.Item>
        <Form.Item name="date" label={t('rq.date')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" data-testid="perm-date" />
        </Form.Item>
        <Form.Item name="window" label={t('rq.window')} extra={t('rq.windowHint')} rules={[{ required: true }]}>
          <TimePicker.RangePicker format="HH:mm" minuteStep={5} order data-testid="perm-window" />
        </Form.Item>
        <Form.Item name="reason" label={t('rq.reason')} rules={[{ required: true, min: 3 }]}>
          <Input.TextArea rows={3} data-testid="perm-reason" />
        </Form.Item>
        <Form.Item name="documentRef" label={t('rq.attachment')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
