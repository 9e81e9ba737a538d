import fs from 'node:fs';
import path from 'node:path';

/**
 * A grep-like scan of the server sources for routes that send stored file bytes, independent of the routes' own
 * `config.servesBlob` marker: the blob-routes test compares the two, so a new blob route without the marker (or a
 * marker on a route that serves nothing) fails it.
 */

const SRC = path.resolve('src');
/** `app.get('/api/…'` and friends, with a plain or template-literal path. */
const ROUTE_DECLARATION = /\b(?:app|scoped|root|fastify)\.(get|post|put|patch|delete)\(\s*(['`])([^'`]+)\2/g;
/** What a route does when it sends stored bytes: through the owner gate, straight from the store, or recorded footage. */
const SENDS_STORED_BYTES = /openOwnedBlob\(|\bblobs\.(?:get|getBuffer)\(|\.playbackStream\(/;
/** Reading the blob store directly, bypassing the owner gate. */
const DIRECT_BLOB_READ = /\bblobs\.(?:get|getBuffer)\(/;

export interface ScannedRoute {
  route: string;
  file: string;
  /** The route's handler reads the blob store itself instead of through openOwnedBlob. */
  readsStoreDirectly: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Resolves `${name}` in a route path from `const name = '…'` in the same file (e.g. the gate-enrollment base). */
function resolvePath(raw: string, source: string): string {
  return raw.replace(/\$\{(\w+)\}/g, (whole, name: string) => new RegExp(`const ${name} = '([^']+)'`).exec(source)?.[1] ?? whole);
}

/** Every route whose declaration (up to the next one in its file) sends stored bytes. */
export function scanBlobRoutes(): ScannedRoute[] {
  const out: ScannedRoute[] = [];
  for (const file of sourceFiles(SRC)) {
    const source = fs.readFileSync(file, 'utf8');
    const decls = [...source.matchAll(ROUTE_DECLARATION)];
    decls.forEach((m, i) => {
      const chunk = source.slice(m.index, decls[i + 1]?.index ?? source.length);
      if (!SENDS_STORED_BYTES.test(chunk)) return;
      out.push({
        route: `${(m[1] as string).toUpperCase()} ${resolvePath(m[3] as string, source)}`,
        file: path.relative(process.cwd(), file),
        readsStoreDirectly: DIRECT_BLOB_READ.test(chunk),
      });
    });
  }
  return out;
}

/**
 * Source files that read the blob store directly. Each must be an internal reader that never sends the bytes to a
 * client (or the owner gate itself); a new one has to be looked at and added here with its reason.
 */
export const INTERNAL_BLOB_READERS: Record<string, string> = {
  'src/platform/blob-owners/read.ts': 'the owner gate itself',
  'src/modules/audit/audit.anchor.ts': 'reads its own audit anchors',
  'src/modules/recording/evidence.service.ts': 'verifyEvidence re-hashes an export the route already checked; only hashes go out',
  'src/modules/recognition/gate-enrollment.groups.ts': 'decodes collected face crops to make templates; nothing is sent',
  'src/modules/recognition/re-embed.service.ts': 'decodes stored enrollment photos to make templates for a new engine; nothing is sent',
};

export function filesReadingBlobStore(): string[] {
  return sourceFiles(SRC)
    .filter((f) => !f.includes(`${path.sep}adapters${path.sep}`))
    .filter((f) => DIRECT_BLOB_READ.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(process.cwd(), f));
}
