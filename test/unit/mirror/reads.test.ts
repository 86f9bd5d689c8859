import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SyncState } from '../../../src/mirror/destination';
import { readParts, selectTables, windowPredicates, windowStart } from '../../../src/mirror/reads';
import { mirrorTables } from '../../../src/mirror/schema';
import { ftsQuery, selectSql } from '../../../src/mirror/sqliteSql';

const table = (name: string) => mirrorTables().find((t) => t.name === name) ?? assert.fail(name);
const done = (object: string, watermark: string): SyncState => ({
  object, policy: 'window', watermark, checkpoint: null, lastRunStarted: null, lastRunFinished: null, rows: 0, apiCalls: 0, status: 'done', error: null,
});

describe('what a sync reads, from the catalog mirror policies', () => {
  it('a window starts at the watermark less the look-back; created-since at the watermark; a first run at --since', () => {
    assert.equal(windowStart(table('Calls'), done('Calls', '2026-03-10T12:00:00.000Z'), {}), '2026-03-03T12:00:00Z');
    assert.equal(windowStart(table('Calls'), done('Calls', '2026-03-10T12:00:00.000Z'), { lookBackDays: 1 }), '2026-03-09T12:00:00Z');
    assert.equal(windowStart(table('Users'), done('Users', '2026-03-10T12:00:00.000Z'), {}), '2026-03-10T12:00:00.000Z');
    assert.equal(windowStart(table('Calls'), undefined, { since: '2026-01-31' }), '2026-01-31T00:00:00Z');
    assert.equal(windowStart(table('Calls'), done('Calls', '2026-03-10T12:00:00.000Z'), { full: true }), null);
    assert.deepEqual(windowPredicates(table('Calls'), '2026-01-31T00:00:00Z'), [{ column: 'Scheduled', op: '>=', value: '2026-01-31T00:00:00Z' }]);
  });

  it('a read that fans out over fixed values is one resumable part per value', () => {
    const parts = readParts(table('AuditLogs'), []);
    assert.equal(parts.length, 5);
    assert.ok(parts.every((p) => p.resumable && p.plan.bound.LogType !== undefined));
    assert.deepEqual(readParts(table('Calls'), []).map((p) => p.resumable), [true]);
    assert.deepEqual(readParts(table('PermissionProfiles'), []).map((p) => p.resumable), [false]);
  });

  it('per-call content brings the calls it follows; an unknown object names the mirrored ones', () => {
    assert.deepEqual(selectTables(['calltranscripts']).map((t) => t.name), ['Calls', 'CallTranscripts']);
    assert.throws(() => selectTables(['Nope']), /Nope is not an object the mirror keeps; the objects are Calls, CallParties/);
    assert.throws(() => selectTables(['DataPrivacyByEmail']), /DataPrivacyByEmail is not an object the mirror keeps \(Gong answers only for one email address or phone number at a time, a required filter: there is nothing to list in bulk\); the objects are Calls/);
  });

  it('names every refused object, each with its reason, not only the first', () => {
    assert.throws(() => selectTables(['CallMedia', 'Calls', ' Coaching', 'Nope']), (e: Error) => {
      assert.match(e.message, /^CallMedia, Coaching and Nope are not objects the mirror keeps \(CallMedia: Media URLs expire .*; Coaching: .*\); the objects are Calls, /);
      return true;
    });
  });
});

describe('the SQLite mirror SQL', () => {
  it('objects that cost a request per user each run are synced only when named', () => {
    const byDefault = selectTables(undefined).map((t) => t.name);
    for (const name of ['UserSettingsHistory', 'Flows', 'FlowFolders']) assert.ok(!byDefault.includes(name), `${name} left out by default`);
    assert.ok(byDefault.includes('Users') && byDefault.includes('CallOutcomeTypes'));
    assert.deepEqual(selectTables(['Flows']).map((t) => t.name), ['Flows']);
  });

  it('a transcript search is words (quoted, so punctuation is no syntax), phrases and prefixes on the sentence', () => {
    assert.equal(ftsQuery(`don't "next steps" pric*`), `"don't" "next steps" "pric"*`);
    assert.equal(ftsQuery('  "" '), undefined);
  });

  it('select leaves deleted rows out and binds every value', () => {
    const { sql, params } = selectSql(table('Calls'), [{ column: 'Id', op: 'IN', value: ['1', '2'] }, { column: 'Scheduled', op: '>=', value: '2026-01-01' }]);
    assert.match(sql, /WHERE _deleted_at IS NULL AND "Id" IN \(\?, \?\) AND "Scheduled" >= \?$/);
    assert.deepEqual(params, ['1', '2', '2026-01-01']);
  });
});
