import { join } from 'node:path';
import { version } from '../../package.json';
import { hasFlag } from './args';
import { HISTORY_OPTIONS, HISTORY_USAGE, historyCommand } from './historyCommand';
import { MCP_OPTIONS, MCP_USAGE } from './mcpOptions';
import { demoCommand } from './demoCommand';
import { QUERY_OPTIONS, QUERY_USAGE, queryCommand } from './queryCommand';
import { SANDBOX_OPTIONS, SANDBOX_USAGE, sandboxCommand } from './sandboxCommand';
import { SYNC_OPTIONS, SYNC_USAGE, syncCommand } from './syncCommand';
import { UsageError } from './usage';

const USAGE = `gongsql — SQL over Gong's REST API

${QUERY_USAGE}

Other commands:
  gongsql sync [options]      copy Gong into a local mirror and keep it current (gongsql sync --help)
  gongsql sandbox [options]   run the Gong API emulator (gongsql sandbox --help)
  gongsql demo                start a sandbox and run example queries
  gongsql history [options]   the queries run on this machine, newest first (gongsql history --help)
  gongsql mcp [options]       an MCP server for AI agents, with an API-call budget (gongsql mcp --help)
  gongsql help [COMMAND]      this help, or a command's
  gongsql --version           the version of gongsql`;

const HELP_FLAGS = ['-h', '--help'];

/** The help of each command, by the name typed after gongsql. */
const HELP: Record<string, string> = { sandbox: SANDBOX_USAGE, sync: SYNC_USAGE, history: HISTORY_USAGE, mcp: MCP_USAGE, demo: USAGE };

/** Exit codes: 0 success, 1 a failure while running, 2 a usage error (or nothing to run), 130 cancelled by Ctrl-C. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Where a usage error points: the help of the command that was given.
  const seeHelp = command === 'sandbox' || command === 'sync' || command === 'history' || command === 'mcp' ? `gongsql ${command} --help` : 'gongsql --help';
  try {
    switch (command) {
      case 'sandbox':
        if (hasFlag(rest, SANDBOX_OPTIONS, HELP_FLAGS)) return print(SANDBOX_USAGE);
        await sandboxCommand(rest, process.stdout);
        return 0;
      case 'sync':
        if (hasFlag(rest, SYNC_OPTIONS, HELP_FLAGS)) return print(SYNC_USAGE);
        return await syncCommand(rest, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
      case 'history':
        if (hasFlag(rest, HISTORY_OPTIONS, HELP_FLAGS)) return print(HISTORY_USAGE);
        return await historyCommand(rest, { stdout: process.stdout, env: process.env });
      case 'mcp':
        if (hasFlag(rest, MCP_OPTIONS, HELP_FLAGS)) return print(MCP_USAGE);
        return await loadMcpCommand().mcpCommand(rest, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
      case 'demo':
        if (hasFlag(rest, {}, HELP_FLAGS)) return print(USAGE);
        return await demoCommand(process.stdout, process.stderr);
      case 'help':
        return helpCommand(rest);
      default:
        if (hasFlag(argv, QUERY_OPTIONS, HELP_FLAGS)) return print(USAGE);
        if (hasFlag(argv, QUERY_OPTIONS, ['--version'])) return print(version);
        return await queryCommand(argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
    }
  } catch (error) {
    if (UsageError.is(error)) {
      process.stderr.write(`gongsql: ${error.message} (see ${seeHelp})\n`);
      return 2;
    }
    process.stderr.write(`gongsql: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** `gongsql help` or `gongsql help sandbox`. */
function helpCommand(args: string[]): number {
  const [topic, ...extra] = args;
  if (extra.length > 0) throw new UsageError('help takes at most one command name');
  if (topic === undefined) return print(USAGE);
  const text = HELP[topic];
  if (text === undefined) throw new UsageError(`no help for ${topic}: the commands are sync, sandbox, history, mcp and demo`);
  return print(text);
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}

/**
 * The MCP command, loaded on first use: a path esbuild does not follow, so the MCP SDK is in
 * its own bundle (dist/mcpCommand.js beside dist/cli.js); from source (tests under tsx), mcpCommand.ts.
 */
function loadMcpCommand(): typeof import('./mcpCommand') {
  try {
    return require(join(__dirname, 'mcpCommand')) as typeof import('./mcpCommand');
  } catch (error) {
    // The VSIX ships the query CLI without the MCP server (VS Code has the same tools as language-model tools).
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND' && /mcpCommand/.test((error as Error).message)) {
      throw new UsageError('gongsql mcp is not in this package (the VS Code extension ships the query CLI only): run it from a gongsql checkout after npm run build');
    }
    throw error;
  }
}
