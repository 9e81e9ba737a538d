import type { Db } from '../../platform/ports/db';
import type { AuditRow } from './audit.service';

export interface AuditLogFilter {
  /** Units whose entries may be read. */
  scopeUnitIds: string[];
  /** Entries with no unit (logins, user administration, system events) are included too: system administrators. */
  includeUnitless: boolean;
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** One page of the audit log, newest first, with the number of matching entries. */
export async function listAuditEntries(
  db: Db,
  f: AuditLogFilter,
  page: number,
  pageSize: number,
): Promise<{ total: number; rows: AuditRow[] }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: (n: number) => string, v: unknown) => {
    params.push(v);
    where.push(sql(params.length));
  };
  if (f.includeUnitless) add((n) => `(unit_id = ANY($${n}::uuid[]) OR unit_id IS NULL)`, f.scopeUnitIds);
  else add((n) => `unit_id = ANY($${n}::uuid[])`, f.scopeUnitIds);
  if (f.actor) add((n) => `actor_name ILIKE $${n}`, `%${f.actor}%`);
  if (f.action) add((n) => `action LIKE $${n}`, `${f.action}%`);
  if (f.entityType) add((n) => `entity_type = $${n}`, f.entityType);
  if (f.entityId) add((n) => `entity_id = $${n}`, f.entityId);
  if (f.from) add((n) => `at >= $${n}`, f.from);
  if (f.to) add((n) => `at < $${n}`, f.to);
  const w = `WHERE ${where.join(' AND ')}`;
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log ${w}`, params);
  const rows = await db.query<AuditRow>(
    `SELECT * FROM audit_log ${w} ORDER BY seq DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { total: total[0]?.n ?? 0, rows };
}
