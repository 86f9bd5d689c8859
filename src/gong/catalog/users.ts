import { col, defineTable, equals, filter, list, listOf, range, read } from './define';

export const Users = defineTable({
  name: 'Users',
  group: 'Users',
  mirror: { kind: 'createdSince', cursor: 'Created', history: 'all' },
  description: 'Gong users (avatars of Gong staff excluded).',
  columns: [
    col('Id', 'id', 'Gong user id.', { key: true }),
    col('EmailAddress', 'text', 'Primary email address.'),
    col('Created', 'datetime', 'When the user was created.'),
    col('Active', 'boolean', 'Whether the user is active.'),
    col('EmailAliases', 'json', 'Other email addresses, JSON array.'),
    col('TrustedEmailAddress', 'text', 'Trusted email address.'),
    col('FirstName', 'text', 'First name.'),
    col('LastName', 'text', 'Last name.'),
    col('Title', 'text', 'Job title.'),
    col('PhoneNumber', 'text', 'Phone number.'),
    col('Extension', 'text', 'Phone extension.'),
    col('PersonalMeetingUrls', 'json', 'Personal meeting links, JSON array.'),
    col('Settings', 'json', 'Recording and import settings, JSON object.'),
    col('ManagerId', 'id', "The manager's user id."),
    col('MeetingConsentPageUrl', 'text', 'Meeting consent page.'),
    col('SpokenLanguages', 'json', 'Languages spoken, JSON array of {language, primary}.'),
  ],
  filters: [
    filter('Id', ['=', 'IN'], 'One id reads GET /v2/users/{id}; a list reads POST /v2/users/extensive with userIds.'),
    filter('Created', ['>', '>=', '<', '<='], 'Sent to Gong as createdFromDateTime/createdToDateTime.'),
  ],
  reads: [
    read({ name: 'by id', method: 'GET', path: '/v2/users/{id}', bindings: [equals('Id', 'path:id')], requires: ['Id'], notFound: 'empty', records: (b) => [b.user as Record<string, unknown>] }),
    read({
      name: 'users/extensive', method: 'POST', path: '/v2/users/extensive', paging: 'body',
      bindings: [list('Id', 'body:filter.userIds', { onePerValue: true }), range('Created', 'body:filter.createdFromDateTime', 'body:filter.createdToDateTime')],
      fixed: { body: { filter: {} } },
      records: listOf('users'),
    }),
    read({ name: 'list', method: 'GET', path: '/v2/users', paging: 'query', records: listOf('users') }),
  ],
  peculiarities: ['Incremental replication sees new users only.'],
});

export const Workspaces = defineTable({
  name: 'Workspaces',
  group: 'Users',
  mirror: { kind: 'fullRefresh' },
  description: 'Workspaces of the company.',
  columns: [col('Id', 'id', 'Workspace id.', { key: true }), col('Name', 'text', 'Name.'), col('Description', 'text', 'Description.')],
  reads: [read({ name: 'list', method: 'GET', path: '/v2/workspaces', records: listOf('workspaces') })],
});

export const UserSettingsHistory = defineTable({
  name: 'UserSettingsHistory',
  group: 'Users',
  mirror: { kind: 'fullRefresh', onlyWhenNamed: 'one request per user each run: synced only when --objects names it' },
  description: "Changes to users' recording, import and active settings, oldest first (GET /v2/users/{id}/settings-history).",
  columns: [
    col('UserId', 'id', 'The user.', { key: true, source: (_r, ctx) => ctx.bound.UserId }),
    col('Setting', 'text', 'The setting changed: webConferencesRecorded, preventWebConferenceRecording, emailsImported, preventEmailImport, active, nonRecordedMeetingsImported, gongConnectEnabled, callsImported, interviewsRecorded, preventInterviewRecording.', { key: true }),
    col('Value', 'boolean', 'The value it was set to.'),
    col('Time', 'datetime', 'When.', { key: true }),
  ],
  filters: [filter('UserId', ['='], 'Sent to Gong in the path; without it, one request per user.')],
  reads: [read({
    name: 'per user', method: 'GET', path: '/v2/users/{id}/settings-history', requires: ['UserId'], notFound: 'empty',
    bindings: [equals('UserId', 'path:id')],
    fanOut: { column: 'UserId', from: { table: 'Users', column: 'Id' } },
    records: listOf('userSettingsHistory'),
  })],
  peculiarities: ['Gong keeps no history for a setting unchanged since the user was created: such users have no rows.', 'One request per user: filter on UserId to read one.'],
});
