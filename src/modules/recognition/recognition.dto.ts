import { z } from 'zod';
import { multipartBody, ZBinary } from '../../platform/http/schemas';
import { MAX_FILES_PER_REQUEST } from './enrollment.service';

/**
 * Response contract of the consent, photo enrollment and review routes (recognition.routes.ts). Every field the
 * handlers return is listed: the serializer drops anything missing here. Timestamps are the Date values the
 * repositories return (sent as ISO-8601 strings).
 */

/** Row ids are uuids; z.guid() checks the shape only (ids made by hand in demo data need not carry a version). */
const ZId = z.guid();

export const ZFaceConsentRecorded = z
  .object({
    id: ZId.describe('The consent record'),
    templatesDeleted: z.number().int().describe('Templates deleted because the decision was a refusal or a withdrawal'),
  })
  .meta({ id: 'FaceConsentRecorded' });

export const ZFaceConsent = z
  .object({
    personId: ZId,
    decision: z.enum(['GIVEN', 'REFUSED', 'WITHDRAWN', 'NONE']).describe('The latest decision; NONE when nothing was ever recorded'),
    noticeVersion: z.string().nullable(),
    recordedAt: z.date().nullable(),
    recordedBy: z.string().nullable().describe('Name of who recorded the decision'),
    gateLearning: z.boolean().describe('Latest decision GIVEN and also covers learning from gate passes (separate purpose)'),
  })
  .meta({ id: 'FaceConsent' });

export const ZFaceTemplateCounts = z
  .object({
    photos: z.number().int().describe('Templates made from photos or gate samples'),
    synthetic: z.number().int().describe('Synthetic masked copies derived from them'),
    learned: z.number().int().describe('Templates learned from confirmed or settled automatic gate passes (consent for gate learning)'),
  })
  .meta({ id: 'FaceTemplateCounts' });

export const ZFacePerson = z.object({ consent: ZFaceConsent, templates: ZFaceTemplateCounts }).meta({ id: 'FacePerson' });

export const ZFaceQualityReport = z
  .object({
    ok: z.boolean(),
    issues: z.array(z.enum(['NO_FACE', 'MANY_FACES', 'FACE_TOO_SMALL', 'BLURRY', 'POSE_TURNED', 'POSE_TILTED'])),
    eyeDistance: z.number().optional(),
    sharpness: z.number().optional(),
    yaw: z.number().optional(),
    rollDegrees: z.number().optional(),
  })
  .meta({ id: 'FaceQualityReport' });

export const ZFacePhotoReport = z
  .object({
    file: z.string(),
    ok: z.boolean(),
    code: z.string().optional().describe('Why the photo was refused (quality issue or IMAGE_* code)'),
    message_vi: z.string().optional(),
    message_en: z.string().optional(),
    templateIds: z.array(ZId).optional().describe('Templates created from an accepted photo (the photo and its synthetic masked copies)'),
    quality: ZFaceQualityReport.optional(),
  })
  .meta({ id: 'FacePhotoReport' });

export const ZFacePhotoUpload = z
  .object({ files: z.array(ZFacePhotoReport), accepted: z.number().int(), rejected: z.number().int() })
  .meta({ id: 'FacePhotoUpload' });

export const ZFaceReviewItem = z
  .object({
    id: ZId.describe('The sighting (gate pass)'),
    cameraId: ZId,
    unitId: ZId,
    seenAt: z.date().describe('When the face was first seen in this pass (the punch time a confirmation gives)'),
    reason: z.string().nullable().describe('Why the pass needs a reviewer (LOW_CONFIDENCE, MASKED_AMBIGUOUS, …)'),
    masked: z.boolean(),
    snapshotKey: z.string().nullable(),
    frames: z.number().int(),
    fragments: z.number().int().describe('Track fragments merged into this pass: one review item per pass'),
    cameraName: z.string().nullable(),
    candidates: z.array(
      z.object({
        personId: ZId,
        score: z.number(),
        fullName: z.string().nullable(),
        employeeCode: z.string().nullable(),
        hasReference: z.boolean().describe('A reference face can be shown (GET /api/recognition/persons/{id}/reference-photo)'),
      }),
    ),
    liveness: z.number().nullable().describe('Heuristic liveness signal of the pass (not certified anti-spoofing)'),
    livenessComponents: z.record(z.string(), z.number().nullable()).nullable(),
  })
  .meta({ id: 'FaceReviewItem' });

export const ZFaceReviewList = z.object({ items: z.array(ZFaceReviewItem) });

export const ZFaceReviewConfirmed = z.object({ punchId: z.string().describe('The punch created for the confirmed person') }).meta({ id: 'FaceReviewConfirmed' });


export const ZSnapshotJpeg = ZBinary.describe('The pass snapshot as a JPEG image (image/jpeg).');


const MB = 1024 * 1024;

/**
 * The photo upload as the handler parses it (multipart limits registered in recognition.routes.ts: 50 files, 2
 * fields of at most 1 KB). `image` are the decoder's limits, passed in by the routes.
 */
export function photoUploadBody(image: { maxBytes: number; maxPixels: number }) {
  return multipartBody({
    files: {
      type: 'files',
      description:
        `Photos of the person's face: 1 to ${MAX_FILES_PER_REQUEST} file parts (every file part is taken whatever its name; "files" by ` +
        `convention), each a JPEG, PNG or WebP image (image/jpeg, image/png, image/webp) of at most ${image.maxBytes / MB} MB and ` +
        `${image.maxPixels / 1_000_000} megapixels. Each file gets its own verdict in the response; a larger file is reported as IMAGE_TOO_LARGE.`,
      required: true,
    },
    source: {
      type: 'string',
      description: 'UPLOAD (default) or WEBCAM: how the photos were taken, kept with the templates. Any other field or value is refused (400 UNKNOWN_FIELD).',
    },
  });
}
