import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { ApiRequestBody } from '../../api/contract';
import { PersonSelect } from '../../components/PersonSelect';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { KINDS, useVT, type VKey } from './texts';

type NewViolation = ApiRequestBody<'/api/violations', 'post'>;

interface Values {
  personId: string;
  kind: NewViolation['kind'];
  source: NewViolation['source'];
  occurredOn: Dayjs;
  title: string;
  description: string;
  inspectionRef?: string;
}

/** A violation recorded by hand: by an inspection team (inspections.manage) or a leader (violations.decide). */
export function ManualViolationModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const vt = useVT();
  const { locale } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sources = [...(can('inspections.manage') ? ['INSPECTION' as const] : []), ...(can('violations.decide') ? ['LEADER' as const] : [])];
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const res = await api.post(
        '/api/violations',
        { ...v, occurredOn: v.occurredOn.format('YYYY-MM-DD'), inspectionRef: v.inspectionRef || null },
        { quiet: true },
      );
      message.success(vt('manual.done'));
      onClose();
      navigate(`/violations/${res.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.text(locale) : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={vt('manual.title')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'OTHER', source: sources[0], occurredOn: dayjs() }} data-testid="manual-violation-form">
        <Form.Item name="personId" label={vt('manual.person')} rules={[{ required: true }]}>
          <PersonSelect testId="manual-person" />
        </Form.Item>
        <Form.Item name="kind" label={vt('list.kind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: vt(`kind.${k}` as VKey) }))} />
        </Form.Item>
        <Form.Item name="source" label={vt('manual.source')} rules={[{ required: true }]}>
          <Select options={sources.map((s) => ({ value: s, label: vt(`source.${s}` as VKey) }))} />
        </Form.Item>
        <Form.Item name="occurredOn" label={vt('manual.date')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="title" label={vt('manual.titleField')} rules={[{ required: true, min: 3, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={vt('manual.description')} rules={[{ required: true, min: 3, max: 4000 }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="inspectionRef" label={vt('manual.ref')}>
          <Input maxLength={100} />
        </Form.Item>
        {error ? <div style={{ color: '#cf1322' }}>{error}</div> : null}
      </Form>
    </Modal>
  );
}
