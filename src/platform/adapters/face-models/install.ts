import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MODEL_CATALOGUE, type ModelEntry } from './catalogue';

export class ModelInstallError extends Error {}

export interface InstallOptions {
  modelsDir: string;
  /** Download from here instead of the catalogue URL (a mirror inside the agency's network). */
  url?: string;
  /** Install from a file already on disk (offline sites); the SHA-256 check is the same. */
  fromFile?: string;
  /** Overrides the catalogue, for tests. */
  entry?: ModelEntry;
}

export interface Installed {
  path: string;
  sha256: string;
  bytes: number;
  alreadyPresent: boolean;
}

/** SHA-256 and size of a file, streamed. */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Downloads (or copies) a catalogue model into `modelsDir` and keeps it only if its SHA-256 matches. The bytes go to
 * a temporary file first and are renamed into place after the check, so a half-downloaded or tampered file never
 * sits where the engine looks for models. A download larger than the expected size is cut off.
 */
export async function installModel(name: string, options: InstallOptions): Promise<Installed> {
  const entry = options.entry ?? MODEL_CATALOGUE[name];
  if (!entry) throw new ModelInstallError(`unknown model "${name}"; known: ${Object.keys(MODEL_CATALOGUE).join(', ')}`);
  await mkdir(options.modelsDir, { recursive: true });
  const target = path.join(options.modelsDir, entry.file);
  const existing = await stat(target).catch(() => undefined);
  if (existing) {
    const h = await hashFile(target);
    if (h.sha256 === entry.sha256) return { path: target, ...h, alreadyPresent: true };
  }
  const temp = `${target}.part-${process.pid}`;
  try {
    const source = options.fromFile ? createReadStream(options.fromFile) : await download(options.url ?? entry.url);
    const hash = createHash('sha256');
    let bytes = 0;
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          if (bytes > entry.bytes) throw new ModelInstallError(`download is larger than the expected ${entry.bytes} bytes`);
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(temp),
    );
    const sha256 = hash.digest('hex');
    if (sha256 !== entry.sha256) {
      throw new ModelInstallError(`SHA-256 mismatch for ${entry.file}: got ${sha256}, expected ${entry.sha256}`);
    }
    await rename(temp, target);
    return { path: target, sha256, bytes, alreadyPresent: false };
  } catch (error) {
    await rm(temp, { force: true });
    if (error instanceof ModelInstallError) throw error;
    throw new ModelInstallError(`could not install ${entry.name}: ${(error as Error).message}`);
  }
}

async function download(url: string): Promise<Readable> {
  const response = await fetch(url, { redirect: 'follow' });
  if (!response.ok || !response.body) throw new ModelInstallError(`download failed: HTTP ${response.status} from ${url}`);
  return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
}
