/**
 * What the notebook renderer tells the extension host (its Table/Chart choice and chart
 * exports). Types only: the renderer imports them with `import type`.
 */
import type { ChartSpec } from '../results/chart';

export type RendererToHost =
  /** The output (by its key) now shows this chart, or its table (null): kept in the cell's metadata. */
  | { readonly type: 'chart'; readonly key: string; readonly chart: ChartSpec | null }
  /** Export PNG / Export SVG of an output's chart (PNG as base64, SVG as text). */
  | { readonly type: 'saveChart'; readonly format: 'png' | 'svg'; readonly data: string };

/** The renderer's id (package.json notebookRenderer). */
export const RENDERER_ID = 'gongsql.resultGrid';
