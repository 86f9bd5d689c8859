import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

/**
 * The results webview's CSP has no 'unsafe-eval' (src/results/html.ts), and VS Code's notebook
 * webview may refuse it too: no code in the webview bundles, echarts included, may compile
 * strings into code. Checked on the bundles as the build makes them (the e2e test draws a
 * chart under the real CSP; bench:chart counts refusals).
 */
const ENTRIES = ['webview/results/main.ts', 'webview/notebook/renderer.ts'];
const COMPILES = [/\bnew Function\s*\(/, /[^.\w$]eval\s*\(/, /\bFunction\s*\(\s*["'`]/, /set(?:Timeout|Interval)\s*\(\s*["'`]/];

describe('the webview bundles under a CSP without unsafe-eval', () => {
  for (const entry of ENTRIES) {
    it(`${entry} compiles no string into code`, async () => {
      const result = await build({ entryPoints: [join(__dirname, '..', '..', '..', entry)], bundle: true, write: false, minify: true, format: entry.includes('notebook') ? 'esm' : 'iife', target: 'es2022', logLevel: 'silent' });
      const code = result.outputFiles[0]!.text;
      assert.ok(code.includes('echarts') || code.length > 300_000, 'the bundle holds the chart code');
      for (const pattern of COMPILES) assert.equal(pattern.exec(code)?.[0], undefined, `${entry}: ${pattern}`);
    });
  }
});
