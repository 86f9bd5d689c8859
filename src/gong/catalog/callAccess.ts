import { col, defineTable, filter, list, listOf, read, replyText } from './define';
import type { ProcedureDef } from './types';

export const CallUserAccess = defineTable({
  name: 'CallUserAccess',
  group: 'Calls',
  mirror: { kind: 'perCall', callKey: 'CallId' },
  description: 'Users given access to a call beyond what their permission profile allows (POST /v2/calls/users-access).',
  columns: [
    col('CallId', 'id', 'The call.', { key: true, source: '$callId' }),
    col('UserId', 'id', 'A user given access to it.', { key: true }),
  ],
  filters: [filter('CallId', ['=', 'IN'], 'Sent to Gong as filter.callIds (100 per request), which Gong requires: without it, one request per call.')],
  reads: [read({
    name: 'by calls', method: 'POST', path: '/v2/calls/users-access', requires: ['CallId'], notFound: 'noResults',
    bindings: [list('CallId', 'body:filter.callIds')],
    fanOut: { column: 'CallId', from: { table: 'Calls', column: 'Id' } },
    records: (body) => listOf('callAccessList')(body).flatMap((entry) => listOf('users')(entry).map((u) => ({ ...u, $callId: entry.callId }))),
  })],
  peculiarities: ['Most calls have no rows: only access given call by call is listed, not what permission profiles allow.', 'Filter on CallId (= or IN, e.g. CallId IN (SELECT Id FROM Calls WHERE …)): without it, gongsql asks once per call.'],
});

/** GrantCallAccess and RevokeCallAccess: the same body, PUT to grant, DELETE to revoke. */
function changeAccess(name: string, method: 'PUT' | 'DELETE', verb: string): ProcedureDef {
  return {
    name,
    description: `${verb} users' access to a call (${method} /v2/calls/users-access).`,
    params: [
      { name: 'CallId', type: 'id', required: true, description: 'The call.' },
      { name: 'UserIds', type: 'jsonArray', required: true, description: 'JSON array of Gong user ids (ids as text keep every digit).', example: '["234599484848423"]' },
    ],
    returns: [{ name: 'RequestId', type: 'text', description: "Gong's requestId." }],
    peculiarities: ['Changes only access given call by call (CallUserAccess), not what permission profiles allow.'],
    async run(args, send) {
      const userIds = (args.UserIds as unknown[]).map(String);
      const reply = await send({ method, path: '/v2/calls/users-access', body: { callAccessList: [{ callId: args.CallId, userIds }] } });
      return { RequestId: replyText(reply.requestId) };
    },
  };
}

export const GrantCallAccess = changeAccess('GrantCallAccess', 'PUT', 'Gives');
export const RevokeCallAccess = changeAccess('RevokeCallAccess', 'DELETE', 'Takes away');
