/**
 * The only way the console reaches the server: the public `/v1` API with `X-Appwrite-Project` and
 * `X-Appwrite-Key`, exactly as an SDK would call it.
 */
export const apiClient = String.raw`
const STORAGE = 'appwrite-users-console';
let session = JSON.parse(sessionStorage.getItem(STORAGE) || 'null');

function saveSession(value) {
  session = value;
  if (value) sessionStorage.setItem(STORAGE, JSON.stringify({ project: value.project, key: value.key }));
  else sessionStorage.removeItem(STORAGE);
}

class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : 'HTTP ' + status);
    this.code = body && body.code ? body.code : status;
    this.type = body && body.type ? body.type : 'unknown';
  }
}

/** GET params go in the query string (PHP-style key[] arrays); others as a JSON body. Answers the JSON. */
async function api(method, path, params) {
  const response = await request(method, path, params);
  return response.status === 204 ? null : response.json().catch(() => null);
}

/** The call itself: a successful Response, or an ApiError carrying Appwrite's message and type. */
async function request(method, path, params) {
  let url = '/v1' + path;
  // The console was written against Appwrite 1.6 (its scope probes and messages): it asks for 1.6.
  const init = { method: method, headers: { 'X-Appwrite-Project': session.project, 'X-Appwrite-Key': session.key, 'X-Appwrite-Response-Format': '1.6.0' } };
  if (method === 'GET' && params) {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined || v === null || v === '') continue;
      if (Array.isArray(v)) v.forEach((item) => search.append(k + '[]', item));
      else search.append(k, v);
    }
    if (search.size) url += '?' + search;
  } else if (params) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(params);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, { message: 'The server could not be reached: ' + e.message, type: 'network' });
  }
  if (!response.ok) {
    const error = new ApiError(response.status, await response.json().catch(() => null));
    const missing = /missing scope \(([\w.]+)\)/.exec(error.message);
    if (error.type === 'general_unauthorized_scope' && missing && session.scopes) session.scopes[missing[1]] = false;
    throw error;
  }
  return response;
}

/** Appwrite's JSON query syntax, as SDKs >= 1.5 send it. */
function query(method, attribute, values) {
  const q = { method: method };
  if (attribute) q.attribute = attribute;
  if (values) q.values = values;
  return JSON.stringify(q);
}

/**
 * Which scopes the key has. Keys are opaque, and no route lists a key's scopes, so we ask: each
 * probe is a request the server checks for the scope before it reads any parameter (Appwrite's
 * order too). Reads are harmless; the writes deliberately lack a required parameter, so an
 * allowed key gets a 400 and changes nothing, a key without the scope gets 401
 * general_unauthorized_scope. A later 401 of that type during use also marks the scope missing.
 */
const SCOPE_PROBES = {
  'users.read': ['GET', '/users', { queries: [query('limit', null, [1])] }],
  'users.write': ['POST', '/users', {}],
  'targets.read': ['GET', '/users/console-scope-probe/targets'],
  'targets.write': ['POST', '/users/console-scope-probe/targets', {}],
};

async function probeScopes() {
  const scopes = {};
  await Promise.all(Object.entries(SCOPE_PROBES).map(async ([scope, probe]) => {
    try {
      await api(probe[0], probe[1], probe[2]);
      scopes[scope] = true;
    } catch (e) {
      if (e.type === 'general_unauthorized_scope') scopes[scope] = false;
      else if (e.code === 401 || e.type === 'project_not_found' || e.type === 'network') throw e;
      else scopes[scope] = true;
    }
  }));
  return scopes;
}

const can = (scope) => !session || !session.scopes || session.scopes[scope] !== false;
`;
