import { Alert, App, Button, Card, Flex, Form, InputNumber, Select, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDateTime } from '../../i18n/format';
import { type GKey, useGT } from './gate-texts';

type PolicyRow = Schemas['FaceLivenessPolicy'];

/** The liveness policy: global (system administrators) or per unit, OFF (record only) or REVIEW. */
export function LivenessPolicyPanel() {
  const gt = useGT();
  const { message } = App.useApp();
  const policies = useApi('/api/recognition/liveness-policy');
  const [scope, setScope] = useState<'GLOBAL' | 'UNIT'>('UNIT');
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const [mode, setMode] = useState<'OFF' | 'REVIEW'>('REVIEW');
  const [threshold, setThreshold] = useState(0.5);
  const save = async () => {
    const target = scope === 'GLOBAL' ? null : unitId;
    if (target === undefined) return; // the button stays disabled until a unit is chosen
    await api.put('/api/recognition/liveness-policy', { unitId: target, mode, threshold });
    message.success(gt('live.saved'));
    policies.reload();
  };
  return (
    <Flex vertical gap={16} style={{ maxWidth: 980 }}>
      <Alert type="warning" showIcon message={gt('live.title')} description={gt('live.explain')} data-testid="live-explain" />
      <Table<PolicyRow>
        data-testid="live-policies"
        rowKey={(r) => r.unitId ?? 'GLOBAL'}
        size="small"
        pagination={false}
        loading={policies.loading}
        dataSource={policies.data?.items ?? []}
        locale={{ emptyText: gt('live.default') }}
        columns={[
          { title: gt('live.col.scope'), render: (_, r) => r.unitName ?? gt('live.global') },
          { title: gt('live.col.mode'), render: (_, r) => gt(`live.mode.${r.mode}` as GKey) },
          { title: gt('live.col.threshold'), dataIndex: 'threshold', align: 'right' },
          { title: gt('live.col.updated'), render: (_, r) => `${formatDateTime(r.updatedAt)} — ${r.updatedBy}` },
        ]}
      />
      <Card size="small" title={gt('live.set')}>
        <Form layout="inline">
          <Form.Item label={gt('live.scope')}>
            <Select
              value={scope}
              onChange={setScope}
              style={{ minWidth: 240 }}
              options={[
                { value: 'UNIT', label: gt('live.scope.unit') },
                ...(policies.data?.canSetGlobal ? [{ value: 'GLOBAL' as const, label: gt('live.global') }] : []),
              ]}
            />
          </Form.Item>
          {scope === 'UNIT' ? (
            <Form.Item>
              <UnitSelect value={unitId} onChange={setUnitId} style={{ minWidth: 280 }} testId="live-unit" />
            </Form.Item>
          ) : null}
          <Form.Item label={gt('live.col.mode')}>
            <Select value={mode} onChange={setMode} style={{ minWidth: 240 }} options={(['OFF', 'REVIEW'] as const).map((m) => ({ value: m, label: gt(`live.mode.${m}`) }))} />
          </Form.Item>
          <Form.Item label={gt('live.col.threshold')}>
            <InputNumber value={threshold} onChange={(v) => setThreshold(v ?? 0.5)} min={0.05} max={1} step={0.05} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" disabled={scope === 'UNIT' && !unitId} onClick={() => void save()} data-testid="live-save">
              {gt('live.save')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </Flex>
  );
}
