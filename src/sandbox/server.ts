import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateWorld, type GenerateOptions } from './data/generate';
import type { World } from './data/model';
import { Authenticator, DEMO_CREDENTIALS, type AccessKeyCredential, type BearerCredential } from './http/auth';
import { refuseAdminRequest } from './http/adminGuard';
import { GongHttpError } from './http/errors';
import { FaultInjector, type Fault, type FaultOptions } from './http/faults';
import { readJson, stringify } from './http/json';
import { Pager } from './http/paging';
import { RateLimiter, tooMany, type RateLimitOptions } from './http/rateLimit';
import { RequestLog } from './http/requestLog';
import { Router, type RequestContext } from './http/router';
import { apiRoutes } from './routes';
import { OAuthServer, type OAuthOptions } from './oauth';
import { Store, type MediaOptions } from './store';

export interface SandboxOptions extends GenerateOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Access keys accepted (default: the demo key pair). */
  credentials?: AccessKeyCredential[];
  /** Bearer tokens accepted (OAuth). */
  bearerTokens?: BearerCredential[];
  /** Gong's limits (3/s, 10,000/day by default); false switches them off. */
  rateLimit?: RateLimitOptions | false;
  faults?: FaultOptions;
  media?: MediaOptions;
  /** How long an accepted data-privacy erase takes before the data is gone (default 3,000 ms; Gong takes hours). */
  eraseDelayMs?: number;
  /** "Sign in with Gong": registered apps and token lifetimes. */
  oauth?: OAuthOptions;
  /** Clock, for tests of expiry and daily quotas. */
  now?: () => number;
}

export interface Sandbox {
  /** Base URL, e.g. http://127.0.0.1:4010 (paths start with /v2). */
  url: string;
  port: number;
  credentials: AccessKeyCredential;
  log: RequestLog;
  faults: FaultInjector;
  world: World;
  store: Store;
  /** API requests received and not yet answered (tests wait on it after a cancel). */
  inFlight(): number;
  /** Revokes an OAuth app's grant, as an admin removing it in Gong would. */
  revokeOAuth(clientId: string): void;
  close(): Promise<void>;
}

/** Starts the Gong API emulator on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const world = generateWorld(options);
  const store = new Store(world, options.media, options.eraseDelayMs);
  const credentials = options.credentials ?? [DEMO_CREDENTIALS];
  const bearers = [...(options.bearerTokens ?? [])];
  const auth = new Authenticator(credentials, bearers, now);
  const limiter = options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit ?? {}, now);
  const faults = new FaultInjector(options.faults);
  const log = new RequestLog();
  let baseUrl = '';
  const oauth = new OAuthServer(options.oauth ?? {}, bearers, () => baseUrl, now);
  const handler = new Handler({ router: new Router(apiRoutes), store, pager: new Pager(), auth, limiter, faults, log, now, oauth });
  const server = createServer((req, res) => void handler.handle(req, res));
  server.keepAliveTimeout = 30_000;
  await listen(server, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    credentials: credentials[0] ?? DEMO_CREDENTIALS,
    log,
    faults,
    world,
    store,
    inFlight: () => handler.inFlight,
    revokeOAuth: (clientId) => oauth.revoke(clientId),
    close: () => close(server, store),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server, store: Store): Promise<void> {
  store.close();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

interface HandlerDeps {
  router: Router;
  store: Store;
  pager: Pager;
  auth: Authenticator;
  limiter: RateLimiter | undefined;
  faults: FaultInjector;
  log: RequestLog;
  now: () => number;
  oauth: OAuthServer;
}

/** The request pipeline: route → auth → rate limit → fault → handler → reply, each step logged. */
class Handler {
  inFlight = 0;

  constructor(private readonly deps: HandlerDeps) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (url.pathname.startsWith('/__sandbox/')) return this.admin(req, res, url);
    if (url.pathname.startsWith('/oauth2/')) {
      const status = await this.deps.oauth.handle(req, res, url).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
        return 500;
      });
      this.deps.log.add({ time: new Date(this.deps.now()).toISOString(), method: req.method ?? 'GET', path: url.pathname, query: {}, status, durationMs: Math.round((performance.now() - startedAt) * 10) / 10, requestId: '' });
      return;
    }
    const requestId = newRequestId();
    this.inFlight++;
    let bodySummary: string | undefined;
    let fault: Fault | undefined;
    let status = 500;
    try {
      const match = this.deps.router.match(req.method ?? 'GET', url.pathname);
      if (match === 'notFound') throw new GongHttpError(404, [`No API endpoint at ${url.pathname}`]);
      if (match === 'methodNotAllowed') throw new GongHttpError(405, [`${req.method} is not allowed on ${url.pathname}`]);
      const principal = this.deps.auth.authenticate(req, match.route.scope);
      this.deps.limiter?.take();
      fault = this.deps.faults.decide(match.key);
      if (fault?.kind === 'rateLimit') throw tooMany(fault.retryAfterSec ?? 1, 'injected fault');
      if (fault?.kind === 'serverError') throw new GongHttpError(fault.status ?? 500, ['Failed to complete the operation due to an unexpected error']);
      if (fault?.kind === 'slow') await delay(fault.delayMs ?? 2000, res);
      const ctx: RequestContext = {
        req,
        params: match.params,
        query: url.searchParams,
        store: this.deps.store,
        pager: this.deps.pager,
        routeKey: match.key,
        principal,
        now: this.deps.now,
        json: async () => {
          const body = await readJson(req);
          bodySummary = body === undefined ? undefined : JSON.stringify(body).slice(0, 2000);
          return body;
        },
        describeBody: (summary) => { bodySummary = summary; },
      };
      const reply = await match.route.handle(ctx);
      status = reply.status ?? 200;
      const body: Record<string, unknown> = { requestId, ...reply.body };
      if (fault?.kind === 'badCursor') corruptCursor(body);
      this.send(res, status, stringify(body), {}, fault);
    } catch (error) {
      if (!(error instanceof GongHttpError)) console.error('sandbox: unexpected error', error);
      const e = error instanceof GongHttpError ? error : new GongHttpError(500, ['Failed to complete the operation due to an unexpected error']);
      status = e.status;
      this.send(res, status, stringify({ requestId, errors: e.errors }), e.headers, undefined);
    } finally {
      this.inFlight--;
      this.deps.log.add({
        time: new Date(this.deps.now()).toISOString(),
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        ...(bodySummary !== undefined && { body: bodySummary }),
        status,
        durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
        requestId,
        ...(fault && { fault: fault.kind }),
      });
    }
  }

  private send(res: ServerResponse, status: number, text: string, headers: Record<string, string>, fault: Fault | undefined): void {
    // The client may have hung up already (a cancelled slow request): nothing left to send.
    if (res.destroyed) return;
    // The handler has run (a write is done); the client never hears about it.
    if (fault?.kind === 'hangUp') {
      res.socket?.destroy();
      return;
    }
    const payload = fault?.kind === 'malformedJson' ? text.slice(0, Math.floor(text.length / 2)) : text;
    const bytes = Buffer.from(payload, 'utf8');
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(bytes.length), ...headers });
    if (fault?.kind === 'reset') {
      // Half the body, then the connection dies: the client sees a reset mid-response.
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.end(bytes);
  }

  /** Sandbox-only endpoints: the request log and fault control. Not part of Gong's API. */
  private async admin(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const reply = (status: number, body: unknown) => this.send(res, status, stringify(body), {}, undefined);
    const route = `${req.method} ${url.pathname}`;
    const refusal = refuseAdminRequest(req);
    if (refusal) return reply(refusal.status, { errors: [refusal.message] });
    try {
      if (route === 'GET /__sandbox/log') {
        const since = url.searchParams.get('since') ?? '0';
        // A typo must not look like an empty log.
        if (!/^\d+$/.test(since)) return reply(400, { errors: [`since must be a sequence number (a whole number from 0), got "${since}"`] });
        return reply(200, { entries: this.deps.log.since(Number(since)) });
      }
      if (route === 'DELETE /__sandbox/log') {
        this.deps.log.clear();
        return reply(200, { cleared: true });
      }
      if (route === 'POST /__sandbox/faults') {
        const body = (await readJson(req)) as FaultOptions | undefined;
        for (const rule of body?.rules ?? []) this.deps.faults.add(rule);
        if (body?.random) this.deps.faults.setRandom(body.random);
        return reply(200, { pending: this.deps.faults.pending });
      }
      if (route === 'DELETE /__sandbox/faults') {
        this.deps.faults.clear();
        return reply(200, { cleared: true });
      }
      return reply(404, { errors: [`No sandbox endpoint ${route}`] });
    } catch (error) {
      return reply(400, { errors: [error instanceof Error ? error.message : String(error)] });
    }
  }
}

function corruptCursor(body: Record<string, unknown>): void {
  const records = body.records as { cursor?: string } | undefined;
  if (records?.cursor) records.cursor = `${records.cursor.slice(0, -6)}broken`;
}

/** Gong's requestId: a short lowercase alphanumeric token. */
function newRequestId(): string {
  return BigInt(`0x${randomBytes(12).toString('hex')}`).toString(36).slice(0, 19);
}

/** Holds a response back, but lets go as soon as the client hangs up. */
function delay(ms: number, res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    res.once('close', done);
    function done() {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
  });
}
