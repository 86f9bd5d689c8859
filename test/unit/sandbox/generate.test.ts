import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXAMPLE_IDS } from '../../../src/sandbox/data/examples';
import { generateWorld } from '../../../src/sandbox/data/generate';
import { stringify } from '../../../src/sandbox/http/json';

const anchorMs = Date.parse('2026-11-01T00:00:00Z');

describe('sandbox data generator', () => {
  it('the same seed gives the same data; another seed gives other data', () => {
    const a = generateWorld({ seed: 7, scale: 300, anchorMs });
    const b = generateWorld({ seed: 7, scale: 300, anchorMs });
    const c = generateWorld({ seed: 8, scale: 300, anchorMs });
    assert.equal(stringify({ ...a, avatarUserIds: [...a.avatarUserIds] }), stringify({ ...b, avatarUserIds: [...b.avatarUserIds] }));
    assert.notDeepEqual(a.calls.map((x) => x.meta.id), c.calls.map((x) => x.meta.id));
  });

  it('has the shape the brief asks for', () => {
    const w = generateWorld({ scale: 2000, anchorMs });
    assert.equal(w.workspaces.length, 3);
    assert.ok(w.users.length >= 190 && w.users.length <= 210);
    const staff = w.users.filter((u) => !w.avatarUserIds.has(u.id));
    assert.ok(staff.filter((u) => u.managerId !== null).length === staff.length - 1, "one head, everyone else has a manager (Gong's avatars are outside the company's tree)");
    assert.equal(w.calls.filter((c) => c.meta.id !== EXAMPLE_IDS.draftCall).length, 2000);
    const span = anchorMs - Math.min(...w.calls.map((c) => c.filterTimeMs));
    assert.ok(span > 500 * 86_400_000 && span <= 548 * 86_400_000, 'about 18 months of calls');
    assert.ok(w.calls.some((c) => c.state === 'awaitingMedia'), 'some calls without processed media');
    for (const d of ['Inbound', 'Outbound', 'Conference', 'Unknown']) assert.ok(w.calls.some((c) => c.meta.direction === d), d);
    assert.ok(w.scorecards.some((s) => s.questions.some((q) => q.questionType === 'RANGE')));
    assert.ok(w.scorecards.some((s) => s.questions.some((q) => q.answerOptions !== null)));
    assert.ok(w.answeredScorecards.length > 0 && w.trackers.length > 0 && w.associations.length > 0 && w.logs.length > 0);
    assert.ok(w.folders.some((f) => f.parentFolderId !== null), 'nested folders');
    assert.ok(w.profiles.every((p) => p.userIds.length >= 0) && w.profiles.length >= 9);
    assert.ok(w.crmIntegrations.length <= 1);
  });

  it('ids are 15 to 19 digit strings, most above 2^53, none above 2^63 - 1 (Java longs, as Gong\'s), never repeated', () => {
    const w = generateWorld({ scale: 1000, anchorMs });
    const ids = [...w.users.map((u) => u.id), ...w.calls.map((c) => c.meta.id), ...w.calls.flatMap((c) => c.parties.map((p) => p.id))];
    assert.ok(ids.every((id) => /^[1-9]\d{14,18}$/.test(id)));
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(ids.filter((id) => BigInt(id) > 2n ** 63n - 1n), [], 'every id fits a signed 64-bit integer');
    const main = [...w.users.map((u) => u.id), ...w.calls.map((c) => c.meta.id)];
    const above = main.filter((id) => BigInt(id) > 2n ** 53n).length;
    assert.ok(above / main.length > 0.8, `${above} of ${main.length} user and call ids above 2^53`);
  });

  it('includes hostile but valid values', () => {
    const w = generateWorld({ scale: 100, anchorMs });
    const titles = w.calls.map((c) => c.meta.title);
    assert.ok(titles.includes('<img src=x onerror=alert(1)>'));
    assert.ok(titles.some((t) => t?.includes('"') && t.includes("'")));
    assert.ok(titles.some((t) => t !== null && /\p{Extended_Pictographic}/u.test(t)));
    assert.ok(titles.some((t) => (t?.length ?? 0) > 500));
    assert.ok(w.users.some((u) => u.title === null) && w.calls.some((c) => c.meta.customData === null));
  });

  it("gives the ids of Gong's documented examples to real objects", () => {
    const w = generateWorld({ scale: 10, anchorMs });
    assert.equal(w.workspaces[0]?.id, EXAMPLE_IDS.workspace);
    assert.ok(w.users.some((u) => u.id === EXAMPLE_IDS.user && u.active));
    assert.equal(w.calls.find((c) => c.meta.id === EXAMPLE_IDS.draftCall)?.state, 'awaitingMedia');
  });

  it('rejects a scale out of range', () => {
    assert.throws(() => generateWorld({ scale: 100_001 }), /scale/);
  });
});

describe('sandbox JSON', () => {
  it('writes bigint values as exact bare numbers', () => {
    assert.equal(stringify({ id: 9209112928780475146n, s: 'x' }), '{"id":9209112928780475146,"s":"x"}');
    assert.equal(stringify({ a: 1 }), '{"a":1}');
  });
});
