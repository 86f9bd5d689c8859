/** gongsql for AI agents: the tools, their budget of API calls and their bounded results. No vscode. */
export { AGENT_TOOLS, findAgentTool, toolInputJsonSchema, MAX_ROWS_ASKED, type AgentToolName, type AgentToolSpec } from './tools';
export { ApiCallBudget, DEFAULT_BUDGET, type BudgetLimits, type BudgetReport } from './budget';
export { DEFAULT_OUTPUT_LIMITS, type OutputLimits } from './output';
export { AgentTools, type AgentConnection, type AgentHints, type AgentToolResult, type AgentToolsOptions, type CallEstimate, type StatementPreview } from './agentTools';
