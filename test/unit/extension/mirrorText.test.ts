import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SyncState } from '../../../src/mirror/destination';
import { splitPassword, withPassword } from '../../../src/extension/mirrorLocation';
import { estimateText, matchesQuery, mirrorName, objectDescription, objectTooltip, summaryText } from '../../../src/extension/mirrorText';

const state = (over: Partial<SyncState>): SyncState => ({
  object: 'Calls', policy: 'window', watermark: '2026-11-30T10:00:00Z', checkpoint: null,
  lastRunStarted: '2026-11-30T10:40:00.000Z', lastRunFinished: '2026-11-30T10:42:10.000Z',
  rows: 2000, apiCalls: 21, status: 'done', error: null, ...over,
});

describe('what the editor says about a mirror', () => {
  it('compares the estimate with what is left of today\'s quota', () => {
    const estimate = { objects: [{ object: 'Calls', requests: 20, open: false, note: '' }], requests: 1200, seconds: 400, quotaLeft: 9100 };
    assert.equal(estimateText(estimate), '1,200 API calls (about 7 min at 3 requests/s); 9,100 calls left of today\'s 10,000');
    assert.match(estimateText({ ...estimate, objects: [{ object: 'Users', requests: 1, open: true, note: '' }], quotaLeft: undefined }), /^at least 1,200 API calls \(about 7 min/);
  });

  it('says a stopped run resumes, and names the objects that failed', () => {
    const objects = [{ object: 'Calls', status: 'done' as const, rows: 2000, apiCalls: 21, deleted: 0 }];
    assert.equal(summaryText({ objects, apiCalls: 21, rows: 2000, ms: 7000, stopped: false }, 'gong.sqlite'), 'Synced 1 object into gong.sqlite: 2,000 rows, 21 API calls in 7 s.');
    assert.match(summaryText({ objects, apiCalls: 21, rows: 2000, ms: 7000, stopped: true }, 'gong.sqlite'), /stopped after 1 object .*Run it again to resume where it stopped\.$/);
    assert.match(summaryText({ objects, apiCalls: 21, rows: 2000, ms: 7000, stopped: false }, 'gong.sqlite', ['Calls']), /21 API calls in 7 s\. Resumed where the last run stopped: Calls\.$/);
    const failed = [...objects, { object: 'Users', status: 'failed' as const, rows: 0, apiCalls: 1, deleted: 0, error: 'HTTP 500' }];
    assert.match(summaryText({ objects: failed, apiCalls: 22, rows: 2000, ms: 7000, stopped: false }, 'gong.sqlite'), /1 object failed: Users: HTTP 500/);
  });

  it('shows each mirrored object\'s rows, last sync and an unfinished status', () => {
    const local = (iso: string) => new Date(iso);
    const finished = local('2026-11-30T10:42:10.000Z');
    const hhmm = `${String(finished.getHours()).padStart(2, '0')}:${String(finished.getMinutes()).padStart(2, '0')}`;
    assert.equal(objectDescription(2000, state({}), local('2026-11-30T10:50:00.000Z')), `2,000 rows · synced ${hhmm}`);
    const day = `${finished.getFullYear()}-${String(finished.getMonth() + 1).padStart(2, '0')}-${String(finished.getDate()).padStart(2, '0')}`;
    assert.equal(objectDescription(2000, state({}), local('2026-12-09T12:00:00.000Z')), `2,000 rows · synced ${day}`);
    assert.match(objectDescription(1, state({ status: 'stopped', lastRunFinished: null }), local('2026-11-30T10:50:00.000Z')), /^stopped · 1 row · synced \d\d:\d\d$/);
    assert.match(objectTooltip('Calls', 5, state({ status: 'failed', error: 'HTTP 500' })), /\(failed\)[\s\S]*Error: HTTP 500/);
    assert.match(objectTooltip('Calls', 5, state({ status: 'stopped' })), /resumes where it stopped/);
  });

  it('opens a call\'s matches as a query on the mirror, the id quoted as text', () => {
    const sql = matchesQuery("12'3", 'Acme\nrenewal', ' pricing  tiers ', [1500, 90000]);
    assert.equal(sql, `-- "pricing tiers" in Acme renewal\nSELECT StartMs, SpeakerName, Text\nFROM CallTranscripts\nWHERE CallId = '12''3'\n  AND StartMs IN (1500, 90000)\nORDER BY StartMs;\n`);
  });
});

describe('a mirror\'s location in settings', () => {
  it('keeps a PostgreSQL password out, and puts it back to connect', () => {
    const split = splitPassword('postgres://bob:s%40cret@db.example:5432/gong?sslmode=require');
    assert.deepEqual(split, { location: 'postgres://bob@db.example:5432/gong?sslmode=require', password: 's@cret' });
    assert.equal(withPassword(split.location, split.password), 'postgres://bob:s%40cret@db.example:5432/gong?sslmode=require');
  });

  it('names a file by its name and a database by its URL', () => {
    assert.equal(mirrorName('/home/me/work/gong.sqlite'), 'gong.sqlite');
    assert.equal(mirrorName('C:\\Users\\me\\gong.sqlite'), 'gong.sqlite');
    assert.equal(mirrorName('postgres://bob@db.example/gong'), 'postgres://bob@db.example/gong');
  });

  it('leaves files and URLs without a password whole', () => {
    assert.deepEqual(splitPassword('/home/me/gong.sqlite'), { location: '/home/me/gong.sqlite' });
    assert.deepEqual(splitPassword('postgresql://db/gong'), { location: 'postgresql://db/gong' });
    assert.equal(withPassword('/home/me/gong.sqlite', 'x'), '/home/me/gong.sqlite');
  });
});
