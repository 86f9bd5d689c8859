// npm run bench:chart — the Chart view (webview/chart) in headless Chromium, under the results
// webview's CSP (no 'unsafe-eval', styles by nonce): first paint of 100,000 points as a line,
// an area and a scatter over time, and 100,000 rows as 12 bars and a pie (grouped and summed).
// Budget (ARCHITECTURE "Charts"): ≤ 500 ms from the rows to the painted chart; no CSP refusal.
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { ChartKind } from '../src/results/chart';

const BUDGET_MS = 500;
const ROWS = 100_000;

async function page(dir: string): Promise<string> {
  const out = join(dir, 'chartPage.js');
  await build({ entryPoints: [join(__dirname, 'chart', 'chartPage.ts')], outfile: out, bundle: true, minify: true, format: 'iife', target: 'es2022', logLevel: 'error' });
  const html = join(dir, 'chart.html');
  // The results panel's CSP (src/results/html.ts), with file: for the bundle this page loads.
  writeFileSync(html, `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-bench'; style-src 'nonce-bench';"><style nonce="bench">html,body{margin:0;height:100%;background:#1e1e1e;color:#ccc;--vscode-font-family:sans-serif;--vscode-foreground:#cccccc}#host{height:600px;width:1000px}</style></head><body class="vscode-dark"><div id="host"></div><script nonce="bench" src="${out}"></script></body></html>`);
  return html;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongsql-bench-chart-'));
  const html = await page(dir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-gpu-vsync', '--disable-frame-rate-limit'] });
  let over = false;
  try {
    for (const kind of ['line', 'area', 'scatter', 'bar', 'pie'] as ChartKind[]) {
      const tab = await (await browser.newContext({ viewport: { width: 1100, height: 700 } })).newPage();
      await tab.goto(`file://${html}`);
      // The first run warms the JIT; of the next three (the machine may be shared), the median is reported.
      const runs: Record<string, number>[] = [];
      for (let i = 0; i < 4; i++) runs.push(await tab.evaluate(([n, k]) => window.benchChart(n, k), [ROWS, kind] as const));
      const r = runs.slice(1).sort((a, b) => a.firstPaint! - b.firstPaint!)[1]!;
      const violations = await tab.evaluate(() => window.cspViolations);
      over ||= r.firstPaint! > BUDGET_MS || violations.length > 0;
      console.log(`${kind.padEnd(8)} ${ROWS.toLocaleString('en-US')} rows → ${String(r.points).padStart(7)} points: points ${r.data!.toFixed(0).padStart(4)} ms, draw ${r.draw!.toFixed(0).padStart(5)} ms, painted ${r.firstPaint!.toFixed(0).padStart(5)} ms (budget ≤ ${BUDGET_MS} ms: ${r.firstPaint! <= BUDGET_MS ? 'OK' : 'OVER BUDGET'}), CSP refusals: ${violations.length ? violations.join('; ') : 'none'}`);
      await tab.close();
    }
  } finally {
    await browser.close();
  }
  if (over) process.exitCode = 1;
}

void main();
