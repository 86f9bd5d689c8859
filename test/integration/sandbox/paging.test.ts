import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { call } from '../../helpers/sandboxClient';

const ALL = 'fromDateTime=2000-01-01T00:00:00Z';

describe('sandbox paging', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await startSandbox({ rateLimit: false, scale: 750 }); });
  after(() => sandbox.close());

  it('a GET walk returns every visible call exactly once, 100 per page, cursor only while more remain', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let expectedPage = 0;
    let total = -1;
    do {
      const answer = await call(sandbox, 'GET', `/v2/calls?${ALL}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(answer.status, 200, answer.text);
      const { records, calls } = answer.json;
      assert.equal(records.currentPageNumber, expectedPage++);
      assert.equal(records.currentPageSize, calls.length);
      total = records.totalRecords;
      if (records.cursor) assert.equal(calls.length, 100);
      seen.push(...calls.map((c: { id: string }) => c.id));
      cursor = records.cursor;
    } while (cursor);
    const visible = sandbox.world.calls.filter((c) => c.state === 'processed').map((c) => c.meta.id);
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, seen.length, 'no call twice');
    assert.deepEqual([...seen].sort(), [...visible].sort(), 'exactly the processed calls');
    assert.ok(visible.length < sandbox.world.calls.length, 'some calls have no processed media and are not listed');
  });

  it('ignores limit: a page is always 100 records', async () => {
    const answer = await call(sandbox, 'GET', `/v2/calls?${ALL}&limit=5`);
    assert.equal(answer.json.calls.length, 100);
  });

  it('POST pages with the cursor in the body; a ?cursor on a POST returns page 0 again', async () => {
    const body = { filter: { fromDateTime: '2000-01-01T00:00:00Z' } };
    const first = await call(sandbox, 'POST', '/v2/calls/extensive', { body });
    assert.equal(first.status, 200);
    const cursor = first.json.records.cursor as string;
    assert.ok(cursor.split('.').length === 3, 'a JWT-like cursor');

    const second = await call(sandbox, 'POST', '/v2/calls/extensive', { body: { ...body, cursor } });
    assert.equal(second.json.records.currentPageNumber, 1);
    assert.notEqual(second.json.calls[0].metaData.id, first.json.calls[0].metaData.id);

    const wrong = await call(sandbox, 'POST', `/v2/calls/extensive?cursor=${encodeURIComponent(cursor)}`, { body });
    assert.equal(wrong.json.records.currentPageNumber, 0);
    assert.equal(wrong.json.calls[0].metaData.id, first.json.calls[0].metaData.id);
  });

  it('date windows are from-inclusive and to-exclusive', async () => {
    const target = sandbox.store.visibleCalls[10]!;
    const at = new Date(target.filterTimeMs).toISOString();
    const inclusive = await call(sandbox, 'POST', '/v2/calls/extensive', { body: { filter: { fromDateTime: at, callIds: [target.meta.id] } } });
    assert.equal(inclusive.status, 200);
    assert.equal(inclusive.json.calls[0].metaData.id, target.meta.id);
    const exclusive = await call(sandbox, 'POST', '/v2/calls/extensive', { body: { filter: { toDateTime: at, callIds: [target.meta.id] } } });
    assert.equal(exclusive.status, 404);
  });

  it('answers an empty window with Gong\'s 404 and message', async () => {
    const answer = await call(sandbox, 'GET', '/v2/calls?fromDateTime=1990-01-01T00:00:00Z&toDateTime=1990-02-01T00:00:00Z');
    assert.equal(answer.status, 404);
    assert.deepEqual(answer.json.errors, ['No calls found corresponding to the provided filters']);
    assert.match(answer.json.requestId, /^[a-z0-9]{10,20}$/);
  });

  it('rejects a cursor from another request or a tampered one with 400', async () => {
    const first = await call(sandbox, 'GET', `/v2/calls?${ALL}`);
    const cursor = first.json.records.cursor as string;
    const otherFilter = await call(sandbox, 'GET', `/v2/calls?fromDateTime=2001-01-01T00:00:00Z&cursor=${encodeURIComponent(cursor)}`);
    assert.equal(otherFilter.status, 400);
    const tampered = await call(sandbox, 'GET', `/v2/calls?${ALL}&cursor=${encodeURIComponent(cursor.slice(0, -3) + 'abc')}`);
    assert.equal(tampered.status, 400);
    assert.match(tampered.json.errors[0], /cursor/i);
  });

  it('users page by cursor too, and hide avatars unless asked', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(sandbox, 'GET', `/v2/users${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
      ids.push(...page.json.users.map((u: { id: string }) => u.id));
      cursor = page.json.records.cursor;
    } while (cursor);
    assert.equal(new Set(ids).size, sandbox.world.users.length - sandbox.world.avatarUserIds.size);
    const withAvatars = await call(sandbox, 'POST', '/v2/users/extensive', { body: { filter: { includeAvatars: true } } });
    assert.equal(withAvatars.json.records.totalRecords, sandbox.world.users.length);
  });
});
