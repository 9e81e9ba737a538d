/** The gate pipeline's counters; the shape lives in the kernel because /metrics exports it too. */
export type { GateStats } from '../../platform/observability/gate-stats';
