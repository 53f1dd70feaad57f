import { AppwriteError } from '../errors/appwrite-error';
import type { Rule } from '../validation/rules';
import type { RawParams } from './request-params';

interface Required<T> {
  rule: Rule<T>;
  optional: false;
  /** Type-level only: the validated value. */
  value?: T;
}
interface Optional<T, D> {
  rule: Rule<T>;
  optional: true;
  fallback: D;
  value?: T;
}
/** Kept loose on purpose: a tighter constraint makes TypeScript infer `unknown` for inline rules. */
export type ParamSpec = Record<string, { optional: boolean }>;
type Param = Required<unknown> | Optional<unknown, unknown>;

export const required = <T>(rule: Rule<T>): Required<T> => ({ rule, optional: false });

/** Absent → `fallback`; explicit JSON null → null without validation (Appwrite's rule). */
export const optional = <T, D = undefined>(rule: Rule<T>, fallback?: D): Optional<T, D> => ({
  rule,
  optional: true,
  fallback: fallback as D,
});

type ValueOf<P> = Exclude<P extends { value?: infer T } ? T : never, undefined>;

export type ParamValues<S extends ParamSpec> = {
  [K in keyof S]: S[K] extends { optional: true; fallback: infer D } ? ValueOf<S[K]> | D | null : ValueOf<S[K]>;
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
    if (!result.success) {
      throw new AppwriteError('general_argument_invalid', `Invalid \`${name}\` param: ${param.rule.description}`);
    }
    values[name] = result.data;
  }
  return values as ParamValues<S>;
}
