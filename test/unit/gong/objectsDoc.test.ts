import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { README, rewriteReadme } from '../../../scripts/objectsDoc';
import { procedures, tables } from '../../../src/gong/catalog';

describe("README's object list", () => {
  it('is what the catalog generates (run npm run docs:objects after changing the catalog)', async () => {
    const readme = readFileSync(README, 'utf8');
    assert.ok(readme === await rewriteReadme(readme), "README.md's object list differs from the catalog: run npm run docs:objects");
  });

  it('names every object and procedure, with the endpoint behind each', async () => {
    const readme = readFileSync(README, 'utf8');
    for (const t of tables) assert.match(readme, new RegExp(`\\| ${t.name} \\|[^\\n]*\`${t.reads[0]!.method} ${t.reads[0]!.path.replace(/[{}]/g, '\\$&')}\``), t.name);
    for (const p of procedures) assert.match(readme, new RegExp(`\\| ${p.name} \\|[^\\n]*\`(POST|PUT|DELETE) /v2/`), p.name);
  });
});
