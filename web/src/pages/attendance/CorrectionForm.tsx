import { App, DatePicker, Empty, Form, Input, Modal, Radio, Select, Space, Spin, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { request } from '../../api/client';
import { PersonSelect } from '../../components/PersonSelect';
import { useSession } from '../../session';
import { useAT } from './texts';

/** One punch of the chosen day (GET /api/attendance/corrections/punches); local type until the API types are regenerated. */
interface DayPunch {
  id: string;
  at: string;
  time: string;
  direction: 'IN' | 'OUT' | null;
  sourceId: string;
  annulled: boolean;
  voidRequestId: string | null;
}

/** The punches of a person's day, for picking the wrong one. */
function useDayPunches(personId: string | undefined, date: Dayjs | undefined) {
  const [items, setItems] = useState<DayPunch[] | null>(null);
  const [loading, setLoading] = useState(false);
  const day = date?.format('YYYY-MM-DD');
  useEffect(() => {
    if (!day) {
      setItems(null);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    request<{ items: DayPunch[] }>('GET', '/api/attendance/corrections/punches', { query: { personId, date: day }, signal: controller.signal })
      .then((r) => setItems(r.items))
      .catch(() => setItems(null))
      .finally(() => setLoading(false));
    return () => controller.abort();
  }, [personId, day]);
  return { items, loading };
}

/**
 * "Đơn điều chỉnh chấm công": add a punch the camera missed (date, time, direction) or void a punch that is not the
 * person's (picked from the day's punches); a reason and an optional supporting document. The competent leader decides.
 */
export function CorrectionForm({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useAT();
  const { can } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form) as 'ADD_PUNCH' | 'VOID_PUNCH' | undefined;
  const personId = Form.useWatch('personId', form) as string | undefined;
  const date = Form.useWatch('date', form) as Dayjs | undefined;
  const punches = useDayPunches(kind === 'VOID_PUNCH' ? personId || undefined : undefined, kind === 'VOID_PUNCH' ? date : undefined);

  const submit = async () => {
    const v = await form.validateFields();
    const common = { personId: v.personId || undefined, reason: v.reason, attachmentRef: v.attachmentRef || null };
    const body =
      v.kind === 'ADD_PUNCH'
        ? { ...common, kind: 'ADD_PUNCH', date: (v.date as Dayjs).format('YYYY-MM-DD'), time: (v.time as Dayjs).format('HH:mm'), direction: v.direction }
        : { ...common, kind: 'VOID_PUNCH', punchId: v.punchId };
    setBusy(true);
    try {
      await request('POST', '/api/attendance/corrections', { body });
      message.success(t('rq.created'));
      form.resetFields();
      onDone();
    } finally {
      setBusy(false);
    }
  };
  const direction = (d: string | null) => (d ? t(`rq.dir${d}` as never) : '—');
  return (
    <Modal open={open} title={t('rq.newCorrection')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('rq.submit')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'ADD_PUNCH', direction: 'IN' }}>
        {can('attendance.manage') ? (
          <Form.Item name="personId" label={t('rq.person')}>
            <PersonSelect />
          </Form.Item>
        ) : null}
        <Form.Item name="kind" label={t('rq.corrKind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'ADD_PUNCH', label: t('rq.corrAdd') },
              { value: 'VOID_PUNCH', label: t('rq.corrVoid') },
            ]}
            data-testid="corr-kind"
          />
        </Form.Item>
        <Form.Item name="date" label={t('rq.date')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" data-testid="corr-date" />
        </Form.Item>
        {kind !== 'VOID_PUNCH' ? (
          <Space>
            <Form.Item name="time" label={t('rq.time')} rules={[{ required: true }]}>
              <TimePicker format="HH:mm" data-testid="corr-time" />
            </Form.Item>
            <Form.Item name="direction" label={t('rq.direction')} rules={[{ required: true }]}>
              <Select style={{ width: 110 }} options={['IN', 'OUT'].map((d) => ({ value: d, label: direction(d) }))} />
            </Form.Item>
          </Space>
        ) : (
          <Form.Item label={t('rq.pickPunch')} required>
            {!date ? (
              <span>{t('rq.pickDateFirst')}</span>
            ) : punches.loading ? (
              <Spin />
            ) : !punches.items?.length ? (
              <Empty description={t('rq.noPunches')} />
            ) : (
              <Form.Item name="punchId" noStyle rules={[{ required: true }]}>
                <Radio.Group data-testid="corr-punches">
                  <Space direction="vertical">
                    {punches.items.map((p) => (
                      <Radio key={p.id} value={p.id} disabled={p.annulled || p.voidRequestId !== null}>
                        {p.time} · {direction(p.direction)} · {p.sourceId}
                        {p.annulled ? ` · ${t('pm.annulled')}` : p.voidRequestId ? ` · ${t('rq.voidRequested')}` : ''}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
            )}
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('rq.reason')} rules={[{ required: true, min: 3 }]}>
          <Input.TextArea rows={3} data-testid="corr-reason" />
        </Form.Item>
        <Form.Item name="attachmentRef" label={t('rq.attachment')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
