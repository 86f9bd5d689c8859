import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../../src/engine';
import type { Ast } from '../../../src/engine';

/** The text a diagnostic points at, so expectations read like squiggles. */
function squiggles(text: string): string[] {
  return parse(text).diagnostics.map((d) => `${d.code} «${text.slice(d.span.start, d.span.end)}»@${d.span.start}`);
}

describe('scanner and parser', () => {
  it('parses the SELECT syntax of SQLite with no diagnostics', () => {
    const ok = [
      `SELECT c.Id, count(*) AS n FROM Calls c JOIN CallParties p ON p.CallId = c.Id WHERE c.Scheduled >= '2025-01-01' AND c.Id IN (1, 2) GROUP BY 1 HAVING n > 1 ORDER BY n DESC NULLS LAST LIMIT 10 OFFSET 5`,
      `WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r`,
      `SELECT json_extract(Settings, '$.a') -> 'b', x ->> '$.c', row_number() OVER (PARTITION BY ManagerId ORDER BY Created ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM Users`,
      `SELECT * FROM Users u, json_each(u.EmailAliases) j WHERE NOT EXISTS (SELECT 1 FROM Calls WHERE PrimaryUserId = u.Id) AND Title NOT LIKE '%a%' ESCAPE '\\'`,
      `SELECT a BETWEEN 1 AND 2, b IS NOT NULL, c NOTNULL, d ISNULL, e IS DISTINCT FROM f, CAST(g AS INTEGER), CASE WHEN h THEN 1 ELSE 2 END, i COLLATE NOCASE FROM t`,
      `SELECT * FROM a LEFT OUTER JOIN b USING (id) RIGHT JOIN c ON c.x = b.x FULL JOIN d ON 1 CROSS JOIN e NATURAL JOIN f`,
      `SELECT count(DISTINCT x) FILTER (WHERE y > 0), group_concat(z ORDER BY z) FROM t WINDOW w AS (PARTITION BY a) LIMIT 2, 3`,
      `SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT VALUES (4)`,
      `SELECT "quoted ""name""", [bracketed], \`ticked\`, x'0aff', 1.5e3, .5, 0x1F, -1 FROM t`,
      `INSERT INTO Calls (ClientUniqueId, Title) VALUES ('a', 'b'), ('c', ?); INSERT INTO x SELECT * FROM y`,
      `UPDATE PermissionProfiles AS p SET Name = 'x', Description = NULL WHERE p.Id = 1; DELETE FROM CRMIntegrations WHERE IntegrationId = 5`,
      `CALL UploadCallMedia(8061307684674639385, :myfile); EXPLAIN SELECT 1; -- comment\n/* block */ SELECT @a, $b, ?3`,
    ];
    for (const text of ok) assert.deepEqual(squiggles(text), [], text);
  });

  it('keeps integer literals as digits', () => {
    const [call] = parse('CALL X(9209112928780475146, -5)').statements as Ast.CallStatement[];
    const first = call!.args[0] as Ast.Literal;
    assert.equal(first.value, '9209112928780475146');
    assert.equal(first.type, 'integer');
  });

  it('gives every node its exact range', () => {
    const text = 'SELECT Title FROM Calls c WHERE c.Duration > 60';
    const [s] = parse(text).statements as Ast.SelectStatement[];
    const core = s!.body as Ast.SelectCore;
    const where = core.where as Ast.BinaryExpr;
    assert.equal(text.slice(where.span.start, where.span.end), 'c.Duration > 60');
    assert.equal(text.slice(where.left.span.start, where.left.span.end), 'c.Duration');
    const from = core.from as Ast.TableRef;
    assert.equal(text.slice(from.span.start, from.span.end), 'Calls c');
    assert.equal(text.slice(from.name.span.start, from.name.span.end), 'Calls');
    assert.equal(text.slice(s!.span.start, s!.span.end), text);
  });

  it('splits statements on ; and numbers positional parameters in order', () => {
    const result = parse('SELECT ?; ; SELECT ?, ?2, ?');
    assert.equal(result.statements.length, 2);
    const names: string[] = [];
    for (const st of result.statements) {
      const core = (st as Ast.SelectStatement).body as Ast.SelectCore;
      for (const c of core.columns) names.push((c.expr as Ast.ParameterExpr).name);
    }
    assert.deepEqual(names, ['?1', '?2', '?2', '?3']);
  });

  const broken: [string, string[]][] = [
    ['SELECT FROM Calls', ['GS1160 «FROM»@7']],
    ['SELECT * FROM Calls WHERE', ['GS1160 «»@25']],
    ["SELECT 'unterminated", ["GS1001 «'unterminated»@7"]],
    ['SELECT a, FROM t', ['GS1160 «FROM»@10']],
    ['SELEC * FROM x; SELECT 1', ['GS1100 «SELEC»@0']],
    ['SELECT (1 + 2 FROM t', ['GS1170 «FROM»@14']],
    ['SELECT * FROM Calls WHERE Id = 1 2', ['GS1101 «2»@33']],
    ['CALL CreateDraftCall(1, 2', ['GS1170 «»@25']],
    ['UPDATE Calls Title = 1', ['GS1172 «=»@19']],
    ['SELECT /* open', ['GS1002 «/* open»@7', 'GS1160 «»@14']], // the comment is only a warning; the missing expression is the error
    ['SELECT # FROM t', ['GS1004 «#»@7']],
  ];
  for (const [text, expected] of broken) {
    it(`recovers from: ${text}`, () => {
      const result = parse(text);
      assert.deepEqual(squiggles(text), expected);
      assert.ok(result.statements.length >= 1, 'still yields statements');
    });
  }

  it('recovers to parse the statements after a broken one', () => {
    const result = parse('SELECT FROM; SELECT Id FROM Calls; DELETE FROM');
    assert.deepEqual(result.statements.map((s) => s.kind), ['Select', 'Select', 'Delete']);
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['GS1160', 'GS1110', 'GS1110']);
  });

  it('never throws and stays bounded on deep or hostile input', () => {
    const deep = `SELECT ${'('.repeat(2000)}1${')'.repeat(2000)}`;
    const result = parse(deep);
    assert.ok(result.diagnostics.some((d) => d.code === 'GS1190'));
    for (const junk of [')))', "'", '"', '[', 'SELECT ,,,', 'CALL', 'INSERT INTO', 'WITH', ';;;', 'SELECT * FROM (', '\u0000']) {
      assert.doesNotThrow(() => parse(junk), junk);
    }
  });
});
