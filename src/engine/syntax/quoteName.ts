/** A name as a double-quoted SQL identifier, exact whatever it holds (`a"b` → `"a""b"`). */
export const quoteName = (name: string): string => `"${name.replace(/"/g, '""')}"`;
