import type { ParseArgsConfig } from 'node:util';
import { DEFAULT_SCALE, DEFAULT_SEED, MAX_SCALE, startSandbox } from '../sandbox';
import { parseOptions } from './args';
import { UsageError } from './usage';

export const SANDBOX_USAGE = `gongsql sandbox [--port N] [--seed S] [--scale N] [--no-rate-limit]

Runs the Gong API emulator on 127.0.0.1 until interrupted.
  --port N          port to listen on (default 4010; 0 picks a free one)
  --seed S          data set seed (default ${DEFAULT_SEED}); the same seed gives the same data
  --scale N         number of calls, up to ${MAX_SCALE} (default ${DEFAULT_SCALE})
  --no-rate-limit   switch off Gong's 3 requests/s and 10,000/day limits`;

export const SANDBOX_OPTIONS = {
  port: { type: 'string', default: '4010' },
  seed: { type: 'string', default: String(DEFAULT_SEED) },
  scale: { type: 'string', default: String(DEFAULT_SCALE) },
  'no-rate-limit': { type: 'boolean', default: false },
} satisfies NonNullable<ParseArgsConfig['options']>;

export async function sandboxCommand(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  const { values } = parseOptions(argv, SANDBOX_OPTIONS, false);
  const port = integerOption('--port', values.port, 0, 65535);
  const scale = integerOption('--scale', values.scale, 0, MAX_SCALE);
  const sandbox = await startSandbox({ port, seed: values.seed, scale, rateLimit: values['no-rate-limit'] ? false : undefined });
  const { accessKey, accessKeySecret } = sandbox.credentials;
  out.write(
    `Gong API sandbox listening on ${sandbox.url}\n` +
    `  seed ${values.seed}, ${scale} calls, rate limit ${values['no-rate-limit'] ? 'off' : '3/s and 10,000/day'}\n` +
    `  demo credentials (sandbox only): access key ${accessKey}, secret ${accessKeySecret}\n` +
    `  try: curl -u ${accessKey}:${accessKeySecret} '${sandbox.url}/v2/calls?fromDateTime=2020-01-01T00:00:00Z'\n` +
    `  request log: ${sandbox.url}/__sandbox/log\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => void sandbox.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function integerOption(name: string, text: string | undefined, min: number, max: number): number {
  const n = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`${name} must be an integer from ${min} to ${max}, got ${text}`);
  return n;
}
