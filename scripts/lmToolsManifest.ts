/**
 * Writes package.json's `contributes.languageModelTools` from the agent tools (src/agent), so
 * that the tools VS Code offers agents cannot drift from what `gongsql mcp` offers. Run after
 * changing a tool (`npm run manifest:lm-tools`); test/unit/extension/lmToolsManifest.test.ts
 * fails until package.json agrees again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_TOOLS, toolInputJsonSchema, type AgentToolName } from '../src/agent';
import { lmToolId } from '../src/extension/lmToolsText';

export const PACKAGE_JSON = join(__dirname, '..', 'package.json');

/** What the manifest says to people (the chat's tool picker, `#` references) rather than to the model. */
const FOR_PEOPLE: Record<AgentToolName, { reference: string; userDescription: string; icon: string }> = {
  list_objects: { reference: 'gongObjects', userDescription: 'List the Gong objects gongsql can query, with the filters Gong evaluates (no API call).', icon: '$(list-tree)' },
  describe_object: { reference: 'gongDescribe', userDescription: "Describe a Gong object's columns, filters and cost, or a procedure (no API call).", icon: '$(symbol-structure)' },
  explain_query: { reference: 'gongExplain', userDescription: 'Show how a Gong SQL statement would run and its estimated API calls, without running it.', icon: '$(info)' },
  run_query: { reference: 'gongQuery', userDescription: 'Run a Gong SQL statement on the active connection, within the agent budget of API calls; asks first when it is costly.', icon: '$(database)' },
  search_transcripts: { reference: 'gongTranscripts', userDescription: 'Search call transcripts in a local mirror of Gong (no API call).', icon: '$(search)' },
};

export function languageModelTools(): Record<string, unknown>[] {
  return AGENT_TOOLS.map((spec) => ({
    name: lmToolId(spec.name),
    toolReferenceName: FOR_PEOPLE[spec.name].reference,
    displayName: spec.title,
    userDescription: FOR_PEOPLE[spec.name].userDescription,
    modelDescription: spec.description,
    canBeReferencedInPrompt: true,
    tags: ['gong', 'sql'],
    icon: FOR_PEOPLE[spec.name].icon,
    inputSchema: toolInputJsonSchema(spec),
  }));
}

/** package.json's text with its languageModelTools replaced (written as npm writes package.json). */
export function rewritePackageJson(text: string): string {
  const manifest = JSON.parse(text) as { contributes: Record<string, unknown> };
  manifest.contributes.languageModelTools = languageModelTools();
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(PACKAGE_JSON, rewritePackageJson(readFileSync(PACKAGE_JSON, 'utf8')));
  console.log(`package.json: ${AGENT_TOOLS.length} language-model tools written`);
}
