import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { BLOB_KINDS, type BlobOwner, forgetBlobOwners } from '../../platform/blob-owners/blob-owners';
import { openOwnedBlob } from '../../platform/blob-owners/read';
import { errors } from '../../platform/errors';
import { ZIdParams, ZInstant, ZPage, ZText, binaryBody, ZNoContent } from '../../platform/http/schemas';
import { recordAudit } from '../audit';
import { getAccess } from '../../platform/access';
import { cameraRights, cameraServices, getCamera } from '../cameras';
import {
  type EvidenceDeps,
  type EvidenceRow,
  evidenceDto,
  exportClip,
  exportSnapshot,
  getEvidenceRow,
  linkEvidence,
  verifyEvidence,
} from './evidence.service';
import { deleteEvidenceRow, evidenceLinks, isEvidenceLinked, listEvidence, setEvidenceHold } from './evidence.repo';
import { incidentExists } from './incidents.repo';
import { ZOk } from './recording.dto';
import {
  evidenceLinkDto,
  ZEvidenceExport,
  ZEvidenceExportDetail,
  ZEvidenceFile,
  ZEvidenceManifestFile,
  ZEvidencePage,
  ZEvidenceVerification,
} from './evidence.dto';

const ZReason = ZText(500).pipe(z.string().min(5, 'give a reason of at least 5 characters'));

/**
 * The export's files must be owned by the unit the export was made for (the camera's unit when it was cut); the
 * caller's right over that camera (by role over its unit, or by grant) is checked by `readable` before.
 */
function ownedByExportUnit(row: EvidenceRow) {
  return (owner: BlobOwner) => {
    if (owner.unitId !== row.unit_id) throw errors.outOfScope();
  };
}

export async function evidenceRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { engine, recordingsRoot } = cameraServices(ctx);
  const deps: EvidenceDeps = { db: ctx.db, blobs: ctx.blobs, engine, recordingsRoot, now: ctx.now };

  async function exportRights(req: FastifyRequest, cameraId: string) {
    const access = getAccess(req);
    access.require('evidence.export');
    const camera = await getCamera(ctx.db, cameraId);
    if (!camera) throw errors.notFound('Camera', 'camera');
    const rights = await cameraRights(ctx.db, access, camera, ctx.now());
    if (!rights.export) throw errors.outOfScope();
    return { access, rights };
  }

  /** Who may open an export: playback over its unit, and raw rights when the export itself is unmasked. */
  async function readable(req: FastifyRequest, id: string): Promise<{ row: EvidenceRow; access: ReturnType<typeof getAccess> }> {
    const access = getAccess(req);
    const row = await getEvidenceRow(ctx.db, id);
    const camera = await getCamera(ctx.db, row.camera_id);
    const rights = camera ? await cameraRights(ctx.db, access, camera, ctx.now()) : undefined;
    if (!rights?.playback) throw errors.forbidden({ permission: 'camera.playback' });
    if (!row.masked && (camera?.privacy_masks.length ?? 0) > 0 && !rights.raw) throw errors.forbidden({ permission: 'footage.raw' });
    return { row, access };
  }

  app.post(
    '/api/evidence/clips',
    {
      schema: {
        summary: 'Export a clip of recorded footage as evidence (at most 2 hours)',
        description: 'Cut by stream copy across segments (re-encoded with the privacy masks unless the caller holds footage.raw); stored with a manifest and its SHA-256.',
        tags: ['evidence'],
        body: z.strictObject({ cameraId: z.uuid(), from: ZInstant, to: ZInstant, reason: ZReason }),
        response: { 201: ZEvidenceExport },
      },
    },
    async (req, reply) => {
      const { access, rights } = await exportRights(req, req.body.cameraId);
      const row = await exportClip(deps, {
        cameraId: req.body.cameraId,
        from: new Date(req.body.from),
        to: new Date(req.body.to),
        reason: req.body.reason,
        actor: access.actor(),
        masked: !rights.raw,
      });
      return reply.status(201).send(evidenceDto(row));
    },
  );

  app.post(
    '/api/evidence/snapshots',
    {
      schema: {
        summary: 'Export the recorded picture at one instant as evidence (JPEG or PNG)',
        tags: ['evidence'],
        body: z.strictObject({ cameraId: z.uuid(), at: ZInstant, reason: ZReason, format: z.enum(['jpeg', 'png']).default('jpeg') }),
        response: { 201: ZEvidenceExport },
      },
    },
    async (req, reply) => {
      const { access, rights } = await exportRights(req, req.body.cameraId);
      const row = await exportSnapshot(deps, {
        cameraId: req.body.cameraId,
        at: new Date(req.body.at),
        reason: req.body.reason,
        actor: access.actor(),
        masked: !rights.raw,
        format: req.body.format,
      });
      return reply.status(201).send(evidenceDto(row));
    },
  );

  app.get(
    '/api/evidence',
    {
      schema: {
        summary: 'List evidence exports of the units the caller may play back, newest first',
        tags: ['evidence'],
        querystring: z.strictObject({ cameraId: z.uuid().optional(), kind: z.enum(['CLIP', 'SNAPSHOT']).optional(), ...ZPage }),
        response: { 200: ZEvidencePage },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const units = access.unitsFor('camera.playback');
      if (units.length === 0) access.require('camera.playback');
      const { page, pageSize } = req.query;
      const { total, rows } = await listEvidence(ctx.db, { unitIds: units, cameraId: req.query.cameraId, kind: req.query.kind, page, pageSize });
      return { items: rows.map(evidenceDto), total, page, pageSize };
    },
  );

  app.get(
    '/api/evidence/:id',
    {
      schema: {
        summary: 'Show an evidence export with its manifest and what it is attached to',
        description: 'Viewing is audited (evidence.view).',
        tags: ['evidence'],
        params: ZIdParams,
        response: { 200: ZEvidenceExportDetail },
      },
    },
    async (req) => {
      const { row, access } = await readable(req, req.params.id);
      const links = await evidenceLinks(ctx.db, row.id);
      await recordAudit(ctx.db, { actor: access.actor(), action: 'evidence.view', entityType: 'evidence', entityId: row.id, unitId: row.unit_id });
      return {
        ...evidenceDto(row),
        manifest: row.manifest,
        links: links.map(evidenceLinkDto),
      };
    },
  );

  // `inline=1` plays it in the page (audited as a view); otherwise it is a download (audited as one).
  app.get(
    '/api/evidence/:id/file',
    {
      schema: {
        summary: 'Download (or, with inline=1, play) the exported file',
        description: 'Sends the file bytes with the content-type recorded for the export (video/mp4, image/jpeg or image/png); audited as a download or a view.',
        tags: ['evidence'],
        params: ZIdParams,
        querystring: z.strictObject({ inline: z.enum(['0', '1']).optional() }),
        response: { 200: ZEvidenceFile },
      },
      config: { servesBlob: 'owner' },
    },
    async (req, reply) => {
      const { row, access } = await readable(req, req.params.id);
      const blob = await openOwnedBlob(ctx, row.blob_key, [BLOB_KINDS.recordingEvidence], ownedByExportUnit(row));
      const inline = req.query.inline === '1';
      await recordAudit(ctx.db, {
        actor: access.actor(),
        action: inline ? 'evidence.view_file' : 'evidence.download',
        entityType: 'evidence',
        entityId: row.id,
        unitId: row.unit_id,
        details: { sha256: row.sha256 },
      });
      const name = row.blob_key.split('/').pop() ?? `${row.id}`;
      return reply
        .header('content-type', row.content_type)
        .header('content-length', String(blob.size))
        .header('x-kc-sha256', row.sha256)
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}"`)
        .send(binaryBody(await blob.stream()));
    },
  );

  app.get(
    '/api/evidence/:id/manifest',
    {
      schema: {
        summary: 'Download the manifest file of an evidence export (JSON)',
        description: 'Sends the stored application/json file as an attachment.',
        tags: ['evidence'],
        params: ZIdParams,
        response: { 200: ZEvidenceManifestFile },
      },
      config: { servesBlob: 'owner' },
    },
    async (req, reply) => {
      const { row } = await readable(req, req.params.id);
      const blob = await openOwnedBlob(ctx, row.manifest_key, [BLOB_KINDS.recordingEvidenceManifest], ownedByExportUnit(row));
      return reply
        .header('content-type', 'application/json')
        .header('content-disposition', `attachment; filename="${row.id}.manifest.json"`)
        .send(binaryBody(await blob.buffer()));
    },
  );

  app.post(
    '/api/evidence/:id/verify',
    {
      schema: {
        summary: 'Re-hash the stored file and check it against its manifest',
        description: 'Audited (evidence.verify).',
        tags: ['evidence'],
        params: ZIdParams,
        response: { 200: ZEvidenceVerification },
      },
    },
    async (req) => {
      const { row, access } = await readable(req, req.params.id);
      const result = await verifyEvidence(ctx, row.id);
      await recordAudit(ctx.db, {
        actor: access.actor(),
        action: 'evidence.verify',
        entityType: 'evidence',
        entityId: row.id,
        unitId: row.unit_id,
        details: { ok: result.ok },
      });
      return result;
    },
  );

  app.post(
    '/api/evidence/:id/links',
    {
      schema: {
        summary: 'Attach an evidence export to a violation or an incident (idempotent)',
        tags: ['evidence'],
        params: ZIdParams,
        body: z.strictObject({ targetType: z.enum(['VIOLATION', 'INCIDENT']), targetId: z.uuid() }),
        response: { 201: ZOk },
      },
    },
    async (req, reply) => {
      const { row, access } = await readable(req, req.params.id);
      access.requireInUnit('evidence.export', row.unit_id);
      if (req.body.targetType === 'INCIDENT') {
        if (!(await incidentExists(ctx.db, req.body.targetId))) throw errors.notFound('Incident', 'vụ việc');
      }
      await linkEvidence(ctx.db, { exportId: row.id, targetType: req.body.targetType, targetId: req.body.targetId, actor: access.actor() });
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.post(
    '/api/evidence/:id/hold',
    {
      schema: {
        summary: 'Put an evidence export under legal hold, or release it',
        tags: ['evidence'],
        params: ZIdParams,
        body: z.strictObject({ hold: z.boolean(), reason: ZReason }),
        response: { 200: ZEvidenceExport },
      },
    },
    async (req) => {
      const { row, access } = await readable(req, req.params.id);
      access.requireInUnit('evidence.export', row.unit_id);
      await ctx.db.transaction(async (tx) => {
        await setEvidenceHold(tx, row.id, req.body.hold);
        await recordAudit(tx, {
          actor: access.actor(),
          action: req.body.hold ? 'evidence.hold' : 'evidence.release_hold',
          entityType: 'evidence',
          entityId: row.id,
          unitId: row.unit_id,
          reason: req.body.reason,
        });
      });
      return { ...evidenceDto({ ...row, legal_hold: req.body.hold }) };
    },
  );

  // Deleting an export: only when it is neither on hold nor attached to a case.
  app.delete(
    '/api/evidence/:id',
    {
      schema: {
        summary: 'Delete an evidence export that is neither on hold nor attached to a case',
        tags: ['evidence'],
        params: ZIdParams,
        body: z.strictObject({ reason: ZReason }),
        response: { 204: ZNoContent },
      },
    },
    async (req, reply) => {
      const { row, access } = await readable(req, req.params.id);
      access.requireInUnit('camera.manage', row.unit_id);
      if (row.legal_hold)
        throw errors.conflict('EVIDENCE_ON_HOLD', 'Bản trích xuất đang bị giữ theo yêu cầu pháp lý, không được xóa.', 'The export is under legal hold and cannot be deleted.');
      if (await isEvidenceLinked(ctx.db, row.id))
        throw errors.conflict('EVIDENCE_LINKED', 'Bản trích xuất đã gắn với vụ việc hoặc vi phạm, không được xóa.', 'The export is attached to a case and cannot be deleted.');
      await ctx.db.transaction(async (tx) => {
        await deleteEvidenceRow(tx, row.id);
        await forgetBlobOwners(tx, [row.blob_key, row.manifest_key]);
        await recordAudit(tx, { actor: access.actor(), action: 'evidence.delete', entityType: 'evidence', entityId: row.id, unitId: row.unit_id, reason: req.body.reason, details: { sha256: row.sha256 } });
      });
      await ctx.blobs.delete(row.blob_key);
      await ctx.blobs.delete(row.manifest_key);
      return reply.status(204).send();
    },
  );
}
