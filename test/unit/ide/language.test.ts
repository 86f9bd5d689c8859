import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, complete, diagnostics, format, hover, signatureHelp, statementAt, statementSpans, statementSymbols } from '../../../src/engine/ide';

/** `|` marks the cursor. */
const at = (marked: string): [string, number] => [marked.replace('|', ''), marked.indexOf('|')];
const labels = (marked: string) => complete(...at(marked)).map((c) => `${c.kind}:${c.label}`);

describe('statement ranges', () => {
  it('split on ; outside strings, quoted names and comments', () => {
    const text = "SELECT ';' AS a; -- x; y\nSELECT \"b;c\" FROM t /* ; */ ;\n\nSELECT 3";
    const spans = statementSpans(text).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(spans, ["SELECT ';' AS a", 'SELECT "b;c" FROM t /* ; */', 'SELECT 3']);
    const last = statementAt(text, text.length)!;
    assert.equal(text.slice(last.start, last.end), 'SELECT 3');
  });
});

describe('completion', () => {
  it('after FROM and JOIN offers objects', () => {
    assert.ok(labels('SELECT * FROM |').includes('object:Calls'));
    assert.ok(labels('SELECT * FROM Calls c JOIN |').includes('object:CallParties'));
    assert.ok(labels('SELECT * FROM Calls, |').includes('object:Users'));
    assert.ok(labels('INSERT INTO |').includes('object:CRMIntegrations'));
  });

  it('alias. gives that object\'s columns only', () => {
    const items = labels('SELECT u.| FROM Calls c JOIN Users u ON u.Id = c.PrimaryUserId');
    assert.ok(items.includes('column:FirstName'));
    assert.ok(!items.includes('column:Direction'), 'no Calls column');
    assert.ok(items.every((i) => i.startsWith('column:')));
  });

  it('never completes over an alias being typed', () => {
    assert.deepEqual(labels('SELECT * FROM Calls c|'), []);
    assert.deepEqual(labels('SELECT * FROM Calls AS |'), []);
  });

  it('in expressions: the statement\'s columns, aliases, functions and keywords; insert-only columns last', () => {
    const items = complete(...at('SELECT * FROM Calls c WHERE |'));
    const names = items.map((i) => `${i.kind}:${i.label}`);
    for (const expected of ['alias:c', 'column:Scheduled', 'function:json_extract', 'keyword:AND']) assert.ok(names.includes(expected), expected);
    const parties = items.find((i) => i.label === 'Parties')!;
    const title = items.find((i) => i.label === 'Title')!;
    assert.ok(parties.sortText! > title.sortText!);
  });

  it('after CALL offers procedures with required parameters as snippet stops', () => {
    const upload = complete(...at('CALL |')).find((c) => c.label === 'UploadCallMedia')!;
    assert.equal(upload.insertText, 'UploadCallMedia(${1:Id}, ${2:MediaFile})');
    assert.ok(upload.snippet);
  });

  it('in a procedure\'s arguments offers only what fits the parameter, never functions or keywords', () => {
    assert.deepEqual(labels('CALL CreateDraftCall(|'), [], 'ClientUniqueId is free text');
    assert.deepEqual(labels("CALL CreateDraftCall('x', |"), [], 'PrimaryUser is an id');
    assert.deepEqual(labels("CALL CreateDraftCall('x',|"), []);
    assert.deepEqual(labels("CALL CreateDraftCall('x', 1, |"), ["value:'Inbound'", "value:'Outbound'", "value:'Conference'", "value:'Unknown'"]);
    const start = complete(...at("CALL CreateDraftCall('x', 1, 'Inbound', |"));
    assert.deepEqual(start.map((c) => [c.label, c.insertText, c.snippet]), [["'YYYY-MM-DD HH:MM:SS'", "'${1:YYYY-MM-DD} ${2:HH:MM:SS}'", true]]);
    assert.ok(labels("CALL CreateDraftCall('x', 1, 'Inbound', '2025-01-01', '[]', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, |").includes("value:'fr-FR'"), 'LanguageCode');
    assert.deepEqual(labels('CALL UploadCallMedia(1, |'), ['value::MediaFile']);
    assert.deepEqual(labels("CALL CreateDraftCall('x', 1, 'Inbound' |"), [], 'after a value');
    assert.deepEqual(labels("CALL CreateDraftCall('x', 1, 'Inbound', '2025-01-01', '[]', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, |"), [], 'past the last parameter');
  });

  it('replaces the string being typed in an argument whole', () => {
    const replaced = (marked: string) => {
      const [text, offset] = at(marked);
      const span = complete(text, offset).find((c) => c.label === "'Conference'")?.replace;
      return span && text.slice(span.start, span.end);
    };
    assert.equal(replaced("CALL CreateDraftCall('x', 1, 'Con|')"), "'Con'");
    assert.equal(replaced("CALL CreateDraftCall('x', 1, 'Co|"), "'Co", 'a string still open');
    assert.deepEqual(labels("CALL CreateDraftCall('x', 1, 'Inbound'|"), [], 'after a closed string');
  });

  it('offers statement keywords at the start', () => {
    assert.ok(labels('|').includes('keyword:SELECT'));
    assert.ok(labels('SELECT 1;\n|').includes('keyword:CALL'));
  });
});

describe('hover', () => {
  it('shows an object\'s filters and peculiarities', () => {
    const h = hover(...at('SELECT * FROM Ca|lls'))!;
    assert.match(h.markdown, /\*\*Calls\*\*/);
    assert.match(h.markdown, /Scheduled > >= < <=/);
    assert.match(h.markdown, /only calls with a processed recording/i);
    assert.match(h.markdown, /OAuth scopes \(by filter\): `api:calls:read:basic`, `api:calls:read:extensive`/);
    assert.match(hover(...at('SELECT * FROM Work|spaces'))!.markdown, /OAuth scope: `api:workspaces:read`/);
    const media = hover(...at('SELECT * FROM CallMe|dia'))!.markdown;
    assert.match(media, /OAuth scopes \(all of\): `api:calls:read:extensive`, `api:calls:read:media-url`/);
    assert.match(media, /expire about 8 hours/);
  });

  it('shows a column with its flags, through an alias too', () => {
    assert.match(hover(...at('SELECT c.Par|ties FROM Calls c'))!.markdown, /Calls\.Parties\*\* · json · insert-only/);
    assert.match(hover(...at('SELECT Sched|uled FROM Calls'))!.markdown, /Gong evaluates `Scheduled > >= < <=`/);
  });

  it('shows a procedure and the parameter an argument fills', () => {
    assert.match(hover(...at("CALL Upload|CallMedia(1, :f)"))!.markdown, /CALL UploadCallMedia\(Id, MediaFile\)/);
    assert.match(hover(...at("CALL CreateDraftCall('x', 1, 'Con|ference')"))!.markdown, /\*\*Direction\*\* \(one of Inbound, Outbound, Conference, Unknown, required\)/);
    assert.match(hover(...at("CALL CreateDraftCall('x', 1, 'Inbound', '2025-05-13 1|3:11:35')"))!.markdown, /read as UTC/);
  });
  it('shows a function with its kind as SQLite lists it', () => {
    assert.equal(hover(...at('SELECT med|ian(Duration) FROM Calls'))!.markdown, '**median(X)**\n\nAggregate. The middle number (the mean of the two middle ones for an even count).');
    assert.match(hover(...at('SELECT row_num|ber() OVER () FROM Calls'))!.markdown, /^\*\*row_number\(\) OVER \(…\)\*\*\n\nWindow function\./);
    assert.match(hover(...at('SELECT ab|s(Duration) FROM Calls'))!.markdown, /^\*\*abs\(X\)\*\*\n\nAbsolute value\.$/);
  });
});

describe('signature help', () => {
  it('highlights the parameter the cursor is on', () => {
    const s = signatureHelp(...at("CALL CreateDraftCall('x', 1, |"))!;
    assert.equal(s.parameters[s.activeParameter]?.label, 'Direction');
    assert.ok(s.label.startsWith('CreateDraftCall(ClientUniqueId, PrimaryUser, Direction'));
    assert.equal(signatureHelp(...at("CALL CreateDraftCall('x')|")), undefined, 'outside the parentheses');
    assert.equal(signatureHelp(...at('SELECT count(|')), undefined);
  });
});

describe('diagnostics and outline', () => {
  it('reports syntax and binding problems with document ranges', () => {
    const text = 'SELECT Id FROM Calls;\nSELECT Titel FROM Calls;\nSELECT FROM x';
    const found = diagnostics(text).map((d) => `${d.code}@${text.slice(d.span.start, d.span.end)}`);
    assert.deepEqual(found, ['GS2002@Titel', 'GS1160@FROM', 'GS2001@x']);
  });

  it('lists statements for the outline', () => {
    assert.deepEqual(statementSymbols('SELECT 1;\n-- note\nCALL X(1)').map((s) => [s.kind, s.name]), [['SELECT', 'SELECT 1'], ['CALL', 'CALL X(1)']]);
  });
});

describe('formatting', () => {
  it('upper-cases keywords, breaks before clauses, and keeps strings, names and comments as written', () => {
    const text = "select c.Id,count(*) as n from Calls c left join Users u on u.Id=c.PrimaryUserId -- keep me\nwhere c.Title = 'select from' and x > -5 group by 1 order by n desc limit 5;call X( 'a' ,  1)";
    assert.equal(applyEdits(text, format(text)), [
      'SELECT c.Id, count(*) AS n',
      'FROM Calls c',
      'LEFT JOIN Users u ON u.Id = c.PrimaryUserId -- keep me',
      "WHERE c.Title = 'select from' AND x > -5",
      'GROUP BY 1',
      'ORDER BY n DESC',
      'LIMIT 5;',
      "CALL X('a', 1)",
    ].join('\n'));
  });

  it('is stable: formatting formatted text changes nothing', () => {
    const text = 'SELECT a, b\nFROM t\nWHERE a IN (1, 2)';
    assert.deepEqual(format(text), []);
  });

  it('formats only the statements a range touches', () => {
    const text = 'select 1; select 2';
    assert.equal(applyEdits(text, format(text, { start: 12, end: 13 })), 'select 1;\nSELECT 2');
  });
});
