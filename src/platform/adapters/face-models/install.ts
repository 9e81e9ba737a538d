import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { convertIntelIr, intelOnnxFileName, writeAtomically } from '../face-intel/intel-reid-recognizer';
import { LOCAL_MODELS, MODEL_CATALOGUE, type ModelEntry } from './catalogue';

/**
 * Process exit codes of `kycuong models install`: 1 any other failure (download, unknown name), 3 the file is not the
 * expected one (SHA-256 mismatch), 4 the operator's folder lacks a file, 5 the files are not a model this version
 * can convert.
 */
export const INSTALL_EXIT = { failed: 1, checksum: 3, missing: 4, invalid: 5 } as const;

export class ModelInstallError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = INSTALL_EXIT.failed,
  ) {
    super(message);
  }
}

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
  if (!entry) throw new ModelInstallError(`unknown model "${name}"; known: ${[...Object.keys(MODEL_CATALOGUE), ...Object.keys(LOCAL_MODELS)].join(', ')}`);
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
      throw new ModelInstallError(`SHA-256 mismatch for ${entry.file}: got ${sha256}, expected ${entry.sha256}`, INSTALL_EXIT.checksum);
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

export interface InstalledLocal {
  files: string[];
  /** The ONNX conversion cached next to the IR (made now, so the engine's first start does not pay for it). */
  converted: string;
  binSha256: string;
  alreadyPresent: boolean;
}

/** The first of `names` that exists in `dir`. */
async function findSource(dir: string, names: readonly string[]): Promise<string | undefined> {
  for (const n of names) {
    const p = path.join(dir, n);
    if ((await stat(p).catch(() => undefined))?.isFile()) return p;
  }
  return undefined;
}

/**
 * Installs a model the operator copied from the vendor (`--from DIR`, no download): checks the weights against the
 * published SHA-256, converts the topology + weights to ONNX (which also proves the topology is one this version
 * understands), then places the files and the conversion in `modelsDir`, each through a temporary file + rename.
 */
export async function installLocalModel(name: string, options: { modelsDir: string; fromDir: string }): Promise<InstalledLocal> {
  const entry = LOCAL_MODELS[name];
  if (!entry) throw new ModelInstallError(`unknown model "${name}" for --from DIR; known: ${Object.keys(LOCAL_MODELS).join(', ')}`);
  const xmlSource = await findSource(options.fromDir, entry.sourceNames.xml);
  const binSource = await findSource(options.fromDir, entry.sourceNames.bin);
  if (!xmlSource || !binSource) {
    const lacking = [!xmlSource && entry.sourceNames.xml[0], !binSource && entry.sourceNames.bin[0]].filter(Boolean).join(' and ');
    throw new ModelInstallError(`${options.fromDir} lacks ${lacking} (Intel's FP16 IR files, .xml and .bin)`, INSTALL_EXIT.missing);
  }
  const bin = await readFile(binSource);
  const binSha256 = createHash('sha256').update(bin).digest('hex');
  if (binSha256 !== entry.binSha256) {
    throw new ModelInstallError(
      `SHA-256 mismatch for ${path.basename(binSource)}: got ${binSha256}, expected ${entry.binSha256} (${entry.binBytes} bytes; Intel's published FP16 weights)`,
      INSTALL_EXIT.checksum,
    );
  }
  const xml = await readFile(xmlSource, 'utf8');
  let onnx: Uint8Array;
  try {
    onnx = convertIntelIr(xml, bin, binSha256);
  } catch (error) {
    throw new ModelInstallError(`${path.basename(xmlSource)} is not a topology this version can convert: ${(error as Error).message}`, INSTALL_EXIT.invalid);
  }
  const xmlTarget = path.join(options.modelsDir, entry.files.xml);
  const binTarget = path.join(options.modelsDir, entry.files.bin);
  const converted = path.join(options.modelsDir, intelOnnxFileName(binSha256));
  const same = async (file: string, bytes: Uint8Array) => (await readFile(file).catch(() => undefined))?.equals(bytes) ?? false;
  const alreadyPresent = (await same(binTarget, bin)) && (await same(xmlTarget, Buffer.from(xml))) && (await same(converted, onnx));
  if (!alreadyPresent) {
    await mkdir(options.modelsDir, { recursive: true });
    // The conversion goes first and the .bin last: the engine only picks the model once both IR files are present.
    writeAtomically(converted, onnx);
    writeAtomically(xmlTarget, Buffer.from(xml));
    writeAtomically(binTarget, bin);
  }
  return { files: [xmlTarget, binTarget], converted, binSha256, alreadyPresent };
}
