import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { ZPage, ZText } from '../../platform/http/schemas';
import { type Access, getAccess } from '../../platform/access';
import { verifyAuditLog } from './audit.anchor';
import { auditEntryDto, ZAuditPage, ZAuditVerdict } from './audit.dto';
import { listAuditEntries } from './audit.repo';
import { recordAudit } from './audit.service';

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
        summary: 'List audit log entries of the units in scope, newest first',
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
        response: { 200: ZAuditPage },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('audit.read');
      const { page, pageSize, ...filters } = req.query;
      // Scope: entries about units the reader may audit. Entries with no unit (logins and failed logins of every
      // account, user administration, system events) concern the whole installation: system administrators only.
      const { total, rows } = await listAuditEntries(
        ctx.db,
        { ...filters, scopeUnitIds: access.unitsFor('audit.read'), includeUnitless: isSystemAdministrator(access) },
        page,
        pageSize,
      );
      return { total, items: rows.map(auditEntryDto) };
    },
  );

  app.post(
    '/api/audit/verify',
    {
      schema: {
        summary: 'Verify the audit chain and its signed anchors (the check itself is audited)',
        tags: ['audit'],
        response: { 200: ZAuditVerdict },
      },
    },
    async (req) => {
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
    },
  );
}
