import { Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { formatDateTime, formatTime } from '../../i18n/format';
import { useVT, type VKey } from './texts';
import type { Schemas } from '../../api/contract';

type Evidence = Schemas['ViolationDetail']['evidence'][number];

const STATUS_COLORS: Record<string, string> = { REQUESTED: 'gold', READY: 'green', UNAVAILABLE: 'default', FAILED: 'red' };

/**
 * The evidence of a violation: clips play inline, snapshots show; items still waiting for the recording module say
 * so (nothing is faked). Opening a clip or snapshot is audited by the server as a footage view.
 */
export function EvidencePanel({ violationId, evidence }: { violationId: string; evidence: Evidence[] }) {
  const vt = useVT();
  if (evidence.length === 0)
    return (
      <Card title={vt('detail.evidence')} data-testid="evidence-panel" data-empty="true">
        <Empty description={vt('detail.evidence.none')} />
      </Card>
    );
  return (
    <Card title={vt('detail.evidence')} data-testid="evidence-panel">
      <Flex vertical gap={16}>
        {evidence.map((e) => {
          const url = `/api/violations/${violationId}/evidence/${e.id}/content`;
          return (
            <div key={e.id} data-testid={`evidence-${e.kind}`} data-status={e.status}>
              <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
                <strong>{vt(`detail.evidence.${e.kind}` as VKey)}</strong>
                <Tag color={STATUS_COLORS[e.status]}>{vt(`detail.evidence.${e.status}` as VKey)}</Tag>
                {e.rangeStart ? (
                  <Typography.Text type="secondary">
                    {e.rangeEnd && e.rangeEnd !== e.rangeStart ? `${formatDateTime(e.rangeStart)} – ${formatTime(e.rangeEnd)}` : formatDateTime(e.rangeStart)}
                  </Typography.Text>
                ) : null}
              </Flex>
              {e.playable && e.kind === 'CLIP' ? (
                // biome-ignore lint/a11y/useMediaCaption: gate camera footage has no audio track to caption.
                <video controls preload="metadata" src={url} style={{ width: '100%', maxWidth: 720, background: '#000' }} data-testid="evidence-clip" />
              ) : null}
              {e.playable && e.kind === 'SNAPSHOT' ? <img src={url} alt={vt('detail.evidence.SNAPSHOT')} style={{ maxWidth: 480, width: '100%' }} data-testid="evidence-snapshot" /> : null}
              {e.kind === 'GATE_COVERAGE' && Object.keys(e.details).length > 0 ? (
                <Descriptions
                  size="small"
                  column={1}
                  bordered
                  items={Object.entries(e.details).map(([k, v]) => ({ key: k, label: k, children: typeof v === 'object' ? JSON.stringify(v) : String(v) }))}
                />
              ) : null}
              {e.sha256 ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {vt('detail.evidence.hash')}: <Typography.Text code>{e.sha256}</Typography.Text>
                </Typography.Text>
              ) : null}
              {e.note ? <div>{e.note}</div> : null}
            </div>
          );
        })}
      </Flex>
    </Card>
  );
}
