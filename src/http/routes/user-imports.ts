import { Hono } from 'hono';
import { renderUser } from '../../models/user';
import { importUser } from '../../services/users';
import { z } from 'zod';
import { customId, email, hashedPassword, integer, rule, text } from '../../validation/rules';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { input, json, serviceContext } from '../respond';
import { optional, required, validateParams, type ParamSpec, type ParamValues } from '../validate-params';

/** `POST /v1/users/{algorithm}`: users with passwords hashed elsewhere (users-api.md §2.3). */
export const userImportsRoutes = new Hono<AppEnv>();

const SHA_VERSIONS = ['sha1', 'sha224', 'sha256', 'sha384', 'sha512/224', 'sha512/256', 'sha512', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512'] as const;

/** Case-insensitive, stored as sent; `""` means Appwrite's default (sha3-512). */
const shaVersion = rule(
  z.string().refine((v) => v === '' || SHA_VERSIONS.includes(v.toLowerCase() as (typeof SHA_VERSIONS)[number])),
  `Value must be one of (${SHA_VERSIONS.join(', ')})`,
);

const base = { userId: required(customId), email: required(email), password: required(hashedPassword) };
const name = { name: optional(text(1, 128)) };
const salt = text(1, 128);

/** One import route: its params (in Appwrite's order) and how they become `hash` + `hashOptions`. */
function importRoute<S extends ParamSpec>(
  path: string,
  spec: S,
  hashing: (p: ParamValues<S>) => { hash: string; hashOptions: Record<string, unknown> },
) {
  userImportsRoutes.post(path, requireScope('users.write'), async (c) => {
    const p = validateParams(input(c), spec) as ParamValues<S> & { userId: string; email: string; password: string; name?: string | null };
    const user = await importUser(serviceContext(c), { userId: p.userId, email: p.email, password: p.password, name: p.name ?? null, ...hashing(p) });
    return json(renderUser(user, c.var.format), 201);
  });
}

for (const [path, hash] of [['/argon2', 'argon2'], ['/bcrypt', 'bcrypt'], ['/md5', 'md5'], ['/phpass', 'phpass']] as const) {
  importRoute(path, { ...base, ...name }, () => ({ hash, hashOptions: { type: hash } }));
}

importRoute('/sha', { ...base, passwordVersion: optional(shaVersion, ''), ...name }, (p) => ({
  hash: 'sha',
  hashOptions: p.passwordVersion ? { version: p.passwordVersion, type: 'sha' } : { type: 'sha' },
}));

importRoute(
  '/scrypt',
  {
    ...base,
    passwordSalt: required(salt),
    passwordCpu: required(integer),
    passwordMemory: required(integer),
    passwordParallel: required(integer),
    passwordLength: required(integer),
    ...name,
  },
  (p) => ({
    hash: 'scrypt',
    hashOptions: {
      salt: p.passwordSalt,
      costCpu: p.passwordCpu,
      costMemory: p.passwordMemory,
      costParallel: p.passwordParallel,
      length: p.passwordLength,
      type: 'scrypt',
    },
  }),
);

importRoute(
  '/scrypt-modified',
  { ...base, passwordSalt: required(salt), passwordSaltSeparator: required(salt), passwordSignerKey: required(salt), ...name },
  (p) => ({
    hash: 'scryptMod',
    hashOptions: { signerKey: p.passwordSignerKey, saltSeparator: p.passwordSaltSeparator, salt: p.passwordSalt, type: 'scryptMod' },
  }),
);
