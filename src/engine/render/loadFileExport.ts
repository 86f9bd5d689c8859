import { join } from 'node:path';

/**
 * The file-export module, loaded on first use. A path esbuild does not follow, so its
 * libraries are not in the bundle that calls this: built, it is dist/fileExport.js beside
 * that bundle; from source (tests under tsx), fileExport.ts beside this file.
 */
export function loadFileExport(): typeof import('./fileExport') {
  return require(join(__dirname, 'fileExport')) as typeof import('./fileExport');
}
