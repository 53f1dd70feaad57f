import type { ErrorEnvelope } from '../errors/envelope';

/**
 * Appwrite's error envelope (`{ message, code, type, version }`) of an error thrown by a `UsersRpc`
 * method, or null for any other error. A caller Worker branches on `type` or `code`:
 *
 *   try { await env.USERS.getUser({ userId }) }
 *   catch (e) { if (rpcErrorEnvelope(e)?.type === 'user_not_found') … }
 */
export function rpcErrorEnvelope(error: unknown): ErrorEnvelope | null {
  if (!(error instanceof Error)) return null;
  try {
    const parsed: unknown = JSON.parse(error.message);
    if (parsed && typeof parsed === 'object' && 'type' in parsed && 'code' in parsed && 'message' in parsed) return parsed as ErrorEnvelope;
  } catch {
    // not an RPC error of ours
  }
  return null;
}
