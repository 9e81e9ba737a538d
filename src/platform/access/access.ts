import { errors } from '../errors';
import { type Permission, ROLE_PERMISSIONS, type Role } from './permissions';

/** The organisation tree as access needs it: a unit's scope is itself, its sub-units and former units merged into them. */
export interface UnitScopes {
  scopeOf(unitId: string): Iterable<string>;
}

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  /** The staff record of this account, for self access; null for technical accounts. */
  personId: string | null;
  roles: Array<{ role: Role; unitId: string }>;
  ip: string | null;
}

/**
 * What a signed-in user may do, and where. Every route asks it twice: may this role do this (permission) and is the
 * record's unit inside the user's scope. `unitsFor` gives the set to filter list queries with.
 */
export class Access {
  private readonly units = new Map<Permission, Set<string>>();

  constructor(
    readonly principal: Principal,
    tree: UnitScopes,
  ) {
    for (const { role, unitId } of principal.roles) {
      const scope = tree.scopeOf(unitId);
      for (const perm of ROLE_PERMISSIONS[role] ?? []) {
        const set = this.units.get(perm) ?? new Set<string>();
        for (const u of scope) set.add(u);
        this.units.set(perm, set);
      }
    }
  }

  has(perm: Permission): boolean {
    return (this.units.get(perm)?.size ?? 0) > 0;
  }

  /** Units where `perm` holds (empty when it holds nowhere). */
  unitsFor(perm: Permission): string[] {
    return [...(this.units.get(perm) ?? [])];
  }

  canInUnit(perm: Permission, unitId: string | null | undefined): boolean {
    return !!unitId && (this.units.get(perm)?.has(unitId) ?? false);
  }

  isSelf(personId: string | null | undefined): boolean {
    return !!personId && personId === this.principal.personId;
  }

  /** Throws 403 FORBIDDEN when the role lacks the permission anywhere. */
  require(perm: Permission): void {
    if (!this.has(perm)) throw errors.forbidden({ permission: perm });
  }

  /** Throws 403 FORBIDDEN without the permission, 403 OUT_OF_SCOPE when the unit is outside the user's scope. */
  requireInUnit(perm: Permission, unitId: string | null | undefined): void {
    this.require(perm);
    if (!this.canInUnit(perm, unitId)) throw errors.outOfScope();
  }

  /** For a person's own records: allowed to the person, or to holders of `perm` over the person's unit. */
  requireSelfOrUnit(perm: Permission, personId: string, unitId: string | null | undefined): void {
    if (this.isSelf(personId)) return;
    this.requireInUnit(perm, unitId);
  }

  /** For audit entries. */
  actor(): { id: string; name: string; ip: string | null } {
    return { id: this.principal.userId, name: this.principal.username, ip: this.principal.ip };
  }
}
