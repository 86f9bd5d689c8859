/**
 * The grid's selection: a range from an anchor cell to a focus cell, in display positions.
 * An anchor in column -1 (the row-number gutter) selects whole rows.
 */
export interface Cell { row: number; col: number }

export class Selection {
  anchor: Cell | undefined;
  focus: Cell | undefined;

  clear(): void {
    this.anchor = undefined;
    this.focus = undefined;
  }

  /** Whether a cell is selected; position -1 asks about the row's gutter (whole rows). */
  has(row: number, position: number): boolean {
    const { anchor, focus } = this;
    if (!anchor || !focus) return false;
    if (row < Math.min(anchor.row, focus.row) || row > Math.max(anchor.row, focus.row)) return false;
    if (anchor.col === -1) return true;
    return position >= Math.min(anchor.col, focus.col) && position <= Math.max(anchor.col, focus.col);
  }

  /** What of the selection touches a row, so a row is repainted only when that changes. */
  keyOf(row: number): string {
    const inRange = this.has(row, -1) || (this.anchor && this.focus && this.has(row, Math.min(this.anchor.col, this.focus.col)));
    const focus = this.focus?.row === row ? this.focus.col : -2;
    return inRange || focus !== -2 ? `${this.anchor?.col}:${this.focus?.col}:${focus}:${inRange}` : '';
  }

  /** Moves the focus to a cell (kept inside rows × columns); without `extend` the anchor follows. */
  moveTo(cell: Cell, extend: boolean, rows: number, columns: number): Cell {
    const clamped = { row: Math.max(0, Math.min(rows - 1, cell.row)), col: Math.max(this.anchor?.col === -1 && extend ? -1 : 0, Math.min(columns - 1, cell.col)) };
    if (!extend || !this.anchor) this.anchor = clamped;
    this.focus = clamped;
    return clamped;
  }

  /** A click on a row's gutter: that row whole, or with `extend` every row from the anchor's. */
  rowsTo(row: number, extend: boolean, columns: number): void {
    this.anchor = { row: extend && this.anchor ? this.anchor.row : row, col: -1 };
    this.focus = { row, col: columns - 1 };
  }

  /** A column dragged from one display position to another: the selection keeps its columns. */
  moveColumn(from: number, to: number): void {
    const follow = (cell: Cell | undefined) => {
      if (!cell || cell.col < 0) return;
      if (cell.col === from) cell.col = to;
      else if (from < to && cell.col > from && cell.col <= to) cell.col--;
      else if (from > to && cell.col >= to && cell.col < from) cell.col++;
    };
    follow(this.anchor);
    if (this.focus !== this.anchor) follow(this.focus);
  }

  /** After the rows changed (sorted, filtered): the same positions, cut to the rows there are. */
  keepWithin(rows: number): void {
    if (rows === 0) return this.clear();
    for (const cell of [this.anchor, this.focus]) if (cell) cell.row = Math.min(cell.row, rows - 1);
  }

  all(rows: number, columns: number): void {
    this.anchor = { row: 0, col: -1 };
    this.focus = { row: rows - 1, col: columns - 1 };
  }

  /** The rows and display positions to copy: the selection, or everything when there is none. */
  range(rows: number, columns: number): { from: number; to: number; positions: number[] } {
    const anchor = this.anchor ?? { row: 0, col: -1 };
    const focus = this.focus ?? { row: rows - 1, col: columns - 1 };
    const [c0, c1] = anchor.col === -1 ? [0, columns - 1] : [Math.min(anchor.col, focus.col), Math.max(anchor.col, focus.col)];
    return { from: Math.min(anchor.row, focus.row), to: Math.max(anchor.row, focus.row), positions: Array.from({ length: c1 - c0 + 1 }, (_, i) => c0 + i) };
  }
}
