// The workloads of the peers bench and how each target is asked for them. Reads run on all three
// targets; writes (they hash a password) on ours and better-auth only — the bare Worker has none.
// Our Worker is called as a server SDK would (root API key), except sign-in, which is a guest's call;
// better-auth's admin calls carry the admin session cookie (and Origin on POSTs), as its docs say.
import { userAt } from '../seed-users.mjs';
import { API_KEY, SESSION_USERS, seededId, sessionCredential } from './targets.mjs';

const PASSWORD = 'bench-password-123';
// Last names of bench/seed-users.mjs: each is part of ~1% of the e-mails (and names).
const FRAGMENTS = ['gonzalez', 'kowalski', 'nguyen', 'patel', 'robinson', 'mitchell', 'castillo', 'bennett'];
// Appwrite's login throttle allows 10 attempts per e-mail and IP per hour; stay under it.
const SIGN_INS_PER_USER = 9;

const key = { 'x-appwrite-project': 'default', 'x-appwrite-key': API_KEY };
const limit25 = encodeURIComponent(JSON.stringify({ method: 'limit', values: [25] }));

/** Cycles through `count` values of `at(i)`, in a fixed order that jumps around the table. */
function cycle(count, at) {
  let i = 0;
  return () => at((i++ * 7919) % count);
}

/** Per target: users created by the create workload, whom sign-in then logs in, in turn. */
const created = new Map();
const turn = new Map();

function signInPool(target) {
  const pool = created.get(target) ?? [];
  return () => {
    const next = turn.get(target) ?? 0;
    const user = pool[next % pool.length];
    if (!user || user.signIns >= SIGN_INS_PER_USER) throw new Error(`${target}: too few created users to sign in (${pool.length})`);
    turn.set(target, next + 1);
    user.signIns++;
    return user.email;
  };
}

export function workloads(users) {
  const anyUser = (f) => cycle(users, (i) => f(seededId(i, users)));
  const sessionUser = (f) => cycle(SESSION_USERS, (i) => f(seededId(i, users)));
  // Seeded users with a known session secret who are not blocked (bench/seed-users.mjs blocks some).
  const active = Array.from({ length: SESSION_USERS }, (_, i) => i).filter((i) => userAt(i, users).status);
  const activeSession = (f) => cycle(active.length, (k) => f(sessionCredential(active[k], users)));
  const fragment = (f) => cycle(FRAGMENTS.length, (i) => f(FRAGMENTS[i]));
  let serial = 0;
  const newUser = (target) => {
    const n = serial++;
    const user = { email: `new${n}.${target}@bench.test`, signIns: 0 };
    if (!created.has(target)) created.set(target, []);
    created.get(target).push(user);
    return { email: user.email, password: PASSWORD, name: `New User ${n}` };
  };
  const ba = (t) => ({ cookie: t.cookie });
  const baPost = (t) => ({ cookie: t.cookie, origin: t.origin });

  return [
    {
      name: 'get user by id',
      read: true,
      ours: () => ({ expect: 200, next: anyUser((id) => ({ path: `/v1/users/${id}`, headers: key })) }),
      bare: () => ({ expect: 200, next: anyUser((id) => ({ path: `/v1/users/${id}` })) }),
      'better-auth': (t) => ({ expect: 200, next: anyUser((id) => ({ path: `/api/auth/admin/get-user?id=${id}`, headers: ba(t) })) }),
    },
    {
      name: 'list page of 25',
      read: true,
      ours: () => ({ expect: 200, next: () => ({ path: `/v1/users?queries[]=${limit25}`, headers: key }) }),
      bare: () => ({ expect: 200, next: () => ({ path: '/v1/users' }) }),
      'better-auth': (t) => ({ expect: 200, next: () => ({ path: '/api/auth/admin/list-users?limit=25&offset=0', headers: ba(t) }) }),
    },
    {
      name: 'search e-mail fragment',
      read: true,
      ours: () => ({ expect: 200, next: fragment((f) => ({ path: `/v1/users?search=${f}`, headers: key })) }),
      bare: () => ({ expect: 200, next: fragment((f) => ({ path: `/v1/users?search=${f}` })) }),
      'better-auth': (t) => ({
        expect: 200,
        next: fragment((f) => ({
          path: `/api/auth/admin/list-users?limit=25&offset=0&searchValue=${f}&searchField=email&searchOperator=contains`,
          headers: ba(t),
        })),
      }),
    },
    {
      name: "list a user's sessions",
      read: true,
      ours: () => ({ expect: 200, next: sessionUser((id) => ({ path: `/v1/users/${id}/sessions`, headers: key })) }),
      bare: () => ({ expect: 200, next: sessionUser((id) => ({ path: `/v1/users/${id}/sessions` })) }),
      'better-auth': (t) => ({
        expect: 200,
        next: sessionUser((userId) => ({ method: 'POST', path: '/api/auth/admin/list-user-sessions', headers: baPost(t), body: { userId } })),
      }),
    },
    {
      name: "list a user's targets",
      read: true,
      ours: () => ({ expect: 200, next: sessionUser((id) => ({ path: `/v1/users/${id}/targets`, headers: key })) }),
      bare: () => ({ expect: 200, next: sessionUser((id) => ({ path: `/v1/users/${id}/targets` })) }),
    },
    {
      name: "list a user's logs",
      read: true,
      ours: () => ({ expect: 200, next: sessionUser((id) => ({ path: `/v1/users/${id}/logs`, headers: key })) }),
      bare: () => ({ expect: 200, next: sessionUser((id) => ({ path: `/v1/users/${id}/logs` })) }),
    },
    {
      // A signed-in client reading its account; better-auth's equivalent is get-session (the admin's).
      name: 'GET account (session)',
      read: true,
      ours: () => ({ expect: 200, next: activeSession((credential) => ({ path: '/v1/account', headers: { 'x-appwrite-project': 'default', 'x-appwrite-session': credential } })) }),
      bare: () => ({ expect: 200, next: activeSession((credential) => ({ path: '/v1/account', headers: { 'x-appwrite-session': credential } })) }),
      'better-auth': (t) => ({ expect: 200, next: () => ({ path: '/api/auth/get-session', headers: ba(t) }) }),
    },
    {
      name: 'create with password',
      read: false,
      ours: () => ({
        expect: 201,
        next: () => ({ method: 'POST', path: '/v1/users', headers: key, body: { userId: 'unique()', ...newUser('ours') } }),
      }),
      'better-auth': (t) => ({
        expect: 200,
        next: () => ({ method: 'POST', path: '/api/auth/admin/create-user', headers: baPost(t), body: newUser('better-auth') }),
      }),
    },
    {
      name: 'sign-in (new session)',
      read: false,
      ours: () => {
        const email = signInPool('ours');
        return {
          expect: 201,
          next: () => ({ method: 'POST', path: '/v1/account/sessions/email', headers: { 'x-appwrite-project': 'default' }, body: { email: email(), password: PASSWORD } }),
        };
      },
      'better-auth': () => {
        const email = signInPool('better-auth');
        return { expect: 200, next: () => ({ method: 'POST', path: '/api/auth/sign-in/email', body: { email: email(), password: PASSWORD } }) };
      },
    },
  ];
}
