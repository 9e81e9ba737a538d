import { createHash, randomUUID } from 'node:crypto';
import { IMAGE_LIMITS } from '../../platform/image/limits';
import { AppError } from '../../platform/errors';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import type { FaceEngine } from '../../platform/ports/face-engine';
import { type AuditActor, recordAudit } from '../audit';
import { candidateCodes, hasImageExtension, isSystemJunk, looksLikeImage, shownCode } from './domain/zip-names';
import { type ZipRejectCode, zipRejectText } from './domain/zip-outcomes';
import { analysePhoto, keepingPhotos, type PhotoAnalysis, storePhotoTemplates } from './enrollment-photo';
import { isSafeEntryName, ZipArchive, type ZipEntryInfo, type ZipLimits, zipError } from '../../platform/zip/zip-archive';

/**
 * Bulk enrollment from a zip of photos named by employee code. The upload is checked at once (zip limits, at least
 * one file), then a background job enrolls person by person: consent is checked before a photo is even decoded,
 * each photo passes the same quality checks as a single upload, and one person's templates, audit entries and report
 * rows are written in one transaction — a person is never half enrolled.
 */

export interface ZipImportLimits extends ZipLimits {
  /** Largest photo inside the zip (same as a single upload). */
  maxEntryBytes: number;
}

/** The configured zip limits (config.face.importLimits, KC_FACE_IMPORT_*) plus the single-photo limit for each entry. */
export function zipImportLimits(limits: ZipLimits): ZipImportLimits {
  return { ...limits, maxEntryBytes: IMAGE_LIMITS.maxBytes };
}

export interface ZipImportJob {
  id: string;
  fileName: string;
  archive: ZipArchive;
  files: ZipEntryInfo[];
  actor: AuditActor;
  /** Units where the requester holds faces.enroll, fixed when the zip was accepted. */
  scopeUnitIds: string[];
  limits: ZipImportLimits;
}

export interface ZipImportDeps {
  db: Db;
  /** Where accepted photos are kept for re-embedding on an engine upgrade (as for a single upload); none = templates only. */
  blobs?: BlobStore;
  engine: () => Promise<FaceEngine>;
  now: () => Date;
  /** Called after each person's templates are committed (gate galleries reload). */
  onEnrolled: () => void;
  /** True when the server is stopping: the job ends between two people. */
  stopping: () => boolean;
  /** An unexpected error while writing one person (that person is reported as not enrolled, the job goes on). */
  onPersonError: (error: unknown, personId: string) => void;
}

/** Opens and checks the zip, records the job as QUEUED; throws 4xx AppErrors for a zip that cannot be imported. */
export async function acceptZipImport(
  db: Db,
  actor: AuditActor,
  upload: { fileName: string; bytes: Buffer },
  scopeUnitIds: string[],
  limits: ZipImportLimits,
  now: Date,
): Promise<ZipImportJob> {
  const archive = await ZipArchive.open(upload.bytes, limits);
  const files = archive.entries.filter((e) => !e.isDirectory && !isSystemJunk(e.name));
  if (files.length === 0) throw zipError('ZIP_EMPTY', limits);
  const id = randomUUID();
  await db.query(
    `INSERT INTO face_imports (id, file_name, file_sha256, file_bytes, requested_by, requested_by_name, status, total_files, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,'QUEUED',$7,$8)`,
    [id, upload.fileName, createHash('sha256').update(upload.bytes).digest('hex'), upload.bytes.length, actor.id ?? null, actor.name, files.length, now],
  );
  return { id, fileName: upload.fileName, archive, files, actor, scopeUnitIds, limits };
}

interface Person {
  id: string;
  employee_code: string;
  full_name: string;
  unit_id: string;
  status: string;
  decision: string | null;
}

interface Row {
  seq: number;
  fileName: string;
  employeeCode: string | null;
  personId: string | null;
  outcome: 'ENROLLED' | 'REJECTED';
  code: string | null;
  vi: string | null;
  en: string | null;
  templates: number;
}

const rejected = (f: ZipEntryInfo, code: ZipRejectCode, employeeCode: string | null, personId: string | null = null): Row => {
  const t = zipRejectText(code, { code: employeeCode });
  return { seq: f.index, fileName: f.name, employeeCode, personId, outcome: 'REJECTED', code, vi: t.vi, en: t.en, templates: 0 };
};

async function insertRows(db: Db, importId: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
  await db.query(
    `INSERT INTO face_import_files (import_id, seq, file_name, employee_code, person_id, outcome, reason_code, message_vi, message_en, templates)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[])`,
    [importId, col('seq'), col('fileName'), col('employeeCode'), col('personId'), col('outcome'), col('code'), col('vi'), col('en'), col('templates')],
  );
}

/** The people the file names can refer to, with their latest consent decision. */
async function loadPersons(db: Db, files: ZipEntryInfo[]): Promise<Map<string, Person[]>> {
  const codes = [...new Set(files.flatMap((f) => candidateCodes(f.name)).map((c) => c.toLowerCase()))];
  const rows = await db.query<Person>(
    `SELECT p.id, p.employee_code, p.full_name, p.unit_id, p.status, c.decision
       FROM persons p
       LEFT JOIN LATERAL (SELECT decision FROM biometric_consents WHERE person_id = p.id ORDER BY recorded_at DESC, id LIMIT 1) c ON true
      WHERE lower(p.employee_code) = ANY($1::text[])`,
    [codes],
  );
  const byCode = new Map<string, Person[]>();
  for (const r of rows) byCode.set(r.employee_code.toLowerCase(), [...(byCode.get(r.employee_code.toLowerCase()) ?? []), r]);
  return byCode;
}

/** The longest candidate code that names a person; an exact-case match beats a case-insensitive one. */
function personOf(fileName: string, byCode: Map<string, Person[]>): Person | undefined {
  for (const c of candidateCodes(fileName)) {
    const found = byCode.get(c.toLowerCase());
    if (found?.length) return found.find((p) => p.employee_code === c) ?? found[0];
  }
  return undefined;
}

/** Decides every file that needs no decoding (names, people, scope, consent); returns the rest grouped by person. */
function triage(job: ZipImportJob, byCode: Map<string, Person[]>): { early: Row[]; byPerson: Map<string, { person: Person; files: ZipEntryInfo[] }> } {
  const scope = new Set(job.scopeUnitIds);
  const early: Row[] = [];
  const byPerson = new Map<string, { person: Person; files: ZipEntryInfo[] }>();
  for (const f of job.files) {
    if (!isSafeEntryName(f.name)) early.push(rejected(f, 'UNSAFE_NAME', null));
    else if (!hasImageExtension(f.name)) early.push(rejected(f, 'NOT_AN_IMAGE', personOf(f.name, byCode)?.employee_code ?? null));
    else {
      const p = personOf(f.name, byCode);
      if (!p) early.push(rejected(f, 'UNKNOWN_EMPLOYEE', shownCode(f.name)));
      else if (!scope.has(p.unit_id)) early.push(rejected(f, 'OUT_OF_SCOPE', p.employee_code));
      else if (p.status === 'LEFT') early.push(rejected(f, 'PERSON_LEFT', p.employee_code, p.id));
      // Consent first: without it the photo is never decoded, let alone turned into a template.
      else if (p.decision !== 'GIVEN') early.push(rejected(f, 'CONSENT_REQUIRED', p.employee_code, p.id));
      else {
        const group = byPerson.get(p.id) ?? { person: p, files: [] };
        group.files.push(f);
        byPerson.set(p.id, group);
      }
    }
  }
  return { early, byPerson };
}

/** An accepted photo keeps its bytes until its person is written (they are kept with the templates). */
type Analysed = { file: ZipEntryInfo; photo?: Extract<PhotoAnalysis, { ok: true }>; bytes?: Uint8Array; row?: Row };

async function analyseFile(engine: FaceEngine, job: ZipImportJob, f: ZipEntryInfo, p: Person): Promise<Analysed> {
  const reject = (code: ZipRejectCode) => ({ file: f, row: rejected(f, code, p.employee_code, p.id) });
  if (f.uncompressedSize > job.limits.maxEntryBytes) return reject('IMAGE_TOO_LARGE');
  const read = await job.archive.read(f);
  if (!read.ok) return reject('ZIP_ENTRY_CORRUPT');
  if (!looksLikeImage(read.bytes)) return reject('NOT_AN_IMAGE');
  try {
    const photo = await analysePhoto(engine, read.bytes);
    if (photo.ok) return { file: f, photo, bytes: read.bytes };
    return {
      file: f,
      row: { seq: f.index, fileName: f.name, employeeCode: p.employee_code, personId: p.id, outcome: 'REJECTED', code: photo.code, vi: photo.message_vi, en: photo.message_en, templates: 0 },
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return reject(error.code === 'IMAGE_TOO_MANY_PIXELS' ? 'IMAGE_TOO_MANY_PIXELS' : error.code === 'IMAGE_TOO_LARGE' ? 'IMAGE_TOO_LARGE' : 'IMAGE_CORRUPT');
  }
}

/**
 * One person's accepted photos (kept for re-embedding, as a single upload's), templates, audit entries and report rows:
 * all in one transaction or none (the kept files are deleted again when it fails).
 */
async function commitPerson(db: Db, blobs: BlobStore | undefined, engine: FaceEngine, job: ZipImportJob, person: Person, results: Analysed[], now: Date): Promise<Row[]> {
  const accepted = results.filter((r): r is Analysed & Required<Pick<Analysed, 'photo' | 'bytes'>> => !r.row && r.photo !== undefined && r.bytes !== undefined);
  return keepingPhotos(blobs, person.id, accepted.map((r) => r.bytes), (kept) => db.transaction(async (tx) => {
    // Consent may have been withdrawn while the photos were analysed: re-read it under a lock on the person.
    const current = (
      await tx.query<{ status: string; decision: string | null }>(
        `SELECT p.status, (SELECT decision FROM biometric_consents WHERE person_id = p.id ORDER BY recorded_at DESC, id LIMIT 1) AS decision
           FROM persons p WHERE p.id = $1 FOR UPDATE`,
        [person.id],
      )
    )[0];
    const blocked: ZipRejectCode | null = current?.status === 'LEFT' ? 'PERSON_LEFT' : current?.decision !== 'GIVEN' ? 'CONSENT_REQUIRED' : null;
    const rows: Row[] = [];
    for (const r of results) {
      const i = accepted.indexOf(r as (typeof accepted)[number]);
      if (r.row) rows.push(r.row);
      else if (blocked) rows.push(rejected(r.file, blocked, person.employee_code, person.id));
      else if (r.photo && i >= 0) {
        const photo = r.photo;
        const common = { personId: person.id, engine: engine.meta.engine, createdBy: job.actor.id ?? null, at: now, fileName: r.file.name.slice(0, 200), source: 'IMPORT' as const };
        const ids = await kept.record(tx, i, { ...common, unitId: person.unit_id }, (photoId) => storePhotoTemplates(tx, photo, { ...common, photoId }));
        await recordAudit(tx, {
          actor: job.actor,
          action: 'faces.enroll',
          entityType: 'person',
          entityId: person.id,
          unitId: person.unit_id,
          details: { file: r.file.name, source: 'IMPORT', importId: job.id, templates: ids.length, engine: engine.meta.engine, photoStored: kept.stored[i] !== undefined },
        }, now);
        const ok = { seq: r.file.index, fileName: r.file.name, employeeCode: person.employee_code, personId: person.id, templates: ids.length };
        rows.push({ ...ok, outcome: 'ENROLLED', code: null, vi: null, en: null });
      }
    }
    await insertRows(tx, job.id, rows);
    return rows;
  }));
}

/** Runs a queued job to the end; never throws (the job row records a failure). */
export async function runZipImport(deps: ZipImportDeps, job: ZipImportJob): Promise<void> {
  const { db } = deps;
  let processed = 0;
  const progress = () => db.query('UPDATE face_imports SET processed_files = $2 WHERE id = $1', [job.id, processed]);
  let engineName: string | null = null;
  try {
    if (deps.stopping()) throw Object.assign(new Error('server stopping'), { jobCode: 'INTERRUPTED' });
    await db.query(`UPDATE face_imports SET status = 'RUNNING', started_at = $2 WHERE id = $1`, [job.id, deps.now()]);
    const { early, byPerson } = triage(job, await loadPersons(db, job.files));
    await insertRows(db, job.id, early);
    processed += early.length;
    await progress();
    const engine = await deps.engine().catch((error: unknown) => {
      throw Object.assign(new Error(String(error)), { jobCode: 'ENGINE_UNAVAILABLE' });
    });
    engineName = engine.meta.engine;
    for (const { person, files } of byPerson.values()) {
      if (deps.stopping()) throw Object.assign(new Error('server stopping'), { jobCode: 'INTERRUPTED' });
      const results: Analysed[] = [];
      for (const f of files) {
        results.push(await analyseFile(engine, job, f, person));
        processed++;
        await progress();
      }
      try {
        const rows = await commitPerson(db, deps.blobs, engine, job, person, results, deps.now());
        if (rows.some((r) => r.outcome === 'ENROLLED')) deps.onEnrolled();
      } catch (error) {
        // Nothing of this person was written; say so per file and go on with the next person.
        await insertRows(db, job.id, results.map((r) => r.row ?? rejected(r.file, 'ENROLL_FAILED', person.employee_code, person.id)));
        deps.onPersonError(error, person.id);
      }
    }
    await finish(deps, job, 'DONE', engineName, null, null);
  } catch (error) {
    const code = (error as { jobCode?: string }).jobCode ?? 'INTERNAL';
    await finish(deps, job, 'FAILED', engineName, code, error instanceof Error ? error.message : String(error)).catch(() => {});
  }
}

async function finish(deps: ZipImportDeps, job: ZipImportJob, status: 'DONE' | 'FAILED', engine: string | null, code: string | null, detail: string | null) {
  const { db } = deps;
  const now = deps.now();
  const totals = (
    await db.query<{ processed: number; enrolled: number; rejected: number; templates: number }>(
      `SELECT count(*)::int AS processed, count(*) FILTER (WHERE outcome = 'ENROLLED')::int AS enrolled,
              count(*) FILTER (WHERE outcome = 'REJECTED')::int AS rejected, COALESCE(sum(templates), 0)::int AS templates
         FROM face_import_files WHERE import_id = $1`,
      [job.id],
    )
  )[0] ?? { processed: 0, enrolled: 0, rejected: 0, templates: 0 };
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE face_imports SET status = $2, processed_files = $3, enrolled_files = $4, rejected_files = $5, templates_created = $6,
              engine = $7, error_code = $8, error_detail = $9, finished_at = $10 WHERE id = $1`,
      [job.id, status, totals.processed, totals.enrolled, totals.rejected, totals.templates, engine, code, detail?.slice(0, 500) ?? null, now],
    );
    await recordAudit(tx, {
      actor: job.actor,
      action: 'faces.import',
      entityType: 'face_import',
      entityId: job.id,
      details: { fileName: job.fileName, status, files: job.files.length, ...totals, engine, error: code },
    }, now);
  });
}

/** Jobs left QUEUED or RUNNING by a stopped server can never finish (the zip lived in memory): mark them failed. */
export async function failInterruptedImports(db: Db, now: Date): Promise<void> {
  await db.query(
    `UPDATE face_imports SET status = 'FAILED', error_code = 'INTERRUPTED', finished_at = $1 WHERE status IN ('QUEUED', 'RUNNING')`,
    [now],
  );
}
