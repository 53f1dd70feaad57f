// Supabase `auth.users` as CSV: `\copy (select * from auth.users) to 'users.csv' with csv header`,
// or the dashboard's table export. GoTrue stores bcrypt in `encrypted_password`.
import { readFileSync } from 'node:fs';

/** RFC 4180 / Postgres CSV: quoted fields may hold commas, doubled quotes and newlines. Empty unquoted = NULL. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') (quoted = true), (wasQuoted = true);
    else if (c === ',' || c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field === '' && !wasQuoted ? null : field);
      field = '';
      wasQuoted = false;
      if (c !== ',') rows.push(row), (row = []);
    } else field += c;
  }
  if (field !== '' || wasQuoted || row.length) row.push(field === '' && !wasQuoted ? null : field), rows.push(row);
  return rows.filter((r) => r.length > 1 || r[0] !== null);
}

const json = (text) => {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
};

export function* read(file) {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  for (const values of rows) {
    const u = Object.fromEntries(header.map((name, i) => [name, values[i] ?? null]));
    if (u.deleted_at) continue;
    const meta = json(u.raw_user_meta_data);
    const banned = u.banned_until && Date.parse(u.banned_until.replace(' ', 'T').replace(/\+00$/, 'Z')) > Date.now();
    yield {
      userId: u.id,
      email: u.email || null,
      // GoTrue keeps E.164 numbers without their '+'.
      phone: u.phone ? `+${u.phone.replace(/^\+/, '')}` : null,
      name: meta.full_name ?? meta.name ?? '',
      emailVerification: !!u.email_confirmed_at,
      phoneVerification: !!u.phone_confirmed_at,
      status: !banned,
      prefs: meta,
      hash: u.encrypted_password ? { value: u.encrypted_password } : null,
    };
  }
}
