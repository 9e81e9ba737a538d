import type { Db } from '../../platform/ports/db';

export interface OrgNode {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
}

/**
 * The whole unit graph in memory (units number in the thousands): parents, children and succession edges. Scope
 * checks run on every request, so they must not hit the database.
 */
export class OrgTree {
  readonly byId = new Map<string, OrgNode>();
  private readonly children = new Map<string, string[]>();
  /** to-unit → from-units: the former units whose history now belongs to a unit. */
  private readonly predecessors = new Map<string, string[]>();

  constructor(nodes: OrgNode[], successions: Array<{ fromIds: string[]; toIds: string[] }>) {
    for (const n of nodes) {
      this.byId.set(n.id, n);
      if (n.parentId) {
        const list = this.children.get(n.parentId) ?? [];
        list.push(n.id);
        this.children.set(n.parentId, list);
      }
    }
    for (const s of successions)
      for (const to of s.toIds) this.predecessors.set(to, [...(this.predecessors.get(to) ?? []), ...s.fromIds]);
  }

  /** The unit, everything below it, and (recursively) every former unit merged or transferred into any of those. */
  scopeOf(unitId: string): Set<string> {
    const out = new Set<string>();
    const stack = [unitId];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (out.has(id) || !this.byId.has(id)) continue;
      out.add(id);
      stack.push(...(this.children.get(id) ?? []), ...(this.predecessors.get(id) ?? []));
    }
    return out;
  }

  /** Path from the root to the unit, for breadcrumbs and report headers. */
  ancestry(unitId: string): OrgNode[] {
    const path: OrgNode[] = [];
    let cur = this.byId.get(unitId);
    while (cur && path.length < 64) {
      path.unshift(cur);
      cur = cur.parentId ? this.byId.get(cur.parentId) : undefined;
    }
    return path;
  }

  /** Today's successors of a (possibly abolished) unit, following succession edges forward. */
  currentSuccessors(unitId: string, successions: Array<{ fromIds: string[]; toIds: string[] }>, today: string): string[] {
    const seen = new Set<string>();
    const result = new Set<string>();
    const stack = [unitId];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      const node = this.byId.get(id);
      if (node && (node.validTo === null || node.validTo > today)) {
        result.add(id);
        continue;
      }
      for (const s of successions) if (s.fromIds.includes(id)) stack.push(...s.toIds);
    }
    return [...result];
  }
}

// Keyed by database so that two databases in one process (tests run PGlite and PostgreSQL side by side) never mix.
const cache = new WeakMap<Db, { tree: OrgTree; loadedAt: number }>();
const TTL_MS = 30_000;

export async function loadOrgTree(db: Db, opts: { fresh?: boolean } = {}): Promise<OrgTree> {
  const cached = cache.get(db);
  if (!opts.fresh && cached && Date.now() - cached.loadedAt < TTL_MS) return cached.tree;
  const units = await db.query<{ id: string; code: string; name: string; parent_id: string | null; valid_from: string; valid_to: string | null }>(
    'SELECT id, code, name, parent_id, valid_from, valid_to FROM org_units',
  );
  const succ = await db.query<{ from_ids: string[]; to_ids: string[] }>('SELECT from_ids, to_ids FROM org_successions');
  const tree = new OrgTree(
    units.map((u) => ({ id: u.id, code: u.code, name: u.name, parentId: u.parent_id, validFrom: u.valid_from, validTo: u.valid_to })),
    succ.map((s) => ({ fromIds: s.from_ids, toIds: s.to_ids })),
  );
  cache.set(db, { tree, loadedAt: Date.now() });
  return tree;
}

/** Called after any change to units or successions. */
export function invalidateOrgTree(db: Db): void {
  cache.delete(db);
}
