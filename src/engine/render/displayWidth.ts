/**
 * How many columns a terminal gives a text, so a plain-text table lines up whatever its cells
 * hold: East Asian Wide and Fullwidth characters (CJK, kana, Hangul syllables, fullwidth forms)
 * take 2, combining marks and other zero-width characters 0, an emoji 2 — one per grapheme,
 * so `👩‍💻`, `👍🏽` and `🇯🇵` are one emoji each. No dependency: string-width is in node_modules
 * only through the packaging tools, and this is all a table needs.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes(text)) width += graphemeWidth(segment);
  return width;
}

/** The text's user-perceived characters (grapheme clusters), with their widths. */
export function* graphemes(text: string): Generator<{ segment: string; width: number }> {
  // ASCII is one column a character: skip the segmenter for the common case.
  if (/^[\x20-\x7e]*$/.test(text)) {
    for (const segment of text) yield { segment, width: 1 };
    return;
  }
  for (const { segment } of SEGMENTER.segment(text)) yield { segment, width: graphemeWidth(segment) };
}

const SEGMENTER = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** An emoji shown as a picture: emoji presentation, a pictograph asked to be one (U+FE0F), a keycap. */
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\u20E3/u;
/** Marks drawn on the character before, format characters, and conjoining Hangul vowels and finals. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\u1160-\u11FF\uD7B0-\uD7FF]$/u;

function graphemeWidth(grapheme: string): number {
  if (EMOJI.test(grapheme)) return 2;
  let width = 0;
  for (const ch of grapheme) width += ZERO_WIDTH.test(ch) ? 0 : isWide(ch.codePointAt(0) as number) ? 2 : 1;
  return width;
}

/**
 * East Asian Width W or F (Unicode's EastAsianWidth.txt) outside the emoji, which EMOJI
 * covers: pairs of first and last code point, in order.
 */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf],
  [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff],
  [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4],
  [0x16ff0, 0x16ff1], [0x17000, 0x18cff], [0x18d00, 0x18d08], [0x1aff0, 0x1b2ff], [0x1f200, 0x1f2ff],
  [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

function isWide(codePoint: number): boolean {
  if (codePoint < 0x1100) return false;
  for (const [first, last] of WIDE) {
    if (codePoint < first) return false;
    if (codePoint <= last) return true;
  }
  return false;
}
