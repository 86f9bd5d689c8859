import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { procedures, tables } from '../../../src/gong';

describe('TextMate grammar', () => {
  const grammar = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'syntaxes', 'gongsql.tmLanguage.json'), 'utf8'));
  const patterns = grammar.repository.objects.patterns as { name: string; match: string }[];
  // The match is (?i)\b(A|B|…)\b: the names are in the last group.
  const words = (scope: string) => new Set(/\\b\(([^)]+)\)\\b$/.exec(patterns.find((p) => p.name.startsWith(scope))!.match)![1]!.split('|'));

  it('highlights every object and procedure of the catalog', () => {
    assert.deepEqual([...words('support.class')].sort(), tables.map((t) => t.name).sort());
    assert.deepEqual([...words('entity.name.function.procedure')].sort(), procedures.map((p) => p.name).sort());
  });

  it('has rules for keywords, strings, numbers, comments and parameters', () => {
    for (const key of ['keywords', 'strings', 'numbers', 'comments', 'parameters']) assert.ok(grammar.repository[key], key);
    assert.ok(new RegExp(grammar.repository.parameters.patterns[0].match).test(':myfile'));
  });
});
