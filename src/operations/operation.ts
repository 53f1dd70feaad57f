import type { ErrorType } from '../errors/error-types';
import type { ResponseFormat } from '../models/response-format';
import type { ALL_SCOPES } from '../services/api-keys';
import type { Caller } from '../services/caller';
import type { ServiceContext } from '../services/context';
import type { SessionClient } from '../durable/sessions';
import type { ModelName } from '../models/schemas';
import type { ParamSpec, ParamValues } from '../validation/params';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Key scopes, plus `account`: what a signed-in user holds for their own account routes. */
export type Scope = (typeof ALL_SCOPES)[number] | 'account';

/** Session cookies a door can set; only the HTTP door has them (account routes are HTTP-only). */
export interface SessionCookies {
  issue(secret: string, expire: string): void;
  clear(): void;
}

/** What an operation runs with, whichever door it came through. */
export interface OperationContext {
  service: ServiceContext;
  /** The project the request names; `''` is Appwrite's console project (no project header). */
  project: string;
  format: ResponseFormat;
  caller: Caller;
  /** The client recorded on sessions and tokens this request issues. */
  client: SessionClient;
  /** Extra headers for a successful HTTP answer (rate limits); RPC ignores them. */
  headers: Headers;
  cookies: SessionCookies;
}

/**
 * One operation of the API, declared once: HTTP routes, the RPC method, the OpenAPI document and
 * the scope matrix test are all derived from it.
 */
export interface Operation<S extends ParamSpec = ParamSpec, R = unknown, N extends string = string> {
  /** The SDK method id, `<service>.<method>`. */
  id: string;
  method: HttpMethod;
  /** Appwrite's path, with `{param}` placeholders. */
  path: string;
  /** Further paths served by the same operation (deprecated or newer spellings). */
  aliases?: readonly string[];
  scope: Scope;
  /**
   * The scopes that pass (any one), when they depend on the client's format (`formats/behaviours.ts`);
   * otherwise just `scope`. The first one is the newest format's `scope`.
   */
  scopes?: (format: ResponseFormat) => readonly Scope[];
  /** In Appwrite's `mfa` group: allowed before the session has all its factors. */
  mfaExempt?: boolean;
  /** Checks on the caller that run after the scope and before the params (Appwrite's route groups). */
  guards?: ReadonlyArray<(ctx: OperationContext) => void>;
  summary: string;
  params: S;
  /**
   * `model` describes a JSON answer. A streamed answer of another type (NDJSON) sets `model: null`,
   * its `contentType`, and `lineModel` for each line; its `run` returns the body stream.
   */
  response: { status: 200 | 201 | 204; model: ModelName | null; contentType?: string; lineModel?: ModelName };
  /** Error types this operation answers beyond the ones every operation can (auth, params). */
  errors?: readonly ErrorType[];
  /** The `UsersRpc` method name; operations without one are HTTP-only (end-user account routes). */
  rpc?: N;
  run(ctx: OperationContext, params: ParamValues<S>): Promise<R>;
}

/** Declares an operation, keeping its params, result and RPC name as precise types. */
export const operation = <S extends ParamSpec, R, const N extends string = never>(op: Operation<S, R, N>) => op;

/** `/v1/users/{userId}` → `/v1/users/:userId` (Hono's syntax). */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** The path params of an Appwrite path, in order. */
export const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

/** The scopes that let a request of `format` through `op` (any one of them). */
export const allowedScopes = (op: Pick<Operation, 'scope' | 'scopes'>, format: ResponseFormat): readonly Scope[] =>
  op.scopes ? op.scopes(format) : [op.scope];
