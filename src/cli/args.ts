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
