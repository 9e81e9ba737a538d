import type { Db } from '../../platform/ports/db';
import { loadOrgTree } from '../org';
import { inspectionStatsXlsx } from './stats.xlsx';
import type { inspectionStats } from './stats.service';

/** The statistics as XLSX bytes through the pure builder (stats.xlsx.ts), with the counted subtree's name. */
export async function statsXlsx(db: Db, stats: Awaited<ReturnType<typeof inspectionStats>>, unitId: string | undefined): Promise<Buffer> {
  const scopeName = unitId ? ((await loadOrgTree(db)).byId.get(unitId)?.name ?? null) : null;
  return inspectionStatsXlsx({ ...stats, scopeName });
}
