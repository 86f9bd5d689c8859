/** The Gong connector: client, catalog, readers, writers, procedures. Pure Node, no vscode. */
export { GongClient, NO_RESULTS_404, ANY_404, type ClientOptions, type ClientEvent, type Credentials, type GongRequest, type GongResponse } from './http/client';
export { GongError, type GongErrorCode } from './http/errors';
export { ENDPOINT_SCOPES, scopeOf, allScopes } from './http/scopes';
export { MemoryUsageStore, type UsageStore, type RateLimitOptions } from './http/rateLimit';
export type { RetryOptions } from './http/retry';
export { tables, procedures, findTable, findProcedure, findColumn, supportedStatements } from './catalog';
export type * from './catalog/types';
export { validateCatalog } from './catalog/validate';
export { planRead, type Predicate, type ReadPlan, type Estimate } from './read/plan';
export { parseInstant } from './read/instants';
export { readRows, readAll, emptyStats, type ReadStats, type ReadOptions } from './read/reader';
export { callProcedure, insertRows, updateRows, deleteRows, type RowOutcome, type WriteOptions } from './write/writer';
export { checkValue, normalizeArgs, camelKeys, type InputValue } from './write/values';
export { OAuthSession, MemoryTokenStore, type TokenSet, type TokenStore, type OAuthApp } from './http/oauth';
