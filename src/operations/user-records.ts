import { renderIdentity } from '../models/identity';
import { renderLog } from '../models/log';
import { renderMembership } from '../models/membership';
import { behaviour } from '../models/formats/behaviours';
import { usesLegacyQuerySyntax } from '../models/response-format';
import { queriesParam, totalParam } from '../queries';
import { listUserLogs } from '../services/audit-log';
import { deleteIdentity, listIdentities } from '../services/identities';
import { listMemberships } from '../services/memberships';
import { optional, required } from '../validation/params';
import { text, uid } from '../validation/rules';
import { operation } from './operation';

/** What the Users API shows of a user's other records: identities, activity logs, team memberships. */
export const userRecordOperations = [
  operation({
    id: 'users.listIdentities',
    rpc: 'listIdentities',
    method: 'get',
    path: '/v1/users/identities',
    scope: 'users.read',
    summary: 'List identities',
    params: { queries: optional(queriesParam, [] as string[]), search: optional(text(1, 256), null), total: totalParam },
    response: { status: 200, model: 'identityList' },
    async run(ctx, p) {
      const page = await listIdentities(ctx.service, p.queries ?? [], p.search, usesLegacyQuerySyntax(ctx.format), p.total !== false);
      return { total: page.total, identities: page.identities.map(renderIdentity) };
    },
  }),
  operation({
    id: 'users.deleteIdentity',
    rpc: 'deleteIdentity',
    method: 'delete',
    path: '/v1/users/identities/{identityId}',
    scope: 'users.write',
    summary: 'Delete identity',
    params: { identityId: required(uid) },
    response: { status: 204, model: null },
    errors: ['user_identity_not_found'],
    run: async (ctx, p) => {
      await deleteIdentity(ctx.service, p.identityId);
      return null;
    },
  }),
  operation({
    id: 'users.listLogs',
    rpc: 'listLogs',
    method: 'get',
    path: '/v1/users/{userId}/logs',
    scope: 'users.read',
    summary: 'List user logs',
    params: { userId: required(uid), queries: optional(queriesParam, [] as string[]), total: totalParam },
    response: { status: 200, model: 'logList' },
    errors: ['user_not_found'],
    async run(ctx, p) {
      const page = await listUserLogs(ctx.service, p.userId, p.queries ?? [], usesLegacyQuerySyntax(ctx.format), p.total !== false);
      return { total: page.total, logs: page.logs.map(renderLog) };
    },
  }),
  operation({
    id: 'users.listMemberships',
    rpc: 'listMemberships',
    method: 'get',
    path: '/v1/users/{userId}/memberships',
    scope: 'users.read',
    summary: 'List user memberships',
    params: {
      userId: required(uid),
      queries: optional(queriesParam, [] as string[]),
      search: optional(text(1, 256), null),
      total: totalParam,
    },
    response: { status: 200, model: 'membershipList' },
    errors: ['user_not_found'],
    async run(ctx, p) {
      const list = await listMemberships(ctx.service, p.userId, {
        queries: p.queries ?? [],
        search: p.search,
        countTotal: p.total !== false,
        defaultLimit: behaviour(ctx.format).membershipsDefaultLimit,
      });
      return { total: list.total, memberships: list.memberships.map(renderMembership) };
    },
  }),
];
