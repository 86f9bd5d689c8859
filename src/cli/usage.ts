/** A mistake in how the command was called: exit code 2 with the usage text. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  /**
   * Also true of a UsageError from another bundle (`gongsql mcp` is loaded from its own, with its
   * own copy of this class), where `instanceof` is not.
   */
  static is(error: unknown): error is UsageError {
    return error instanceof Error && error.name === 'UsageError';
  }
}
