import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ERROR_CODES } from '../../src/platform/errors.catalogue';
import { startTestApp, type TestApp } from '../helpers/app';

/**
 * The HTTP contract as integrators and the web app's generated types see it: GET /api/docs/json must describe every
 * operation (summary, a typed success response, the request body, multipart uploads included) and its errors.
 * Failures list the offending routes.
 */

interface Operation {
  summary?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }>; responses?: Record<string, unknown> };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

function operations(doc: Document): { key: string; op: Operation }[] {
  const out: { key: string; op: Operation }[] = [];
  for (const [url, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) if (METHODS.has(method)) out.push({ key: `${method.toUpperCase()} ${url}`, op });
  return out;
}

/** A success answer the client can type: a JSON schema, file bytes, or 204 with no body. */
function hasTypedSuccess(op: Operation): boolean {
  return Object.entries(op.responses ?? {}).some(([status, response]) => {
    if (!/^2\d\d$/.test(status)) return false;
    if (status === '204') return true;
    return Object.values(response.content ?? {}).some((media) => media.schema !== undefined);
  });
}

/** Source files that read a multipart body (req.isMultipart()), each one upload route. */
function multipartSites(dir = 'src'): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...multipartSites(rel));
    else if (rel.endsWith('.ts') && !rel.endsWith('.test.ts'))
      for (const _ of fs.readFileSync(path.join(root, rel), 'utf8').matchAll(/\breq\.isMultipart\(\)/g)) found.push(rel);
  }
  return found;
}

const list = (keys: string[]) => `\n  ${keys.join('\n  ')}`;

describe('OpenAPI document (/api/docs/json)', () => {
  let t: TestApp;
  let doc: Document;
  before(async () => {
    t = await startTestApp('pglite', { seed: false });
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    assert.equal(res.statusCode, 200);
    doc = res.json() as Document;
  });
  after(() => t?.close());

  it('gives every operation a summary', () => {
    const missing = operations(doc)
      .filter(({ op }) => !op.summary?.trim())
      .map(({ key }) => key);
    assert.deepEqual(missing, [], `${missing.length} operations have no summary:${list(missing)}`);
  });

  it('gives every operation a typed success response (JSON schema, file bytes or 204)', () => {
    const missing = operations(doc)
      .filter(({ op }) => !hasTypedSuccess(op))
      .map(({ key }) => key);
    assert.deepEqual(missing, [], `${missing.length} operations have no 2xx response schema:${list(missing)}`);
  });

  it('describes multipart uploads as multipart/form-data request bodies', () => {
    const uploads = operations(doc).filter(({ op }) => op.requestBody?.content?.['multipart/form-data']);
    const sites = multipartSites();
    assert.equal(
      uploads.length,
      sites.length,
      `routes reading multipart bodies (${list(sites)}\n) and operations documenting one (${list(uploads.map(({ key }) => key))}\n) differ: declare config: { ...multipartBody({...}) } on each upload route`,
    );
    for (const { key, op } of uploads) {
      const schema = op.requestBody?.content?.['multipart/form-data']?.schema as { properties?: Record<string, unknown> } | undefined;
      assert.ok(Object.keys(schema?.properties ?? {}).length > 0, `${key}: the multipart body lists no field`);
    }
  });

  it('has one ErrorResponse whose code is the documented catalogue, referenced by every operation', () => {
    const error = doc.components.schemas.ErrorResponse;
    assert.ok(error, 'components.schemas.ErrorResponse is missing');
    assert.deepEqual(error.properties?.code?.enum, ERROR_CODES);
    for (const name of ['message_vi', 'message_en', 'details']) assert.ok(error.properties?.[name], `ErrorResponse.${name}`);
    const without = operations(doc)
      .filter(({ op }) => !op.responses?.default?.$ref || !op.responses?.['400']?.$ref)
      .map(({ key }) => key);
    assert.deepEqual(without, [], `operations without the error responses:${list(without)}`);
  });

  it('describes every tag it uses', () => {
    const described = new Map((doc.tags ?? []).map((tag) => [tag.name, tag.description ?? '']));
    const used = new Set(operations(doc).flatMap(({ op }) => op.tags ?? []));
    const undescribed = [...used].filter((tag) => !described.get(tag)?.trim());
    assert.deepEqual(undescribed, [], 'add these tags with a description to API_TAGS in src/platform/http/openapi.ts');
    const untagged = operations(doc)
      .filter(({ op }) => !op.tags?.length)
      .map(({ key }) => key);
    assert.deepEqual(untagged, [], `operations without a tag:${list(untagged)}`);
  });

  it('keeps hidden routes out (metrics, the live-view socket, the docs themselves)', () => {
    const keys = operations(doc).map(({ key }) => key);
    for (const hidden of ['GET /metrics', 'GET /api/docs/json', 'GET /api/docs/'])
      assert.ok(!keys.includes(hidden), `${hidden} is in the document`);
    assert.ok(!keys.some((k) => k.startsWith('GET /api/cameras/{id}/live') && k.endsWith('/ws')), 'the live-view websocket is in the document');
  });
});
