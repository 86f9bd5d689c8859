/**
 * The sandbox's world, held in memory in Gong's own JSON shapes (camelCase, ids as
 * strings) so that routes only filter, page and serialize. Fields Gong sends as int64
 * numbers are converted at the route, not here.
 */

export interface Workspace { id: string; name: string; description: string | null }

export interface UserSettings {
  webConferencesRecorded: boolean;
  preventWebConferenceRecording: boolean;
  telephonyCallsImported: boolean;
  emailsImported: boolean;
  preventEmailImport: boolean;
  nonRecordedMeetingsImported: boolean;
  gongConnectEnabled: boolean;
}

export interface User {
  id: string;
  emailAddress: string;
  created: string;
  active: boolean;
  emailAliases: string[];
  trustedEmailAddress: string | null;
  firstName: string;
  lastName: string;
  title: string | null;
  phoneNumber: string | null;
  extension: string | null;
  personalMeetingUrls: string[];
  settings: UserSettings;
  managerId: string | null;
  meetingConsentPageUrl: string | null;
  spokenLanguages: { language: string; primary: boolean }[];
}

/** Gong's CallBasicData. */
export interface CallMeta {
  id: string;
  url: string;
  title: string | null;
  scheduled: string | null;
  started: string;
  duration: number;
  primaryUserId: string;
  direction: Direction;
  system: string | null;
  scope: 'Internal' | 'External' | 'Unknown';
  media: 'Video' | 'Audio';
  language: string;
  workspaceId: string;
  sdrDisposition: string | null;
  clientUniqueId: string | null;
  customData: string | null;
  purpose: string | null;
  meetingUrl: string | null;
  isPrivate: boolean;
  calendarEventId: string | null;
}

export type Direction = 'Inbound' | 'Outbound' | 'Conference' | 'Unknown';

export interface CrmContext {
  system: string;
  objects: { objectType: string; objectId: string; fields: { name: string; value: unknown }[]; timing?: string }[];
}

export interface Party {
  id: string;
  emailAddress: string | null;
  name: string | null;
  title: string | null;
  userId: string | null;
  speakerId: string | null;
  context: CrmContext[];
  affiliation: 'Internal' | 'External' | 'Unknown';
  phoneNumber: string | null;
  methods: string[];
}

export interface CallTracker {
  id: string;
  name: string;
  count: number;
  type: 'KEYWORD' | 'SMART';
  occurrences: { startTime: number; speakerId: string }[];
  phrases: { count: number; phrase: string; occurrences: { startTime: number; speakerId: string }[] }[];
}

export interface CallComment {
  id: string;
  audioStartTime: number;
  audioEndTime: number;
  commenterUserId: string;
  comment: string;
  posted: string;
  inReplyTo: string | null;
  duringCall: boolean;
}

/**
 * Where a call is in Gong's ingestion: only `processed` calls are visible to listing and
 * to GET /v2/calls/{id}. Generated calls without media stay `awaitingMedia` forever.
 */
export type CallState = 'awaitingMedia' | 'processing' | 'processed' | 'failed';

/**
 * How a dialer call went: only a connected call is a conversation (briefs, key points,
 * several speakers); a voicemail or unanswered call has at most the rep speaking.
 */
export type Connection = 'connected' | 'voicemail' | 'noAnswer' | 'wrongNumber';

export interface SandboxCall {
  meta: CallMeta;
  /** Absent on uploaded calls (treated as connected). */
  connection?: Connection;
  state: CallState;
  /** The instant Gong's date filters compare: scheduled for Gong-recorded conferences, else started. */
  filterTimeMs: number;
  parties: Party[];
  context: CrmContext[];
  topics: { name: string; duration: number }[];
  structure: { name: string; duration: number }[];
  trackers: CallTracker[];
  brief: string | null;
  /** Who met which company, for the brief's last sentence written once the outcome is known (summaries.ts). */
  briefFacts?: { rep: string; company: string };
  /** The "Next steps" highlight: what was agreed, in agreement with the outcome. */
  nextSteps?: string[];
  keyPoints: { text: string }[];
  comments: CallComment[];
  /** Seed of the transcript derived on demand (see transcripts.ts). */
  transcriptSeed: string | null;
  /** Interaction stats, outcome and deal stages (analytics.ts); uploaded calls have none. */
  analytics?: CallAnalytics;
}

export interface OutcomeOfCall { id: string; category: string; name: string }

export interface CallAnalytics {
  /** Share of the spoken time the company's speakers talked, 0–1. */
  talkRatio: number;
  /** Seconds. */
  longestMonologue: number;
  longestCustomerStory: number;
  interactivity: number;
  patience: number;
  companyQuestions: number;
  nonCompanyQuestions: number;
  /** Seconds talked by speaker id. */
  talkTimes: Record<string, number>;
  outcome: OutcomeOfCall | null;
  /** The opportunity's stage when the call happened and now (CRM context timing). */
  stageAtCall: string;
  stageNow: string;
  /** The opportunity's Amount when the call happened (the context's Amount is its value now). */
  amountAtCall: number | null;
  /** The host's skill, 0–1 (not shown by Gong): better reps' deals are won more often (deals.ts). */
  hostSkill: number;
}

export interface ScorecardQuestion {
  questionId: string;
  questionRevisionId: string;
  questionText: string;
  isOverall: boolean;
  questionType: 'RANGE' | 'SINGLE_SELECT' | 'MULTIPLE_SELECT' | 'TEXT';
  answerGuide: string | null;
  minRange: number | null;
  maxRange: number | null;
  answerOptions: { id: number; text: string }[] | null;
}

export interface Scorecard {
  scorecardId: string;
  scorecardName: string;
  workspaceId: string;
  enabled: boolean;
  updaterUserId: string;
  created: string;
  updated: string;
  reviewMethod: 'AUTOMATIC' | 'MANUAL';
  questions: ScorecardQuestion[];
}

export interface AnsweredScorecard {
  answeredScorecardId: string;
  scorecardId: string;
  scorecardName: string;
  callId: string;
  callStartTime: string;
  reviewedUserId: string;
  reviewerUserId: string | null;
  reviewMethod: 'AUTOMATIC' | 'MANUAL';
  editorUserId: string | null;
  reviewTime: string;
  visibilityType: 'PUBLIC' | 'PRIVATE' | 'OPT_IN_USERS';
  answers: {
    questionId: string;
    questionRevisionId: string;
    isOverall: boolean;
    score: number | null;
    answerText: string | null;
    notApplicable: boolean;
    selectedOptions: string[] | null;
  }[];
}

export interface KeywordTracker {
  trackerId: string;
  trackerName: string;
  workspaceId: string;
  languageKeywords: { language: string; keywords: string[]; includeRelatedForms: boolean }[];
  affiliation: 'Anyone' | 'Company' | 'NonCompany';
  partOfQuestion: boolean;
  saidAt: 'Anytime' | 'First' | 'Last';
  saidAtInterval: number | null;
  saidAtUnit: string | null;
  saidInTopics: string[];
  filterQuery: string | null;
  created: string;
  creatorUserId: string;
  updated: string;
  updaterUserId: string;
}

export interface LibraryFolder {
  id: string;
  name: string;
  parentFolderId: string | null;
  createdBy: string;
  updated: string;
  workspaceId: string;
  calls: LibraryCall[];
}

export interface LibraryCall {
  id: string;
  title: string | null;
  note: string | null;
  addedBy: string;
  created: string;
  url: string;
  snippet: { fromSec: number; toSec: number } | null;
}

export interface AccessLevel { permissionLevel: string; teamLeadIds: string[] }

/** PermissionProfileDTO; the boolean capabilities live in `flags` and are spread on output. */
export interface PermissionProfile {
  id: string;
  name: string;
  description: string | null;
  workspaceId: string;
  callsAccess: AccessLevel;
  libraryFolderAccess: {
    permissionLevel: string;
    libraryFolderIds: string[];
    managePublicFolder: boolean;
    manageStreams: boolean;
    manageFolderCalls: boolean;
    shareFoldersAndStreams: boolean;
  };
  dealsAccess: AccessLevel;
  coachingAccess: AccessLevel;
  insightsAccess: AccessLevel;
  usageAccess: AccessLevel;
  emailsAccess: AccessLevel;
  flags: Record<string, boolean>;
  userIds: string[];
}

export interface CrmIntegration { integrationId: string; ownerEmail: string; name: string }

export interface CrmRequest {
  integrationId: string;
  clientRequestId: string;
  createdMs: number;
  status: 'PENDING' | 'IN_PROGRESS' | 'DONE' | 'FAILED';
}

export interface ManualCrmAssociation {
  callId: string;
  userId: string;
  created: string;
  associatedCrmObjects: { accountCrmId: string | null; dealCrmId: string | null }[];
}

export type LogType = 'AccessLog' | 'UserActivityLog' | 'UserCallPlay' | 'ExternallySharedCallAccess' | 'ExternallySharedCallPlay';
export const LOG_TYPES: readonly LogType[] = ['AccessLog', 'UserActivityLog', 'UserCallPlay', 'ExternallySharedCallAccess', 'ExternallySharedCallPlay'];

export interface LogEntry {
  logType: LogType;
  userId: string;
  userEmailAddress: string;
  userFullName: string;
  impersonatorUserId: string | null;
  impersonatorEmailAddress: string | null;
  impersonatorFullName: string | null;
  impersonatorCompanyId: string | null;
  eventTime: string;
  logRecord: Record<string, unknown>;
}

/** The counters of Gong's activity stats (/v2/stats/activity/*), in Gong's order. */
export const ACTIVITY_KINDS = [
  'callsAsHost', 'callsGaveFeedback', 'callsRequestedFeedback', 'callsReceivedFeedback', 'ownCallsListenedTo',
  'othersCallsListenedTo', 'callsSharedInternally', 'callsSharedExternally', 'callsScorecardsFilled',
  'callsScorecardsReceived', 'callsAttended', 'callsCommentsGiven', 'callsCommentsReceived',
  'callsMarkedAsFeedbackGiven', 'callsMarkedAsFeedbackReceived',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** One thing a user did with a call, counted by the activity stats on the day of `ms`. */
export interface ActivityEvent { userId: string; kind: ActivityKind; callId: string; ms: number }

/** An Engage flow; `ownerEmail` and `workspaceId` are what Gong filters on, not sent. */
export interface Flow {
  id: string;
  name: string;
  folderId: string | null;
  folderName: string | null;
  visibility: 'Company' | 'Personal' | 'Shared';
  creationDate: string;
  exclusive: boolean;
  ownerEmail: string;
  workspaceId: string;
}

/** An Engage call task as POST /v2/tasks returns it; `userId` is also the required filter. */
export interface Task {
  id: string;
  userId: string;
  created: string;
  updated: string;
  status: 'OPEN' | 'DONE' | 'DISMISSED';
  type: 'FLOW' | 'MANUAL';
  actions: string[];
  account: { crmId: string; name: string };
  opportunity: { crmId: string; name: string } | null;
  dueDate: string;
  flow: { id: string; name: string; step: { id: string; name: string; stepNumber: number } } | null;
  contact: { crmId: string; name: string; emailAddress: string };
  additionalContacts: { crmId: string; name: string }[];
  title: string;
  priority: { id: string; name: string };
}

export interface FlowFolder {
  id: string;
  name: string;
  parentFolderId: string | null;
  visibility: 'Company' | 'Personal' | 'Shared';
  creationDate: string;
  ownerEmail: string;
  workspaceId: string;
}

export interface CallOutcome {
  callOutcome: string;
  displayOrder: number;
  connectStatus: 'CONNECTED' | 'NOT_CONNECTED';
  sentiment: 'POSITIVE' | 'NEGATIVE' | 'NEUTRAL';
  todoAction: 'COMPLETE' | 'COMPLETE_AND_REMOVE';
  automation: 'MARK_AS_OPT_OUT' | null;
  category: 'ANSWERED' | 'NOT_ANSWERED';
}

/** One change of a user's setting (GET /v2/users/{id}/settings-history). */
export interface SettingChange { setting: string; value: boolean; time: string }

/** A prospect in a flow (POST /v2/flows/prospects/assign). */
export interface FlowAssignment {
  flowId: string;
  flowName: string;
  crmProspectId: string;
  flowInstanceId: string;
  flowInstanceOwnerEmail: string;
  flowInstanceOwnerFullName: string;
  flowInstanceCreateDate: string;
  flowInstanceStatus: 'Running' | 'Pending' | 'Paused';
  workspaceId: string;
  exclusive: boolean;
}

/** A data-privacy erasure Gong accepted (asynchronous at Gong; recorded so tests can see it). */
export interface ErasureRequest { kind: 'emailAddress' | 'phoneNumber'; value: string; requestId: string }

export interface World {
  workspaces: Workspace[];
  users: User[];
  /** Users Gong calls avatars (synthetic Gong-staff users), hidden unless includeAvatars. */
  avatarUserIds: Set<string>;
  calls: SandboxCall[];
  scorecards: Scorecard[];
  answeredScorecards: AnsweredScorecard[];
  trackers: KeywordTracker[];
  folders: LibraryFolder[];
  profiles: PermissionProfile[];
  crmIntegrations: CrmIntegration[];
  crmRequests: CrmRequest[];
  associations: ManualCrmAssociation[];
  logs: LogEntry[];
  /** Activity events in time order (derived from the calls; see activity.ts). */
  activity: ActivityEvent[];
  flows: Flow[];
  flowFolders: FlowFolder[];
  tasks: Task[];
  callOutcomes: CallOutcome[];
  settingsHistory: Map<string, SettingChange[]>;
  erasures: ErasureRequest[];
  flowAssignments: FlowAssignment[];
  /** eventIds of digital interactions reported (Gong refuses one twice with 409). */
  digitalInteractions: Map<string, Record<string, unknown>>;
  /** Legacy customer-engagement events pushed (PUT /v2/customer-engagement/…), in order. */
  engagementEvents: { kind: 'viewed' | 'shared' | 'action'; body: Record<string, unknown> }[];
}
