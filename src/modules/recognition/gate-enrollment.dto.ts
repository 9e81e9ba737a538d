import { z } from 'zod';
import { ZBinary } from '../../platform/http/schemas';

/**
 * Response contract of the gate-enrollment and liveness-policy routes (gate-enrollment.routes.ts), field by field
 * from PeriodDto (gate-enrollment.periods.ts), GroupDto (gate-enrollment.groups.ts) and LivenessPolicyRow
 * (liveness.repo.ts). Dates are YYYY-MM-DD strings, instants the Date values of the rows.
 */

export const ZGateEnrollmentCamera = z
  .object({ id: z.guid(), name: z.string(), unitId: z.guid(), unitName: z.string() })
  .meta({ id: 'GateEnrollmentCamera' });

export const ZGateEnrollmentPeriod = z
  .object({
    id: z.guid(),
    cameraId: z.guid(),
    cameraName: z.string(),
    unitId: z.guid(),
    unitName: z.string(),
    startsOn: z.string().describe('YYYY-MM-DD'),
    endsOn: z.string().describe('YYYY-MM-DD'),
    retentionDays: z.number().int().describe('Unassigned groups are deleted this many days after the period ends'),
    state: z.enum(['SCHEDULED', 'COLLECTING', 'ENDED', 'CLOSED']),
    note: z.string().nullable(),
    openedBy: z.string(),
    openedAt: z.date(),
    closedBy: z.string().nullable(),
    closedAt: z.date().nullable(),
    purgeAfter: z.date().describe('From this instant unassigned groups are deleted'),
    purgedAt: z.date().nullable(),
    pendingGroups: z.number().int(),
    groupsAssigned: z.number().int(),
    groupsDiscarded: z.number().int(),
    groupsPurged: z.number().int(),
    templatesCreated: z.number().int(),
  })
  .meta({ id: 'GateEnrollmentPeriod' });

export const ZGateEnrollmentSample = z
  .object({
    id: z.guid().describe('Its face crop: GET /api/recognition/gate-enrollment/samples/{id}/image'),
    quality: z.number().describe('Sample quality in [0, 1]'),
    usable: z.boolean().describe('Passes the enrollment quality checks, so it can become a template'),
    liveness: z.number().nullable(),
    seenAt: z.date(),
  })
  .meta({ id: 'GateEnrollmentSample' });

export const ZGateEnrollmentGroup = z
  .object({
    id: z.guid(),
    periodId: z.guid(),
    passes: z.number().int(),
    firstSeen: z.date(),
    lastSeen: z.date(),
    samples: z.array(ZGateEnrollmentSample).describe('The best samples (at most 8)'),
    usableSamples: z.number().int(),
    minLiveness: z.number().nullable().describe("Lowest liveness score among the group's samples (heuristic signal)"),
    resembles: z
      .object({ personId: z.guid(), fullName: z.string(), employeeCode: z.string(), score: z.number() })
      .nullable()
      .describe('The enrolled person these faces came closest to, below the automatic threshold: a hint against double enrollment'),
  })
  .meta({ id: 'GateEnrollmentGroup' });

export const ZGateEnrollmentGroups = z.object({ period: ZGateEnrollmentPeriod, items: z.array(ZGateEnrollmentGroup) });

export const ZGateEnrollmentAssigned = z
  .object({ templateIds: z.array(z.guid()), samplesUsed: z.number().int() })
  .meta({ id: 'GateEnrollmentAssigned' });

export const ZFaceLivenessPolicy = z
  .object({
    unitId: z.guid().nullable().describe('null for the global policy'),
    unitName: z.string().nullable(),
    mode: z.enum(['OFF', 'REVIEW']),
    threshold: z.number(),
    updatedBy: z.string(),
    updatedAt: z.date(),
  })
  .meta({ id: 'FaceLivenessPolicy' });

export const ZFaceLivenessPolicies = z.object({
  items: z.array(ZFaceLivenessPolicy),
  canSetGlobal: z.boolean().describe('The caller may set the global policy (system administrators who enroll faces)'),
});

export const ZSampleJpeg = ZBinary.describe('The collected face crop as a JPEG image (image/jpeg).');
