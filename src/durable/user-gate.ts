import { DurableObject } from 'cloudflare:workers';
import { loadConfig } from '../config';
import type { RequestMeta } from '../audit/request-meta';
import { createDatabase } from '../store/database';
import { settle, type GateContext, type GateResult, type RateLimit } from './gate-context';
import { answerChallenge, createChallenge, createTotp, deleteTotp, issueRecoveryCodes, setMfa, verifyTotp } from './mfa';
import { createServerSession, deleteSession, deleteSessions, exchangeToken, login, refuseLogin, type LoginInput, type SessionClient } from './sessions';
import { countAttempts, purgeAttempts, THROTTLES, type AttemptCheck } from './throttle';
import { createJwt, createToken, type JwtInput, type TokenInput } from './tokens';

/**
 * One instance per user (`idFromName(userId)`, lower-cased as ids are case-insensitive): the only
 * place that issues or revokes that user's sessions, tokens, JWTs, recovery codes and TOTP
 * enrolment, and that counts their login attempts. Operations run one at a time — D1 calls are
 * outgoing I/O, which the runtime's input gate does not hold, so the object queues them itself —
 * which is what makes "at most N sessions", "single-use token" and "one recovery-code set" hold
 * under concurrency — and what makes its throttles exact: 100 parallel guesses are counted one by
 * one. Instances named `email:<address>` refuse logins for unknown emails (counted per email, with
 * the same password work as a wrong password; see `services/login.ts`).
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

  /** Like `exclusive`, after counting the attempt under `checks` (429 once one is used up). */
  private throttled<T>(request: RequestMeta, checks: AttemptCheck[], work: (g: GateContext) => Promise<T>): Promise<GateResult<T>> {
    let limit: RateLimit | undefined;
    return this.exclusive(
      request,
      async (g) => {
        if (checks.length) await countAttempts(g.storage, checks, (l) => (limit = l));
        return work(g);
      },
      () => limit,
    );
  }

  createSession(request: RequestMeta, userId: string, client: SessionClient) {
    return this.exclusive(request, (g) => createServerSession(g, userId, client));
  }

  /** Email/password login, counted per email; `throttle` is false for API-key callers, whom Appwrite does not rate-limit. */
  login(request: RequestMeta, input: LoginInput, throttle: boolean) {
    const checks = throttle ? [{ key: `login|${input.email}`, limit: THROTTLES.login }] : [];
    return this.throttled(request, checks, (g) => login(g, input));
  }

  /** The refusal of a login for an email no user has (the instance is named after the email). */
  refuseLogin(request: RequestMeta, email: string, password: string, throttle: boolean) {
    const checks = throttle ? [{ key: `login|${email}`, limit: THROTTLES.login }] : [];
    return this.throttled(request, checks, (g) => refuseLogin(g, password));
  }

  /** Token exchange; Appwrite limits it to 10 an hour per user and IP for non-key callers. */
  exchangeToken(request: RequestMeta, userId: string, secret: string, client: SessionClient, throttle: boolean) {
    const checks = throttle ? [{ key: `token|${client.ip}`, limit: THROTTLES.tokenExchange }] : [];
    return this.throttled(request, checks, (g) => exchangeToken(g, userId, secret, client));
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

  /** `throttle`: the Account route's limit (100 an hour per user); the Users API and RPC have none. */
  createJwt(request: RequestMeta, userId: string, input: JwtInput, throttle = false) {
    const checks = throttle ? [{ key: 'account-jwt', limit: THROTTLES.accountJwt }] : [];
    return this.throttled(request, checks, (g) => createJwt(g, userId, input));
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
    return this.throttled(request, [{ key: 'challenge-create', limit: THROTTLES.challengeCreate }], (g) => createChallenge(g, userId, factor));
  }

  answerChallenge(request: RequestMeta, userId: string, challengeId: string, otp: string, sessionId: string) {
    const checks = [
      // Challenge ids compare case-insensitively: one window whatever the case sent.
      { key: `challenge-answer|${challengeId.toLowerCase()}`, limit: THROTTLES.challengeAnswer },
      { key: 'challenge-answer', limit: THROTTLES.challengeAnswerPerUser },
    ];
    return this.throttled(request, checks, (g) => answerChallenge(g, userId, challengeId, otp, sessionId));
  }

  async alarm() {
    await purgeAttempts(this.ctx.storage);
  }
}
