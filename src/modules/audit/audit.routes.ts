import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { ZPage, ZText } from '../../platform/http/schemas';
import { type Access, getAccess } from '../../platform/access';
import { verifyAuditLog } from './audit.anchor';
import { type AuditRow, recordAudit } from './audit.service';

/** Holds the system administrator role somewhere (the role that administers users and the whole installation). */
function isSystemAdministrator(access: Access): boolean {
  return access.principal.roles.some((r) => r.role === 'sysadmin');
}

export async function auditRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        querystring: z.strictObject({
          actor: ZText(80).optional(),
          action: ZText(80).optional(),
          entityType: ZText(60).optional(),
          entityId: ZText(80).optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          ...ZPage,
        }),
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('audit.read');
      const q = req.query;
      const params: unknown[] = [];
      const where: string[] = [];
      const add = (sql: (n: number) => string, v: unknown) => {
        params.push(v);
        where.push(sql(params.length));
      };
      // Scope: entries about units the reader may audit. Entries with no unit (logins and failed logins of every
      // account, user administration, system events) concern the whole installation: system administrators only.
      const scope = access.unitsFor('audit.read');
      if (isSystemAdministrator(access)) add((n) => `(unit_id = ANY($${n}::uuid[]) OR unit_id IS NULL)`, scope);
      else add((n) => `unit_id = ANY($${n}::uuid[])`, scope);
      if (q.actor) add((n) => `actor_name ILIKE $${n}`, `%${q.actor}%`);
      if (q.action) add((n) => `action LIKE $${n}`, `${q.action}%`);
      if (q.entityType) add((n) => `entity_type = $${n}`, q.entityType);
      if (q.entityId) add((n) => `entity_id = $${n}`, q.entityId);
      if (q.from) add((n) => `at >= $${n}`, q.from);
      if (q.to) add((n) => `at < $${n}`, q.to);
      const w = `WHERE ${where.join(' AND ')}`;
      const total = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log ${w}`, params);
      const rows = await ctx.db.query<AuditRow>(
        `SELECT * FROM audit_log ${w} ORDER BY seq DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
        params,
      );
      return {
        total: total[0]?.n ?? 0,
        items: rows.map((r) => ({
          seq: r.seq,
          at: r.at,
          actorName: r.actor_name,
          ip: r.ip,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          unitId: r.unit_id,
          reason: r.reason,
          details: r.details,
          prevHash: r.prev_hash,
          hash: r.hash,
        })),
      };
    },
  );

  app.post('/api/audit/verify', { schema: { tags: ['audit'] } }, async (req) => {
    const access = getAccess(req);
    access.require('audit.read');
    const verdict = await verifyAuditLog(ctx);
    await recordAudit(ctx.db, {
      actor: access.actor(),
      action: 'audit.verify',
      entityType: 'audit_log',
      details: {
        ok: verdict.ok,
        checked: verdict.checked,
        anchors: verdict.anchors,
        brokenAt: verdict.brokenAt?.seq ?? null,
        problems: verdict.problems.reduce<Record<string, number>>((n, p) => ({ ...n, [p.kind]: (n[p.kind] ?? 0) + 1 }), {}),
      },
    });
    return verdict;
  });
}
