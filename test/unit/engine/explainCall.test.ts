import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { execute } from '../../../src/engine';

/** EXPLAIN of a CALL names its requests and, for an erase, what it erases and that it asks first; it needs no connection to Gong. */
describe('EXPLAIN CALL', () => {
  const explain = async (sql: string, params: Record<string, string> = {}) => {
    const [result] = await execute(`EXPLAIN ${sql}`, { connectionId: 'none', params });
    return { row: result!.rows[0]!, messages: result!.messages };
  };

  it('an erase: its endpoint, one write sent only after a yes, what it erases, how to say yes', async () => {
    const { row, messages } = await explain("CALL EraseDataForEmailAddress('ada@example.com')");
    assert.deepEqual(row, ['EraseDataForEmailAddress', '', 'POST /v2/data-privacy/erase-data-for-email-address', '(none)', '(none)', '1 (a write request, sent only after a yes)']);
    assert.deepEqual(messages, [
      'CALL EraseDataForEmailAddress will erase all data Gong holds that references ada@example.com (calls, emails, meetings, CRM records). This cannot be undone.',
      'It asks for confirmation every time (the editor in a dialog; the CLI only with --confirm irreversible-call, which --yes does not give) and sends nothing without a yes.',
      'EXPLAIN sent nothing.',
    ]);
  });

  it('an erase by a parameter names its value when given, the parameter when not', async () => {
    assert.match((await explain('CALL EraseDataForPhoneNumber(:phone)', { phone: '+44 20 1234 5678' })).messages[0]!, /references the phone number \+44 20 1234 5678 \(calls, meetings, CRM records\)\. This cannot be undone\.$/);
    assert.match((await explain('CALL EraseDataForPhoneNumber(:phone)')).messages[0]!, /references the phone number :phone /);
  });

  it('a CALL filters nothing: its messages say what running it sends, never the read boilerplate about filters', async () => {
    for (const sql of ["CALL GrantCallAccess('1', '[\"2\"]')", "CALL EraseDataForEmailAddress('ada@example.com')"]) {
      const { messages } = await explain(sql);
      assert.ok(messages.length > 0, sql);
      assert.ok(messages.every((m) => !/filter/i.test(m)), `${sql}: ${messages.join(' | ')}`);
    }
    assert.deepEqual((await explain("CALL GrantCallAccess('1', '[\"2\"]')")).messages, ['Running it sends a write request to Gong; EXPLAIN sent nothing.']);
  });

  it('a procedure of two requests names both', async () => {
    const { row } = await explain("CALL GrantCallAccess('1', '[\"2\"]')");
    assert.deepEqual(row.slice(2), ['PUT /v2/calls/users-access', '(none)', '(none)', '1 (a write request)']);
    const createCall = await explain("CALL CreateCall('c1', '2', 'Conference', '2026-01-01 10:00:00', '[]', '/tmp/x.wav')");
    assert.deepEqual(createCall.row.slice(2), ['POST /v2/calls, then PUT /v2/calls/{id}/media', '(none)', '(none)', '2 (2 write requests)']);
  });
});
