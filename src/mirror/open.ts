import type { Destination } from './destination';
import { openPostgresMirror } from './postgres';
import { openSqliteMirror, type WaitForUse } from './sqlite';

/** `postgres://…` / `postgresql://…` is a PostgreSQL mirror; anything else a SQLite file path. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Opens a mirror, created empty when the file or database has none yet. */
export async function openDestination(location: string, wait?: WaitForUse): Promise<Destination> {
  return isPostgresUrl(location) ? openPostgresMirror(location) : openSqliteMirror(location, wait);
}
