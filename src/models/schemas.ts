import { z } from 'zod';
import { CLIENT_FIELDS } from '../audit/user-agent';

/**
 * The response models as the newest response format renders them (models.md). The OpenAPI
 * document is generated from these, and a test parses every render function's output with them
 * (strict: an extra or missing key fails), so a model and its schema cannot drift apart.
 */
const datetime = z.string().describe('ISO 8601 with milliseconds and `+00:00`, or `""` when unset');
const document = { $id: z.string(), $createdAt: datetime, $updatedAt: datetime };

const target = z
  .object({
    ...document,
    name: z.string(),
    userId: z.string(),
    providerId: z.string().nullable(),
    providerType: z.enum(['email', 'sms', 'push']),
    identifier: z.string(),
    expired: z.boolean(),
  })
  .strict();

const preferences = z.record(z.unknown()).describe('Preferences: any JSON object');

const userFields = {
  ...document,
  name: z.string(),
  password: z.string().nullable(),
  hash: z.string(),
  hashOptions: z.record(z.unknown()),
  registration: datetime,
  status: z.boolean(),
  labels: z.array(z.string()),
  passwordUpdate: datetime,
  email: z.string(),
  phone: z.string(),
  emailVerification: z.boolean(),
  emailCanonical: z.string().nullable().describe('1.9.5: the canonical address; null without an e-mail'),
  emailIsFree: z.boolean().nullable(),
  emailIsDisposable: z.boolean().nullable(),
  emailIsCorporate: z.boolean().nullable(),
  emailIsCanonical: z.boolean().nullable(),
  phoneVerification: z.boolean(),
  mfa: z.boolean(),
  prefs: preferences,
  targets: z.array(target),
  accessedAt: datetime,
  impersonator: z.boolean().describe('1.9.0: whether the user may impersonate other users'),
  impersonatorUserId: z.string().describe('1.9.0: the impersonating user while this request impersonates, else ""'),
};
const user = z.object(userFields).strict();
const { password: _p, hash: _h, hashOptions: _o, ...accountFields } = userFields;
const account = z.object(accountFields).strict();

const clientFields = Object.fromEntries(CLIENT_FIELDS.map((field) => [field, z.string()]));

const session = z
  .object({
    ...document,
    userId: z.string(),
    expire: datetime,
    provider: z.string(),
    providerUid: z.string(),
    providerAccessToken: z.string(),
    providerAccessTokenExpiry: z.string(),
    providerRefreshToken: z.string(),
    ip: z.string(),
    ...clientFields,
    countryCode: z.string(),
    countryName: z.string(),
    current: z.boolean(),
    factors: z.array(z.string()),
    secret: z.string(),
    mfaUpdatedAt: datetime,
  })
  .strict();

const token = z
  .object({ $id: z.string(), $createdAt: datetime, userId: z.string(), secret: z.string(), expire: datetime, phrase: z.string() })
  .strict();

const identity = z
  .object({
    ...document,
    userId: z.string(),
    provider: z.string(),
    providerUid: z.string(),
    providerEmail: z.string(),
    providerAccessToken: z.string(),
    providerAccessTokenExpiry: datetime,
    providerRefreshToken: z.string(),
  })
  .strict();

const log = z
  .object({
    event: z.string(),
    userId: z.string(),
    userEmail: z.string(),
    userName: z.string(),
    mode: z.string(),
    userType: z.string().describe('1.9.5: user, admin, guest, keyProject, … ("" for entries recorded before)'),
    ip: z.string(),
    time: datetime,
    ...clientFields,
    countryCode: z.string(),
    countryName: z.string(),
  })
  .strict();

const membership = z
  .object({
    ...document,
    userId: z.string(),
    userName: z.string(),
    userEmail: z.string(),
    userPhone: z.string(),
    teamId: z.string(),
    teamName: z.string(),
    invited: datetime,
    joined: datetime,
    confirm: z.boolean(),
    mfa: z.boolean(),
    userAccessedAt: datetime,
    roles: z.array(z.string()),
  })
  .strict();

const list = <K extends string, T extends z.ZodTypeAny>(key: K, item: T) =>
  z.object({ total: z.number().int(), [key]: z.array(item) } as { total: z.ZodNumber } & Record<K, z.ZodArray<T>>).strict();

/** A row of `POST /v1/users/import` as `GET /v1/users/export` writes it (one per NDJSON line). */
const importRow = z
  .object({
    userId: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    name: z.string(),
    emailVerification: z.boolean(),
    phoneVerification: z.boolean(),
    status: z.boolean(),
    labels: z.array(z.string()),
    prefs: preferences,
    hash: z
      .object({ algorithm: z.string(), value: z.string(), options: z.record(z.unknown()) })
      .strict()
      .nullable()
      .describe('The stored hash: `algorithm` and `options` are Appwrite\'s `hash` and `hashOptions`; null without a password'),
  })
  .strict();

const importResult = z
  .object({
    committed: z.boolean().describe('false for a dry run or a failed verification: nothing was written'),
    created: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    results: z.array(
      z
        .object({
          index: z.number().int(),
          userId: z.string(),
          status: z.enum(['created', 'unchanged', 'failed']),
          error: z.object({ type: z.string(), message: z.string() }).strict().optional(),
        })
        .strict(),
    ),
    verified: z.array(z.object({ userId: z.string(), ok: z.boolean() }).strict()),
  })
  .strict();

export const modelSchemas = {
  importRow,
  importResult,
  user,
  userList: list('users', user),
  account,
  preferences,
  target,
  targetList: list('targets', target),
  session,
  sessionList: list('sessions', session),
  token,
  jwt: z.object({ jwt: z.string() }).strict(),
  identity,
  identityList: list('identities', identity),
  log,
  logList: list('logs', log),
  membership,
  membershipList: list('memberships', membership),
  mfaFactors: z.object({ totp: z.boolean(), phone: z.boolean(), email: z.boolean(), recoveryCode: z.boolean() }).strict(),
  mfaRecoveryCodes: z.object({ recoveryCodes: z.array(z.string()) }).strict(),
  mfaType: z.object({ secret: z.string(), uri: z.string() }).strict(),
  mfaChallenge: z.object({ $id: z.string(), $createdAt: datetime, userId: z.string(), expire: datetime }).strict(),
};

export type ModelName = keyof typeof modelSchemas;
export type Model<N extends ModelName> = z.infer<(typeof modelSchemas)[N]>;
