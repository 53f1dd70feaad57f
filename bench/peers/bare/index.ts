// The floor for per-request overhead in `npm run bench -- peers`: Hono + D1 with nothing else — no
// auth, no validation, no response model; raw rows out as JSON. Each route runs the fewest D1
// statements that answer it (a page and its capped total are one batch, as ours are).
import { Hono } from 'hono';

type Bindings = { DB: D1Database };

const PAGE = 25;
// Appwrite counts `total` up to 5000 (APP_LIMIT_COUNT); ours does too.
const TOTAL_CAP = 5000;

const app = new Hono<{ Bindings: Bindings }>();

app.get('/v1/users/:id', async (c) => {
  const user = await c.env.DB.prepare('SELECT * FROM users WHERE id = ?').bind(c.req.param('id')).first();
  return user ? c.json(user) : c.json({ message: 'not found' }, 404);
});

app.get('/v1/users', async (c) => {
  const db = c.env.DB;
  const search = c.req.query('search');
  // The same trigram FTS5 index our search reads (drizzle/0003_search_index.sql), phrase-quoted.
  const where = search ? 'WHERE seq IN (SELECT rowid FROM users_search_grams WHERE users_search_grams MATCH ?1)' : '';
  const bind = search ? [`"${search.replaceAll('"', '""')}"`] : [];
  const [page, total] = await db.batch<Record<string, unknown>>([
    db.prepare(`SELECT * FROM users ${where} ORDER BY seq LIMIT ${PAGE}`).bind(...bind),
    db.prepare(`SELECT count(*) AS total FROM (SELECT 1 FROM users ${where} LIMIT ${TOTAL_CAP})`).bind(...bind),
  ]);
  return c.json({ total: total.results[0].total, users: page.results });
});

app.get('/v1/users/:id/sessions', async (c) => {
  // One statement: a user without sessions is one row of NULLs, an unknown user no row.
  const { results } = await c.env.DB.prepare(
    'SELECT s.* FROM users u LEFT JOIN sessions s ON s.user_seq = u.seq WHERE u.id = ? ORDER BY s.seq',
  )
    .bind(c.req.param('id'))
    .all<Record<string, unknown>>();
  if (results.length === 0) return c.json({ message: 'not found' }, 404);
  const sessions = results.filter((s) => s.id !== null);
  return c.json({ total: sessions.length, sessions });
});

/** A page of a user's rows and their capped total, one batch (as ours: page + count). */
async function pageOfUser(db: D1Database, table: 'targets' | 'logs', id: string, order: string) {
  const owner = '(SELECT seq FROM users WHERE id = ?1)';
  const [page, total] = await db.batch<Record<string, unknown>>([
    db.prepare(`SELECT * FROM ${table} WHERE user_seq = ${owner} ORDER BY ${order} LIMIT ${PAGE}`).bind(id),
    db.prepare(`SELECT count(*) AS total FROM (SELECT 1 FROM ${table} WHERE user_seq = ${owner} LIMIT ${TOTAL_CAP})`).bind(id),
  ]);
  return { total: total.results[0].total, rows: page.results };
}

app.get('/v1/users/:id/targets', async (c) => {
  const { total, rows } = await pageOfUser(c.env.DB, 'targets', c.req.param('id'), 'seq');
  return c.json({ total, targets: rows });
});

app.get('/v1/users/:id/logs', async (c) => {
  const { total, rows } = await pageOfUser(c.env.DB, 'logs', c.req.param('id'), 'seq DESC');
  return c.json({ total, logs: rows });
});

// The statement ours runs to check a session (the user, the session matching the secret, a verified
// TOTP), one round trip; the credential is taken on trust (its secret is compared undigested) and
// nothing else is checked.
app.get('/v1/account', async (c) => {
  const { id, secret } = JSON.parse(atob(c.req.header('x-appwrite-session') ?? '')) as { id: string; secret: string };
  const user = await c.env.DB.prepare(
    `SELECT u.*,
      (SELECT id FROM sessions WHERE user_seq = u.seq AND secret_hash = ?2 AND expire >= ?3 ORDER BY seq LIMIT 1) AS session,
      EXISTS (SELECT 1 FROM authenticators WHERE user_seq = u.seq AND type = 'totp' AND verified = 1) AS totp
    FROM users u WHERE u.id = ?1`,
  )
    .bind(id, secret, new Date().toISOString())
    .first();
  return user ? c.json(user) : c.json({ message: 'not found' }, 401);
});

export default app;
