import { zodToJsonSchema } from 'zod-to-json-schema';
import { APPWRITE_VERSION } from '../errors/envelope';
import { errorTypes, type ErrorType } from '../errors/error-types';
import { modelSchemas } from '../models/schemas';
import { pathParams, type Operation } from '../operations';
import type { Param } from '../validation/params';

type Json = Record<string, unknown>;

/** Every operation can answer these: bad params, a missing scope, an unknown key or project. */
const COMMON_ERRORS: ErrorType[] = ['general_argument_invalid', 'general_unauthorized_scope', 'user_unauthorized', 'project_not_found'];

const paramSchema = (param: Param): Json => ({ ...param.rule.json, description: param.rule.description });

/** GET/DELETE read params from the query string (arrays as PHP `name[]`); the others from a JSON body. */
function requestOf(op: Operation, path: string): { parameters: Json[]; requestBody?: Json } {
  const inPath = new Set(pathParams(path));
  const parameters: Json[] = [...inPath].map((name) => ({ name, in: 'path', required: true, schema: paramSchema(op.params[name] as Param) }));
  const rest = Object.entries(op.params as Record<string, Param>).filter(([name]) => !inPath.has(name));
  if (op.method === 'get' || op.method === 'delete') {
    for (const [name, param] of rest) {
      const isArray = param.rule.json.type === 'array';
      parameters.push({ name: isArray ? `${name}[]` : name, in: 'query', required: !param.optional, schema: paramSchema(param), ...(isArray ? { style: 'form', explode: true } : {}) });
    }
    return { parameters };
  }
  if (rest.length === 0) return { parameters };
  const schema = {
    type: 'object',
    properties: Object.fromEntries(rest.map(([name, param]) => [name, paramSchema(param)])),
    required: rest.filter(([, param]) => !param.optional).map(([name]) => name),
  };
  return { parameters, requestBody: { required: schema.required.length > 0, content: { 'application/json': { schema } } } };
}

function responsesOf(op: Operation): Json {
  const { status, model, contentType, lineModel } = op.response;
  const responses: Json = {
    [status]: model
      ? { description: model, content: { 'application/json': { schema: { $ref: `#/components/schemas/${model}` } } } }
      : contentType
        ? {
            description: lineModel ? `${contentType}: one \`${lineModel}\` per line` : contentType,
            content: {
              [contentType]: {
                schema: { type: 'string' },
                ...(lineModel ? { 'x-line-schema': { $ref: `#/components/schemas/${lineModel}` } } : {}),
              },
            },
          }
        : { description: 'No content' },
  };
  const byStatus = new Map<number, ErrorType[]>();
  for (const type of [...COMMON_ERRORS, ...(op.errors ?? [])]) {
    const code = errorTypes[type][0];
    byStatus.set(code, [...(byStatus.get(code) ?? []), type]);
  }
  for (const [code, types] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[code] = {
      description: types.map((type) => `\`${type}\`: ${errorTypes[type][1]}`).join('\n\n'),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/error' } } },
      'x-appwrite-error-types': types,
    };
  }
  return responses;
}

const security = (op: Operation) =>
  op.scope === 'account'
    ? [{ project: [], session: [] }, { project: [], jwt: [] }]
    : op.scope === 'sessions.write'
      ? [{ project: [] }, { project: [], key: [] }]
      : [{ project: [], key: [] }];

/** The OpenAPI 3.1 document of every operation, generated from the operation table. */
export function openApiDocument(operations: readonly Operation[]): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    [op.path, ...(op.aliases ?? [])].forEach((path, index) => {
      paths[path] ??= {};
      paths[path][op.method] = {
        operationId: index === 0 ? op.id : `${op.id}#${path}`,
        summary: op.summary,
        ...(index > 0 ? { description: `The same operation as ${op.path}.` } : {}),
        tags: [op.id.split('.')[0]],
        'x-appwrite': { scope: op.scope, ...(op.rpc ? { rpc: op.rpc } : {}) },
        security: security(op),
        ...requestOf(op, path),
        responses: responsesOf(op),
      };
    });
  }
  const schemas: Record<string, unknown> = Object.fromEntries(
    Object.entries(modelSchemas).map(([name, schema]) => {
      const { $schema: _draft, ...json } = zodToJsonSchema(schema, { $refStrategy: 'none' });
      return [name, json];
    }),
  );
  schemas.error = {
    type: 'object',
    required: ['message', 'code', 'type', 'version'],
    properties: { message: { type: 'string' }, code: { type: 'integer' }, type: { type: 'string', enum: Object.keys(errorTypes) }, version: { type: 'string' } },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Appwrite Users API (Cloudflare Workers)',
      version: APPWRITE_VERSION,
      description: 'The Appwrite Users server API and the Account subset, served from one Worker.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'users', description: 'Server API: needs an API key with the scope each operation names.' },
      { name: 'account', description: 'The signed-in user: a session (cookie or X-Appwrite-Session) or a JWT.' },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        project: { type: 'apiKey', in: 'header', name: 'X-Appwrite-Project' },
        key: { type: 'apiKey', in: 'header', name: 'X-Appwrite-Key' },
        session: { type: 'apiKey', in: 'header', name: 'X-Appwrite-Session' },
        jwt: { type: 'apiKey', in: 'header', name: 'X-Appwrite-JWT' },
      },
    },
  };
}
