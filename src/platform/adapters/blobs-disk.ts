import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSafeKey, type BlobStat, type BlobStore } from '../ports/blobs';

/** Blobs as files under one root directory. Writes go to a temporary file first and are renamed, so a crash never leaves half a blob under its key. */
export class DiskBlobStore implements BlobStore {
  readonly description: string;
  constructor(private readonly root: string) {
    fs.mkdirSync(root, { recursive: true });
    this.description = `disk ${root}`;
  }

  private file(key: string): string {
    return path.join(this.root, assertSafeKey(key));
  }

  async put(key: string, data: Buffer | Readable): Promise<BlobStat> {
    const target = this.file(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.part-${process.pid}-${Date.now()}`;
    try {
      if (Buffer.isBuffer(data)) await fs.promises.writeFile(tmp, data);
      else await pipeline(data, fs.createWriteStream(tmp));
      await fs.promises.rename(tmp, target);
    } catch (err) {
      await fs.promises.rm(tmp, { force: true });
      throw err;
    }
    return (await this.stat(key)) as BlobStat;
  }

  async get(key: string): Promise<Readable> {
    const f = this.file(key);
    await fs.promises.access(f);
    return fs.createReadStream(f);
  }

  async getBuffer(key: string): Promise<Buffer> {
    return fs.promises.readFile(this.file(key));
  }

  async stat(key: string): Promise<BlobStat | undefined> {
    try {
      const s = await fs.promises.stat(this.file(key));
      return { key, size: s.size, modifiedAt: s.mtime };
    } catch {
      return undefined;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.file(key), { force: true });
  }

  async *list(prefix: string): AsyncIterable<BlobStat> {
    const start = prefix ? this.file(prefix.replace(/\/$/, '')) : this.root;
    if (!fs.existsSync(start)) return;
    const walk = async function* (dir: string, root: string): AsyncIterable<BlobStat> {
      for (const ent of await fs.promises.readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, ent.name);
        if (ent.isDirectory()) yield* walk(full, root);
        else if (!ent.name.includes('.part-')) {
          const s = await fs.promises.stat(full);
          yield { key: path.relative(root, full).split(path.sep).join('/'), size: s.size, modifiedAt: s.mtime };
        }
      }
    };
    yield* walk(start, this.root);
  }
}

export { Readable };
