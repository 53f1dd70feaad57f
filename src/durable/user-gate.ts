import { DurableObject } from 'cloudflare:workers';
import { loadConfig } from '../config';
import type { RequestMeta } from '../audit/request-meta';
import { createDatabase } from '../store/database';
import { settle, type GateContext, type GateResult, type RateLimit } from './gate-context';
import { answerChallenge, createChallenge, createTotp, deleteTotp, issueRecoveryCodes, setMfa, verifyTotp } from './mfa';
import { createServerSession, deleteSession, deleteSessions, exchangeToken, login, type LoginInput, type SessionClient } from './sessions';
import { countAttempt, purgeAttempts } from './throttle';
import { createJwt, createToken, type JwtInput, type TokenInput } from './tokens';

/**
 * One instance per user (`idFromName(userId)`, lower-cased as ids are case-insensitive): the only
 * place that issues or revokes that user's sessions, tokens, JWTs, recovery codes and TOTP
 * enrolment, and that counts their login attempts. Operations run one at a time — D1 calls are
 * outgoing I/O, which the runtime's input gate does not hold, so the object queues them itself —
 * which is what makes "at most N sessions", "single-use token" and "one recovery-code set" hold
 * under concurrency. Instances named `email:<address>` only count attempts for unknown emails.
 */
export class UserGate extends DurableObject<Env> {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` for `request` after every operation queued before it. */
  private exclusive<T>(request: RequestMeta, work: (g: GateContext) => Promise<T>, rateLimit?: () => RateLimit | undefined): Promise<GateResult<T>> {
    const g: GateContext = { db: createDatabase(this.env.DB), config: loadConfig(this.env), env: this.env, storage: this.ctx.storage, request };
    const run = this.tail.then(() => settle(() => work(g), rateLimit));
    this.tail = run.catch(() => undefined);
    return run;
  }

  createSession(request: RequestMeta, userId: string, client: SessionClient) {
    return this.exclusive(request, (g) => createServerSession(g, userId, client));
  }

  /** Email/password login; `throttle` is false for API-key callers, whom Appwrite does not rate-limit. */
  login(request: RequestMeta, input: LoginInput, throttle: boolean) {
    let limit: RateLimit | undefined;
    return this.exclusive(
      request,
      async (g) => {
        if (throttle) await countAttempt(g.storage, `login|${input.email}|${input.client.ip}`, (l) => (limit = l));
        return login(g, input);
      },
      () => limit,
    );
  }

  /** Counts a login attempt for an email no user has (the instance is named after the email). */
  countLoginAttempt(request: RequestMeta, email: string, ip: string) {
    let limit: RateLimit | undefined;
    return this.exclusive(
      request,
      (g) => countAttempt(g.storage, `login|${email}|${ip}`, (l) => (limit = l)),
      () => limit,
    );
  }

  /** Token exchange; Appwrite limits it to 10 an hour per user and IP for non-key callers. */
  exchangeToken(request: RequestMeta, userId: string, secret: string, client: SessionClient, throttle: boolean) {
    let limit: RateLimit | undefined;
    return this.exclusive(
      request,
      async (g) => {
        if (throttle) await countAttempt(g.storage, `token|${client.ip}`, (l) => (limit = l));
        return exchangeToken(g, userId, secret, client);
      },
      () => limit,
    );
  }

  deleteSession(request: RequestMeta, userId: string, sessionId: string) {
    return this.exclusive(request, (g) => deleteSession(g, userId, sessionId));
  }

  deleteSessions(request: RequestMeta, userId: string) {
    return this.exclusive(request, (g) => deleteSessions(g, userId));
  }

  createToken(request: RequestMeta, userId: string, input: TokenInput) {
    return this.exclusive(request, (g) => createToken(g, userId, input));
  }

  createJwt(request: RequestMeta, userId: string, input: JwtInput) {
    return this.exclusive(request, (g) => createJwt(g, userId, input));
  }

  issueRecoveryCodes(request: RequestMeta, userId: string, mode: 'create' | 'regenerate') {
    return this.exclusive(request, (g) => issueRecoveryCodes(g, userId, mode));
  }

  createTotp(request: RequestMeta, userId: string) {
    return this.exclusive(request, (g) => createTotp(g, userId));
  }

  verifyTotp(request: RequestMeta, userId: string, otp: string, sessionId: string | null) {
    return this.exclusive(request, (g) => verifyTotp(g, userId, otp, sessionId));
  }

  deleteTotp(request: RequestMeta, userId: string) {
    return this.exclusive(request, (g) => deleteTotp(g, userId));
  }

  setMfa(request: RequestMeta, userId: string, mfa: boolean, sessionId: string | null) {
    return this.exclusive(request, (g) => setMfa(g, userId, mfa, sessionId));
  }

  createChallenge(request: RequestMeta, userId: string, factor: string) {
    return this.exclusive(request, (g) => createChallenge(g, userId, factor));
  }

  answerChallenge(request: RequestMeta, userId: string, challengeId: string, otp: string, sessionId: string) {
    return this.exclusive(request, (g) => answerChallenge(g, userId, challengeId, otp, sessionId));
  }

  async alarm() {
    await purgeAttempts(this.ctx.storage);
  }
}
