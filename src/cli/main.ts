import { demoCommand } from './demoCommand';
import { QUERY_USAGE, queryCommand } from './queryCommand';
import { SANDBOX_USAGE, sandboxCommand } from './sandboxCommand';
import { UsageError } from './usage';

const USAGE = `gongsql — SQL over Gong's REST API

${QUERY_USAGE}

Other commands:
  gongsql sandbox [options]   run the Gong API emulator (gongsql sandbox --help)
  gongsql demo                start a sandbox and run example queries`;

/** Exit codes: 0 success, 1 a failure while running, 2 a usage error (or nothing to run), 130 cancelled by Ctrl-C. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'sandbox':
        if (rest.includes('--help')) return help(SANDBOX_USAGE);
        await sandboxCommand(rest, process.stdout);
        return 0;
      case 'demo':
        return await demoCommand(process.stdout, process.stderr);
      case '--help':
      case '-h':
        return help(USAGE);
      default:
        return await queryCommand(argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`gongsql: ${(error as Error).message}\n(see gongsql --help)\n`);
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
