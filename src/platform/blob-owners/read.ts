import type { Readable } from 'node:stream';
import { errors } from '../errors';
import type { BlobStore } from '../ports/blobs';
import type { Db } from '../ports/db';
import { type BlobOwner, findBlobOwner } from './blob-owners';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Marks a route that sends stored file bytes to the caller (test/security/blob-routes.api.test.ts finds every such
     * route by this marker and by a scan of the route sources, and checks they agree):
     * - 'owner': a file of the blob store, read only through `openOwnedBlob` (the file's owner is checked);
     * - 'camera-footage': recorded segments of one camera, chosen by the server from the segment index for a time
     *   range and checked against the camera's unit (or a grant); no key or path ever comes from the client.
     */
    servesBlob?: 'owner' | 'camera-footage';
  }
}

/** A stored file the caller has been allowed to read. */
export interface OwnedBlob {
  owner: BlobOwner;
  size: number;
  stream(): Promise<Readable>;
  buffer(): Promise<Buffer>;
}

const notFound = () => errors.notFound('File', 'tệp');

/**
 * The one gate in front of every stored file a route sends. The caller is checked against the file's owner (its
 * unit, and its person when it is about one person) as recorded by the code that stored it, never only against the
 * record that mentions the key: a key with no owner, or an owner of another kind than the route serves, is 404;
 * `allow` throws (403) when the caller may not read files of that owner.
 */
export async function openOwnedBlob(
  deps: { db: Db; blobs: BlobStore },
  key: string,
  kinds: readonly string[],
  allow: (owner: BlobOwner) => void | Promise<void>,
): Promise<OwnedBlob> {
  const owner = await findBlobOwner(deps.db, key);
  if (!owner || !kinds.includes(owner.kind)) throw notFound();
  await allow(owner);
  const stat = await deps.blobs.stat(key);
  if (!stat) throw notFound();
  return { owner, size: stat.size, stream: () => deps.blobs.get(key), buffer: () => deps.blobs.getBuffer(key) };
}

/** The part of the auth module's Access that owner checks use (the platform does not depend on the auth module). */
export interface ScopeCheck<P extends string> {
  requireInUnit(perm: P, unitId: string | null | undefined): void;
  requireSelfOrUnit(perm: P, personId: string, unitId: string | null | undefined): void;
}

/**
 * The usual rule: the person a file is about may read it, and so may holders of `perm` over the owner's unit. A file
 * without a unit is readable by nobody through this rule.
 */
export function selfOrUnit<P extends string>(access: ScopeCheck<P>, perm: P): (owner: BlobOwner) => void {
  return (owner) => {
    if (owner.personId) access.requireSelfOrUnit(perm, owner.personId, owner.unitId);
    else access.requireInUnit(perm, owner.unitId);
  };
}
