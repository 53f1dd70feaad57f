import { z } from 'zod';
import { renderUser } from '../models/user';
import { SHA_VERSION_NAMES } from '../passwords/sha';
import { importUser } from '../services/users';
import { optional, required, type ParamSpec, type ParamValues } from '../validation/params';
import { customId, email, hashedPassword, integer, rule, text } from '../validation/rules';
import { operation } from './operation';

/** Case-insensitive, stored as sent; `""` means Appwrite's default (sha3-512). */
const shaVersion = rule(
  z.string().refine((v) => v === '' || SHA_VERSION_NAMES.includes(v.toLowerCase())),
  `Value must be one of (${SHA_VERSION_NAMES.join(', ')})`,
  { type: 'string', enum: ['', ...SHA_VERSION_NAMES] },
);

const base = { userId: required(customId), email: required(email), password: required(hashedPassword) };
const name = { name: optional(text(1, 128), null) };
const salt = text(1, 128);

type Hashing = { hash: string; hashOptions: Record<string, unknown> };
type ImportParams = ParamValues<typeof base> & { name: string | null };

/** `POST /v1/users/{algorithm}`: a user whose password was hashed elsewhere (users-api.md §2.3). */
function importOperation<S extends ParamSpec, const N extends string>(
  method: N,
  algorithm: string,
  spec: S,
  hashing: (p: ParamValues<S>) => Hashing,
) {
  return operation({
    id: `users.${method}`,
    rpc: method,
    method: 'post',
    path: `/v1/users/${algorithm}`,
    scope: 'users.write',
    summary: `Create user with ${algorithm} password`,
    params: spec,
    response: { status: 201, model: 'user' },
    errors: ['user_already_exists', 'password_too_expensive'],
    async run(ctx, p) {
      const { userId, email, password, name } = p as unknown as ImportParams;
      return renderUser(await importUser(ctx.service, { userId, email, password, name, ...hashing(p) }));
    },
  });
}

const plain = (hash: string) => () => ({ hash, hashOptions: { type: hash } });

export const userImportOperations = [
  importOperation('createArgon2User', 'argon2', { ...base, ...name }, plain('argon2')),
  importOperation('createBcryptUser', 'bcrypt', { ...base, ...name }, plain('bcrypt')),
  importOperation('createMD5User', 'md5', { ...base, ...name }, plain('md5')),
  importOperation('createPHPassUser', 'phpass', { ...base, ...name }, plain('phpass')),
  importOperation('createSHAUser', 'sha', { ...base, passwordVersion: optional(shaVersion, ''), ...name }, (p) => ({
    hash: 'sha',
    hashOptions: p.passwordVersion ? { version: p.passwordVersion, type: 'sha' } : { type: 'sha' },
  })),
  importOperation(
    'createScryptUser',
    'scrypt',
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
  ),
  importOperation(
    'createScryptModifiedUser',
    'scrypt-modified',
    { ...base, passwordSalt: required(salt), passwordSaltSeparator: required(salt), passwordSignerKey: required(salt), ...name },
    (p) => ({
      hash: 'scryptMod',
      hashOptions: { signerKey: p.passwordSignerKey, saltSeparator: p.passwordSaltSeparator, salt: p.passwordSalt, type: 'scryptMod' },
    }),
  ),
];
