import { WorkerEntrypoint } from 'cloudflare:workers';
import { loadConfig } from '../config';
import { toEnvelope } from '../errors/envelope';
import { CURRENT_FORMAT } from '../models/response-format';
import { operations, type AnyOperation, type OperationContext } from '../operations';
import type { Caller } from '../services/caller';
import { ALL_SCOPES } from '../services/api-keys';
import { createDatabase } from '../store/database';
import { validateParams, type ParamInput } from '../validation/params';

/** What sessions and tokens minted over RPC record as their client. */
const RPC_CLIENT = { ip: '', userAgent: 'rpc', countryCode: '--' };
/** RPC callers are trusted like the root key. */
const RPC_CALLER: Caller = { role: 'applications', actorEmail: 'rpc', scopes: new Set(ALL_SCOPES) };

type Result<O> = O extends { run(...args: never[]): Promise<infer R> } ? R : never;

/** One typed method per operation that has an RPC name: `env.USERS.updateEmail({ userId, email })`. */
export type UsersRpcMethods = {
  [O in AnyOperation as NonNullable<O['rpc']>]: (params: ParamInput<O['params']>) => Promise<Result<O>>;
};

/**
 * The RPC door for other Workers (service binding with `entrypoint = "UsersRpc"`). Each method runs
 * the same operation as its HTTP route — same validation, same models (newest response format) —
 * and fails with an `Error` whose message is Appwrite's error envelope (see `rpcErrorEnvelope`).
 */
export class UsersRpc extends WorkerEntrypoint<Env> {}

export interface UsersRpc extends UsersRpcMethods {}

for (const op of operations) {
  if (!op.rpc) continue;
  Object.defineProperty(UsersRpc.prototype, op.rpc, {
    value(this: UsersRpc, params: unknown) {
      return runOperation(this.env, op, params);
    },
  });
}

async function runOperation(env: Env, op: AnyOperation, params: unknown): Promise<unknown> {
  const config = loadConfig(env);
  const ctx: OperationContext = {
    service: {
      db: createDatabase(env.DB),
      config,
      env,
      request: { ip: '', userAgent: 'rpc', countryCode: '--', actor: { id: '', email: 'rpc', name: '', type: 'keyProject' } },
    },
    project: config.projectId,
    format: CURRENT_FORMAT,
    caller: RPC_CALLER,
    client: RPC_CLIENT,
    headers: new Headers(),
    cookies: { issue() {}, clear() {} },
  };
  try {
    const input = params && typeof params === 'object' && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
    return await op.run(ctx, validateParams(input, op.params) as never);
  } catch (error) {
    throw rpcError(error);
  }
}

/**
 * Across a service binding only an error's message survives (its own properties and a custom name
 * do not), so the message is the whole envelope as JSON; `rpcErrorEnvelope` reads it back.
 */
function rpcError(error: unknown): Error {
  const envelope = toEnvelope(error);
  if (envelope.type === 'general_unknown') console.error(error);
  return new Error(JSON.stringify(envelope));
}
