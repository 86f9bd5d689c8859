/** Renders rows as a plain-text table for a terminal; cells are cut at `maxWidth` characters. */
export function formatTable(columns: string[], rows: unknown[][], maxWidth = 40): string {
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    const flat = text.replace(/[\r\n\t]+/g, ' ');
    return [...flat].length > maxWidth ? `${[...flat].slice(0, maxWidth - 1).join('')}…` : flat;
  };
  const body = rows.map((r) => columns.map((_, i) => cell(r[i])));
  const widths = columns.map((c, i) => Math.max([...c].length, ...body.map((r) => [...(r[i] as string)].length)));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat((widths[i] as number) - [...c].length)).join(' │ ');
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  return [line(columns), rule, ...body.map(line)].join('\n');
}
