export const DAY_MS = 86_400_000;

/** ISO-8601 in UTC without fractional seconds, the form Gong's examples use most. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Midnight UTC of the day holding `ms`: the generator's anchor, so one day's data is stable. */
export function utcDayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}
