import type { Argon2Settings } from './passwords';

/** Project settings, read from `[vars]` and secrets (wrangler.toml, .dev.vars). */
export interface Config {
  projectId: string;
  projectName: string;
  apiKey: string;
  jwtSecret: string;
  encryptionKey: string;
  maxSessions: number;
  sessionDuration: number;
  passwordHistory: number;
  personalDataCheck: boolean;
  /** Appwrite 1.8 `auths.invalidateSessions`: a password change deletes the user's sessions. */
  invalidateSessions: boolean;
  argon2: Argon2Settings;
}

const int = (value: string | undefined, fallback: number) => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
};

/** Parsed once per `env` object (one per isolate in production), not on every request. */
const parsed = new WeakMap<Env, Config>();

export function loadConfig(env: Env): Config {
  let config = parsed.get(env);
  if (!config) parsed.set(env, (config = parseConfig(env)));
  return config;
}

function parseConfig(env: Env): Config {
  return {
    projectId: env.PROJECT_ID || 'default',
    projectName: env.PROJECT_NAME || 'Default project',
    apiKey: env.API_KEY ?? '',
    jwtSecret: env.JWT_SECRET ?? '',
    encryptionKey: env.ENCRYPTION_KEY ?? '',
    maxSessions: int(env.MAX_SESSIONS, 10),
    sessionDuration: int(env.SESSION_DURATION, 31_536_000),
    passwordHistory: Math.min(20, Math.max(0, int(env.PASSWORD_HISTORY, 0))),
    personalDataCheck: env.PERSONAL_DATA_CHECK === 'true',
    invalidateSessions: env.INVALIDATE_SESSIONS === 'true',
    argon2: {
      memoryCost: int(env.ARGON2_MEMORY_COST, 19456),
      timeCost: int(env.ARGON2_TIME_COST, 2),
      threads: int(env.ARGON2_THREADS, 1),
      implementation: env.ARGON2_IMPLEMENTATION === 'js' ? 'js' : 'wasm',
    },
  };
}
