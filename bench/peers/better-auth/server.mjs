// better-auth with its admin plugin on Node + SQLite, as a production deployment would run it (WAL,
// synchronous=NORMAL), with its rate limiter and telemetry off for a load test. Started by
// bench/peers/targets.mjs as a child process:
//   node server.mjs <database file>
// Prints one JSON line when it listens: { port, cookie } (an admin session cookie).
// Besides better-auth's routes it serves POST /__bench/seed, which writes seeded users and sessions
// straight into SQLite (the bench seeds every target the same way: bulk rows, no API calls).
import { createServer } from 'node:http';
import Database from 'better-sqlite3';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { toNodeHandler } from 'better-auth/node';
import { admin } from 'better-auth/plugins/admin';
import { userAt } from '../../seed-users.mjs';

const [file] = process.argv.slice(2);
const ADMIN = { email: 'admin@bench.local', password: 'bench-admin-password', name: 'Bench Admin' };

const sqlite = new Database(file);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const auth = betterAuth({
  database: sqlite,
  baseURL: origin,
  secret: 'bench-better-auth-secret-0123456789abcdef',
  emailAndPassword: { enabled: true },
  plugins: [admin()],
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
});
await (await getMigrations(auth.options)).runMigrations();

// The admin already exists when the server restarts on the same file (cold-start measurement).
const existing = sqlite.prepare('SELECT id FROM user WHERE email = ?').get(ADMIN.email);
if (!existing) await auth.api.createUser({ body: { ...ADMIN, role: 'admin' } });
const signedIn = await auth.api.signInEmail({ body: { email: ADMIN.email, password: ADMIN.password }, returnHeaders: true });
const cookie = signedIn.headers.get('set-cookie').split(';')[0];

// Rows as better-auth's Kysely adapter writes them on SQLite: dates as ISO text, booleans as 0/1.
const insertUser = sqlite.prepare(
  'INSERT INTO user (id, name, email, emailVerified, image, createdAt, updatedAt, role, banned) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 0)',
);
const insertSession = sqlite.prepare(
  'INSERT INTO session (id, expiresAt, token, createdAt, updatedAt, ipAddress, userAgent, userId) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
);

/** Users from..to-1 of n (bench/seed-users.mjs), and `sessions` sessions for each of the first `sessionUsers`. */
function seed({ from, to, n, sessionUsers = 0, sessions = 0 }) {
  sqlite.transaction(() => {
    for (let i = from; i < to; i++) {
      const u = userAt(i, n);
      insertUser.run(u.id, u.name, u.email, u.emailVerification ? 1 : 0, u.registration, u.updatedAt, 'user');
      if (i >= sessionUsers) continue;
      for (let k = 0; k < sessions; k++) {
        const at = u.updatedAt;
        insertSession.run(`s${k}${u.id}`, '2099-01-01T00:00:00.000Z', `t${k}${u.id}`, at, at, '127.0.0.1', 'bench', u.id);
      }
    }
  })();
}

const handler = toNodeHandler(auth);
server.on('request', (req, res) => {
  if (req.url !== '/__bench/seed') return handler(req, res);
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    try {
      seed(JSON.parse(body));
      res.writeHead(204).end();
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});
process.stdout.write(`${JSON.stringify({ port: server.address().port, cookie })}\n`);
