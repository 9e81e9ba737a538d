import { z } from 'zod';
import { LOCATION_TYPES } from './domain/camera-rules';

/**
 * Response schemas of the camera registry routes (cameras.routes.ts). The serializer keeps only the fields listed
 * here: each schema lists every field of cameraDto (cameras.service.ts) and of the answers built in the routes.
 */

/** What the caller may do with one camera (see camera-access.ts). */
export const ZCameraRights = z
  .object({
    live: z.boolean(),
    playback: z.boolean(),
    /** Unmasked footage (footage.raw over the unit): grants never give it. */
    raw: z.boolean(),
    manage: z.boolean(),
    export: z.boolean(),
    /** May grant and revoke viewing to others. */
    grant: z.boolean(),
  })
  .meta({ id: 'CameraRights' });

/** [x, y] in 0..1 picture coordinates. */
const ZMaskPoint = z.tuple([z.number(), z.number()]);

/** A camera as the API shows it. Credentials never leave the server: only whether some are stored. */
export const ZCamera = z
  .object({
    id: z.string(),
    name: z.string(),
    locationType: z.enum(LOCATION_TYPES),
    locationLabel: z.object({ vi: z.string(), en: z.string() }),
    unitId: z.string(),
    mainUrl: z.string(),
    subUrl: z.string().nullable(),
    hasCredentials: z.boolean(),
    direction: z.enum(['IN', 'OUT']).nullable(),
    recognitionAllowed: z.boolean(),
    enabled: z.boolean(),
    segmentSeconds: z.number().int(),
    retentionDays: z.number().int(),
    quotaBytes: z.number().nullable(),
    /** Polygons burned into the picture for viewers without footage.raw. */
    privacyMasks: z.array(z.array(ZMaskPoint)),
    /** Last stream parameters seen (null before any). */
    stream: z.object({ codec: z.string(), width: z.number().nullable(), height: z.number().nullable(), fps: z.number().nullable() }).nullable(),
    /** The running worker's state when there is one, else the last one stored (STARTING, ONLINE, RECONNECTING, OFFLINE, ERROR, STOPPED, DISABLED). */
    health: z.object({ state: z.string(), since: z.string(), detail: z.string().nullable() }),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Camera' });

export const ZCameraList = z.object({ items: z.array(ZCamera.extend({ rights: ZCameraRights }).meta({ id: 'CameraListItem' })) });

export const ZCameraDetail = ZCamera.extend({
  rights: ZCameraRights,
  /** Sampled frames handed to subscribers (recognition) since the server started. */
  frames: z.object({ published: z.number().int(), delivered: z.number().int(), dropped: z.number().int(), handlerErrors: z.number().int() }),
}).meta({ id: 'CameraDetail' });

/** A successful connection test: what the stream carries, and one picture. */
export const ZCameraConnectionTest = z
  .object({
    ok: z.literal(true),
    codec: z.string(),
    profile: z.string().nullable(),
    width: z.number(),
    height: z.number(),
    /** 0 when the stream does not announce it. */
    fps: z.number(),
    /** A data: URL of a JPEG. */
    snapshot: z.string(),
  })
  .meta({ id: 'CameraConnectionTest' });

/** The test of a stored camera: the picture is withheld (null) from a manager who may not see unmasked footage. */
export const ZStoredCameraConnectionTest = ZCameraConnectionTest.extend({
  snapshot: z.string().nullable(),
  snapshotWithheld: z.boolean(),
}).meta({ id: 'StoredCameraConnectionTest' });
