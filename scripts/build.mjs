// Bundles the extension host (CommonJS, `vscode` external), the CLI and the webview code.
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none' };
// pg requires pg-native only when asked for its native binding, which gongsql never does.
const nodeExternal = ['pg-native'];

await Promise.all([
  build({ ...common, entryPoints: ['src/extension/activate.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', ...nodeExternal] }),
  // Loaded on the first command that needs Gong (see activate.ts): keeps activation light.
  build({ ...common, entryPoints: ['src/extension/runtime.ts'], outfile: 'dist/runtime.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', ...nodeExternal] }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', external: nodeExternal }),
  // `gongsql mcp` and the MCP SDK: loaded by that command only (src/cli/mcpOptions.ts).
  build({ ...common, entryPoints: ['src/cli/mcpCommand.ts'], outfile: 'dist/mcpCommand.js', platform: 'node', format: 'cjs', target: 'node20', external: nodeExternal }),
  // Excel and Parquet export (exceljs, hyparquet-writer): loaded on the first export (src/engine/render/loadFileExport.ts).
  build({ ...common, entryPoints: ['src/engine/render/fileExport.ts'], outfile: 'dist/fileExport.js', platform: 'node', format: 'cjs', target: 'node20', inject: ['scripts/bufferShim.mjs'] }),
  // Local evaluation's SQLite thread (src/engine/eval/local.ts starts it from beside the bundle).
  build({ ...common, entryPoints: ['src/engine/eval/worker.ts'], outfile: 'dist/localWorker.js', platform: 'node', format: 'cjs', target: 'node20' }),
  // The SQLite mirror's thread (src/mirror/sqlite.ts starts it from beside the bundle).
  build({ ...common, entryPoints: ['src/mirror/sqliteWorker.ts'], outfile: 'dist/mirrorWorker.js', platform: 'node', format: 'cjs', target: 'node20' }),
  build({ ...common, entryPoints: ['webview/results/main.ts'], outfile: 'dist/webview/results.js', platform: 'browser', format: 'iife', target: 'es2022' }),
  // Notebook renderers are ES modules.
  build({ ...common, entryPoints: ['webview/notebook/renderer.ts'], outfile: 'dist/webview/renderer.js', platform: 'browser', format: 'esm', target: 'es2022' }),
]);

// sql.js and node-sqlite3-wasm load their WebAssembly from beside the workers' bundles.
mkdirSync('dist', { recursive: true });
copyFileSync('node_modules/sql.js/dist/sql-wasm.wasm', 'dist/sql-wasm.wasm');
copyFileSync('node_modules/node-sqlite3-wasm/dist/node-sqlite3-wasm.wasm', 'dist/node-sqlite3-wasm.wasm');
