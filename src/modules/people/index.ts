/**
 * people — staff records for a whole career: category, position, unit history (which unit on which date), status,
 * bulk XLSX import with a per-row error report, export. Owns persons, person_unit_history, staff_imports.
 * Consumes `org.succession_recorded.v1` to move staff of merged units to their successor.
 */
export { createPerson, transferPerson } from './people.service';
export { importStaff } from './staff-import';
export { getPerson } from './people.repo';
export { personOnDate, personsOnDate, type PersonOnDate } from './unit-on-date';
