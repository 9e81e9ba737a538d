/**
 * reports — the read models that cross module owners: the leaders' violations dashboard and the daily digest today,
 * the inspection, evaluation and directive reports to come. The one module allowed to read other modules' tables
 * (in its repos, read-only) and to import any module's index; it owns no table and nothing imports it but the
 * composition root. Writes go through the owning module's API (notices through notifications' `notify`).
 */
export { dashboard } from './dashboard.repo';
export { sendDailyDigest } from './digest';
