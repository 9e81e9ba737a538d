import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOverdue } from './remediation';

describe('remediation overdue flag', () => {
  const today = '2026-12-08';
  it('flags an open or reported item whose due date has passed, even before the daily job marked it', () => {
    assert.equal(isOverdue({ state: 'OPEN', overdue: false, dueOn: '2026-12-07' }, today), true);
    assert.equal(isOverdue({ state: 'REPORTED', overdue: false, dueOn: '2026-12-01' }, today), true);
  });
  it('does not flag an item due today or later, or one that is done', () => {
    assert.equal(isOverdue({ state: 'OPEN', overdue: false, dueOn: today }, today), false);
    assert.equal(isOverdue({ state: 'OPEN', overdue: false, dueOn: '2026-12-15' }, today), false);
    assert.equal(isOverdue({ state: 'DONE', overdue: true, dueOn: '2026-01-01' }, today), false);
  });
  it('trusts the server flag and the stored OVERDUE state', () => {
    assert.equal(isOverdue({ state: 'OVERDUE', overdue: false, dueOn: '2026-12-15' }, today), true);
    assert.equal(isOverdue({ state: 'OPEN', overdue: true, dueOn: '2026-12-15' }, today), true);
  });
});
