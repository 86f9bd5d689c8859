import type { IncomingMessage } from 'node:http';

/**
 * Who may use the sandbox-only `/__sandbox/*` endpoints (request log, fault control): a
 * program on this machine, not a web page. A page on another site can send requests to
 * 127.0.0.1, and a rebinding DNS name (evil.example → 127.0.0.1) can even read the answers
 * as same-origin, so three checks:
 * - the Host must be a loopback name (a rebinding name arrives with its own Host);
 * - an Origin, when the browser sends one, must be the sandbox's own (http://<Host>);
 * - a POST must say `application/json`, which a plain HTML form cannot send.
 * Gong's API routes are not checked: clients reach them through proxies (code-server's port
 * forwarding) under other Host names, and they need credentials anyway.
 */
export interface Refusal {
  status: 403 | 415;
  message: string;
}

const LOOPBACK_HOST = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d{1,5})?$/i;

export function refuseAdminRequest(req: IncomingMessage): Refusal | undefined {
  const host = req.headers.host ?? '';
  if (!LOOPBACK_HOST.test(host)) return { status: 403, message: `The sandbox's /__sandbox endpoints answer only on a loopback host (127.0.0.1, localhost, [::1]), not on "${host}"` };
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host.toLowerCase()}`) {
    return { status: 403, message: `The sandbox's /__sandbox endpoints refuse requests from another origin (${origin})` };
  }
  if (req.method === 'POST' && !isJson(req.headers['content-type'])) {
    return { status: 415, message: 'POST to /__sandbox needs Content-Type: application/json' };
  }
  return undefined;
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}
