import { existsSync } from 'node:fs';
import { canLoad, copyMirror } from '../mirror/copy';
import { MirrorError, type Destination } from '../mirror/destination';
import { isPostgresUrl, openDestination } from '../mirror/open';
import { UsageError } from './usage';

/**
 * `gongsql sync --from gong.sqlite --to postgres://…`: moves a SQLite mirror into PostgreSQL
 * at 0 API calls; the next `gongsql sync --to postgres://…` goes on where the file's last
 * run stopped. Writes the per-object lines, a summary and the `stats:` line on stderr.
 */
export async function copyMirrorCommand(from: string, to: string, stderr: NodeJS.WritableStream): Promise<number> {
  if (!isPostgresUrl(to)) throw new UsageError('--from copies a SQLite mirror into PostgreSQL: --to must be a postgres:// URL');
  if (isPostgresUrl(from)) throw new UsageError('--from takes the SQLite mirror file to copy');
  // Opening a missing file would create an empty mirror: say what is wrong instead.
  if (!existsSync(from)) throw new UsageError(`--from ${from}: no such file`);
  const started = performance.now();
  let rows = 0;
  let objects = 0;
  try {
    const source = await openDestination(from);
    try {
      const target: Destination = await openDestination(to);
      try {
        if (!canLoad(target)) throw new UsageError(`${target.label} cannot take a copy`);
        stderr.write(`Copying ${source.label} into ${target.label}\n`);
        const summary = await copyMirror(source, target, (object, n) => stderr.write(`  ${object.padEnd(26)} ${String(n).padStart(9)} rows\n`));
        rows = summary.rows;
        objects = summary.objects.length;
        stderr.write(`Copy done: ${rows} rows of ${objects} objects and the sync state; run gongsql sync --to ${target.label} to keep it current\n`);
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
    return 0;
  } catch (error) {
    if (!(error instanceof MirrorError)) throw error;
    stderr.write(`gongsql: ${error.message}\n`);
    return 1;
  } finally {
    stderr.write(`stats: api_calls=0 rows=${rows} objects=${objects} ms=${Math.round(performance.now() - started)}\n`);
  }
}
