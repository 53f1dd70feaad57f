import bcrypt from 'bcryptjs';
import { createRequire } from 'node:module';
import { expect, inject, vi } from 'vitest';
import vectors from '../../fixtures/password-hashes.json';
import { sdkModels } from './models';

const require = createRequire(import.meta.url);

/** Fields servers add for every format (Appwrite strips none of them), beyond an older SDK's model. */
const NEVER_STRIPPED: Record<string, string[]> = {
  User: ['emailCanonical', 'emailIsFree', 'emailIsDisposable', 'emailIsCorporate', 'emailIsCanonical'],
  Membership: ['userAccessedAt'],
  Log: ['userType'],
  Target: ['expired'],
};

export interface Generation {
  /** The npm alias it is installed under, e.g. `node-appwrite-27`. */
  pkg: string;
  /** The format it sends (its `X-Appwrite-Response-Format`). */
  format: string;
}

export interface ScenarioResult {
  calls: number;
  warnings: number;
  methods: string[];
  missed: string[];
}

const vector = (algo: string) => vectors.vectors.find((v: any) => v.algo === algo && v.expected && !/cost1[0-9]/.test(v.id))!;

/**
 * One conformance scenario, run against the Worker by any node-appwrite generation: every Users
 * method the generation has (the Proxy records which were called; the test fails on a method it
 * does not call), the query helpers, hash imports with real hashes, sessions, tokens, JWTs, MFA,
 * targets, each response checked against the generation's own model declarations.
 */
export async function runScenario(gen: Generation): Promise<ScenarioResult> {
  const sdk = require(gen.pkg);
  const model = sdkModels(gen.pkg);
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const client = new sdk.Client().setEndpoint(inject('endpoint')).setProject(inject('projectId')).setKey(inject('apiKey'));
  const raw = new sdk.Users(client);
  const called = new Set<string>();
  let calls = 0;
  const users: any = new Proxy(raw, {
    get(target, name: string) {
      const value = target[name];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        called.add(name);
        calls++;
        return value.apply(target, args);
      };
    },
  });
  const has = (name: string) => typeof raw[name] === 'function';
  const check = (name: string, value: any) => {
    const { required, optional } = model(name);
    for (const field of required) expect(value, `${gen.pkg} ${name}.${field}`).toHaveProperty([field]);
    const known = new Set([...required, ...optional, ...(NEVER_STRIPPED[name] ?? [])]);
    expect(Object.keys(value).filter((key) => !known.has(key)), `${gen.pkg} ${name}: fields its SDK does not know`).toEqual([]);
    return value;
  };
  const checkList = (name: string, key: string, value: any) => {
    check(`${name}List`, value);
    for (const item of value[key]) check(name, item);
    return value;
  };
  const expectError = async (promise: Promise<unknown>, type: string) => {
    const error: any = await promise.then(() => null, (e) => e);
    expect(error, `${gen.pkg}: expected ${type}`).toBeInstanceOf(sdk.AppwriteException);
    expect(error.type).toBe(type);
  };
  const tag = `${gen.pkg.replace(/\W/g, '')}${Date.now().toString(36)}`;
  const id = (n: string) => `${tag}${n}`;
  // Generations run in parallel against one database: each gets its own phone numbers.
  const phone = (n: number) => `+1415555${gen.pkg.replace(/\D/g, '').padStart(2, '0')}${n}`;
  const Q = sdk.Query;

  // Users: create, read, list with every query helper the generation has.
  const user = check('User', await users.create(id('u'), `${id('u')}@example.com`, phone(11), 'password-123', 'Ada'));
  expect(user).toMatchObject({ $id: id('u'), email: `${id('u')}@example.com`, name: 'Ada' });
  expect(check('User', await users.get(user.$id)).$id).toBe(user.$id);
  const one = [Q.equal('$id', [user.$id])];
  const filters: Array<[string, unknown[]]> = [
    ['equal', ['name', ['Ada']]], ['notEqual', ['name', ['Bob']]], ['lessThan', ['$createdAt', '2999-01-01']],
    ['lessThanEqual', ['$createdAt', '2999-01-01']], ['greaterThan', ['$createdAt', '2000-01-01']],
    ['greaterThanEqual', ['$createdAt', '2000-01-01']], ['between', ['$createdAt', '2000-01-01', '2999-01-01']],
    ['isNotNull', ['email']], ['startsWith', ['name', 'Ad']], ['endsWith', ['name', 'da']], ['contains', ['name', 'd']],
    ['notContains', ['name', 'zz']], ['notStartsWith', ['name', 'zz']], ['notEndsWith', ['name', 'zz']],
    ['notBetween', ['$createdAt', '2000-01-01', '2000-01-02']], ['createdAfter', ['2000-01-01']], ['createdBefore', ['2999-01-01']],
    ['updatedAfter', ['2000-01-01']], ['updatedBefore', ['2999-01-01']], ['createdBetween', ['2000-01-01', '2999-01-01']],
    ['updatedBetween', ['2000-01-01', '2999-01-01']],
  ];
  let helpers = 0;
  for (const [method, args] of filters.filter(([m]) => typeof Q[m] === 'function')) {
    const list = checkList('User', 'users', await users.list([...one, Q[method](...args)]));
    expect(list.users.map((u: any) => u.$id), `${gen.pkg} Query.${method}`).toEqual([user.$id]);
    helpers++;
  }
  expect((await users.list([...one, Q.isNull('email')])).users).toEqual([]);
  const ordered = await users.list([Q.orderDesc('$createdAt'), Q.limit(2), Q.offset(0)]);
  expect(ordered.users.length).toBeGreaterThan(0);
  expect((await users.list([Q.orderAsc('name'), Q.cursorAfter(user.$id), Q.limit(1)])).users.length).toBeLessThanOrEqual(1);
  expect((await users.list([Q.cursorBefore(user.$id), Q.limit(1)])).users.length).toBeLessThanOrEqual(1);
  if (typeof Q.or === 'function') {
    expect((await users.list([...one, Q.or([Q.equal('name', ['Ada']), Q.equal('name', ['Bob'])])])).users).toHaveLength(1);
    expect((await users.list([Q.and([Q.equal('$id', [user.$id]), Q.equal('name', ['Ada'])])])).users).toHaveLength(1);
    helpers += 2;
  }
  expect((await users.list([], id('u'))).users.map((u: any) => u.$id)).toEqual([user.$id]);
  if (gen.format >= '1.8.0') {
    const page = await users.list({ queries: one, total: false });
    expect(page).toMatchObject({ total: 0, users: [expect.objectContaining({ $id: user.$id })] });
  }

  // Profile updates.
  check('User', await users.updateName(user.$id, 'Ada L'));
  check('User', await users.updateEmail(user.$id, `${id('e')}@example.org`));
  check('User', await users.updatePhone(user.$id, phone(12)));
  check('User', await users.updatePassword(user.$id, 'password-456'));
  expect(check('User', await users.updateStatus(user.$id, false)).status).toBe(false);
  check('User', await users.updateStatus(user.$id, true));
  expect(check('User', await users.updateLabels(user.$id, ['vip'])).labels).toEqual(['vip']);
  check('User', await users.updateEmailVerification(user.$id, true));
  check('User', await users.updatePhoneVerification(user.$id, true));
  expect(await users.updatePrefs(user.$id, { theme: 'dark' })).toEqual({ theme: 'dark' });
  expect(await users.getPrefs(user.$id)).toEqual({ theme: 'dark' });
  if (has('updateImpersonator')) expect(check('User', await users.updateImpersonator(user.$id, true)).impersonator).toBe(true);

  // Records.
  checkList('Log', 'logs', await users.listLogs(user.$id, [Q.limit(5)]));
  checkList('Membership', 'memberships', await users.listMemberships(user.$id));
  checkList('Identity', 'identities', await users.listIdentities([Q.limit(5)]));
  await expectError(users.deleteIdentity(id('none')), 'user_identity_not_found');

  // Hash imports, each verified by signing in with the password.
  const imports: Array<[string, (uid: string, email: string) => Promise<unknown>]> = [
    ['createArgon2User', (u, e) => users.createArgon2User(u, e, vector('argon2').hash, 'Argon')],
    ['createBcryptUser', (u, e) => users.createBcryptUser(u, e, bcrypt.hashSync('appwrite', 4), 'Bcrypt')],
    ['createMD5User', (u, e) => users.createMD5User(u, e, vector('md5').hash, 'MD5')],
    ['createPHPassUser', (u, e) => users.createPHPassUser(u, e, vector('phpass').hash, 'PHPass')],
    ['createSHAUser', (u, e) => users.createSHAUser(u, e, vector('sha').hash, 'sha1', 'SHA')],
    ['createScryptUser', (u, e) => {
      const { hash, hashOptions: o } = vector('scrypt') as any;
      return users.createScryptUser(u, e, hash, o.salt, o.costCpu, o.costMemory, o.costParallel, o.length, 'Scrypt');
    }],
    ['createScryptModifiedUser', (u, e) => {
      const { hash, hashOptions: o } = vector('scryptMod') as any;
      return users.createScryptModifiedUser(u, e, hash, o.salt, o.saltSeparator, o.signerKey, 'Firebase');
    }],
  ];
  for (const [method, create] of imports) {
    const email = `${id(method.toLowerCase())}@example.com`;
    const imported: any = check('User', await create(id(method.slice(6, 12).toLowerCase()), email));
    const login = await fetch(`${inject('endpoint')}/account/sessions/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-appwrite-project': inject('projectId'), 'x-appwrite-response-format': gen.format },
      body: JSON.stringify({ email, password: 'appwrite' }),
    });
    expect(login.status, `${gen.pkg} ${method} login`).toBe(201);
    await users.delete(imported.$id);
  }

  // Sessions, tokens, JWTs: an issued session works on the Account API for this generation.
  if (has('createSession')) {
    const session = check('Session', await users.createSession(user.$id));
    const account = new sdk.Account(new sdk.Client().setEndpoint(inject('endpoint')).setProject(inject('projectId')).setSession(session.secret));
    const me = await account.get();
    expect(me.$id).toBe(user.$id);
    check('User', { ...me, password: '', hash: '', hashOptions: {} });
  }
  if (has('createToken')) check('Token', await users.createToken(user.$id, 8, 60));
  if (has('createJWT')) expect(check('Jwt', await users.createJWT(user.$id)).jwt.split('.')).toHaveLength(3);
  const sessions = checkList('Session', 'sessions', await users.listSessions(user.$id));
  if (sessions.sessions.length > 0) await users.deleteSession(user.$id, sessions.sessions[0].$id);
  else await expectError(users.deleteSession(user.$id, id('none')), 'user_session_not_found');
  await users.deleteSessions(user.$id);
  expect((await users.listSessions(user.$id)).total).toBe(0);

  // Targets (1.5+).
  if (has('createTarget')) {
    const target = check('Target', await users.createTarget(user.$id, id('t'), 'push', `${id('t')}-device`));
    checkList('Target', 'targets', await users.listTargets(user.$id));
    check('Target', await users.getTarget(user.$id, target.$id));
    expect(check('Target', await users.updateTarget(user.$id, target.$id, `${id('t')}-device2`)).identifier).toBe(`${id('t')}-device2`);
    await users.deleteTarget(user.$id, target.$id);
  }

  // MFA (1.5+), under the names of each generation (1.8 renamed them; both spellings work).
  for (const names of [
    ['updateMfa', 'listMfaFactors', 'createMfaRecoveryCodes', 'getMfaRecoveryCodes', 'updateMfaRecoveryCodes', 'deleteMfaAuthenticator'],
    ['updateMFA', 'listMFAFactors', 'createMFARecoveryCodes', 'getMFARecoveryCodes', 'updateMFARecoveryCodes', 'deleteMFAAuthenticator'],
  ]) {
    if (!has(names[0])) continue;
    expect(check('User', await users[names[0]](user.$id, true)).mfa).toBe(true);
    check('MfaFactors', await users[names[1]](user.$id));
    // The second spelling finds the codes the first one generated.
    if (called.has('createMfaRecoveryCodes')) await expectError(users[names[2]](user.$id), 'user_recovery_codes_already_exists');
    else check('MfaRecoveryCodes', await users[names[2]](user.$id));
    expect(check('MfaRecoveryCodes', await users[names[3]](user.$id)).recoveryCodes).toHaveLength(6);
    check('MfaRecoveryCodes', await users[names[4]](user.$id));
    await expectError(users[names[5]](user.$id, 'totp'), 'user_authenticator_not_found');
  }

  await users.delete(user.$id);
  await expectError(users.get(user.$id), 'user_not_found');

  const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(raw)).filter((n) => n !== 'constructor');
  const warnings = warn.mock.calls.length;
  warn.mockRestore();
  return { calls, warnings, methods, missed: methods.filter((m) => !called.has(m)) };
}
