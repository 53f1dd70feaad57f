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

export default app;
