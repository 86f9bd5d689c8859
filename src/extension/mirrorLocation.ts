import { isPostgresUrl } from '../mirror/open';

// Where a mirror is, as settings may hold it (no vscode: unit-tested).

/**
 * A PostgreSQL URL split into what settings may hold (no password) and the password, which
 * goes to SecretStorage. A file path or a URL without a password comes back whole.
 */
export function splitPassword(location: string): { location: string; password?: string } {
  if (!isPostgresUrl(location)) return { location };
  const url = new URL(location);
  if (!url.password) return { location };
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { location: url.toString(), password };
}

/** The URL to connect with: the stored password put back in. */
export function withPassword(location: string, password: string | undefined): string {
  if (password === undefined || !isPostgresUrl(location)) return location;
  const url = new URL(location);
  url.password = encodeURIComponent(password);
  return url.toString();
}
