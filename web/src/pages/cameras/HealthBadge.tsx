import { Badge, Tooltip } from 'antd';
import { formatDateTime } from '../../i18n/format';
import { type CKey, useCT } from './texts';

const STATUS: Record<string, 'success' | 'processing' | 'warning' | 'error' | 'default'> = {
  ONLINE: 'success',
  STARTING: 'processing',
  RECONNECTING: 'warning',
  OFFLINE: 'error',
  ERROR: 'error',
  STOPPED: 'default',
  DISABLED: 'default',
};

/** Camera health (online / reconnecting / offline since …) with the last error as a tooltip. */
export function HealthBadge({ health }: { health: { state: string; since: string; detail: string | null } }) {
  const ct = useCT();
  const label = ct(`health.${health.state}` as CKey);
  const since = health.state === 'ONLINE' ? '' : ` ${ct('health.since', { time: formatDateTime(health.since) })}`;
  return (
    <Tooltip title={health.detail ?? undefined}>
      <Badge status={STATUS[health.state] ?? 'default'} text={`${label}${since}`} data-testid="camera-health" data-state={health.state} />
    </Tooltip>
  );
}
