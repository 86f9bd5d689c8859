import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Parses queries for the conformance runner in a worker thread, so a parser that hangs is
 * stopped (the runner terminates this worker) and counted instead of stalling the run.
 * workerData.module names the parser module (default: gongsql's), for the runner's tests.
 */
interface ParseModule { parse(text: string): { diagnostics: readonly { severity: string; code: string; message: string; span: { start: number } }[] } }

const modulePath: string = workerData?.module ?? join(__dirname, '../../src/engine/syntax/parser.ts');

{
  // require, not import(): the worker has tsx's CommonJS hook only (see runner.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require(modulePath) as ParseModule;
  parentPort?.on('message', (sql: string) => {
    const t0 = performance.now();
    try {
      const errors = parse(sql).diagnostics.filter((d) => d.severity === 'error').map((d) => ({ code: d.code, message: d.message, start: d.span.start }));
      parentPort?.postMessage({ ok: true, errors, ms: performance.now() - t0 });
    } catch (e) {
      parentPort?.postMessage({ ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e), ms: performance.now() - t0 });
    }
  });
  parentPort?.postMessage({ ready: true });
}
