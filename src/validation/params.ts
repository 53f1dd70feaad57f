import { AppwriteError } from '../errors/appwrite-error';
import type { Rule } from './rules';

/** Parameters as the router collected them (path, query string or body), before validation. */
export type RawParams = Record<string, unknown>;

export interface RequiredParam<T> {
  rule: Rule<T>;
  optional: false;
  /** Type-level only: the validated value. */
  value?: T;
}
export interface OptionalParam<T, D> {
  rule: Rule<T>;
  optional: true;
  fallback: D;
  value?: T;
}
/** Kept loose on purpose: a tighter constraint makes TypeScript infer `unknown` for inline rules. */
export type ParamSpec = Record<string, { optional: boolean }>;
export type Param = RequiredParam<unknown> | OptionalParam<unknown, unknown>;

export const required = <T>(rule: Rule<T>): RequiredParam<T> => ({ rule, optional: false });

/** Absent → `fallback`; explicit JSON null → null without validation (Appwrite's rule). */
export const optional = <T, D = undefined>(rule: Rule<T>, fallback?: D): OptionalParam<T, D> => ({
  rule,
  optional: true,
  fallback: fallback as D,
});

type ValueOf<P> = Exclude<P extends { value?: infer T } ? T : never, undefined>;

export type ParamValues<S extends ParamSpec> = {
  [K in keyof S]: S[K] extends { optional: true; fallback: infer D } ? ValueOf<S[K]> | D | null : ValueOf<S[K]>;
};

type RequiredKeys<S extends ParamSpec> = { [K in keyof S]: S[K] extends { optional: false } ? K : never }[keyof S];

/** What a caller passes (RPC): required params as keys, optional ones may be left out or null. */
export type ParamInput<S extends ParamSpec> = { [K in RequiredKeys<S>]: ValueOf<S[K]> } & {
  [K in Exclude<keyof S, RequiredKeys<S>>]?: ValueOf<S[K]> | null;
};

/**
 * Validates params in declaration order and reports the first failure with Appwrite's wording:
 * ``Param "x" is not optional.`` or ``Invalid `x` param: <description>``.
 */
export function validateParams<S extends ParamSpec>(input: RawParams, spec: S): ParamValues<S> {
  const values: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(spec) as Array<[string, Param]>) {
    if (!(name in input) || input[name] === undefined) {
      if (!param.optional) throw new AppwriteError('general_argument_invalid', `Param "${name}" is not optional.`);
      values[name] = param.fallback;
      continue;
    }
    const value = input[name];
    if (value === null && param.optional) {
      values[name] = null;
      continue;
    }
    const result = param.rule.schema.safeParse(value);
    if (!result.success || hasLoneSurrogate(value)) {
      throw new AppwriteError('general_argument_invalid', `Invalid \`${name}\` param: ${param.rule.description}`);
    }
    values[name] = result.data;
  }
  return values as ParamValues<S>;
}

/** An unpaired UTF-16 surrogate (JSON's `"\ud800"`); a code point in the surrogate range is never a pair. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Strings with an unpaired surrogate are not text: D1 would store U+FFFD in its place and a password
 * would hash as a different one, so such a value (or array element) fails its param's rule.
 * PHP's JSON decoder refuses them too. Objects (`prefs`) are stored as JSON, which escapes them.
 */
const hasLoneSurrogate = (value: unknown): boolean =>
  typeof value === 'string' ? LONE_SURROGATE.test(value) : Array.isArray(value) && value.some((v) => typeof v === 'string' && LONE_SURROGATE.test(v));
