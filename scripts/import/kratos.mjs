// Ory Kratos identities: `kratos list identities --format json`, or the admin API's
// GET /admin/identities?include_credential=password (a JSON array, or NDJSON of identities).
import { readFileSync } from 'node:fs';

/**
 * Kratos writes PBKDF2 as `$pbkdf2-<digest>$i=<iterations>,l=<length>$<salt>$<key>` (unpadded
 * standard base64), which is not passlib's layout: it becomes a raw pbkdf2 hash with options.
 * Every other format (argon2, bcrypt, `{SSHA}`, …) names itself and goes as it is.
 */
export function kratosHash(value) {
  const m = /^\$pbkdf2-(sha1|sha256|sha512)\$i=(\d+),l=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(value);
  if (!m) return { value };
  return { algorithm: 'pbkdf2', value: m[5], options: { digest: m[1], iterations: Number(m[2]), length: Number(m[3]), salt: m[4], saltEncoding: 'base64' } };
}

const nameOf = (name) => (typeof name === 'string' ? name : name ? [name.first, name.last].filter(Boolean).join(' ') : '');

export function* read(file) {
  const text = readFileSync(file, 'utf8').trim();
  const identities = text.startsWith('[') ? JSON.parse(text) : text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  for (const x of identities) {
    const traits = x.traits ?? {};
    const addresses = x.verifiable_addresses ?? [];
    const verified = (value) => addresses.some((a) => a.value?.toLowerCase() === String(value ?? '').toLowerCase() && a.verified);
    const hashed = x.credentials?.password?.config?.hashed_password;
    yield {
      userId: x.id,
      email: traits.email ?? null,
      phone: traits.phone ?? null,
      name: nameOf(traits.name),
      emailVerification: traits.email ? verified(traits.email) : false,
      phoneVerification: traits.phone ? verified(traits.phone) : false,
      status: (x.state ?? 'active') === 'active',
      prefs: x.metadata_public ?? {},
      hash: hashed ? kratosHash(hashed) : null,
    };
  }
}
