// Deterministic users for the benchmarks (bench/queries, bench/peers), written into D1 as multi-row
// INSERTs (literals, not bound parameters: D1 allows 100 parameters per statement). The triggers of
// the search migration fill the FTS and label tables on the way, as they do for every real write.

const FIRST = ('Olivia Liam Emma Noah Ava Oliver Sophia Elijah Isabella James Mia William Charlotte Benjamin Amelia Lucas ' +
  'Harper Henry Evelyn Alexander Abigail Mason Emily Michael Ella Ethan Elizabeth Daniel Camila Jacob Luna Logan Sofia ' +
  'Jackson Avery Levi Mila Sebastian Aria Mateo Scarlett Jack Penelope Owen Layla Theodore Chloe Aiden Victoria Samuel').split(' ');
const LAST = ('Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson ' +
  'Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker ' +
  'Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter ' +
  'Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers ' +
  'Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez ' +
  'Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Kowalski').split(' ');
const DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'proton.me', 'example.org', ...Array.from({ length: 45 }, (_, k) => `company${k}.io`)];

const START = Date.parse('2023-01-01T00:00:00.000Z');
const SPAN = 2 * 365 * 24 * 3600 * 1000;
const ROWS_PER_STATEMENT = 200;
const STATEMENTS_PER_BATCH = 10;

/** User number `i` of `n`: every attribute derives from `i`, so every size holds the same kinds of rows. */
export function userAt(i, n) {
  const first = FIRST[hash(i, 0x9e3779b1) % FIRST.length];
  const last = LAST[hash(i, 0x85ebca77) % LAST.length];
  const registration = new Date(START + Math.floor((i * SPAN) / n));
  return {
    id: `b${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}${i.toString(36)}`,
    name: `${first} ${last}`,
    email: `${first}.${last}${i}@${DOMAINS[i % DOMAINS.length]}`.toLowerCase(),
    // (i · 7654321 + 12345) mod 10^8 is a bijection, so phones are unique; reversed, its leading
    // digits are uniform (n / 10^k users share a k-digit prefix).
    phone: `+4477${[...String((i * 7654321 + 12345) % 100_000_000).padStart(8, '0')].reverse().join('')}`,
    labels: i % 10 === 0 ? ['vip'] : i % 20 === 1 ? ['beta'] : [],
    status: i % 20 !== 7,
    emailVerification: i % 2 === 0,
    phoneVerification: i % 100 === 3,
    registration: registration.toISOString(),
    updatedAt: new Date(registration.getTime() + (i % 1000) * 1000).toISOString(),
    passwordUpdate: i % 10 < 3 ? null : registration.toISOString(),
  };
}

/** A well-mixed 32-bit hash of `i`: names are spread the same way at every size. */
function hash(i, seed) {
  let h = Math.imul(i ^ seed, 0x5bd1e995);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2d);
  return (h ^ (h >>> 13)) >>> 0;
}

const text = (v) => (v === null ? 'null' : `'${String(v).replaceAll("'", "''")}'`);

function insertStatement(from, to, n) {
  const rows = [];
  for (let i = from; i < to; i++) {
    const u = userAt(i, n);
    rows.push(
      `(${text(u.id)}, ${text(u.registration)}, ${text(u.updatedAt)}, ${text(u.name)}, ${text(u.email)}, ${text(u.phone)}, ` +
        `${u.status ? 1 : 0}, ${text(JSON.stringify(u.labels))}, '{}', ${text(u.passwordUpdate)}, ${text(u.registration)}, ` +
        `${u.emailVerification ? 1 : 0}, ${u.phoneVerification ? 1 : 0})`,
    );
  }
  return `insert into users (id, created_at, updated_at, name, email, phone, status, labels, hash_options, password_update, registration, email_verification, phone_verification) values ${rows.join(', ')}`;
}

/** Inserts users 0…n-1, drawing a progress bar on stderr. Returns the seconds it took. */
export async function seedUsers(db, n) {
  const started = performance.now();
  const statements = [];
  for (let from = 0; from < n; from += ROWS_PER_STATEMENT) statements.push([from, Math.min(n, from + ROWS_PER_STATEMENT)]);
  for (let s = 0; s < statements.length; s += STATEMENTS_PER_BATCH) {
    const chunk = statements.slice(s, s + STATEMENTS_PER_BATCH);
    await db.batch(chunk.map(([from, to]) => db.prepare(insertStatement(from, to, n))));
    progress(`seeding ${n.toLocaleString('en')} users`, chunk[chunk.length - 1][1], n, started);
  }
  process.stderr.write('\n');
  return (performance.now() - started) / 1000;
}

/** Redraws one progress line on stderr: `label [####....] done/total 1.2s`. */
export function progress(label, done, total, started) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${seconds}s`);
}
