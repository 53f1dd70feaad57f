// Auth0 user export NDJSON (a bulk export job), merged with the password-hash export Auth0 support
// sends on request: each line carries `passwordHash` (bcrypt). Lines of Auth0's own bulk-import
// format (`custom_password_hash`) are read too.
import { readFileSync } from 'node:fs';

/** `auth0|5f7c…` → `5f7c…`: the provider prefix holds a `|`, which ids may not. */
const idOf = (u) => String(u.user_id ?? u._id?.$oid ?? u._id ?? '').replace(/^[^|]*\|/, '');

export function* read(file) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const u = JSON.parse(line);
    const hash = u.passwordHash ?? u.password_hash ?? u.custom_password_hash?.hash?.value ?? null;
    yield {
      userId: idOf(u) || 'unique()',
      email: u.email ?? null,
      phone: u.phone_number ?? null,
      name: u.name ?? [u.given_name, u.family_name].filter(Boolean).join(' '),
      emailVerification: u.email_verified === true,
      phoneVerification: u.phone_verified === true,
      status: u.blocked !== true,
      prefs: u.user_metadata ?? {},
      hash: hash ? { value: hash } : null,
    };
  }
}
