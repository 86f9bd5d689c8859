/** The Gong API sandbox: an emulator of Gong's REST API v2 with generated data. */
export { startSandbox, type Sandbox, type SandboxOptions } from './server';
export { DEMO_CREDENTIALS, type AccessKeyCredential, type BearerCredential } from './http/auth';
export type { FaultRule, FaultKind, FaultOptions } from './http/faults';
export type { LogEntry } from './http/requestLog';
export { DEFAULT_SEED, DEFAULT_SCALE, MAX_SCALE } from './data/generate';
export { DEMO_OAUTH_CLIENT, ALL_SCOPES, type OAuthClient, type OAuthOptions } from './oauth';
