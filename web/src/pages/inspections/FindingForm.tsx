import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Drawer, Flex, Form, Input, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { PersonSelect } from '../../components/PersonSelect';
import { useI18n } from '../../i18n';
import { deviceOutbox, useOnline } from '../../offline/useOutbox';
import { KIND_FINDING, newClientId, useUnitStaff } from './data';
import { locationWanted, queuePhoto, setLocationWanted } from './PhotoButton';
import { useIT } from './texts';
import type { FindingPayload, InspectionView } from './types';

interface Values {
  itemId: string;
  personId?: string | null;
  description: string;
  observedAt: Dayjs;
}

/** Vietnamese search without tone marks ("nguyen van" finds "Nguyễn Văn"). */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/**
 * A finding (per-person or not) with its photos, made on the phone. It goes to the device outbox with a fresh
 * clientId, its photos behind it (sent with the finding's server id once it has one). The person picker lists the
 * inspected unit's staff kept on the device, so it works offline; when that list is unavailable online, the general
 * staff search (PersonSelect) stands in.
 */
export function FindingForm({ view, itemId, open, onClose }: { view: InspectionView; itemId: string | null; open: boolean; onClose: () => void }) {
  const it = useIT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const online = useOnline();
  const [form] = Form.useForm<Values>();
  const staff = useUnitStaff(view.inspection.targetUnitId);
  const [files, setFiles] = useState<File[]>([]);
  const [withLocation, setWithLocation] = useState(locationWanted());
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inspectionId = view.inspection.id;
  const currentItem = Form.useWatch('itemId', form);
  const perPerson = view.items.find((i) => i.id === currentItem)?.perPerson ?? false;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ itemId: itemId ?? undefined, observedAt: dayjs(), personId: null });
    setFiles([]);
  }, [open, itemId, form]);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const clientId = newClientId();
      const personName = staff.find((s) => s.id === v.personId)?.label ?? null;
      const payload: FindingPayload = {
        inspectionId,
        clientId,
        itemId: v.itemId,
        personId: v.personId ?? null,
        personName,
        description: v.description.trim(),
        observedAt: v.observedAt.toISOString(),
      };
      setLocationWanted(withLocation);
      await deviceOutbox().enqueue({ key: clientId, scope: inspectionId, kind: KIND_FINDING, payload });
      for (const file of files) await queuePhoto(file, { inspectionId, itemId: v.itemId, findingClientId: clientId });
      message.success(it('finding.queued'));
      void deviceOutbox().flush();
      onClose();
    } finally {
      setBusy(false);
    }
  };

  const items = [...view.items].sort((a, b) => Number(b.perPerson) - Number(a.perPerson) || a.ord - b.ord);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={it('finding.title')}
      placement="bottom"
      size="large"
      styles={{ body: { paddingBottom: 24 } }}
      data-testid="finding-drawer"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 640, margin: '0 auto' }}>
        <Form.Item name="itemId" label={it('finding.item')} rules={[{ required: true }]}>
          <Select
            data-testid="finding-item"
            options={items.map((i) => ({ value: i.id, label: `${i.ord}. ${locale === 'en' ? i.titleEn : i.titleVi}` }))}
          />
        </Form.Item>
        <Form.Item name="personId" label={it('finding.person')} extra={it('finding.personHint')} rules={[{ required: perPerson }]}>
          {staff.length > 0 || !online ? (
            <Select
              allowClear
              showSearch={{ filterOption: (q, o) => fold(String(o?.label ?? '')).includes(fold(q)) }}
              options={staff.map((s) => ({ value: s.id, label: s.label }))}
              data-testid="finding-person"
            />
          ) : (
            <PersonSelect testId="finding-person" />
          )}
        </Form.Item>
        <Form.Item name="description" label={it('finding.description')} rules={[{ required: true, min: 3 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="finding-description" />
        </Form.Item>
        <Form.Item name="observedAt" label={it('finding.observedAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item label={it('finding.photo')}>
          <Flex gap={8} wrap align="center">
            <input
              ref={input}
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              hidden
              data-testid="finding-photo-input"
              onChange={(e) => setFiles([...files, ...Array.from(e.target.files ?? [])])}
            />
            <Button icon={<CameraOutlined />} onClick={() => input.current?.click()}>
              {it('check.photo')}
            </Button>
            {files.map((f, i) => (
              <Tag key={`${f.name}-${f.size}-${f.lastModified}`} closable onClose={() => setFiles(files.filter((_, j) => j !== i))}>
                {f.name}
              </Tag>
            ))}
          </Flex>
          <Checkbox checked={withLocation} onChange={(e) => setWithLocation(e.target.checked)} style={{ marginTop: 8 }}>
            {it('finding.location')}
          </Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="finding-save">
          {it('finding.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
