import { z } from 'zod';

/**
 * The tools gongsql offers an AI agent, as data: the MCP server (`gongsql mcp`) and VS Code's
 * language-model tools both register exactly these, and package.json's
 * `contributes.languageModelTools` is checked against them. The descriptions are written for
 * the model: what the tool does, what it costs, and what to do instead when it is refused.
 */
export type AgentToolName = 'list_objects' | 'describe_object' | 'explain_query' | 'run_query' | 'search_transcripts';

export interface AgentToolSpec<Input extends z.ZodObject = z.ZodObject> {
  readonly name: AgentToolName;
  readonly title: string;
  readonly description: string;
  readonly input: Input;
  /** Never changes Gong (run_query can write only when writes are allowed, and then it is not read-only). */
  readonly readOnly: boolean;
}

/** The largest result a call may ask for; the server's own limits (rows, bytes) may be lower. */
export const MAX_ROWS_ASKED = 1000;

const sql = z.string().min(1).describe(
  'One gongsql statement: SQLite\'s SQL over Gong objects (SELECT … FROM Calls WHERE Scheduled >= \'2026-11-01\'). Ids are text: compare them as \'123…\'.',
);
const params = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .optional()
  .describe('Values of the statement\'s :name parameters, by name without the colon. Give ids as strings.');

const listObjects = z.strictObject({});
const describeObject = z.strictObject({
  name: z.string().min(1).describe('An object (Calls, Users, CallTranscripts …) or a procedure (CALL …) as list_objects names it.'),
});
const explainQuery = z.strictObject({ sql, params });
const runQuery = z.strictObject({
  sql,
  params,
  maxRows: z.number().int().min(1).max(MAX_ROWS_ASKED).optional().describe('At most this many rows in the result (the server may return fewer to stay within its size limit).'),
});
const searchTranscripts = z.strictObject({
  query: z.string().min(1).describe('Words to find in what was said: words (all must appear), "a phrase" in double quotes, or a prefix*.'),
  limit: z.number().int().min(1).max(200).optional().describe('At most this many calls, best matches first (default 20).'),
});

const COST = 'Gong allows few API calls (3 a second, 10,000 a day for the whole company), so every call here spends from a budget per tool call and per session; the result says how many were used and how many are left.';

export const AGENT_TOOLS = [
  {
    name: 'list_objects',
    title: 'List Gong objects',
    description: 'Lists the Gong objects gongsql can query with SQL (Calls, Users, CallTranscripts, Stats, CRM …), each with its description and the filters Gong evaluates itself (WHERE conditions on those columns reduce the API calls a query needs). Costs no API call. Start here, then describe_object.',
    input: listObjects,
    readOnly: true,
  },
  {
    name: 'describe_object',
    title: 'Describe a Gong object',
    description: 'The columns of one Gong object (name, type, key, description), the filters Gong evaluates, what it costs to read, its peculiarities, and an example query. Also describes a procedure called with CALL. Costs no API call.',
    input: describeObject,
    readOnly: true,
  },
  {
    name: 'explain_query',
    title: 'Explain a query',
    description: `Shows how gongsql would run a statement without running it: the requests to Gong, the filters Gong evaluates and those left for SQLite, and the estimated API calls (for one object "1 or more" until Gong's count is known: run_query learns it from the first page). run_query checks the cost itself, so explaining first is not needed to stay within the budget; explaining a join spends a few API calls to count rows, and the run counts them again. ${COST}`,
    input: explainQuery,
    readOnly: true,
  },
  {
    name: 'run_query',
    title: 'Run a query',
    description: `Runs one read-only gongsql statement (SELECT, or EXPLAIN) and returns its rows as JSON, bounded in rows and bytes (the result says how many were left out; add LIMIT, filters or aggregates to see the rest). Ids are exact strings. A statement whose estimated API calls exceed what the budget has left is refused before it sends anything, with the estimate and a hint: add a date filter on a column Gong evaluates (Calls.Scheduled >= '…'), filter by Id, aggregate, or query a mirror (0 API calls). INSERT, UPDATE, DELETE and CALL are refused unless the user allowed writes (gongsql mcp --allow-writes, or VS Code's gongsql.agent.allowWrites setting). ${COST}`,
    input: runQuery,
    readOnly: false,
  },
  {
    name: 'search_transcripts',
    title: 'Search call transcripts',
    description: 'Finds the calls where something was said: full-text search over the transcripts in a local mirror of Gong (made by gongsql sync). Gives calls, best match first, each with its title, date, how many of the best sentences it holds and two of them (speaker, affiliation, second). Words must all appear in a sentence; "a phrase"; prefix*. To count every call mentioning something, run_query on the mirror: SELECT count(DISTINCT CallId) FROM CallTranscripts WHERE Text LIKE \'%word%\'. Costs no API call; needs a mirror connection.',
    input: searchTranscripts,
    readOnly: true,
  },
] as const satisfies readonly AgentToolSpec[];

export type AgentToolInput<N extends AgentToolName> = z.infer<Extract<(typeof AGENT_TOOLS)[number], { name: N }>['input']>;

export function findAgentTool(name: string): AgentToolSpec | undefined {
  return AGENT_TOOLS.find((tool) => tool.name === name);
}

/** A tool's input as JSON Schema (for VS Code's manifest, which cannot hold a zod schema). */
export function toolInputJsonSchema(spec: AgentToolSpec): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(spec.input) as Record<string, unknown>;
  return schema;
}
