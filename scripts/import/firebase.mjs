// Firebase `firebase auth:export users.json --format=json` + the project's password hash
// parameters (console → Authentication → Users → ⋮ → Password hash parameters), saved as the
// `hash_config { … }` text Firebase shows or as JSON with the same keys.
import { readFileSync } from 'node:fs';

/** Appwrite's scryptMod (and so ours) hard-codes Firebase's rounds 8 and mem_cost 14. */
const FIREBASE_ROUNDS = 8;
const FIREBASE_MEM_COST = 14;

export function parseHashConfig(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return JSON.parse(trimmed);
  const config = {};
  for (const [, key, value] of trimmed.matchAll(/(\w+)\s*:\s*([^,\n}]+)/g)) config[key] = /^\d+$/.test(value.trim()) ? Number(value) : value.trim();
  return config;
}

export function* read(file, { hashConfig }) {
  const { users } = JSON.parse(readFileSync(file, 'utf8'));
  const config = hashConfig ? parseHashConfig(readFileSync(hashConfig, 'utf8')) : null;
  const anyPassword = users.some((u) => u.passwordHash);
  if (anyPassword && !config) throw new Error('--hash-config is required: these users have password hashes.');
  if (config && String(config.algorithm).toUpperCase() !== 'SCRYPT') throw new Error(`Firebase hash algorithm ${config.algorithm} is not supported (SCRYPT only).`);
  if (config && (config.rounds !== FIREBASE_ROUNDS || config.mem_cost !== FIREBASE_MEM_COST)) {
    throw new Error(`Firebase scrypt with rounds ${config.rounds}, mem_cost ${config.mem_cost} is not supported (only ${FIREBASE_ROUNDS}, ${FIREBASE_MEM_COST}).`);
  }
  for (const u of users) {
    let prefs = {};
    try {
      prefs = u.customAttributes ? JSON.parse(u.customAttributes) : {};
    } catch {
      prefs = { customAttributes: u.customAttributes };
    }
    yield {
      userId: u.localId,
      email: u.email ?? null,
      phone: u.phoneNumber ?? null,
      name: u.displayName ?? '',
      emailVerification: u.emailVerified === true,
      status: u.disabled !== true,
      prefs,
      hash: u.passwordHash
        ? {
            algorithm: 'scryptMod',
            value: u.passwordHash,
            options: { salt: u.salt ?? '', saltSeparator: config.base64_salt_separator, signerKey: config.base64_signer_key },
          }
        : null,
    };
  }
}
