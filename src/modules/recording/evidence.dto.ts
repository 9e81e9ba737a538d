import { z } from 'zod';
import { ZBinary, ZPageOf } from '../../platform/http/schemas';
import type { EvidenceLinkRow } from './evidence.repo';

/**
 * Response contract of the evidence routes (evidence.routes.ts): the fields of evidenceDto (evidence.service.ts),
 * the stored manifest (EvidenceManifest) and the verification result (VerifyResult).
 */

const ZIso = z.iso.datetime();

export const ZEvidenceExport = z
  .object({
    id: z.guid(),
    kind: z.enum(['CLIP', 'SNAPSHOT']),
    cameraId: z.guid(),
    cameraName: z.string().describe("The camera's name when the export was made"),
    unitId: z.guid(),
    requestedFrom: ZIso,
    requestedTo: ZIso,
    actualFrom: ZIso.describe('A clip starts at the keyframe at or before the requested start'),
    actualTo: ZIso,
    requestedBy: z.string().describe('Name of who made the export'),
    reason: z.string(),
    masked: z.boolean().describe('Privacy masks were burned in'),
    contentType: z.string().describe('video/mp4, image/jpeg or image/png'),
    bytes: z.number().int(),
    sha256: z.string(),
    legalHold: z.boolean(),
    durationSeconds: z.number().nullable().describe('Clips only'),
    createdAt: ZIso,
  })
  .meta({ id: 'EvidenceExport' });

export const ZEvidenceManifest = z
  .object({
    format: z.literal('kycuong-evidence/1'),
    exportId: z.guid(),
    kind: z.enum(['CLIP', 'SNAPSHOT']),
    camera: z.object({ id: z.guid(), name: z.string(), unitId: z.guid(), locationType: z.string() }),
    requested: z.object({ from: z.string(), to: z.string() }),
    actual: z.object({ from: z.string(), to: z.string() }),
    requester: z.object({ id: z.string().nullable(), name: z.string(), ip: z.string().nullable() }),
    reason: z.string(),
    createdAt: z.string(),
    masked: z.boolean(),
    file: z.object({ name: z.string(), contentType: z.string(), bytes: z.number().int(), sha256: z.string() }),
    video: z.object({ durationSeconds: z.number(), frames: z.number().int(), reencoded: z.boolean(), segments: z.number().int() }).optional(),
  })
  .meta({ id: 'EvidenceManifest', description: 'The manifest stored with the file (its SHA-256 is what verification checks).' });

export const ZEvidenceLink = z
  .object({ targetType: z.enum(['VIOLATION', 'INCIDENT']), targetId: z.guid(), linkedAt: ZIso })
  .meta({ id: 'EvidenceLink' });

export function evidenceLinkDto(l: EvidenceLinkRow): z.output<typeof ZEvidenceLink> {
  return { targetType: l.target_type, targetId: l.target_id, linkedAt: l.created_at.toISOString() };
}

export const ZEvidenceExportDetail = ZEvidenceExport.extend({ manifest: ZEvidenceManifest, links: z.array(ZEvidenceLink) }).meta({
  id: 'EvidenceExportDetail',
});

export const ZEvidencePage = ZPageOf(ZEvidenceExport);

export const ZEvidenceVerification = z
  .object({
    ok: z.boolean().describe('The file matches its manifest and the manifest matches the record'),
    expectedSha256: z.string().describe('SHA-256 written in the manifest'),
    fileSha256: z.string().describe('SHA-256 of the stored file now'),
    manifestMatchesRecord: z.boolean(),
    bytes: z.number().int(),
  })
  .meta({ id: 'EvidenceVerification' });

export const ZEvidenceFile = ZBinary.describe(
  'The exported file: video/mp4 for a clip, image/jpeg or image/png for a snapshot (content-type as recorded). Header x-kc-sha256 gives its hash.',
);

export const ZEvidenceManifestFile = ZBinary.describe('The stored manifest file (application/json), byte for byte as hashed.');
