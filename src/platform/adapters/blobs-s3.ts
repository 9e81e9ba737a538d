import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  CreateBucketCommand,
  HeadBucketCommand,
} from '@aws-sdk/client-s3';
import { assertSafeKey, type BlobStat, type BlobStore } from '../ports/blobs';

export interface S3Options {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/** Blobs in an S3-compatible bucket (MinIO, Ceph RGW, cloud S3). Path-style addressing for on-premise servers. */
export class S3BlobStore implements BlobStore {
  readonly description: string;
  private readonly s3: S3Client;
  constructor(private readonly opts: S3Options) {
    this.s3 = new S3Client({
      endpoint: opts.endpoint,
      region: opts.region,
      forcePathStyle: true,
      credentials:
        opts.accessKeyId && opts.secretAccessKey
          ? { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey }
          : undefined,
    });
    this.description = `S3 ${opts.endpoint ?? 'aws'}/${opts.bucket}`;
  }

  async ensureBucket(): Promise<void> {
    try {
      await this.s3.send(new HeadBucketCommand({ Bucket: this.opts.bucket }));
    } catch {
      await this.s3.send(new CreateBucketCommand({ Bucket: this.opts.bucket }));
    }
  }

  async put(key: string, data: Buffer | Readable, contentType?: string): Promise<BlobStat> {
    // S3 needs a length; buffer streams (blobs we write are bounded: clips, snapshots, import files).
    const body = Buffer.isBuffer(data) ? data : await streamToBuffer(data);
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.opts.bucket, Key: assertSafeKey(key), Body: body, ContentType: contentType }),
    );
    return { key, size: body.length, modifiedAt: new Date() };
  }

  async get(key: string): Promise<Readable> {
    const res = await this.s3.send(new GetObjectCommand({ Bucket: this.opts.bucket, Key: assertSafeKey(key) }));
    return res.Body as Readable;
  }

  async getBuffer(key: string): Promise<Buffer> {
    return streamToBuffer(await this.get(key));
  }

  async stat(key: string): Promise<BlobStat | undefined> {
    try {
      const h = await this.s3.send(new HeadObjectCommand({ Bucket: this.opts.bucket, Key: assertSafeKey(key) }));
      return { key, size: h.ContentLength ?? 0, modifiedAt: h.LastModified ?? new Date(0) };
    } catch {
      return undefined;
    }
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.opts.bucket, Key: assertSafeKey(key) }));
  }

  async *list(prefix: string): AsyncIterable<BlobStat> {
    let token: string | undefined;
    do {
      const res = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.opts.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const o of res.Contents ?? [])
        yield { key: o.Key ?? '', size: o.Size ?? 0, modifiedAt: o.LastModified ?? new Date(0) };
      token = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (token);
  }
}

async function streamToBuffer(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  return Buffer.concat(chunks);
}
