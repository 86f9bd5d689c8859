import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bind, parse } from '../../../src/engine';

function diagnose(text: string): string[] {
  return parse(text).statements.flatMap((s) => bind(s).diagnostics.map((d) => `${d.severity} ${d.code} ${d.message} «${text.slice(d.span.start, d.span.end)}»`));
}

describe('binder', () => {
  const clean = [
    'SELECT c.Id, c.Title, u.FirstName FROM Calls c JOIN Users u ON u.Id = c.PrimaryUserId WHERE c.Scheduled >= \'2025-01-01\'',
    'WITH x AS (SELECT Id, FirstName AS fn FROM Users) SELECT fn, j.value FROM x, json_each(x.Id) j',
    'SELECT Direction, count(*) AS n FROM Calls GROUP BY Direction HAVING n > 1 ORDER BY n',
    'SELECT * FROM Calls WHERE PrimaryUserId IN (SELECT Id FROM Users WHERE Active = 1)',
    'SELECT Id FROM Calls c WHERE EXISTS (SELECT 1 FROM CallParties p WHERE p.CallId = c.Id)',
    'SELECT t.Id FROM (SELECT Id FROM Calls) t',
    'SELECT CallId FROM CallParties JOIN CallTopics USING (CallId)',
    'select id, TITLE from calls',
    "CALL CreateDraftCall('testId', 9209112928780475146, 'Conference', '2025-05-13 13:11:35', '[{\"UserId\": 9209112928780475146}]')",
    'CALL UploadCallMedia(8061307684674639385, :myfile)',
    "INSERT INTO Calls (ClientUniqueId, PrimaryUserId, Direction, ActualStart, Parties) VALUES ('a', 1, 'Inbound', '2025-01-01T00:00:00Z', '[]')",
    "UPDATE PermissionProfiles SET Name = 'x' WHERE Id = '1'",
  ];
  for (const text of clean) it(`accepts: ${text.slice(0, 70)}`, () => assert.deepEqual(diagnose(text), []));

  it('a double-quoted unknown column says text takes single quotes, with the fix', () => {
    const check = (text: string, message: string, fixes: [string, string][]) => {
      const [d, ...more] = parse(text).statements.flatMap((s) => bind(s).diagnostics);
      assert.deepEqual(more, [], text);
      assert.equal(d?.message, message, text);
      assert.deepEqual(d?.fixes?.map((f) => [f.title, `${text.slice(0, f.span.start)}${f.text}${text.slice(f.span.end)}`]), fixes, text);
    };
    check('SELECT Id FROM Workspaces WHERE Name = "North America Sales"',
      `Unknown column "North America Sales" in Workspaces — for text, use single quotes: 'North America Sales'`,
      [["Change to 'North America Sales'", "SELECT Id FROM Workspaces WHERE Name = 'North America Sales'"]]);
    check('SELECT "it\'s" FROM Workspaces', `Unknown column "it's" in Workspaces — for text, use single quotes: 'it''s'`,
      [["Change to 'it''s'", "SELECT 'it''s' FROM Workspaces"]]);
    check('SELECT "Nme" FROM Workspaces', `Unknown column "Nme" in Workspaces — for text, use single quotes: 'Nme'. Did you mean Name?`,
      [["Change to 'Nme'", "SELECT 'Nme' FROM Workspaces"], ['Change to Name', 'SELECT Name FROM Workspaces']]);
    check('SELECT "abc"', `Unknown column "abc": the statement has no FROM clause — for text, use single quotes: 'abc'`,
      [["Change to 'abc'", "SELECT 'abc'"]]);
    // Not written with double quotes, or qualified: no string was meant.
    check('SELECT abc FROM Workspaces', 'Unknown column abc in Workspaces', undefined as never);
    check('SELECT [abc] FROM Workspaces', 'Unknown column abc in Workspaces', undefined as never);
    check('SELECT `abc` FROM Workspaces', 'Unknown column abc in Workspaces', undefined as never);
    check('SELECT w."abc" FROM Workspaces w', 'Unknown column abc in Workspaces', undefined as never);
  });

  const cases: [string, string[]][] = [
    ['SELECT Titel FROM Calls', ['error GS2002 Unknown column Titel in Calls. Did you mean Title? «Titel»']],
    ['SELECT x FROM (SELECT 1 AS y)', ['error GS2002 Unknown column x in the subquery. Did you mean y? «x»']],
    ['SELECT s.x FROM (SELECT 1 AS y) s', ['error GS2002 Unknown column x in s. Did you mean y? «x»']],
    ['SELECT * FROM Cals', ['error GS2001 Unknown object Cals. Did you mean Calls? «Cals»']],
    ['SELECT x.Id FROM Calls c', ['error GS2004 Unknown table or alias x. Did you mean c? «x»']],
    ['SELECT WorkspaceId FROM Calls c JOIN CallParties p ON p.CallId = c.Id', ['error GS2003 Ambiguous column WorkspaceId: it is in c and p; qualify it «WorkspaceId»']],
    ['SELECT Parties FROM Calls', ['warning GS2030 Calls.Parties is used only by INSERT; SELECT returns it empty «Parties»']],
    ["INSERT INTO Users (Id) VALUES (1)", ['error GS2010 Users does not support INSERT; it supports SELECT «Users»']],
    ['DELETE FROM Calls WHERE Id = 1', ['error GS2010 Calls does not support DELETE; it supports SELECT, INSERT «Calls»']],
    ["INSERT INTO Calls (Title, Url) VALUES ('x', 'y')", ['error GS2011 Calls.Url is read-only «Url»', 'error GS2012 INSERT INTO Calls needs ClientUniqueId, PrimaryUserId, Direction, ActualStart, Parties «Calls»']],
    ['DELETE FROM CRMIntegrations', ['warning GS2031 DELETE without WHERE deletes every row of CRMIntegrations «CRMIntegrations»']],
    ["CALL CreateDraftCal('x')", ['error GS2020 Unknown procedure CreateDraftCal. Did you mean CreateDraftCall? «CreateDraftCal»']],
    ["CALL DeleteCRMIntegration(1, 'a', 'b')", ['error GS2021 DeleteCRMIntegration takes at most 2 arguments «\'b\'»']],
    ["CALL CreateDraftCall('x', 1, 'Sideways', 'yesterday')", [
      'error GS2022 CreateDraftCall needs Parties (argument 5) «»',
      "error GS2023 Direction must be one of Inbound, Outbound, Conference, Unknown (got 'Sideways') «'Sideways'»",
      "error GS2023 ActualStart must be ISO-8601 with an offset (2018-02-18T02:30:00-07:00, 2018-02-18T08:00:00Z) or YYYY-MM-DD HH:MM:SS read as UTC (got 'yesterday') «'yesterday'»",
    ]],
    ["CALL CreateDraftCall('x', 1, 'Inbound', '2025-01-01T00:00:00Z', '[]', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'xx-XX')", [
      "error GS2023 LanguageCode must be one of Gong's language codes such as en-US or fr-FR (got 'xx-XX') «'xx-XX'»",
    ]],
  ];
  for (const [text, expected] of cases) it(`diagnoses: ${text.slice(0, 70)}`, () => assert.deepEqual(diagnose(text), expected));

  it('offers a quick fix for a misspelt name', () => {
    const [s] = parse('SELECT Titel FROM Calls').statements;
    const [d] = bind(s!).diagnostics;
    assert.deepEqual(d?.fixes, [{ title: 'Change to Title', span: { start: 7, end: 12 }, text: 'Title' }]);
  });
});
