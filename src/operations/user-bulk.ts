import { z } from 'zod';
import { queriesParam } from '../queries';
import { exportUsers } from '../services/user-export';
import { importUsers, MAX_IMPORT_ROWS, MAX_VERIFY_SAMPLES } from '../services/user-import/import';
import { optional, required } from '../validation/params';
import { rule, strictBoolean, text, uid } from '../validation/rules';
import { operation } from './operation';

const rows = rule(
  z.array(z.unknown()).min(1).max(MAX_IMPORT_ROWS),
  `Value must be an array of 1 to ${MAX_IMPORT_ROWS} user rows`,
  { type: 'array', minItems: 1, maxItems: MAX_IMPORT_ROWS, items: { type: 'object' } },
);

const samples = rule(
  z.array(z.object({ userId: z.string().min(1).max(36), password: z.string().max(256) }).strip()).max(MAX_VERIFY_SAMPLES),
  `Value must be an array of at most ${MAX_VERIFY_SAMPLES} objects {userId, password}`,
  {
    type: 'array',
    maxItems: MAX_VERIFY_SAMPLES,
    items: { type: 'object', required: ['userId', 'password'], properties: { userId: { type: 'string' }, password: { type: 'string' } } },
  },
);

/** Bulk import and export (README "Bulk import and export"). */
export const userBulkOperations = [
  operation({
    id: 'users.import',
    rpc: 'importUsers',
    method: 'post',
    path: '/v1/users/import',
    scope: 'users.write',
    summary: 'Import users',
    params: { users: required(rows), dryRun: optional(strictBoolean, false), verify: optional(samples, []) },
    response: { status: 200, model: 'importResult' },
    run: (ctx, p) => importUsers(ctx.service, { users: p.users, dryRun: p.dryRun ?? false, verify: p.verify ?? [] }),
  }),
  operation({
    id: 'users.export',
    rpc: 'exportUsers',
    method: 'get',
    path: '/v1/users/export',
    scope: 'users.read',
    summary: 'Export users (NDJSON)',
    params: { queries: optional(queriesParam, [] as string[]), search: optional(text(1, 256), null), cursor: optional(uid, null) },
    response: { status: 200, model: null, contentType: 'application/x-ndjson', lineModel: 'importRow' },
    errors: ['general_cursor_not_found'],
    run: (ctx, p) => exportUsers(ctx.service, { queries: p.queries ?? [], search: p.search, cursor: p.cursor }),
  }),
];
