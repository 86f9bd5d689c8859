import type { Database } from 'sql.js';
import type { FunctionForm } from '../syntax/functionCatalog';
import { sqlite } from './sqlite';

/**
 * What SQLite says it knows, read from `pragma_function_list` of a database opened exactly
 * as the engine opens them (legacy extension off, the engine's aggregates on). The source of
 * the generated table syntax/sqliteFunctions.ts and of the test that fails when they differ.
 */
export async function readFunctionList(): Promise<FunctionForm[]> {
  const SQL = await sqlite();
  const db = new SQL.Database();
  try {
    const [result] = db.exec('SELECT DISTINCT name, type, narg FROM pragma_function_list ORDER BY name, narg, type');
    const rows = (result?.values ?? []) as [string, FunctionForm['type'], number][];
    return rows.map(([name, type, narg]) => ({ name, type, narg, ...(type === 'w' && refusedWithoutOver(db, name, narg) ? { windowOnly: true as const } : {}) }));
  } finally {
    db.close();
  }
}

/** SQLite has no column for it, so ask: a window function proper is a "misuse" without OVER. */
function refusedWithoutOver(db: Database, name: string, narg: number): boolean {
  const args = Array.from({ length: Math.max(narg, 0) }, () => '1').join(', ');
  try {
    db.exec(`SELECT "${name.replace(/"/g, '""')}"(${args}) FROM (SELECT 1)`);
    return false;
  } catch (error) {
    return /misuse of window function/.test(String(error));
  }
}
