import { z } from 'zod';
import { ZEvidenceExport } from './evidence.dto';
import type { IncidentFootageRow, IncidentRow } from './incidents.repo';

/** Response contract of the incident routes (incidents.routes.ts), with the mappers from the rows. */

const ZIso = z.iso.datetime();

export const ZIncident = z
  .object({
    id: z.guid(),
    unitId: z.guid(),
    title: z.string(),
    description: z.string(),
    occurredFrom: ZIso.nullable(),
    occurredTo: ZIso.nullable(),
    status: z.enum(['OPEN', 'CLOSED']),
    createdAt: ZIso,
    updatedAt: ZIso,
  })
  .meta({ id: 'Incident' });

export function incidentDto(r: IncidentRow): z.output<typeof ZIncident> {
  return {
    id: r.id,
    unitId: r.unit_id,
    title: r.title,
    description: r.description,
    occurredFrom: r.occurred_from?.toISOString() ?? null,
    occurredTo: r.occurred_to?.toISOString() ?? null,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export const ZIncidentFootage = z
  .object({ id: z.guid(), cameraId: z.guid(), from: ZIso, to: ZIso, note: z.string(), createdAt: ZIso })
  .meta({ id: 'IncidentFootage', description: 'A range of a camera searched for the incident (whether or not anything was exported)' });

export function incidentFootageDto(f: IncidentFootageRow): z.output<typeof ZIncidentFootage> {
  return { id: f.id, cameraId: f.camera_id, from: f.range_from.toISOString(), to: f.range_to.toISOString(), note: f.note, createdAt: f.created_at.toISOString() };
}

export const ZIncidentDetail = ZIncident.extend({ footage: z.array(ZIncidentFootage), evidence: z.array(ZEvidenceExport) }).meta({ id: 'IncidentDetail' });

export const ZIncidentList = z.object({ items: z.array(ZIncident) });
