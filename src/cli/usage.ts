/** Marks a UsageError across bundles: a registered symbol is the same in every copy of this module. */
const USAGE_ERROR = Symbol.for('gongsql.UsageError');

/** A mistake in how the command was called: exit code 2 with the usage text. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly [USAGE_ERROR] = true;

  /**
   * Also true of a UsageError from another bundle (`gongsql mcp` is loaded from its own, with its
   * own copy of this class), where `instanceof` is not; never of another library's error that is merely named so.
   */
  static is(error: unknown): error is UsageError {
    return error instanceof Error && (error as unknown as Record<symbol, unknown>)[USAGE_ERROR] === true;
  }
}
