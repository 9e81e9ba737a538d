import type { Db } from '../../src/platform/ports/db';

/**
 * The same database, except that statements matching `when` fail (inside transactions too): how a test makes one
 * write of a use case fail at a chosen point and checks that nothing of it was kept.
 */
export function failOn(db: Db, when: (sql: string, params?: readonly unknown[]) => boolean): Db {
  return {
    description: db.description,
    query: async <T,>(sql: string, params?: readonly unknown[]) => {
      if (when(sql, params)) throw new Error('simulated write failure');
      return db.query<T>(sql, params);
    },
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction((tx) => fn(failOn(tx, when))),
    close: () => db.close(),
  };
}
