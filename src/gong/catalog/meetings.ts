import { col, defineTable, filter, list, listOf, read } from './define';

export const MeetingIntegrationStatus = defineTable({
  name: 'MeetingIntegrationStatus',
  group: 'Users',
  mirror: { kind: 'none', reason: "A live check of each user's calendar connection, not data that changes by itself; Gong's meetings have no list endpoint." },
  description: "Whether Gong can create meetings in each user's calendar (POST /v2/meetings/integration/status; meetings are a limited-release API).",
  columns: [
    col('Email', 'text', "The user's email address.", { key: true }),
    col('Exists', 'boolean', 'A Gong user has this address.'),
    col('Valid', 'boolean', 'Gong can schedule meetings for this user.'),
    col('UserFacingError', 'text', 'Why not, as Gong tells the user.'),
    col('FixUrl', 'text', 'Where the user fixes it.'),
    col('HelpUrl', 'text', 'Help on the problem.'),
  ],
  filters: [filter('Email', ['=', 'IN'], "Sent to Gong as emails (100 per request), which Gong requires: without it, one request per user's email.")],
  reads: [read({
    name: 'by emails', method: 'POST', path: '/v2/meetings/integration/status', requires: ['Email'],
    bindings: [list('Email', 'body:emails', { onePerValue: true, format: 'text' })],
    fanOut: { column: 'Email', from: { table: 'Users', column: 'EmailAddress' } },
    records: listOf('users'),
  })],
  peculiarities: ['Gong offers meetings to some companies only (a 403 otherwise). There is no endpoint that lists meetings.', 'Filter on Email (= or IN): without it, gongsql asks for every user\'s email, 100 a request.', 'Gong answers for every address it is asked about: an address named in the filter that is no Gong user still gets a row (Exists = 0), which a read without the filter does not have.'],
});
