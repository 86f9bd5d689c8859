import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Options that take a value take the next argument as it is, whatever it starts with, as
 * getopt does: in `-e '-- first, a comment'` the SQL is the value, and `--seed -1` is a seed.
 * Node's parseArgs refuses such a value as "ambiguous"; written as `--name=value` it takes it.
 */
export function attachValues(argv: readonly string[], options: Readonly<Record<string, { type: 'string' | 'boolean'; short?: string }>>): string[] {
  const valueOf = new Map<string, string>();
  for (const [name, option] of Object.entries(options)) {
    if (option.type !== 'string') continue;
    valueOf.set(`--${name}`, name);
    if (option.short) valueOf.set(`-${option.short}`, name);
  }
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    // After `--` every argument is a positional.
    if (arg === '--') return [...out, ...argv.slice(i)];
    const name = valueOf.get(arg);
    if (name !== undefined && i + 1 < argv.length) out.push(`--${name}=${argv[++i] as string}`);
    else out.push(arg);
  }
  return out;
}

/**
 * Whether one of `flags` (e.g. `-h`, `--help`) is among the options, anywhere: not as the
 * value of another option (`-e --help` is SQL) and not after `--`.
 */
export function hasFlag(argv: readonly string[], options: Options, flags: readonly string[]): boolean {
  const args = attachValues(argv, options);
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => flags.includes(arg));
}

/** parseArgs (strict), with values attached as above and its errors said in our words. */
export function parseOptions<T extends Options>(argv: readonly string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args: attachValues(argv, options), options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }));
  }
}

function describeParseError(error: Error & { code?: string }): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // "Option '--port <value>' argument missing" or "Option '--sandbox' does not take an argument".
      return /argument missing/.test(error.message) ? `${quoted.replace(/ <value>$/, '')} needs a value` : `${quoted.split('=')[0]} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted}`;
    default:
      return error.message;
  }
}

/** A whole-number option's value, at least `min`; `fallback` when it was not given. */
export function wholeNumberOption(written: string | undefined, flag: string, fallback: number, min: number): number {
  if (written === undefined) return fallback;
  const n = Number(written);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number, at least ${min} (got ${written})`);
  return n;
}
