/**
 * Writes web/src/api/schema.gen.ts, the web app's API types, from the server's OpenAPI document.
 * Run: npm run gen:api (test/contract/api-types.test.ts fails when the committed file is not what this writes).
 *
 * The server is built in-process with every module's routes, on a throwaway PGlite database in a temp dir; it never
 * listens and starts no background work.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openapiToTypeScript } from 'kc-openapi-gen';
import { buildContext } from '../src/app/container';
import { buildServer } from '../src/app/server';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/platform/observability/logger';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = path.join(root, 'web/src/api/schema.gen.ts');

const HEADER = `/*
 * GENERATED FILE — do not edit. The web app's API types, generated from the server's OpenAPI document
 * (/api/docs/json) by openapi-typescript. Regenerate after changing a route schema: npm run gen:api
 */
`;

/** The OpenAPI document of the whole server, exactly as GET /api/docs/json serves it. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-openapi-'));
  // Whether a web build exists changes which non-API routes exist: pin it to an (empty) build of our own.
  const webDist = path.join(dir, 'web');
  fs.mkdirSync(webDist);
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html>');
  try {
    const config = loadConfig({ KC_DATA_DIR: path.join(dir, 'data'), KC_LOG_LEVEL: 'silent', KC_BUS: 'memory', KC_BLOBS: 'disk', KC_WEB_DIST: webDist });
    const ctx = await buildContext(config, createLogger('silent'));
    try {
      const app = await buildServer(ctx);
      try {
        const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
        if (res.statusCode !== 200) throw new Error(`GET /api/docs/json answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
        return res.json() as Record<string, unknown>;
      } finally {
        await app.close();
      }
    } finally {
      await ctx.bus.close();
      await ctx.db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of web/src/api/schema.gen.ts for the current routes. */
export async function generateApiTypes(): Promise<string> {
  return HEADER + (await openapiToTypeScript(await buildOpenApiDocument()));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await generateApiTypes();
  fs.writeFileSync(SCHEMA_FILE, text);
  console.log(`wrote ${path.relative(root, SCHEMA_FILE)} (${text.split('\n').length} lines)`);
}
