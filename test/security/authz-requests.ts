import { randomUUID } from 'node:crypto';
import type { TestApp } from '../helpers/app';

/**
 * Every GET operation of the app's own OpenAPI document, with path and query parameters filled from the demo
 * records: the caller's own record, a colleague's, another Thông Thụ unit's, and Tiền Phong's.
 */
export interface MatrixRequest {
  /** The OpenAPI path template, e.g. /api/staff/{id}. */
  route: string;
  url: string;
}

interface OpenApiParam {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: { type?: string; format?: string; enum?: string[]; pattern?: string; anyOf?: Array<{ format?: string }> };
}

export interface Owner {
  unitId: string | null;
  personId: string | null;
}

export interface Samples {
  /** Who owns each sampled id that is not itself a person, unit, camera or violation (evidence, punches, …). */
  owners: Map<string, Owner>;
  units: string[];
  persons: string[];
  cameras: string[];
  byTable: Record<string, string[]>;
  violationEvidence: Array<[string, string]>;
  explanationFiles: Array<[string, string]>;
  /** [inspection id, photo id] and [inspection id, document id] pairs. */
  inspectionPhotos: Array<[string, string]>;
  inspectionDocuments: Array<[string, string]>;
}

/** Demo people the variants are built around (see src/app/seed/demo-org.ts). */
const KEY_PERSONS = ['TT005' /* canbo */, 'TT004' /* canbo's unit head */, 'TT002' /* office chief, other TT unit */, 'TP001' /* Tiền Phong */];
const KEY_UNITS = ['TT-UBND', 'TT-PKT', 'TT-VP', 'TT-MOTCUA', 'TP-UBND', 'TP-VP'];

/** One row per owner bucket (a key person, else a unit), so each table contributes own / colleague / other unit / other commune. */
async function spreadRows(t: TestApp, owners: Map<string, Owner>, sql: string, max = 6): Promise<string[]> {
  const rows = await t.ctx.db.query<{ id: string; unit_id: string | null; person_id: string | null }>(sql);
  for (const r of rows) owners.set(String(r.id), { unitId: r.unit_id, personId: r.person_id });
  const keyPersons = new Set(KEY_PERSONS.map((c) => t.demo.persons[c]));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of rows) {
    const bucket = r.person_id && keyPersons.has(r.person_id) ? `p:${r.person_id}` : `u:${r.unit_id}`;
    if (seen.has(bucket)) continue;
    seen.add(bucket);
    out.push(String(r.id));
    if (out.length >= max) break;
  }
  // A table without rows in the demo still gets one call: an unknown id must give 404, not 5xx or someone's data.
  return out.length > 0 ? out : [randomUUID()];
}

export async function loadSamples(t: TestApp): Promise<Samples> {
  const owners = new Map<string, Owner>();
  const spread = (sql: string) => spreadRows(t, owners, sql);
  const pairs = async (sql: string) =>
    (await t.ctx.db.query<{ a: string; b: string }>(sql)).map((r) => [String(r.a), String(r.b)] as [string, string]);
  const violationUnitPerson = `v.unit_id, v.person_id`;
  // Files of violations: one per owner bucket, owned by the violation's unit and person.
  const evidencePairs = async () => {
    const ids = await spread(`SELECT ve.id, v.unit_id, v.person_id FROM violation_evidence ve JOIN violations v ON v.id = ve.violation_id`);
    const byId = new Map(await pairs('SELECT id AS a, violation_id AS b FROM violation_evidence'));
    return ids.filter((id) => byId.has(id)).map((id) => [byId.get(id) as string, id] as [string, string]);
  };
  const filePairs = async () => {
    const ids = await spread(
      `SELECT f.id, v.unit_id, v.person_id FROM violation_explanation_files f JOIN violation_explanations e ON e.id = f.explanation_id JOIN violations v ON v.id = e.violation_id`,
    );
    const byId = new Map(await pairs('SELECT f.id AS a, e.violation_id AS b FROM violation_explanation_files f JOIN violation_explanations e ON e.id = f.explanation_id'));
    return ids.filter((id) => byId.has(id)).map((id) => [byId.get(id) as string, id] as [string, string]);
  };
  // An inspection and its files belong to the inspected unit; a surprise one not yet started to its issuer unit, as
  // nobody outside the issuer side and the team may learn of it then (guards.ts: 404 to the inspected unit's leaders).
  const inspectionOwner = `CASE WHEN i.kind = 'SURPRISE' AND i.started_at IS NULL THEN i.issuer_unit_id ELSE i.target_unit_id END`;
  const inspectionPairs = async (table: string) => {
    const ids = await spread(`SELECT f.id, ${inspectionOwner} AS unit_id, NULL AS person_id FROM ${table} f JOIN inspections i ON i.id = f.inspection_id ORDER BY f.id`);
    const byId = new Map(await pairs(`SELECT id AS a, inspection_id AS b FROM ${table}`));
    return ids.filter((id) => byId.has(id)).map((id) => [byId.get(id) as string, id] as [string, string]);
  };
  return {
    owners,
    units: KEY_UNITS.map((c) => t.demo.units[c] as string),
    persons: KEY_PERSONS.map((c) => t.demo.persons[c] as string),
    cameras: await spread('SELECT id, unit_id, NULL AS person_id FROM cameras ORDER BY name'),
    byTable: {
      staffImports: await spread('SELECT id, NULL AS unit_id, NULL AS person_id FROM staff_imports'),
      evidence: await spread('SELECT id, unit_id, NULL AS person_id FROM evidence_exports ORDER BY created_at'),
      incidents: await spread('SELECT id, unit_id, NULL AS person_id FROM incidents ORDER BY created_at'),
      sightings: await spread('SELECT id, unit_id, person_id FROM face_sightings ORDER BY seen_at DESC'),
      periods: await spread('SELECT id, unit_id, NULL AS person_id FROM face_enrollment_periods'),
      samples: await spread('SELECT s.id, p.unit_id, NULL AS person_id FROM face_enrollment_samples s JOIN face_enrollment_periods p ON p.id = s.period_id'),
      faceImports: await spread('SELECT id, NULL AS unit_id, NULL AS person_id FROM face_imports'),
      // A punch belongs to its person (and their unit), whatever source sent it.
      punches: await spread(`SELECT p.id, ps.unit_id, p.person_id FROM punches p JOIN persons ps ON ps.id = p.person_id ORDER BY p.at DESC`),
      recomputeJobs: await spread('SELECT id, unit_id, NULL AS person_id FROM attendance_recompute_jobs'),
      violations: await spread(`SELECT v.id, ${violationUnitPerson} FROM violations v ORDER BY v.occurred_on DESC`),
      disciplineCases: await spread('SELECT id, unit_id, person_id FROM discipline_cases ORDER BY opened_at DESC'),
      inspectionPlans: await spread('SELECT id, issuer_unit_id AS unit_id, NULL AS person_id FROM inspection_plans ORDER BY created_at'),
      // Checklists are the agency's shared reference (no unit): any account that may read them may read every version.
      inspectionChecklists: await spread('SELECT id, NULL AS unit_id, NULL AS person_id FROM inspection_checklists ORDER BY version'),
      inspections: await spread(`SELECT i.id, ${inspectionOwner} AS unit_id, NULL AS person_id FROM inspections i ORDER BY i.created_at`),
    },
    violationEvidence: await evidencePairs(),
    explanationFiles: await filePairs(),
    inspectionPhotos: await inspectionPairs('inspection_photos'),
    inspectionDocuments: await inspectionPairs('inspection_documents'),
  };
}

/** Path templates → the ids their parameters are filled with. A GET route missing here fails the matrix. */
function pathVariants(route: string, s: Samples): Array<Record<string, string>> | undefined {
  const ids = (list: string[]) => list.map((id) => ({ id }));
  const table: Array<[RegExp, () => Array<Record<string, string>>]> = [
    [/^\/api\/org\/units\/\{id\}/, () => ids(s.units)],
    [/^\/api\/staff\/imports\/\{id\}/, () => ids(s.byTable.staffImports as string[])],
    [/^\/api\/staff\/\{id\}$/, () => ids(s.persons)],
    [/^\/api\/cameras\/\{id\}/, () => ids(s.cameras)],
    [/^\/api\/evidence\/\{id\}/, () => ids(s.byTable.evidence as string[])],
    [/^\/api\/incidents\/\{id\}$/, () => ids(s.byTable.incidents as string[])],
    [/^\/api\/recognition\/persons\/\{id\}$/, () => ids(s.persons)],
    [/^\/api\/recognition\/persons\/\{id\}\/reference-photo$/, () => ids(s.persons)],
    [/^\/api\/recognition\/sightings\/\{id\}\//, () => ids(s.byTable.sightings as string[])],
    [/^\/api\/recognition\/gate-enrollment\/periods\/\{id\}\//, () => ids(s.byTable.periods as string[])],
    [/^\/api\/recognition\/gate-enrollment\/samples\/\{id\}\//, () => ids(s.byTable.samples as string[])],
    [/^\/api\/recognition\/imports\/\{id\}/, () => ids(s.byTable.faceImports as string[])],
    [/^\/api\/attendance\/persons\/\{id\}\//, () => ids(s.persons)],
    [/^\/api\/attendance\/punches\/\{id\}\//, () => ids(s.byTable.punches as string[])],
    [/^\/api\/attendance\/recompute\/\{id\}$/, () => ids(s.byTable.recomputeJobs as string[])],
    [/^\/api\/org\/units\/\{id\}\//, () => ids(s.units)],
    [
      /^\/api\/violations\/\{id\}\/evidence\/\{evidenceId\}\//,
      () => (s.violationEvidence.length ? s.violationEvidence : [[randomUUID(), randomUUID()]]).map(([id, evidenceId]) => ({ id, evidenceId })),
    ],
    [
      /^\/api\/violations\/\{id\}\/explanation-files\/\{fileId\}$/,
      () => (s.explanationFiles.length ? s.explanationFiles : [[randomUUID(), randomUUID()]]).map(([id, fileId]) => ({ id, fileId })),
    ],
    [/^\/api\/violations\/\{id\}/, () => ids(s.byTable.violations as string[])],
    [
      /^\/api\/discipline\/cases\/\{id\}\/documents\/\{documentId\}$/,
      () => (s.byTable.disciplineCases?.length ? s.byTable.disciplineCases : [randomUUID()]).map((id) => ({ id, documentId: randomUUID() })),
    ],
    [/^\/api\/discipline\/cases\/\{id\}$/, () => ids(s.byTable.disciplineCases?.length ? s.byTable.disciplineCases : [randomUUID()])],
    [/^\/api\/discipline\/persons\/\{personId\}\/record$/, () => s.persons.map((personId) => ({ personId }))],
    [/^\/api\/inspections\/plans\/\{id\}$/, () => ids(s.byTable.inspectionPlans as string[])],
    [/^\/api\/inspections\/checklists\/\{id\}$/, () => ids(s.byTable.inspectionChecklists as string[])],
    // A file of one inspection asked through another (a real id under the wrong inspection) must not be served either.
    [/^\/api\/inspections\/\{id\}\/photos\/\{photoId\}$/, () => inspectionFileVariants(s, s.inspectionPhotos).map(([id, photoId]) => ({ id, photoId }))],
    [/^\/api\/inspections\/\{id\}\/documents\/\{docId\}$/, () => inspectionFileVariants(s, s.inspectionDocuments).map(([id, docId]) => ({ id, docId }))],
    [/^\/api\/inspections\/\{id\}(\/cameras|\/member-candidates)?$/, () => ids(s.byTable.inspections as string[])],
  ];
  if (!route.includes('{')) return [{}];
  return table.find(([re]) => re.test(route))?.[1]();
}

/**
 * [inspection, file] pairs: the real ones, each file also under every other sampled inspection (the route must check
 * the file belongs to the inspection it is asked through), and every inspection with an unknown file id.
 */
function inspectionFileVariants(s: Samples, real: Array<[string, string]>): Array<[string, string]> {
  const inspections = s.byTable.inspections as string[];
  const out: Array<[string, string]> = [...real];
  for (const [own, file] of real) for (const other of inspections) if (other !== own) out.push([other, file]);
  for (const id of inspections) out.push([id, randomUUID()]);
  return out;
}

function isDateTime(p: OpenApiParam): boolean {
  return p.schema?.format === 'date-time' || !!p.schema?.anyOf?.some((a) => a.format === 'date-time');
}

/** A valid value for a required query parameter that is not a scope selector. */
function requiredValue(p: OpenApiParam, now: Date): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
  if (p.schema?.enum?.length) return p.schema.enum[0] as string;
  switch (p.name) {
    case 'month':
      return day(now).slice(0, 7);
    case 'year':
      return day(now).slice(0, 4);
    case 'date':
    case 'asOf':
      return day(now);
    case 'from':
      return isDateTime(p) ? new Date(now.getTime() - 3_600_000).toISOString() : day(ago(35));
    case 'to':
      return isDateTime(p) ? now.toISOString() : day(now);
    default:
      throw new Error(`authz matrix: no value for required query parameter ${p.name}`);
  }
}

/** Query parameters varied over the sample records; every other optional parameter is left out. */
function scopeValues(name: string, s: Samples): string[] | undefined {
  if (name === 'unitId') return s.units;
  if (name === 'personId') return s.persons;
  if (name === 'cameraId') return s.cameras;
  return undefined;
}

export async function buildRequests(t: TestApp, s: Samples, now = new Date()): Promise<MatrixRequest[]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<string, { get?: { parameters?: OpenApiParam[] } }>;
  };
  const out: MatrixRequest[] = [];
  for (const [route, ops] of Object.entries(doc.paths)) {
    if (!ops.get || !route.startsWith('/api/')) continue;
    const params = ops.get.parameters ?? [];
    const variants = pathVariants(route, s);
    if (!variants) throw new Error(`authz matrix: no ids to fill ${route}; add it to pathVariants`);
    const query = params.filter((p) => p.in === 'query');
    const base = new URLSearchParams();
    for (const p of query) if (p.required && !scopeValues(p.name, s)) base.set(p.name, requiredValue(p, now));
    // Each scope selector varied on its own (a required one always set), the others left out.
    const selectors = query.filter((p) => scopeValues(p.name, s));
    const queries: URLSearchParams[] = [];
    const requiredSelectors = selectors.filter((p) => p.required);
    const withRequired = (q: URLSearchParams) => {
      for (const p of requiredSelectors) if (!q.has(p.name)) q.set(p.name, (scopeValues(p.name, s) as string[])[0] as string);
      return q;
    };
    if (requiredSelectors.length === 0) queries.push(new URLSearchParams(base));
    for (const p of selectors)
      for (const v of scopeValues(p.name, s) as string[]) {
        const q = new URLSearchParams(base);
        q.set(p.name, v);
        queries.push(withRequired(q));
      }
    const box = query.find((p) => p.name === 'box' && p.schema?.enum);
    if (box) for (const v of box.schema?.enum ?? []) queries.push(new URLSearchParams([...base, ['box', v]]));
    for (const vars of variants) {
      const path = route.replace(/\{(\w+)\}/g, (_m, name: string) => {
        const v = vars[name];
        if (!v) throw new Error(`authz matrix: no value for {${name}} in ${route}`);
        return encodeURIComponent(v);
      });
      const seen = new Set<string>();
      for (const q of queries) {
        const qs = q.toString();
        const url = qs ? `${path}?${qs}` : path;
        if (seen.has(url)) continue;
        seen.add(url);
        out.push({ route, url });
      }
    }
  }
  return out;
}
