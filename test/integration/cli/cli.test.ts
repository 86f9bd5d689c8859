import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { EXAMPLE_IDS } from '../../../src/sandbox/data/examples';
import { waitFor } from '../../helpers/sandboxClient';
import { gongsql, lastLine, startGongsql, type Run } from '../../helpers/cli';

describe('gongsql CLI', () => {
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'gongsql-cli-')); });
  after(() => rm(dir, { recursive: true, force: true }));

  it('runs -e on the sandbox: CSV on stdout, the stats line last on stderr', async () => {
    const r = await gongsql(['-e', 'SELECT Id, Title FROM Calls LIMIT 3', '--sandbox', '--format', 'csv', '--stats']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\r\n');
    assert.equal(lines[0], 'Id,Title');
    assert.ok(lines.length >= 4);
    assert.match(lastLine(r.stderr), /^stats: api_calls=1 pages=1 rows=3 ms=\d+$/);
  });

  it('json and ndjson keep ids exact as text', async () => {
    const json = await gongsql(['-e', 'SELECT Id FROM Calls LIMIT 2', '--sandbox', '--format', 'json']);
    const rows = JSON.parse(json.stdout) as { Id: string }[];
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => typeof r.Id === 'string' && /^\d{15,19}$/.test(r.Id)));
    const nd = await gongsql(['-e', 'SELECT Id, Duration FROM Calls LIMIT 2', '--sandbox', '--format', 'ndjson']);
    assert.deepEqual(nd.stdout.trimEnd().split('\n').map((l) => Object.keys(JSON.parse(l))), [['Id', 'Duration'], ['Id', 'Duration']]);
  });

  it('json and ndjson keep every column when names repeat: the repeat gets a suffix (Id, Id_2)', async () => {
    const sql = 'SELECT * FROM Workspaces a JOIN Workspaces b ON a.Id = b.Id LIMIT 1';
    const csv = await gongsql(['-e', sql, '--sandbox', '--format', 'csv']);
    const names = csv.stdout.split('\r\n')[0]!.split(',');
    const keys = [...names.slice(0, names.length / 2), ...names.slice(0, names.length / 2).map((n) => `${n}_2`)];
    for (const format of ['json', 'ndjson']) {
      const r = await gongsql(['-e', sql, '--sandbox', '--format', format]);
      assert.equal(r.code, 0, r.stderr);
      const row = (format === 'json' ? (JSON.parse(r.stdout) as Record<string, unknown>[])[0] : JSON.parse(r.stdout)) as Record<string, unknown>;
      assert.deepEqual(Object.keys(row), keys, format);
      const values = Object.values(row);
      assert.deepEqual(values.slice(names.length / 2), values.slice(0, names.length / 2), `${format}: b's values are a's (joined on Id)`);
    }
    const empty = await gongsql(['-e', `SELECT 1 AS "", 2 AS ''`, '--sandbox', '--format', 'json']);
    assert.deepEqual(JSON.parse(empty.stdout), [{ '': 1, _2: 2 }]);
  });

  it('median and mode over every page of calls are one row, the mode an id digit for digit, and nothing on stderr but the stats', async () => {
    const r = await gongsql(['-e', 'SELECT median(Duration) AS median, mode(WorkspaceId) AS mode FROM Calls', '--sandbox', '--format', 'json', '--stats']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { median: number; mode: string }[];
    assert.equal(rows.length, 1, r.stdout);
    assert.equal(typeof rows[0]!.median, 'number');
    assert.match(rows[0]!.mode, /^\d{19}$/);
    assert.match(r.stderr, /^1 row in \d+ ms; (\d\d+) API calls, \1 pages\nstats: api_calls=\1 pages=\1 rows=1 ms=\d+\n$/, 'many pages read, no deprecation notice');
  });

  it('reads SQL from a file or stdin; prints a table by default', async () => {
    const file = join(dir, 'q.gongsql');
    await writeFile(file, '-- workspaces\nSELECT Name FROM Workspaces ORDER BY Name;\n');
    const fromFile = await gongsql([file, '--sandbox']);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.match(fromFile.stdout, /Name\s*\n─+\nCustomer Success/);
    const fromStdin = await gongsql(['--sandbox', '--format', 'csv'], { stdin: 'SELECT count(*) AS n FROM Workspaces' });
    assert.equal(fromStdin.stdout, 'n\r\n3\r\n');
  });

  it('quotes hostile values in CSV so they round-trip', async () => {
    const r = await gongsql(['-e', `SELECT Title FROM Calls WHERE Title LIKE '%"%' OR Title LIKE '%' || char(10) || '%'`, '--sandbox', '--format', 'csv']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /"O'Brien said ""it's a deal"" — 100% 🎉"/);
    assert.match(r.stdout, /"Tab\there, newline\nthere"/);
  });

  it('CSV neutralises text a spreadsheet would run as a formula; --csv-raw writes it as is', async () => {
    const sql = "SELECT '=1+2' AS f, '@SUM(A1)' AS a, -5 AS n, '-5' AS t, 'a=b' AS ok";
    const safe = await gongsql(['-e', sql, '--sandbox', '--format', 'csv']);
    assert.equal(safe.code, 0, safe.stderr);
    assert.equal(safe.stdout, "f,a,n,t,ok\r\n'=1+2,'@SUM(A1),-5,-5,a=b\r\n");
    const raw = await gongsql(['-e', sql, '--sandbox', '--format', 'csv', '--csv-raw']);
    assert.equal(raw.stdout, 'f,a,n,t,ok\r\n=1+2,@SUM(A1),-5,-5,a=b\r\n');
    const misused = await gongsql(['-e', sql, '--sandbox', '--csv-raw']);
    assert.equal(misused.code, 2);
    assert.match(misused.stderr, /--csv-raw needs --format csv/);
  });

  it('--explain shows the plan and makes no call for it', async () => {
    const r = await gongsql(['-e', "SELECT * FROM Calls WHERE Scheduled >= '2026-01-01'", '--sandbox', '--explain', '--format', 'json', '--stats']);
    const [plan] = JSON.parse(r.stdout) as Record<string, string>[];
    assert.equal(plan?.Request, 'GET /v2/calls (100 per page)');
    assert.match(plan?.NativeFilters ?? '', /fromDateTime=2026-01-01T00:00:00Z/);
    assert.match(lastLine(r.stderr), /^stats: api_calls=0 /);
  });

  it('--no-pushdown gives the same rows for more API calls', async () => {
    const sql = "SELECT Id FROM Calls WHERE Scheduled >= date('now', '-20 days') ORDER BY Id";
    const pushed = await gongsql(['-e', sql, '--sandbox', '--format', 'csv', '--stats']);
    const local = await gongsql(['-e', sql, '--sandbox', '--format', 'csv', '--stats', '--no-pushdown']);
    assert.equal(pushed.stdout, local.stdout);
    const calls = (r: Run) => Number(/api_calls=(\d+)/.exec(lastLine(r.stderr))?.[1]);
    assert.ok(calls(pushed) < calls(local), `${calls(pushed)} < ${calls(local)}`);
  });

  it('--param binds :name', async () => {
    const r = await gongsql(['-e', 'SELECT Name FROM Workspaces WHERE Name = :n', '--sandbox', '--format', 'csv', '--param', 'n=EMEA']);
    assert.equal(r.stdout, 'Name\r\nEMEA\r\n');
  });

  it('--param NAME=VALUE binds $NAME and @NAME too; a missing one is named as written', async () => {
    const r = await gongsql(['-e', 'SELECT Name FROM Workspaces WHERE Name = $n OR Name = @m', '--sandbox', '--format', 'csv', '--param', 'n=EMEA', '--param', '@m=EMEA']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'Name\r\nEMEA\r\n');
    const missing = await gongsql(['-e', 'SELECT $x, @y', '--sandbox']);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr.trim(), 'gongsql: line 1, column 8: Parameter $x has no value');
  });

  it('--param N=VALUE and ?N=VALUE bind the Nth ?', async () => {
    const sql = 'SELECT Name, ? AS t FROM Workspaces WHERE Name = ?';
    for (const params of [['1=tag', '2=EMEA'], ['?1=tag', '?2=EMEA']]) {
      const r = await gongsql(['-e', sql, '--sandbox', '--format', 'csv', ...params.flatMap((p) => ['--param', p])]);
      assert.equal(r.code, 0, `${params.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, 'Name,t\r\nEMEA,tag\r\n');
    }
  });

  it('a query error exits 1 with one line that says where', async () => {
    const r = await gongsql(['-e', 'SELECT Id\nFROM Calls WHERE Titel = 1', '--sandbox']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim(), 'gongsql: line 2, column 18: Unknown column Titel in Calls. Did you mean Title?');
    assert.equal(r.stdout, '');
  });

  it('a script\'s error at a position names its line once: the statement, then the line and column', async () => {
    const r = await gongsql(['-e', "SELECT 1;\n\nSELECT *\nFROM Coaching\nWHERE WorkspaceId = '1' AND ManagerId = '2'", '--sandbox', '--format', 'csv']);
    assert.equal(r.code, 1);
    assert.equal(lastLine(r.stderr), "gongsql: statement 2, line 4, column 6: Coaching needs filters Gong requires: WHERE PeriodFrom = '…' AND PeriodTo = '…'");
  });

  it('a Stats filter Gong would refuse or misread is an error at its position, before any API call', async () => {
    const period = await gongsql(['-e', "SELECT * FROM UserActivityByPeriod\nWHERE Period = 'Fortnight'", '--sandbox', '--stats']);
    assert.equal(period.code, 1);
    assert.match(period.stderr, /^gongsql: line 2, column 7: Period = 'Fortnight': Period is one of DAY, WEEK, MONTH, QUARTER, YEAR$/m);
    assert.match(period.stderr, /^stats: api_calls=0 /m);
    const date = await gongsql(['-e', "SELECT * FROM UserActivityStats WHERE FromDate >= '2026-02-30'", '--sandbox', '--stats']);
    assert.match(date.stderr, /^gongsql: line 1, column 39: FromDate >= '2026-02-30': not a date \(February 2026 has 28 days\)/m);
    assert.match(date.stderr, /^stats: api_calls=0 /m);
  });

  it('a statement SQLite rejects exits 1 with SQLite\'s error at its line and column, before any API call', async () => {
    const r = await gongsql(['-e', 'SELECT sum(Duration)\n  OVER w FROM Calls', '--sandbox', '--stats']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^gongsql: line 2, column 8: SQLite: no such window: w$/m);
    assert.match(r.stderr, /^stats: api_calls=0 pages=0 /m);
  });

  it('UPDATE or DELETE without WHERE and without --yes names how many rows it would change, in good English', async () => {
    const one = await gongsql(['-e', 'DELETE FROM CRMIntegrations', '--sandbox']);
    assert.equal(one.code, 1);
    assert.match(one.stderr, /DELETE without WHERE would change the 1 row of CRMIntegrations;/);
    const many = await gongsql(['-e', 'UPDATE PermissionProfiles SET Description = 1', '--sandbox']);
    assert.match(many.stderr, /UPDATE without WHERE would change all 12 rows of PermissionProfiles;/);
  });

  it('--confirm answers one kind of question: api-calls does not let a DELETE without WHERE through, unfiltered-write does', async () => {
    const calls = await gongsql(['-e', 'DELETE FROM CRMIntegrations', '--sandbox', '--confirm', 'api-calls']);
    assert.equal(calls.code, 1);
    assert.match(calls.stderr, /DELETE without WHERE would change the 1 row of CRMIntegrations; not run without confirmation\. To run it: --confirm unfiltered-write \(or --yes\)\.$/m);
    const write = await gongsql(['-e', 'DELETE FROM CRMIntegrations', '--sandbox', '--confirm', 'unfiltered-write', '--format', 'csv']);
    assert.equal(write.code, 0, write.stderr);
    assert.match(write.stdout, /^Row,Status,IntegrationId,RequestId,Error\r\n1,ok,/);
    const typo = await gongsql(['-e', 'DELETE FROM CRMIntegrations', '--sandbox', '--confirm', 'everything']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /--confirm everything: expected api-calls, unfiltered-write, irreversible-call/);
  });

  it('an irreversible CALL is answered only by --confirm irreversible-call: --yes and other kinds do not send it', async () => {
    const erase = ['-e', "CALL EraseDataForEmailAddress('erase.me@example.com')", '--sandbox'];
    for (const flags of [[], ['--yes'], ['--confirm', 'api-calls', '--confirm', 'unfiltered-write']]) {
      const refused = await gongsql([...erase, ...flags]);
      assert.equal(refused.code, 1, flags.join(' '));
      assert.match(refused.stderr, /EraseDataForEmailAddress would erase all data Gong holds that references erase\.me@example\.com \(calls, emails, meetings, CRM records\), which cannot be undone; not run without confirmation\. To run it: --confirm irreversible-call\.$/m);
    }
    const done = await gongsql([...erase, '--confirm', 'irreversible-call', '--format', 'csv']);
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, /^RequestId\r\n\S+/);
  });

  it('credentials are never sent over plain http off this machine: --base-url http://… exits 2', async () => {
    const r = await gongsql(['-e', 'SELECT 1', '--base-url', 'http://api.gong.io'], { env: { GONG_ACCESS_KEY: 'CLIKEY', GONG_ACCESS_KEY_SECRET: 'cli-secret-value' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--base-url http:\/\/api\.gong\.io must use https \(plain http only for this machine/);
    assert.ok(!r.stderr.includes('cli-secret-value'));
  });

  it('nothing to run (empty, blank or only comments, from -e, a file or stdin) says so and exits 2', async () => {
    const empty = join(dir, 'empty.gongsql');
    await writeFile(empty, '-- to do\n\n');
    const cases: [string[], string | undefined, RegExp][] = [
      [['-e', '', '--sandbox'], undefined, /^gongsql: nothing to run: the SQL given with -e has no statement/],
      [['-e', '-- only a comment', '--sandbox'], undefined, /^gongsql: nothing to run: the SQL given with -e has no statement/],
      [[empty, '--sandbox'], undefined, /^gongsql: nothing to run: .*empty\.gongsql has no statement/],
      [['--sandbox'], '  \n', /^gongsql: nothing to run: the SQL on stdin has no statement/],
    ];
    for (const [args, stdin, message] of cases) {
      const r = await gongsql(args, { stdin });
      assert.equal(r.code, 2, `${JSON.stringify(args)}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
  });

  it('an option\'s value may start with "-": -e takes SQL that begins with a comment', async () => {
    const r = await gongsql(['-e', '-- how many workspaces\nSELECT count(*) AS n FROM Workspaces', '--sandbox', '--format', 'csv']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'n\r\n3\r\n');
    const missing = await gongsql(['--sandbox', '--format', '--stats', '-e', 'SELECT 1']);
    assert.equal(missing.code, 2, 'a forgotten value is still a usage error');
    assert.match(missing.stderr, /--format must be one of/);
  });

  it('-h and --help anywhere print the help of the command and exit 0; so does `help`', async () => {
    const main = /^gongsql — SQL over Gong's REST API\n/;
    const sandboxHelp = /^gongsql sandbox \[--port N\]/;
    const cases: [string[], RegExp][] = [
      [['--help'], main], [['-h'], main], [['--sandbox', '--help'], main], [['--format', 'csv', '--help'], main],
      [['-e', 'SELECT 1', '-h'], main], [['help'], main], [['demo', '--help'], main],
      [['sandbox', '--help'], sandboxHelp], [['sandbox', '-h'], sandboxHelp], [['sandbox', '--port', '0', '-h'], sandboxHelp], [['help', 'sandbox'], sandboxHelp],
    ];
    for (const [args, help] of cases) {
      const r = await gongsql(args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stdout, help, args.join(' '));
    }
  });

  it('--version prints the version of the package', async () => {
    for (const args of [['--version'], ['--sandbox', '--version']]) {
      const r = await gongsql(args);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `${(require('../../../package.json') as { version: string }).version}\n`);
    }
  });

  it('an unknown option or a missing value is one clear line that points to the help', async () => {
    const cases: [string[], string][] = [
      [['--bogus'], 'gongsql: unknown option --bogus (see gongsql --help)\n'],
      [['--sandbox', '-e', 'SELECT 1', '--format'], 'gongsql: --format needs a value (see gongsql --help)\n'],
      [['sandbox', '--bogus'], 'gongsql: unknown option --bogus (see gongsql sandbox --help)\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = await gongsql(args);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, stderr);
    }
  });

  it('a SQL file that cannot be read says why', async () => {
    const missing = await gongsql([join(dir, 'missing.gongsql'), '--sandbox']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^gongsql: cannot read .*missing\.gongsql: no such file/);
    const folder = await gongsql([dir, '--sandbox']);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /^gongsql: cannot read .*: it is a folder, not a file/);
  });

  it('usage errors exit 2', async () => {
    for (const args of [['-e', 'SELECT 1', '--sandbox', '--format', 'xml'], ['-e', 'SELECT 1'], ['--bogus']]) {
      const r = await gongsql(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    }
  });
});

describe('gongsql CLI against a Gong URL with credentials from the environment', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await startSandbox({ rateLimit: false, scale: 50, credentials: [{ accessKey: 'CLIKEY', accessKeySecret: 'cli-secret-value' }] }); });
  after(() => sandbox.close());

  it('reads GONG_ACCESS_KEY, GONG_ACCESS_KEY_SECRET and GONG_BASE_URL', async () => {
    const r = await gongsql(['-e', 'SELECT count(*) AS n FROM Workspaces', '--format', 'csv'], { env: { GONG_ACCESS_KEY: 'CLIKEY', GONG_ACCESS_KEY_SECRET: 'cli-secret-value', GONG_BASE_URL: sandbox.url } });
    assert.equal(r.stdout, 'n\r\n3\r\n', r.stderr);
  });

  it('exits 1 when a row of an INSERT failed or its outcome is unknown, and says how to check the unknown one', async () => {
    const env = { GONG_ACCESS_KEY: 'CLIKEY', GONG_ACCESS_KEY_SECRET: 'cli-secret-value', GONG_BASE_URL: sandbox.url };
    const insert = (ids: string[]) => `INSERT INTO Calls (ClientUniqueId, PrimaryUserId, Direction, ActualStart, Parties) VALUES ${ids.map((id) => `('${id}', ${EXAMPLE_IDS.user}, 'Inbound', '2026-03-01 09:00:00', '[{"UserId": "${EXAMPLE_IDS.user}"}]')`).join(', ')}`;
    sandbox.faults.add({ kind: 'serverError', route: 'POST /v2/calls', skip: 1 });
    const before = sandbox.log.lastSeq;
    const failed = await gongsql(['-e', insert(['pbx-cli-1', 'pbx-cli-2']), '--format', 'csv'], { env });
    assert.equal(failed.code, 1, failed.stderr);
    assert.equal(failed.stdout.split('\r\n')[0], 'Row,Status,Id,RequestId,Error');
    assert.deepEqual(failed.stdout.split('\r\n').slice(1, 3).map((line) => line.split(',')[1]), ['ok', 'failed']);
    assert.deepEqual(failed.stdout.split('\r\n').slice(1, 3).map((line) => line.split(',')[3]), sandbox.log.since(before).map((e) => e.requestId), 'each row\'s RequestId is Gong\'s, the failed one\'s too');
    assert.match(failed.stderr, /^Row 2 failed: Gong failed \(500\) on POST \/v2\/calls: .*; a write is not sent again automatically\./m);
    assert.equal(lastLine(failed.stderr), 'gongsql: 1 row failed');

    sandbox.faults.add({ kind: 'hangUp', route: 'POST /v2/calls' });
    const unknown = await gongsql(['-e', insert(['pbx-cli-3']), '--format', 'csv'], { env });
    assert.equal(unknown.code, 1, unknown.stderr);
    assert.equal(unknown.stdout.split('\r\n')[1]?.split(',')[1], 'unknown');
    assert.match(unknown.stderr, /^0 of 1 row inserted in Calls; row 1: outcome unknown$/m);
    assert.match(unknown.stderr, /^Row 1: Outcome unknown: POST \/v2\/calls was sent, then the connection broke \(.+\); Gong may have done it\. It was not retried, so it was not done twice\. To check, run the statement again: Gong refuses a second Calls row with ClientUniqueId 'pbx-cli-3'/m);
    assert.equal(lastLine(unknown.stderr), "gongsql: 1 row's outcome is unknown (Gong may have written it; see above how to check)");
    assert.ok(sandbox.store.clientUniqueIds.has('pbx-cli-3'), 'Gong did write it');

  });

  it('the rerun after an unknown outcome finishes the job: rows Gong has are "exists", the others are written, exit 0', async () => {
    const env = { GONG_ACCESS_KEY: 'CLIKEY', GONG_ACCESS_KEY_SECRET: 'cli-secret-value', GONG_BASE_URL: sandbox.url };
    const ids = ['pbx-rerun-1', 'pbx-rerun-2', 'pbx-rerun-3'];
    const sql = `INSERT INTO Calls (ClientUniqueId, PrimaryUserId, Direction, ActualStart, Parties) VALUES ${ids.map((id) => `('${id}', ${EXAMPLE_IDS.user}, 'Inbound', '2026-03-01 09:00:00', '[{"UserId": "${EXAMPLE_IDS.user}"}]')`).join(', ')}`;
    const column = (csv: string, i: number) => csv.split('\r\n').slice(1, 4).map((line) => line.split(',')[i]);
    // Gong creates row 1's call, then the connection closes before any byte of its answer.
    sandbox.faults.add({ kind: 'hangUp', route: 'POST /v2/calls' });
    const first = await gongsql(['-e', sql, '--format', 'csv'], { env });
    assert.equal(first.code, 1, first.stderr);
    assert.deepEqual(column(first.stdout, 1), ['unknown', 'skipped', 'skipped']);
    assert.match(first.stderr, /To check, run the statement again: Gong refuses a second Calls row with ClientUniqueId 'pbx-rerun-1', so it cannot be written twice; a row Gong already has shows as exists, and the rows it lacks are written\./);

    const before = sandbox.log.lastSeq;
    const rerun = await gongsql(['-e', sql, '--format', 'csv'], { env });
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.deepEqual(column(rerun.stdout, 1), ['exists', 'ok', 'ok']);
    const sent = sandbox.log.since(before);
    assert.deepEqual(sent.map((e) => e.status), [409, 200, 200], 'every row was sent once, the first refused');
    assert.deepEqual(column(rerun.stdout, 3), sent.map((e) => e.requestId), 'the refused row carries the requestId of Gong\'s refusal');
    assert.equal(column(rerun.stdout, 2)[0], '', 'Gong does not say the existing call\'s id, so none is shown');
    assert.match(rerun.stderr, /^2 of 3 rows inserted in Calls; 1 already in Gong$/m);
    assert.match(rerun.stderr, /^Row 1: already in Gong \(Gong refused a second Calls row with ClientUniqueId 'pbx-rerun-1', 409\), so it was not written again; Gong's answer does not say the existing row's id\.$/m);
    for (const id of ids) assert.equal(sandbox.world.calls.filter((c) => c.meta.clientUniqueId === id).length, 1, `exactly one call ${id}`);
  });

  it('asks for --yes once Gong says a scan needs more than 50 calls', async () => {
    const big = await startSandbox({ rateLimit: false, scale: 5200 });
    try {
      const env = { GONG_ACCESS_KEY: big.credentials.accessKey, GONG_ACCESS_KEY_SECRET: big.credentials.accessKeySecret, GONG_BASE_URL: big.url };
      const refused = await gongsql(['-e', 'SELECT count(*) FROM Calls', '--stats'], { env });
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /needs about 5\d API calls, more than the 50 allowed without confirmation.*--yes/);
      assert.match(lastLine(refused.stderr), /^stats: api_calls=1 /, 'stopped after the first page');
      const confirmed = await gongsql(['-e', 'SELECT count(*) FROM Calls', '--stats', '--yes', '--format', 'csv'], { env });
      assert.equal(confirmed.code, 0, confirmed.stderr);
      assert.equal(confirmed.stdout, `count(*)\r\n${big.store.visibleCalls.length}\r\n`);
    } finally {
      await big.close();
    }
  });

  it('asks for --yes before a read of one request per user: after the count of users (one request), with the per-user cost', async () => {
    const refused = await gongsql(['-e', 'SELECT * FROM Flows', '--sandbox', '--stats']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /needs about \d+ API calls, more than the 50 allowed without confirmation \(Gong allows 10,000 a day\); Flows: reads Users \(\d+ requests?\), then 1 request per user × \d+ users \(Gong's count of Users\); not run .*--yes/);
    assert.match(lastLine(refused.stderr), /^stats: api_calls=1 /, 'only the count was spent');
    const explained = await gongsql(['-e', 'SELECT * FROM UserSettingsHistory', '--sandbox', '--explain', '--format', 'json']);
    assert.equal(explained.code, 0, explained.stderr);
    assert.match((JSON.parse(explained.stdout.slice(0, explained.stdout.lastIndexOf(']') + 1)) as Record<string, string>[])[0]!.EstimatedCalls!, /1 request per user × \d+ users/);
  });

  it('asks for --yes before a join read by the keys of Calls: after Calls\' first page only, with every read counted', async () => {
    const sql = "SELECT count(*) FROM Calls c JOIN CallParties p ON p.CallId = c.Id JOIN CallInteractionStats i ON i.CallId = c.Id WHERE c.Scheduled >= '2025-01-01'";
    const refused = await gongsql(['-e', sql, '--sandbox', '--stats']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /needs about \d+ API calls, more than the 50 allowed without confirmation \(Gong allows 10,000 a day\); Calls: about \d+ requests: Gong's count is [\d,]+ records, 100 per page; CallParties: after c\.Id is read: 1 request per 100 of its values × at most [\d,]+ values \(Gong's count of Calls\); CallInteractionStats: after c\.Id is read/);
    assert.match(lastLine(refused.stderr), /^stats: api_calls=1 /, 'only the first page of Calls was spent');
  });

  it('takes an OAuth access token from GONG_ACCESS_TOKEN', async () => {
    const token = await startSandbox({ rateLimit: false, scale: 5, bearerTokens: [{ token: 'cli-bearer-token' }] });
    try {
      const r = await gongsql(['-e', 'SELECT count(*) AS n FROM Workspaces', '--format', 'csv'], { env: { GONG_ACCESS_TOKEN: 'cli-bearer-token', GONG_BASE_URL: token.url } });
      assert.equal(r.stdout, 'n\r\n3\r\n', r.stderr);
      const wrong = await gongsql(['-e', 'SELECT 1 FROM Workspaces'], { env: { GONG_ACCESS_TOKEN: 'nope', GONG_BASE_URL: token.url } });
      assert.equal(wrong.code, 1);
      assert.match(wrong.stderr, /401.*Check the access token: it may be wrong or expired\./);
    } finally {
      await token.close();
    }
  });

  it('Ctrl-C (SIGINT) cancels the running query: its request is abandoned, "cancelled" on stderr, exit 130', async () => {
    // The first page takes a minute to answer: the CLI is surely waiting on Gong when interrupted.
    sandbox.faults.add({ kind: 'slow', route: 'GET /v2/calls', delayMs: 60_000 });
    const before = sandbox.log.lastSeq;
    const { child, done } = startGongsql(['-e', 'SELECT Id FROM Calls', '--format', 'csv'], { env: { GONG_ACCESS_KEY: 'CLIKEY', GONG_ACCESS_KEY_SECRET: 'cli-secret-value', GONG_BASE_URL: sandbox.url } });
    await waitFor(() => sandbox.log.lastSeq === before && sandbox.inFlight() === 1, 'the query\'s first request at the sandbox', 30_000);
    const interrupted = Date.now();
    child.kill('SIGINT');
    const r = await done;
    assert.equal(r.code, 130, r.stderr);
    assert.equal(r.stderr, 'gongsql: cancelled\n');
    assert.equal(r.stdout, '');
    assert.ok(Date.now() - interrupted < 30_000, 'the CLI did not wait for the slow answer');
    await waitFor(() => sandbox.inFlight() === 0, 'the abandoned request to end', 30_000);
    assert.equal(sandbox.log.lastSeq - before, 1, 'no request after the interrupt');
  });

  it('Ctrl-C (SIGINT) during local evaluation stops a runaway query: "cancelled" on stderr, exit 130', async () => {
    const before = sandbox.log.lastSeq;
    const runaway = 'WITH RECURSIVE r(n) AS (SELECT count(*) FROM Workspaces UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r';
    const { child, done } = startGongsql(['-e', runaway, '--format', 'csv'], { env: { GONG_ACCESS_KEY: 'CLIKEY', GONG_ACCESS_KEY_SECRET: 'cli-secret-value', GONG_BASE_URL: sandbox.url } });
    // Once Gong has answered, all that is left is SQLite counting forever.
    await waitFor(() => sandbox.log.lastSeq > before && sandbox.inFlight() === 0, 'the read of Workspaces to be answered', 30_000);
    child.kill('SIGINT');
    // A CLI deaf to Ctrl-C would count forever: it is killed, and the test fails on its exit code
    // (how fast it stops is not timed here: a loaded machine would make that flaky).
    const deaf = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const r = await done;
    clearTimeout(deaf);
    assert.equal(r.code, 130, r.stderr);
    assert.equal(r.stderr, 'gongsql: cancelled\n');
    assert.equal(r.stdout, '');
  });

  it('--memory-limit (or GONGSQL_MEMORY_LIMIT_MB) bounds local evaluation: a statement needing more is an error naming it', async () => {
    const env = { GONG_ACCESS_KEY: 'CLIKEY', GONG_ACCESS_KEY_SECRET: 'cli-secret-value', GONG_BASE_URL: sandbox.url };
    // 200,000 distinct kilobyte-long values: some 200 MB.
    const greedy = "WITH RECURSIVE r(n) AS (SELECT count(*) FROM Workspaces UNION ALL SELECT n + 1 FROM r WHERE n < 200000) SELECT count(DISTINCT printf('%.1000c', 'x') || n) FROM r";
    const flag = await gongsql(['-e', greedy, '--memory-limit', '64'], { env });
    assert.equal(flag.code, 1);
    assert.equal(flag.stderr, 'gongsql: Local evaluation needs more than the 64 MB of memory it may use (--memory-limit MB): raise it, or read fewer rows or columns (filters, LIMIT).\n');
    const fromEnv = await gongsql(['-e', greedy], { env: { ...env, GONGSQL_MEMORY_LIMIT_MB: '64' } });
    assert.match(fromEnv.stderr, /the 64 MB of memory it may use \(GONGSQL_MEMORY_LIMIT_MB\)/);
    const wrong = await gongsql(['-e', 'SELECT 1', '--memory-limit', '10'], { env });
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--memory-limit must be a whole number of megabytes, at least 64 \(got 10\)/);
  });

  it('Ctrl-C while a row of an INSERT is at Gong: that row is unknown, the others are not sent, exit 130', async () => {
    sandbox.faults.add({ kind: 'slow', route: 'POST /v2/calls', delayMs: 60_000 });
    const before = sandbox.log.lastSeq;
    const rows = ['pbx-cli-int-1', 'pbx-cli-int-2'].map((id) => `('${id}', ${EXAMPLE_IDS.user}, 'Inbound', '2026-03-01 09:00:00', '[{"UserId": "${EXAMPLE_IDS.user}"}]')`);
    const { child, done } = startGongsql(['-e', `INSERT INTO Calls (ClientUniqueId, PrimaryUserId, Direction, ActualStart, Parties) VALUES ${rows.join(', ')}`, '--format', 'csv'], { env: { GONG_ACCESS_KEY: 'CLIKEY', GONG_ACCESS_KEY_SECRET: 'cli-secret-value', GONG_BASE_URL: sandbox.url } });
    await waitFor(() => sandbox.inFlight() === 1, 'the first row at the sandbox', 30_000);
    child.kill('SIGINT');
    const r = await done;
    assert.equal(r.code, 130, r.stderr);
    assert.deepEqual(r.stdout.split('\r\n').slice(1, 3).map((line) => line.split(',')[1]), ['unknown', 'skipped']);
    assert.match(r.stderr, /^Row 1: Outcome unknown: POST \/v2\/calls was sent, then it was cancelled; Gong may have done it\./m);
    assert.ok(r.stderr.endsWith("gongsql: 1 row's outcome is unknown (Gong may have written it; see above how to check)\ngongsql: cancelled\n"), r.stderr);
    await waitFor(() => sandbox.inFlight() === 0, 'the abandoned request to end', 70_000);
    assert.equal(sandbox.log.lastSeq - before, 1, 'the second row was never sent');
  });

  it('a rejected secret is a clear error that does not show it', async () => {
    const r = await gongsql(['-e', 'SELECT * FROM Workspaces', '--base-url', sandbox.url], { env: { GONG_ACCESS_KEY: 'CLIKEY', GONG_ACCESS_KEY_SECRET: 'wrong-secret-xyz' } });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Gong rejected the credentials \(401\).*Check the connection's access key and secret\./);
    assert.doesNotMatch(r.stderr, /sign in/i, 'an access key connection has nothing to sign in to');
    assert.ok(!r.stderr.includes('wrong-secret-xyz') && !r.stdout.includes('wrong-secret-xyz'));
  });

  it('an error from Gong in a script of several statements says which statement and its line', async () => {
    sandbox.faults.add({ kind: 'serverError', route: 'GET /v2/workspaces', count: 50 });
    try {
      const env = { GONG_ACCESS_KEY: 'CLIKEY', GONG_ACCESS_KEY_SECRET: 'cli-secret-value', GONG_BASE_URL: sandbox.url };
      const r = await gongsql(['-e', 'SELECT 1;\n\nSELECT Name FROM Workspaces', '--format', 'csv'], { env });
      assert.equal(r.code, 1);
      assert.match(r.stderr, /^gongsql: statement 2 \(line 3\): Gong failed \(500\) on GET \/v2\/workspaces/m);
      const single = await gongsql(['-e', 'SELECT Name FROM Workspaces'], { env });
      assert.match(single.stderr, /^gongsql: Gong failed \(500\)/m, 'one statement needs no number');
    } finally {
      sandbox.faults.clear();
    }
  });
});
