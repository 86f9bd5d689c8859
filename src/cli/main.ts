import { demoCommand } from './demoCommand';
import { SANDBOX_USAGE, sandboxCommand } from './sandboxCommand';
import { UsageError } from './usage';

const USAGE = `gongsql — SQL over Gong's REST API

Commands:
  gongsql sandbox [options]   run the Gong API emulator (see: gongsql sandbox --help)
  gongsql demo                start a sandbox and show what it serves

${SANDBOX_USAGE}`;

/** Exit codes: 0 success, 1 a failure while running, 2 a usage error. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'sandbox':
        if (rest.includes('--help')) return help(SANDBOX_USAGE);
        await sandboxCommand(rest, process.stdout);
        return 0;
      case 'demo':
        await demoCommand(process.stdout);
        return 0;
      case undefined:
      case '--help':
      case '-h':
        return help(USAGE);
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`gongsql: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`gongsql: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function help(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
