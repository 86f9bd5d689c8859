import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute, type ConfirmRequest, type RunOptions, type StatementResult } from '../../../src/engine';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { calendarStatus } from '../../../src/sandbox/routes/meetings';
import { connect } from '../../helpers/connect';
import { waitFor } from '../../helpers/sandboxClient';

const ERASE_DELAY_MS = 300;

/** What the sandbox's erase and meeting writes change, seen through SQL as a user sees it. */
describe('the sandbox carries out writes the way Gong does', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  const run = async (sql: string, options: Partial<RunOptions> = {}): Promise<StatementResult> => {
    const [result] = await execute(sql, { client, connectionId: 'sb', useCache: false, ...options });
    return result!;
  };
  const yes = { confirm: async (r: ConfirmRequest) => r.kind === 'irreversibleCall' };

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 60, eraseDelayMs: ERASE_DELAY_MS });
    client = connect(sandbox);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('an erased email address: after the erase delay its calls, parties, transcripts and privacy data are gone; other people keep theirs', async () => {
    const party = sandbox.store.visibleCalls.flatMap((c) => c.parties).find((p) => p.affiliation === 'External' && p.emailAddress && p.speakerId)!;
    const email = party.emailAddress!;
    const callIds = sandbox.store.visibleCalls.filter((c) => c.parties.some((p) => p.emailAddress === email)).map((c) => c.meta.id);
    const inList = callIds.map((id) => `'${id}'`).join(', ');
    const held = async () => (await run(`SELECT ObjectType, count(*) FROM DataPrivacyByEmail WHERE EmailAddress = '${email.toUpperCase()}' GROUP BY ObjectType`)).rows;
    const count = async (sql: string) => Number((await run(sql)).rows[0]![0]);
    const othersBefore = await count(`SELECT count(*) FROM Calls`) - callIds.length;
    assert.ok((await held()).some(([type]) => type === 'Call'), 'Gong holds calls with the person before');
    assert.ok(await count(`SELECT count(*) FROM CallTranscripts WHERE CallId IN (${inList}) AND SpeakerId = '${party.speakerId}'`) > 0, 'the person spoke');

    await run(`CALL EraseDataForEmailAddress('${email}')`, yes);
    // Gong erases asynchronously: right after the CALL the data is still there.
    assert.ok((await held()).length > 0, 'not yet erased');
    await waitFor(async () => (await held()).length === 0, 'the erase to be carried out', ERASE_DELAY_MS + 10_000);

    assert.equal(await count(`SELECT count(*) FROM Calls WHERE Id IN (${inList})`), 0, 'the calls the person appears in are deleted');
    assert.equal(await count(`SELECT count(*) FROM CallParties WHERE EmailAddress = '${email}'`), 0);
    assert.equal(await count(`SELECT count(*) FROM CallTranscripts WHERE CallId IN (${inList})`), 0);
    assert.equal(await count(`SELECT count(*) FROM Calls`), othersBefore, 'every other call stays');
  });

  it('an erased phone number: the calls of whoever has it go, whatever the spacing it was written with', async () => {
    const party = sandbox.store.visibleCalls.flatMap((c) => c.parties).find((p) => p.affiliation === 'External' && p.phoneNumber)!;
    const written = `+${party.phoneNumber!.replace(/\D/g, '')}`;
    const held = async () => (await run(`SELECT count(*) FROM DataPrivacyByPhone WHERE PhoneNumber = '${written}' AND ObjectType = 'Call'`)).rows[0]![0];
    assert.ok(Number(await held()) > 0);
    await run(`CALL EraseDataForPhoneNumber('${written}')`, yes);
    await waitFor(async () => Number(await held()) === 0, 'the erase by phone number', ERASE_DELAY_MS + 10_000);
  });

  describe('meetings', () => {
    const inFuture = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const invitees = `'[{"Email": "jane@acme.com"}]'`;
    const organizers = () => sandbox.world.users.map((u) => ({ email: u.emailAddress, ...calendarStatus(sandbox.world.users, u.emailAddress) }));

    it('CreateMeeting: Gong refuses (400) an organizer whose meeting integration is not valid, with the reason the status endpoint gives, and a start in the past', async () => {
      const inactive = organizers().find((o) => o.userFacingError === 'User is inactive')!;
      assert.ok(inactive, 'the sandbox has inactive users');
      await assert.rejects(run(`CALL CreateMeeting('${inFuture(24)}', '${inFuture(25)}', '${inactive.email}', ${invitees})`), /cannot organize Gong meetings: User is inactive/);
      const valid = organizers().find((o) => o.valid)!;
      await assert.rejects(run(`CALL CreateMeeting('2025-06-02 10:00:00', '2025-06-02 10:30:00', '${valid.email}', ${invitees})`), /startTime must be in the future/);
      const status = await run(`SELECT Valid, UserFacingError FROM MeetingIntegrationStatus WHERE Email = '${inactive.email}'`);
      assert.deepEqual(status.rows[0]?.map(String), ['0', 'User is inactive'], 'the reason MeetingIntegrationStatus shows');
    });

    it('UpdateMeeting: the organizer cannot be changed (400); the organizer can move the meeting', async () => {
      const [first, second] = organizers().filter((o) => o.valid);
      const [created] = (await run(`CALL CreateMeeting('${inFuture(24)}', '${inFuture(25)}', '${first!.email}', ${invitees})`)).rows;
      const meetingId = String(created![0]);
      await assert.rejects(run(`CALL UpdateMeeting('${meetingId}', '${inFuture(26)}', '${inFuture(27)}', '${second!.email}', ${invitees})`), /the organizer cannot be changed/);
      assert.equal((await run(`CALL UpdateMeeting('${meetingId}', '${inFuture(26)}', '${inFuture(27)}', '${first!.email}', ${invitees})`)).rows[0]![0], meetingId);
      await assert.rejects(run(`CALL UpdateMeeting('${meetingId}', '2025-06-02 10:00:00', '2025-06-02 10:30:00', '${first!.email}', ${invitees})`), /startTime must be in the future/);
    });
  });
});
