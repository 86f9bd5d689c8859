import { displayWidth, graphemes } from './displayWidth';

/**
 * Renders rows as a plain-text table for a terminal (the CLI, notebook text outputs). Widths
 * are display widths (see displayWidth), so CJK text and emoji line up; a cell longer than
 * `maxWidth` columns is cut, at a whole character, with `…`.
 */
export function formatTable(columns: string[], rows: unknown[][], maxWidth = 40): string {
  const header = columns.map((c) => sized(c));
  const body = rows.map((r) => columns.map((_, i) => cut(cellText(r[i]), maxWidth)));
  const widths = header.map((h, i) => Math.max(h.width, ...body.map((r) => (r[i] as Sized).width)));
  const line = (cells: Sized[]) => cells.map((c, i) => c.text + ' '.repeat((widths[i] as number) - c.width)).join(' │ ');
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  return [line(header), rule, ...body.map(line)].join('\n');
}

interface Sized { readonly text: string; readonly width: number }

const sized = (text: string): Sized => ({ text, width: displayWidth(text) });

function cellText(v: unknown): string {
  const text = v === null || v === undefined ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return text.replace(/[\r\n\t]+/g, ' ');
}

/** The text in at most `maxWidth` columns: whole characters, then `…` when some are left out. */
function cut(text: string, maxWidth: number): Sized {
  const whole = sized(text);
  if (whole.width <= maxWidth) return whole;
  let kept = '';
  let width = 0;
  for (const g of graphemes(text)) {
    if (width + g.width > maxWidth - 1) break;
    kept += g.segment;
    width += g.width;
  }
  return { text: `${kept}…`, width: width + 1 };
}
