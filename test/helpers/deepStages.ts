// Every stage a statement goes through, run on statements nested as deeply as the parser
// allows, in a worker whose stack is a fraction of Node's default: proof that MAX_DEPTH
// leaves each stage a margin. Loaded in the worker by limits.test.ts (through tsx).
import { parentPort, workerData } from 'node:worker_threads';
import { bind, parse, planQuery, type Ast } from '../../src/engine';
import { complete, diagnostics, format, hover, signatureHelp } from '../../src/engine/ide';
import { neededColumns } from '../../src/engine/plan/columns';
import { localSql } from '../../src/engine/run/localSql';

/** Ways to nest, each n levels deep. */
export const NESTINGS: Record<string, (n: number) => string> = {
  'parentheses': (n) => `SELECT ${'('.repeat(n)}1${')'.repeat(n)}`,
  'NOT': (n) => `SELECT ${'NOT '.repeat(n)}1`,
  'unary minus': (n) => `SELECT ${'- '.repeat(n)}1`,
  'scalar subqueries': (n) => `${'SELECT ('.repeat(n)}1${')'.repeat(n)}`,
  'FROM parentheses': (n) => `SELECT * FROM ${'('.repeat(n)}Calls${')'.repeat(n)}`,
  'FROM subqueries': (n) => `SELECT * FROM ${'(SELECT * FROM '.repeat(n)}Calls${')'.repeat(n)}`,
  'CTEs': (n) => `${'WITH a AS ('.repeat(n)}SELECT 1${') SELECT * FROM a'.repeat(n)}`,
  'function calls': (n) => `SELECT ${'abs('.repeat(n)}1${')'.repeat(n)}`,
  'CASE': (n) => `SELECT ${'CASE WHEN 1 THEN '.repeat(n)}1${' END'.repeat(n)}`,
  'right operands': (n) => `SELECT ${'1 + ('.repeat(n)}1${')'.repeat(n)}`,
  'IN lists': (n) => `SELECT ${'1 IN ('.repeat(n)}1${')'.repeat(n)}`,
  'WHERE on columns': (n) => `SELECT Id FROM Calls WHERE ${'(Title = 1 OR '.repeat(n)}Title = 2${')'.repeat(n)}`,
  'EXISTS': (n) => `SELECT 1 FROM Calls WHERE ${'EXISTS (SELECT 1 FROM Users WHERE '.repeat(n)}Calls.Id = 1${')'.repeat(n)}`,
};

const tooDeep = (text: string) => parse(text).diagnostics.some((d) => d.code === 'GS1190' || d.code === 'GS1191');

/** The deepest nesting the parser accepts. */
export function deepestAccepted(nesting: (n: number) => string): number {
  let ok = 0;
  let over = 1;
  while (!tooDeep(nesting(over))) [ok, over] = [over, over * 2];
  while (over - ok > 1) {
    const mid = (ok + over) >> 1;
    if (tooDeep(nesting(mid))) over = mid;
    else ok = mid;
  }
  return ok;
}

/** Parse, bind, plan, needed columns, the SQL printed for SQLite, and the editor's services. */
export function everyStage(text: string): void {
  const parsed = parse(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`parse: ${errors[0]!.message}`);
  const statement = parsed.statements[0] as Ast.SelectStatement;
  const binding = bind(statement);
  const plan = planQuery(statement, binding, { pushdown: true, params: new Map() });
  for (const scan of plan.scans) neededColumns(statement, binding, scan.ref, scan.table.columns);
  localSql(statement, { tables: new Map(plan.scans.map((s, i) => [s.ref, `gs_${i}`])), params: new Map(), text });
  for (const at of [text.length, text.length >> 1]) {
    complete(text, at);
    hover(text, at);
    signatureHelp(text, at);
  }
  diagnostics(text);
  format(text);
}

if (parentPort && workerData?.deepStages) {
  const results: Record<string, { depth: number; error?: string }> = {};
  for (const [name, nesting] of Object.entries(NESTINGS)) {
    const depth = deepestAccepted(nesting);
    try {
      everyStage(nesting(depth));
      results[name] = { depth };
    } catch (error) {
      results[name] = { depth, error: String(error) };
    }
  }
  parentPort.postMessage(results);
}
