import { AuditLogs, PermissionProfiles, PermissionProfileUsers } from './admin';
import { CallBriefs, CallCrmContext, CallMedia, CallHighlights, CallInteractionStats, CallKeyPoints, CallOutcomes, CallOutlines, CallSpeakers, CallStructure } from './callContent';
import { CallComments, CallParties, Calls, CallTopics, CallTrackers, CallTranscripts } from './calls';
import { CallManualCRMAssociations, CRMEntitySchema, CRMIntegrations, CRMRequestStatus } from './crm';
import { CallUserAccess } from './callAccess';
import { Coaching } from './coaching';
import { MeetingIntegrationStatus } from './meetings';
import { LibraryFolderCalls, PublicLibraryFolders } from './library';
import { procedures } from './procedures';
import { AnsweredScorecardAnswers, AnsweredScorecards, ScoreCardQuestions, ScoreCards, TrackerDetails } from './settings';
import { UserActivityByPeriod, UserActivityDayByDay, UserActivityStats, UserInteractionStats } from './stats';
import type { ProcedureDef, TableDef } from './types';
import { Users, UserSettingsHistory, Workspaces } from './users';
import { CallOutcomeTypes, FlowFolders, Flows, ProspectFlows, Tasks } from './engage';
import { DataPrivacyByEmail, DataPrivacyByPhone } from './privacy';

/** Every Gong object gongsql exposes, in explorer order. Adding an object is adding it here. */
export const tables: readonly TableDef[] = [
  Calls, CallParties, CallTopics, CallTrackers, CallComments, CallTranscripts,
  CallInteractionStats, CallSpeakers, CallBriefs, CallOutlines, CallHighlights, CallKeyPoints, CallOutcomes, CallStructure, CallCrmContext, CallMedia,
  Users, Workspaces, UserSettingsHistory,
  UserActivityStats, UserActivityByPeriod, UserActivityDayByDay, UserInteractionStats, AnsweredScorecards, AnsweredScorecardAnswers,
  ScoreCards, ScoreCardQuestions, TrackerDetails,
  PublicLibraryFolders, LibraryFolderCalls,
  CRMIntegrations, CallManualCRMAssociations,
  PermissionProfiles, PermissionProfileUsers, AuditLogs,
  Flows, FlowFolders, ProspectFlows, Tasks, CallOutcomeTypes,
  DataPrivacyByEmail, DataPrivacyByPhone,
  CRMEntitySchema, CRMRequestStatus, CallUserAccess, MeetingIntegrationStatus, Coaching,
];

export { procedures };

const tablesByName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
const proceduresByName = new Map(procedures.map((p) => [p.name.toLowerCase(), p]));

/** Names the statements a table supports, for the error on DML it does not ("SELECT, INSERT"). */
export function supportedStatements(table: TableDef): string {
  const kinds = ['SELECT', ...(['insert', 'update', 'delete'] as const).filter((k) => table.dml[k]).map((k) => k.toUpperCase())];
  return kinds.join(', ');
}

/** Names are case-insensitive, as in SQL. */
export function findTable(name: string): TableDef | undefined {
  return tablesByName.get(name.toLowerCase());
}

export function findProcedure(name: string): ProcedureDef | undefined {
  return proceduresByName.get(name.toLowerCase());
}

export function findColumn(table: TableDef, name: string) {
  const lower = name.toLowerCase();
  return table.columns.find((c) => c.name.toLowerCase() === lower);
}

export * from './types';
