import fc from 'fast-check';
import { operations, type Operation } from '../../../src/operations';
import type { Param } from '../../../src/validation/params';
import type { JsonSchema } from '../../../src/validation/rules';

/**
 * Generated requests for the fuzz suite, derived from the operation table: every operation, its
 * declared params filled with plausible values, wrong types, odd strings, missing and extra
 * fields, sent as JSON, malformed JSON, form data, a wrong content type or a query string.
 * Ids are symbolic (`{ pool: i }`) so the runner can point them at rows that exist.
 */

export type Value = unknown;
/** An id slot: a row from the runner's pool, or a literal odd string. */
export type IdSlot = { pool: number } | { literal: string };

export interface FuzzRequest {
  op: string;
  method: string;
  /** Path template (the operation's path or an alias) and a value per placeholder. */
  template: string;
  pathIds: Record<string, IdSlot>;
  params: Record<string, Value>;
  encoding: 'json' | 'json-malformed' | 'form' | 'wrong-type' | 'none' | 'query-malformed';
  /** `key`: the root key; `session`: a pool user's session; `none`: no credentials. */
  auth: 'key' | 'session' | 'none';
  /** The pool user whose session signs the request (and whose rows fill ids beyond `userId`). */
  actor: number;
}

const ODD_CHARS = ['\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '\u{1f600}', 'é', 'e\u0301', '"', "'", '\\', '%', '%00', '../', '\n', '<script>', '*', '?', '#'];

/** Strings no validator expects: control and format characters, lone surrogates, huge, empty. */
const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.constantFrom(...ODD_CHARS), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
  fc.constantFrom('', ' ', 'null', 'undefined', 'true', '0', '-1', '1e309', 'NaN', '[]', '{}', '__proto__', 'constructor', 'unique()'),
  fc.nat({ max: 100_000 }).map((n) => 'x'.repeat(Math.max(n, 1000))),
  fc.constant('a'.repeat(100_000)),
  fc.constant('\ud83d'.repeat(1000)),
);

const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 4 }),
  fc.constant({ __proto__: { polluted: true } }),
);

const email = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom('fuzz@example.com', 'FUZZ@Example.com', 'a@b.co', 'user+tag@example.org'),
);
const phone = fc.oneof(fc.integer({ min: 1_000_000, max: 999_999_999 }).map((n) => `+1${n}`), fc.constantFrom('+15555550100', '+4930123456'));
const password = fc.oneof(fc.string({ minLength: 8, maxLength: 20 }), fc.constant('correct-horse-42'));

const QUERY_METHODS = ['equal', 'notEqual', 'lessThan', 'greaterThan', 'search', 'isNull', 'isNotNull', 'between', 'startsWith', 'endsWith', 'contains', 'select', 'orderAsc', 'orderDesc', 'limit', 'offset', 'cursorAfter', 'cursorBefore', 'or', 'and', 'bogus'];
const QUERY_ATTRIBUTES = ['$id', 'name', 'email', 'phone', 'status', 'labels', 'emailVerification', 'passwordUpdate', 'registration', '$createdAt', 'identifier', 'providerType', 'userId', 'provider', 'bogus', ''];
const queryValue = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), oddString);
const jsonQuery = fc
  .record({ method: fc.constantFrom(...QUERY_METHODS), attribute: fc.constantFrom(...QUERY_ATTRIBUTES), values: fc.array(queryValue, { maxLength: 3 }) }, { requiredKeys: [] })
  .map((q) => JSON.stringify(q));
const legacyQuery = fc
  .tuple(fc.constantFrom(...QUERY_METHODS), fc.constantFrom(...QUERY_ATTRIBUTES), fc.string({ maxLength: 10 }))
  .map(([m, a, v]) => `${m}("${a}", ["${v}"])`);
const query = fc.oneof(jsonQuery, legacyQuery, oddString, fc.constantFrom('{"method":"limit","values":[5000]}', '{"method":"offset","values":[-1]}', '{', '[]'));

/** A value the rule would accept, or come close to: where the deep paths are. */
function plausible(name: string, json: JsonSchema): fc.Arbitrary<Value> {
  if (name === 'queries') return fc.array(query, { maxLength: 4 });
  if (/password/i.test(name) && !/salt|cpu|memory|parallel|length|version/i.test(name)) return password;
  if (name === 'email') return email;
  if (name === 'phone' || name === 'number') return phone;
  if (name === 'otp') return fc.oneof(fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0')), fc.string({ maxLength: 10 }));
  if (json.enum) return fc.constantFrom(...(json.enum as unknown[]));
  if (json.anyOf) return fc.oneof(...(json.anyOf as JsonSchema[]).map((sub) => plausible(name, sub)));
  if ('const' in json) return fc.constant(json.const);
  switch (json.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: (json.minimum as number | undefined) ?? -5, max: (json.maximum as number | undefined) ?? 100_000 });
    case 'array':
      return fc.array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), fc.string({ maxLength: 8 })), { maxLength: 5 });
    case 'object':
      return fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constant('__proto__')), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
    case 'string':
      if (json.pattern) return fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$/);
      return fc.string({ minLength: (json.minLength as number | undefined) ?? 0, maxLength: Math.min((json.maxLength as number | undefined) ?? 20, 40) });
  }
  return fc.jsonValue({ maxDepth: 2 });
}

/** One param's value: mostly plausible, else odd, of the wrong type, or left out. */
const paramValue = (name: string, param: Param) =>
  fc.oneof(
    { weight: 6, arbitrary: plausible(name, param.rule.json).map((v) => ({ v })) },
    { weight: 2, arbitrary: oddString.map((v) => ({ v })) },
    { weight: 2, arbitrary: wrongType.map((v) => ({ v })) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

const idSlot: fc.Arbitrary<IdSlot> = fc.oneof(
  { weight: 8, arbitrary: fc.nat({ max: 7 }).map((pool) => ({ pool })) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(oddString, fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/), fc.constantFrom('unique()', '.', '..', 'a'.repeat(37), '%2F', '%00', 'x%20y', 'ünïcode'))
      .map((literal) => ({ literal })),
  },
);

const PATH_ID_PARAMS = new Set(['userId', 'targetId', 'sessionId', 'identityId']);

function requestFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const templates = [op.path, ...(op.aliases ?? [])];
  const placeholders = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const bodyParams = Object.entries(op.params as Record<string, Param>).filter(([name]) => !placeholders.includes(name));
  const pathIds = fc.record(
    Object.fromEntries(
      placeholders.map((name) => {
        const param = (op.params as Record<string, Param>)[name];
        // A non-id placeholder ({type}) gets plausible values and odd ones alike.
        const slot = PATH_ID_PARAMS.has(name) ? idSlot : fc.oneof(plausible(name, param.rule.json), oddString).map((v) => ({ literal: String(v) }));
        return [name, slot];
      }),
    ),
  );
  const params = fc
    .tuple(
      fc.tuple(...bodyParams.map(([name, param]) => paramValue(name, param))),
      fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', '$id', 'project')), wrongType, { maxKeys: 3 }),
      fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    )
    .map(([values, extra, withExtra]) => {
      const out: Record<string, Value> = withExtra ? { ...extra } : {};
      bodyParams.forEach(([name], i) => {
        if (values[i]) out[name] = values[i]!.v;
      });
      return out;
    });
  const encoding = op.method === 'get' || op.method === 'delete'
    ? fc.constantFrom<FuzzRequest['encoding']>('none', 'none', 'none', 'query-malformed', 'json')
    : fc.oneof(
        { weight: 12, arbitrary: fc.constant<FuzzRequest['encoding']>('json') },
        { weight: 1, arbitrary: fc.constant<FuzzRequest['encoding']>('json-malformed') },
        { weight: 2, arbitrary: fc.constant<FuzzRequest['encoding']>('form') },
        { weight: 1, arbitrary: fc.constant<FuzzRequest['encoding']>('wrong-type') },
      );
  // Mostly the credentials the operation wants, so requests get past the door.
  const wanted: FuzzRequest['auth'] = op.path.startsWith('/v1/account') ? 'session' : 'key';
  const auth = fc.oneof(
    { weight: 8, arbitrary: fc.constant(wanted) },
    { weight: 2, arbitrary: fc.constantFrom<FuzzRequest['auth']>('key', 'session', 'none') },
  );
  return fc.record({
    op: fc.constant(op.id),
    method: fc.oneof({ weight: 30, arbitrary: fc.constant(op.method.toUpperCase()) }, { weight: 1, arbitrary: fc.constantFrom('PUT', 'HEAD', 'OPTIONS', 'PATCH') }),
    template: fc.constantFrom(...templates),
    pathIds,
    params,
    encoding,
    auth,
    actor: fc.nat({ max: 7 }),
  });
}

/** A request to any operation, each operation equally likely. */
export const fuzzRequest = fc.oneof(...operations.map((op) => requestFor(op as Operation)));
