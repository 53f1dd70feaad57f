import { z } from 'zod';
import { isValidEmail } from './email';
import { ID, isCustomId, isUid } from './ids';
import { isValidPhone, PHONE_SHAPE } from './phone';

/** The part of a rule JSON Schema can say (OpenAPI 3.1 uses JSON Schema 2020-12). */
export type JsonSchema = Record<string, unknown>;

/**
 * A parameter validator: a Zod schema, the description Appwrite prints when it fails, and the
 * constraints JSON Schema can express (Zod refinements are opaque, so each rule states them here).
 */
export interface Rule<T> {
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  description: string;
  json: JsonSchema;
}

export const rule = <T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, description: string, json: JsonSchema): Rule<T> => ({
  schema,
  description,
  json,
});

const codePoints = (value: string) => [...value].length;
const utf8Bytes = (value: string) => new TextEncoder().encode(value).length;

/** Appwrite's `Text` validator: length in Unicode code points. */
export const text = (min: number, max: number) =>
  rule(
    z.string().refine((s) => codePoints(s) >= min && codePoints(s) <= max),
    min > 0
      ? `Value must be a valid string and at least ${min} chars and no longer than ${max} chars`
      : `Value must be a valid string and no longer than ${max} chars`,
    { type: 'string', ...(min > 0 ? { minLength: min } : {}), maxLength: max },
  );

export const uid = rule(
  z.string().refine(isUid),
  "UID must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore",
  { type: 'string', pattern: ID.source },
);

export const customId = rule(
  z.string().refine(isCustomId),
  "Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char",
  { anyOf: [{ const: 'unique()' }, { type: 'string', pattern: ID.source }] },
);

export const email = rule(z.string().refine(isValidEmail), 'Value must be a valid email address', { type: 'string', format: 'email' });

/** PATCH email accepts `""` to clear the address. */
export const emailOrEmpty = rule(z.string().refine((s) => s === '' || isValidEmail(s)), email.description, {
  anyOf: [email.json, { const: '' }],
});

const phoneDescription = "Phone number must start with a '+' can have a maximum of fifteen digits.";
const phoneJson = { type: 'string', pattern: PHONE_SHAPE.source };
export const phone = rule(z.string().refine(isValidPhone), phoneDescription, phoneJson);
export const phoneOrEmpty = rule(z.string().refine((s) => s === '' || isValidPhone(s)), phoneDescription, {
  anyOf: [phoneJson, { const: '' }],
});

/** New plaintext passwords (`POST /users`, `PATCH …/password`): 8–256 UTF-8 bytes. The "265" is Appwrite's typo. */
export const plainPassword = rule(
  z.string().refine((s) => utf8Bytes(s) >= 8 && utf8Bytes(s) <= 256),
  'Password must be between 8 and 265 characters long, and should not be one of the commonly used password.',
  { type: 'string', minLength: 8, maxLength: 256, description: 'length in UTF-8 bytes' },
);

export const plainPasswordOrEmpty = rule(
  z.string().refine((s) => s === '' || (utf8Bytes(s) >= 8 && utf8Bytes(s) <= 256)),
  plainPassword.description,
  { anyOf: [plainPassword.json, { const: '' }] },
);

/** Already-hashed passwords on the import routes. */
export const hashedPassword = rule(
  z.string().refine((s) => utf8Bytes(s) >= 8 && utf8Bytes(s) <= 256),
  'Password must be between 8 and 256 characters long.',
  { type: 'string', minLength: 8, maxLength: 256, description: 'length in UTF-8 bytes' },
);

export const strictBoolean = rule(z.boolean(), 'Value must be a valid boolean', { type: 'boolean' });

/** `status` accepts JSON booleans, 1/0 and their string forms ("false" means false — Appwrite says true). */
export const lenientBoolean = rule(
  z
    .union([z.boolean(), z.literal(1), z.literal(0), z.enum(['true', 'false', '1', '0'])])
    .transform((v) => v === true || v === 1 || v === 'true' || v === '1'),
  'Value must be a valid boolean',
  { anyOf: [{ type: 'boolean' }, { enum: [1, 0, 'true', 'false', '1', '0'] }] },
);

export const integer = rule(z.number().int(), 'Value must be a valid integer', { type: 'integer' });

const alphanumerics = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'].join(', ');
export const labels = rule(
  z.array(z.string().regex(/^[A-Za-z0-9]{1,36}$/)).max(1000),
  `Value must a valid array no longer than 1000 items and Value must be a valid string and at least 1 chars and no longer than 36 chars and only consist of '${alphanumerics}' chars`,
  { type: 'array', maxItems: 1000, items: { type: 'string', pattern: '^[A-Za-z0-9]{1,36}$' } },
);

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, caseInsensitive = false) =>
  rule(
    z.string().refine((s) => values.some((v) => (caseInsensitive ? v.toLowerCase() === s.toLowerCase() : v === s))),
    `Value must be one of (${values.join(', ')})`,
    { type: 'string', enum: values },
  );

/** Length of PHP's default `json_encode` output: non-ASCII as `\uXXXX`, `/` as `\/`. */
const phpJsonBytes = (value: unknown) => {
  let bytes = 0;
  for (const char of JSON.stringify(value)) {
    const code = char.codePointAt(0)!;
    bytes += char === '/' ? 2 : code < 0x80 ? 1 : code > 0xffff ? 12 : 6;
  }
  return bytes;
};

/** An object PHP would see as a list: keys exactly "0", "1", … in order. */
const looksLikeList = (value: object) => {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key, i) => key === String(i));
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `prefs`: a JSON object (`[]` counts as `{}`) whose PHP encoding fits Appwrite's 64 kB column. The
 * object is kept as parsed: `z.record` copies it by assignment, which silently drops a `"__proto__"`
 * key (it sets the copy's prototype instead), and Appwrite stores that key like any other.
 */
export const prefs = rule(
  z
    .union([z.array(z.unknown()).max(0).transform((): Record<string, unknown> => ({})), z.custom<Record<string, unknown>>(isPlainObject)])
    .refine((v) => !looksLikeList(v) && phpJsonBytes(v) <= 65535),
  'Value must be a valid object.',
  { type: 'object', description: 'at most 65535 bytes as PHP encodes it' },
);

export const providerType = oneOf(['email', 'sms', 'push'], true);
