import type { AuditActor } from '../../modules/audit';
import { addRole, createUser } from '../../modules/auth';
import { type Role } from '../../platform/access';
import { createUnit, recordSuccession } from '../../modules/org';
import { createPerson, transferPerson } from '../../modules/people';
import { localDateOf } from '../../platform/time';
import type { AppContext, DemoAgency, KcModule } from '../../platform/module';
import { MODULES } from '../modules';
import { seedDemoHistory } from './demo-history';
import { DEMO_PASSWORD, DEMO_SUCCESSIONS, DEMO_UNITS, DEMO_USERS, demoPeople } from './demo-org';

const SEED_ACTOR: AuditActor = { name: 'system:seed' };

export async function isEmpty(ctx: AppContext): Promise<boolean> {
  const rows = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM org_units');
  return (rows[0]?.n ?? 0) === 0;
}

/** The demo accounts hold their roles since the merged commune was formed, so the replayed history has its leaders. */
const ROLES_FROM = '2025-07-01';

export interface SeedOptions {
  /**
   * Publishes pending outbox events and waits until the consumers have processed them. With it (and
   * KC_DEMO_HISTORY=on) the attendance history is replayed through the bus; without it the days are computed quietly.
   */
  settle?: (() => Promise<void>) | null;
}

/**
 * Seeds the demo agency into an empty database: org units with history, staff, one account per demo role, then
 * lets every module add its own demo data (schedules, cameras, …) through `seedDemo`, then the attendance history
 * (src/app/seed/demo-history.ts).
 */
export async function seedDemo(ctx: AppContext, modules: KcModule[] = MODULES, opts: SeedOptions = {}): Promise<DemoAgency> {
  const demo: DemoAgency = { units: {}, persons: {}, users: {} };
  for (const u of DEMO_UNITS) {
    const row = await createUnit(
      ctx.db,
      {
        code: u.code,
        name: u.name,
        shortName: u.shortName ?? null,
        unitType: u.unitType,
        adminLevel: u.adminLevel,
        parentId: u.parent ? demo.units[u.parent] : null,
        validFrom: u.validFrom,
        validTo: u.validTo ?? null,
        legalBasis: u.legalBasis ?? null,
      },
      SEED_ACTOR,
    );
    demo.units[u.code] = row.id;
  }
  for (const s of DEMO_SUCCESSIONS) {
    await recordSuccession(
      ctx.db,
      {
        kind: s.kind,
        fromIds: s.from.map((c) => demo.units[c] as string),
        toIds: s.to.map((c) => demo.units[c] as string),
        effectiveDate: s.effectiveDate,
        legalBasis: s.legalBasis,
        moveStaff: false,
      },
      SEED_ACTOR,
    );
  }
  const today = localDateOf(ctx.now());
  for (const p of demoPeople()) {
    // Staff of the merged commune start in the former unit and were moved on 01/07/2025 (sắp xếp), so the demo shows unit history.
    const movedByMerger = p.unit.startsWith('TT') && p.code !== 'TT001';
    const row = await createPerson(
      ctx.db,
      {
        employeeCode: p.code,
        fullName: p.name,
        gender: p.gender,
        birthDate: p.birthDate,
        category: p.category,
        positionTitle: p.position,
        unitId: (movedByMerger ? demo.units['TTC-UBND'] : demo.units[p.unit]) as string,
        joinedOn: movedByMerger ? '2015-03-01' : '2025-07-01',
      },
      SEED_ACTOR,
      today,
    );
    if (movedByMerger)
      await transferPerson(
        ctx.db,
        row.id,
        { unitId: demo.units[p.unit] as string, assignmentKind: 'SAP_XEP', effectiveDate: '2025-07-01', legalBasis: 'NQ 1678/NQ-UBTVQH15' },
        SEED_ACTOR,
      );
    demo.persons[p.code] = row.id;
  }
  for (const u of DEMO_USERS) {
    const id = await createUser(
      ctx.db,
      {
        username: u.username,
        displayName: u.displayName,
        password: DEMO_PASSWORD,
        personId: u.person ? demo.persons[u.person] : null,
        roles: [],
      },
      SEED_ACTOR,
      // Demo accounts share a documented password so the demo can be tried at once; README says to change them.
      { mustChangePassword: false },
    );
    await addRole(ctx.db, id, { role: u.role as Role, unitId: demo.units[u.unit] as string, validFrom: ROLES_FROM }, SEED_ACTOR);
    // Leaders are also staff of their own unit: they see their own records like everyone else.
    if (u.person && u.role !== 'staff') await addRole(ctx.db, id, { role: 'staff', unitId: demo.units[u.unit] as string, validFrom: ROLES_FROM }, SEED_ACTOR);
    demo.users[u.username] = id;
  }
  for (const m of modules) if (m.seedDemo) await m.seedDemo(ctx, demo);
  // The history needs the whole agency (rules, cameras, calendar) in place first.
  if (modules.some((m) => m.name === 'attendance')) {
    const h = await seedDemoHistory(ctx, demo, { settle: opts.settle ?? null });
    ctx.log.info(h, 'demo attendance history seeded');
  }
  return demo;
}

export { DEMO_PASSWORD, DEMO_USERS };
