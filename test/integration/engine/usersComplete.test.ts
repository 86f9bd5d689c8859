import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute, type StatementResult } from '../../../src/engine';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect } from '../../helpers/connect';

/**
 * Users lists every person whose activity the other objects show: the list, `Id IN` and
 * `Id =` agree, so a "per rep" join loses nobody. Gong hides only its avatars (synthetic
 * Gong-staff users), and those take part in nothing. Trial 16 found two reps of the default
 * sandbox (ids below, the same at every scale) hidden as avatars while hosting calls.
 */
describe('Users is complete: the list, IN and = agree, and every active user is listed', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  const TRIAL_REPS = ['7527020968640714063', '2593302577915316305'];
  const column = async (sql: string): Promise<string[]> => {
    const [result] = (await execute(sql, { client, connectionId: 'sb', useCache: false, confirm: async () => true })) as StatementResult[];
    return result!.rows.map((r) => String(r[0]));
  };

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 300 });
    client = connect(sandbox);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('the reps the trial missed are in the list, found by IN and by =', async () => {
    const listed = new Set(await column('SELECT Id FROM Users'));
    for (const id of TRIAL_REPS) assert.ok(listed.has(id), `${id} in SELECT Id FROM Users`);
    assert.deepEqual((await column(`SELECT Id FROM Users WHERE Id IN ('${TRIAL_REPS.join("', '")}') ORDER BY Id`)).sort(), [...TRIAL_REPS].sort());
    for (const id of TRIAL_REPS) assert.deepEqual(await column(`SELECT Id FROM Users WHERE Id = '${id}'`), [id]);
  });

  it('every user who is a party of a call or has activity stats is listed by Users', async () => {
    const listed = new Set(await column('SELECT Id FROM Users'));
    const parties = await column("SELECT DISTINCT UserId FROM CallParties WHERE UserId IS NOT NULL AND CallScheduled >= '2000-01-01'");
    const active = await column("SELECT DISTINCT UserId FROM UserActivityStats WHERE FromDate >= '2026-01-01'");
    assert.ok(parties.length > 50 && active.length > 50, 'enough users to mean something');
    assert.deepEqual([...parties, ...active].filter((id) => !listed.has(id)), []);
  });

  it("the avatars Gong hides take part in nothing: no calls, no stats", async () => {
    assert.equal(sandbox.world.avatarUserIds.size, 2);
    const avatars = [...sandbox.world.avatarUserIds];
    assert.deepEqual(await column(`SELECT Id FROM Users WHERE Id IN ('${avatars.join("', '")}')`), [], 'hidden from the list');
    const busy = sandbox.world.calls.filter((c) => c.parties.some((p) => p.userId && sandbox.world.avatarUserIds.has(p.userId)));
    assert.deepEqual(busy.map((c) => c.meta.id), []);
    assert.deepEqual(sandbox.world.activity.filter((e) => sandbox.world.avatarUserIds.has(e.userId)), []);
  });
});
