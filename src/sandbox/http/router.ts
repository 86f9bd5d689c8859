import type { IncomingMessage } from 'node:http';
import type { Store } from '../store';
import type { Principal } from './auth';
import type { Pager } from './paging';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A reply body; the server adds `requestId` first, as Gong does on every response. */
export interface Reply { status?: number; body: Record<string, unknown> }

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly store: Store;
  readonly pager: Pager;
  readonly routeKey: string;
  readonly principal: Principal;
  now(): number;
  /** The parsed JSON body (400 when malformed); read once. */
  json(): Promise<unknown>;
  /** Records a body summary for the request log (multipart routes describe their parts). */
  describeBody(summary: string): void;
}

export interface Route {
  method: Method;
  /** Path with `{name}` segments, e.g. `/v2/calls/{id}`. */
  pattern: string;
  /** OAuth scope the route needs (Gong's scope table). */
  scope?: string;
  handle(ctx: RequestContext): Promise<Reply> | Reply;
}

interface Compiled { route: Route; key: string; segments: string[] }

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => ({ route, key: `${route.method} ${route.pattern}`, segments: route.pattern.split('/') }));
  }

  /** The route and path parameters, or `methodNotAllowed` when the path exists under another method. */
  match(method: string, path: string): { route: Route; key: string; params: Record<string, string> } | 'notFound' | 'methodNotAllowed' {
    const parts = path.split('/');
    let pathExists = false;
    for (const c of this.compiled) {
      const params = matchSegments(c.segments, parts);
      if (!params) continue;
      if (c.route.method === method) return { route: c.route, key: c.key, params };
      pathExists = true;
    }
    return pathExists ? 'methodNotAllowed' : 'notFound';
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const v = parts[i] as string;
    if (p.startsWith('{') && p.endsWith('}')) {
      if (v === '') return undefined;
      params[p.slice(1, -1)] = decodeURIComponent(v);
    } else if (p !== v) {
      return undefined;
    }
  }
  return params;
}
