import { sql } from 'drizzle-orm';
import { customType, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Appwrite compares ids, emails, phones and target identifiers case-insensitively (MariaDB
 * collation); a NOCASE column makes every comparison and index on it do the same.
 */
const nocase = customType<{ data: string; driverData: string }>({
  dataType: () => 'text COLLATE NOCASE',
});

/** JSON stored as TEXT. */
const json = <T>() =>
  customType<{ data: T; driverData: string }>({
    dataType: () => 'text',
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => JSON.parse(value) as T,
  });

/** Dates are stored as ISO-8601 UTC strings with milliseconds (`2024-09-12T08:15:30.123Z`). */
const datetime = (name: string) => text(name);

const bool = (name: string) => integer(name, { mode: 'boolean' });

const documentColumns = {
  /** `$internalId`: Appwrite's insertion sequence, used for "creation order". */
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  id: nocase('id').notNull(),
  createdAt: datetime('created_at').notNull(),
  updatedAt: datetime('updated_at').notNull(),
};

export const users = sqliteTable(
  'users',
  {
    ...documentColumns,
    name: text('name').notNull().default(''),
    email: nocase('email'),
    phone: text('phone'),
    status: bool('status').notNull().default(true),
    labels: json<string[]>()('labels').notNull().default(sql`'[]'`),
    password: text('password'),
    passwordHistory: json<string[]>()('password_history').notNull().default(sql`'[]'`),
    hash: text('hash').notNull().default('argon2'),
    hashOptions: json<Record<string, unknown>>()('hash_options').notNull(),
    passwordUpdate: datetime('password_update'),
    prefs: json<Record<string, unknown>>()('prefs').notNull().default(sql`'{}'`),
    registration: datetime('registration').notNull(),
    emailVerification: bool('email_verification').notNull().default(false),
    phoneVerification: bool('phone_verification').notNull().default(false),
    reset: bool('reset').notNull().default(false),
    mfa: bool('mfa').notNull().default(false),
    /** AES-GCM ciphertext (JSON array of codes) or null when none were generated. */
    mfaRecoveryCodes: text('mfa_recovery_codes'),
    accessedAt: datetime('accessed_at'),
    /** Appwrite 1.9.0: may impersonate other users on session/JWT requests. */
    impersonator: bool('impersonator').notNull().default(false),
  },
  (t) => [
    uniqueIndex('users_id_unique').on(t.id),
    // A non-empty email or phone is unique. "" is a value in Appwrite's unique index (one cleared
    // email per project); we let any number of users hold it. Enforced by the BEFORE triggers of
    // drizzle/0006 over users_email / users_phone, not by partial unique indexes beside them: each
    // extra index on a random key costs a random leaf per imported user.
    // Queries compare strings case-insensitively (queries.md §5): NOCASE indexes serve them.
    index('users_name').on(sql`${t.name} collate nocase`),
    index('users_status').on(t.status),
    index('users_password_update').on(t.passwordUpdate),
    index('users_registration').on(t.registration),
    index('users_email_verification').on(t.emailVerification),
    index('users_phone_verification').on(t.phoneVerification),
    index('users_accessed_at').on(t.accessedAt),
    index('users_impersonator').on(t.impersonator),
    index('users_created_at').on(t.createdAt),
    index('users_updated_at').on(t.updatedAt),
    index('users_email').on(t.email),
    index('users_phone').on(sql`${t.phone} collate nocase`),
    index('users_labels').on(t.labels),
  ],
);

/** One row per (label, user), kept by triggers on `users`: serves `contains` on `labels`. */
export const userLabels = sqliteTable(
  'user_labels',
  {
    label: text('label').notNull(),
    userSeq: integer('user_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.label, t.userSeq] }), index('user_labels_user').on(t.userSeq)],
);

export const targets = sqliteTable(
  'targets',
  {
    ...documentColumns,
    userSeq: integer('user_seq').notNull(),
    userId: nocase('user_id').notNull(),
    sessionId: text('session_id'),
    providerType: text('provider_type').notNull(),
    providerId: text('provider_id'),
    identifier: nocase('identifier').notNull(),
    name: text('name'),
    expired: bool('expired').notNull().default(false),
    /**
     * The target mirrors its user's email (`email`) or phone (`sms`): created and renamed with it.
     * Its identifier is unique through the user's (drizzle/0008_contact_targets.sql), so only the
     * other targets are in the unique index: one random-key entry fewer per imported contact.
     */
    contact: bool('contact').notNull().default(false),
  },
  (t) => [
    uniqueIndex('targets_id_unique').on(t.id),
    uniqueIndex('targets_identifier_unique').on(t.identifier).where(sql`contact = 0`),
    // Every read of a user's targets goes through `user_seq` (appended in creation order); an index
    // on the random `user_id` would cost a random leaf per imported target and serve nothing.
    index('targets_user').on(t.userSeq),
    index('targets_provider_id').on(t.providerId),
    index('targets_provider_type').on(t.providerType),
  ],
);

export const identities = sqliteTable(
  'identities',
  {
    ...documentColumns,
    userSeq: integer('user_seq').notNull(),
    userId: nocase('user_id').notNull(),
    provider: text('provider').notNull().default(''),
    providerUid: text('provider_uid').notNull().default(''),
    providerEmail: nocase('provider_email').notNull().default(''),
    providerAccessToken: text('provider_access_token').notNull().default(''),
    providerAccessTokenExpiry: datetime('provider_access_token_expiry'),
    providerRefreshToken: text('provider_refresh_token').notNull().default(''),
  },
  (t) => [
    uniqueIndex('identities_id_unique').on(t.id),
    uniqueIndex('identities_provider_uid_unique').on(t.provider, t.providerUid),
    index('identities_user').on(t.userSeq),
    index('identities_user_id').on(t.userId),
    index('identities_provider_email').on(t.providerEmail),
    index('identities_provider_uid').on(t.providerUid),
    index('identities_expiry').on(t.providerAccessTokenExpiry),
    index('identities_created_at').on(t.createdAt),
    index('identities_updated_at').on(t.updatedAt),
    index('identities_provider_nocase').on(sql`${t.provider} collate nocase`),
    index('identities_provider_uid_nocase').on(sql`${t.providerUid} collate nocase`),
  ],
);

export const teams = sqliteTable(
  'teams',
  {
    ...documentColumns,
    name: text('name').notNull().default(''),
    total: integer('total').notNull().default(0),
  },
  (t) => [uniqueIndex('teams_id_unique').on(t.id)],
);

export const memberships = sqliteTable(
  'memberships',
  {
    ...documentColumns,
    userSeq: integer('user_seq').notNull(),
    userId: nocase('user_id').notNull(),
    teamId: nocase('team_id').notNull(),
    roles: json<string[]>()('roles').notNull().default(sql`'[]'`),
    invited: datetime('invited'),
    joined: datetime('joined'),
    confirm: bool('confirm').notNull().default(false),
  },
  (t) => [
    uniqueIndex('memberships_id_unique').on(t.id),
    uniqueIndex('memberships_team_user_unique').on(t.teamId, t.userSeq),
    index('memberships_user').on(t.userSeq),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    ...documentColumns,
    userSeq: integer('user_seq').notNull(),
    userId: nocase('user_id').notNull(),
    provider: text('provider').notNull(),
    providerUid: text('provider_uid').notNull().default(''),
    /** Lower-case hex SHA-256 of the raw secret; the secret itself is never stored. */
    secretHash: text('secret_hash').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    ip: text('ip').notNull().default(''),
    countryCode: text('country_code').notNull().default('--'),
    /** Parsed client metadata (os/client/device fields of the Session model). */
    client: json<Record<string, string>>()('client').notNull().default(sql`'{}'`),
    factors: json<string[]>()('factors').notNull().default(sql`'[]'`),
    expire: datetime('expire').notNull(),
    mfaUpdatedAt: datetime('mfa_updated_at'),
  },
  (t) => [uniqueIndex('sessions_id_unique').on(t.id), index('sessions_user').on(t.userSeq)],
);

export const tokens = sqliteTable(
  'tokens',
  {
    ...documentColumns,
    userSeq: integer('user_seq').notNull(),
    userId: nocase('user_id').notNull(),
    type: integer('type').notNull(),
    secretHash: text('secret_hash').notNull(),
    expire: datetime('expire').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    ip: text('ip').notNull().default(''),
  },
  (t) => [uniqueIndex('tokens_id_unique').on(t.id), index('tokens_user').on(t.userSeq)],
);

export const authenticators = sqliteTable(
  'authenticators',
  {
    ...documentColumns,
    userSeq: integer('user_seq').notNull(),
    userId: nocase('user_id').notNull(),
    type: text('type').notNull(),
    verified: bool('verified').notNull().default(false),
    /** AES-GCM ciphertext of `{"secret": "<base32>"}`. */
    data: text('data').notNull(),
  },
  (t) => [uniqueIndex('authenticators_id_unique').on(t.id), index('authenticators_user').on(t.userSeq)],
);

export const challenges = sqliteTable(
  'challenges',
  {
    ...documentColumns,
    userSeq: integer('user_seq').notNull(),
    userId: nocase('user_id').notNull(),
    type: text('type').notNull(),
    code: text('code').notNull().default(''),
    expire: datetime('expire').notNull(),
  },
  (t) => [uniqueIndex('challenges_id_unique').on(t.id), index('challenges_user').on(t.userSeq)],
);

/** Audit log (Appwrite's `audit` collection). Kept when the user is deleted, as Appwrite does. */
export const logs = sqliteTable(
  'logs',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    event: text('event').notNull(),
    /** The user the entry belongs to, as its id was spelled (kept after the user is deleted). */
    userId: nocase('user_id').notNull(),
    /**
     * That user's `seq`: `…/logs` lists the entries of the user who exists now, and a user who
     * reuses a deleted user's id gets a new seq. Null only for entries written before migration
     * 0005 about a user already deleted then (nothing lists those).
     */
    userSeq: integer('user_seq'),
    /** The actor: the user for session calls, the synthetic app actor for API-key calls. */
    actorId: text('actor_id').notNull().default(''),
    actorEmail: text('actor_email').notNull().default(''),
    actorName: text('actor_name').notNull().default(''),
    resource: text('resource').notNull().default(''),
    ip: text('ip').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
    countryCode: text('country_code').notNull().default('--'),
    time: datetime('time').notNull(),
    data: json<Record<string, unknown>>()('data').notNull().default(sql`'{}'`),
  },
  // Keyed by user_seq, not user_id: new users' entries append at the right edge of the index
  // instead of landing on a random leaf each (bulk import, README "Benchmark").
  (t) => [index('logs_user').on(t.userSeq)],
);

/** Scoped API keys (the root key is the `API_KEY` secret and is not stored here). */
export const keys = sqliteTable(
  'keys',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    name: text('name').notNull(),
    /** Lower-case hex SHA-256 of the secret. */
    secretHash: text('secret_hash').notNull(),
    scopes: json<string[]>()('scopes').notNull(),
    expire: datetime('expire'),
    createdAt: datetime('created_at').notNull(),
    accessedAt: datetime('accessed_at'),
  },
  (t) => [uniqueIndex('keys_id_unique').on(t.id), uniqueIndex('keys_secret_hash_unique').on(t.secretHash)],
);

/**
 * Failed e-mail logins per client IP in the current hour window (`until`: its end, unix seconds). In
 * D1 so the count rides in the batch that looks the e-mail up and the refund in the batch that
 * creates the session: a login is one Durable Object hop (the user's gate).
 */
export const loginIpAttempts = sqliteTable(
  'login_ip_attempts',
  {
    ip: text('ip').primaryKey(),
    count: integer('count').notNull(),
    until: integer('until').notNull(),
  },
  (t) => [index('login_ip_attempts_until').on(t.until)],
);

export type UserRow = typeof users.$inferSelect;
export type TargetRow = typeof targets.$inferSelect;
export type IdentityRow = typeof identities.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type TokenRow = typeof tokens.$inferSelect;
export type AuthenticatorRow = typeof authenticators.$inferSelect;
export type ChallengeRow = typeof challenges.$inferSelect;
export type LogRow = typeof logs.$inferSelect;
