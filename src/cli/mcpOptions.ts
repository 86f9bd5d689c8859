import type { ParseArgsConfig } from 'node:util';

/** Apart from mcpCommand.ts, so that `gongsql --help` and the dispatcher do not load the MCP SDK. */
export const MCP_USAGE = `gongsql mcp [connection] [options]

An MCP server on stdin/stdout for AI agents (Claude Desktop, VS Code, Cursor …): tools to list and
describe Gong objects, explain and run read-only SQL, and search transcripts in a mirror.

Connection (as for queries; credentials only from the environment):
  --sandbox [--seed N]       the built-in Gong API sandbox
  --base-url URL             Gong's API host, with GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET (or GONG_ACCESS_TOKEN)
  --mirror FILE|URL          a mirror made by gongsql sync: 0 API calls, and search_transcripts works
Budget (API calls; Gong allows 10,000 a day for the whole company):
  --max-calls-per-call N     a statement estimated above this is refused before it sends anything (default 50)
  --max-calls-per-session N  what the server may spend until it stops (default 500)
Results and writes:
  --max-rows N               rows in a result (default 100); the result says how many were left out
  --max-bytes N              bytes of a result's rows as JSON (default 32768)
  --allow-writes             let run_query send INSERT, UPDATE, DELETE and CALL (never an irreversible CALL,
                             never UPDATE/DELETE without WHERE)
  --no-history               do not add the agent's runs to the query history

Example MCP client configuration (Claude Desktop's claude_desktop_config.json, "mcpServers"),
with the path of this checkout (after npm run build):
  "gong": { "command": "node", "args": ["/path/to/gongsql/bin/gongsql.js", "mcp", "--sandbox"] }`;

export const MCP_OPTIONS = {
  sandbox: { type: 'boolean', default: false },
  seed: { type: 'string' },
  'base-url': { type: 'string' },
  mirror: { type: 'string' },
  'max-calls-per-call': { type: 'string' },
  'max-calls-per-session': { type: 'string' },
  'max-rows': { type: 'string' },
  'max-bytes': { type: 'string' },
  'allow-writes': { type: 'boolean', default: false },
  'no-history': { type: 'boolean', default: false },
} satisfies NonNullable<ParseArgsConfig['options']>;
