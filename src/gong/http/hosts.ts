/**
 * Which hosts may receive a Gong credential. Basic auth, bearer tokens and the OAuth client
 * secret are readable by anyone on the path of a plain-HTTP request, so every base URL must
 * be https — except loopback (the sandbox, a local proxy), which never leaves the machine.
 * OAuth's API host comes from Gong's token answer (`api_base_url_for_customer`) and gets
 * the access token, so it must also be one of Gong's hosts.
 */

/** 127.0.0.0/8, ::1 and localhost: hosts that never leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** `gong.io` and its subdomains (api.gong.io, us-12345.api.gong.io, app.gong.io). */
export function isGongHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'gong.io' || host.endsWith('.gong.io');
}

/** Why `url` may not receive credentials, or undefined when it may. `what` names it in the message. */
export function baseUrlProblem(url: string, what = 'The API base URL'): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${what} "${url}" is not a URL: enter one such as https://api.gong.io`;
  }
  if (parsed.username || parsed.password) return `${what} must not contain a user name or password`;
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return undefined;
  if (parsed.protocol === 'http:') return `${what} ${parsed.origin} must use https (plain http only for this machine: 127.0.0.1, ::1, localhost)`;
  return `${what} "${url}" must be an https URL`;
}

/** As baseUrlProblem, and the host must be Gong's (`*.gong.io`) or loopback. */
export function oauthApiHostProblem(url: string, what = 'The API host Gong named for this sign-in'): string | undefined {
  const problem = baseUrlProblem(url, what);
  if (problem) return problem;
  const { hostname, origin } = new URL(url);
  return isGongHost(hostname) || isLoopbackHost(hostname) ? undefined : `${what} (${origin}) is not a Gong host (*.gong.io)`;
}

/** The scheme, host and port a credential is sent to (`https://api.gong.io`). */
export function originOf(url: string): string {
  return new URL(url).origin;
}
