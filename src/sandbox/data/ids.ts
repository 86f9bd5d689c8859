import { Random } from './random';

/** Gong's ids are Java longs: 19 digits, but never above 2^63 - 1. */
const INT64_MAX = '9223372036854775807';

/**
 * An id above 2^63 - 1 gets a smaller first digit. Not drawn again: the generator's random
 * stream, and so all the data after it, stays as it was.
 */
function withinInt64(id: string): string {
  if (id.length < INT64_MAX.length || id <= INT64_MAX) return id;
  return `${(Number(id[0]) % 8) + 1}${id.slice(1)}`;
}

/**
 * Gong ids are 15 to 19 digit strings, most of them above 2^53, which is exactly what
 * breaks clients that parse them as JS numbers. Every id is unique across the world.
 */
export class IdFactory {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  /** A fresh id of `length` digits (19 unless said otherwise: above 2^53). */
  next(length = 19): string {
    for (;;) {
      const id = withinInt64(this.random.digits(length));
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }

  /** Mostly 19 digits, sometimes 15 to 16 (below 2^53), as in real tenants. */
  mixed(): string {
    return this.next(this.random.bool(0.15) ? this.random.int(15, 16) : 19);
  }
}
