import { newClientRequestId } from './crm';
import { replyText } from './define';
import { CALL_PARAMS, OPTIONAL_CALL_PARAMS, REQUIRED_CALL_PARAMS, callUploadBody } from './params';
import { GongError } from '../http/errors';
import { EraseDataForEmailAddress, EraseDataForPhoneNumber } from './privacy';
import { AssignProspectsToFlow, UnassignProspectFromFlows } from './engage';
import { ReportDigitalInteraction, SetIntegrationSettings } from './digitalInteractions';
import { CreateMeeting, DeleteMeeting, UpdateMeeting } from './meetings';
import { GrantCallAccess, RevokeCallAccess } from './callAccess';
import { ReportContentShared, ReportContentViewed, ReportCustomAction } from './customerEngagement';
import type { ProcedureDef, SendWrite } from './types';

const INVISIBLE = 'A call draft is invisible to SELECT until its media is processed, exactly as Gong behaves.';

async function uploadMedia(callId: string, filePath: string, send: SendWrite) {
  const reply = await send({ method: 'PUT', path: `/v2/calls/${callId}/media`, upload: { field: 'mediaFile', filePath } });
  return { CallId: replyText(reply.callId ?? callId), RequestId: replyText(reply.requestId), Url: replyText(reply.url) };
}

/**
 * POST /v2/calls. When its outcome is unknown the error says how to check: Gong burns a
 * clientUniqueId forever, so running the same CALL again cannot create the call twice.
 */
async function postCall(args: Readonly<Record<string, unknown>>, send: SendWrite): Promise<Record<string, unknown>> {
  try {
    return await send({ method: 'POST', path: '/v2/calls', body: callUploadBody(args) });
  } catch (error) {
    if (!(error instanceof GongError) || !error.outcomeUnknown) throw error;
    const id = String(args.ClientUniqueId).replace(/'/g, "''");
    throw new GongError(error.code, `${error.message} To check, run the CALL again: Gong refuses a second call with ClientUniqueId '${id}', so it cannot be created twice (a refusal means the first attempt created it).`,
      { endpoint: error.endpoint, status: error.status, requestId: error.requestId, outcomeUnknown: true, cause: error.cause });
  }
}

export const CreateDraftCall: ProcedureDef = {
  name: 'CreateDraftCall',
  description: 'Creates a call in Gong from its metadata (POST /v2/calls); upload its recording with UploadCallMedia.',
  params: [...REQUIRED_CALL_PARAMS, ...OPTIONAL_CALL_PARAMS],
  returns: [
    { name: 'CallId', type: 'id', description: 'The new call id.' },
    { name: 'RequestId', type: 'text', description: "Gong's requestId." },
  ],
  peculiarities: [INVISIBLE],
  async run(args, send) {
    const reply = await postCall(args, send);
    return { CallId: replyText(reply.callId), RequestId: replyText(reply.requestId) };
  },
};

export const UploadCallMedia: ProcedureDef = {
  name: 'UploadCallMedia',
  description: "Uploads a call's recording (PUT /v2/calls/{id}/media), streamed from disk.",
  params: [
    { name: 'Id', type: 'id', required: true, description: 'The call id CreateDraftCall returned.' },
    CALL_PARAMS.MediaFile,
  ],
  returns: [
    { name: 'CallId', type: 'id', description: 'The call id.' },
    { name: 'RequestId', type: 'text', description: "Gong's requestId." },
    { name: 'Url', type: 'text', description: 'Link to the call in Gong.' },
  ],
  peculiarities: ['Recordings shorter than two minutes are discarded by Gong after upload.', INVISIBLE],
  run: (args, send) => uploadMedia(String(args.Id), String(args.MediaFile), send),
};

export const CreateCall: ProcedureDef = {
  name: 'CreateCall',
  description: 'Creates a call and uploads its recording in one step (POST /v2/calls, then PUT /v2/calls/{id}/media).',
  params: [...REQUIRED_CALL_PARAMS, CALL_PARAMS.MediaFile, ...OPTIONAL_CALL_PARAMS],
  returns: UploadCallMedia.returns,
  peculiarities: UploadCallMedia.peculiarities,
  async run(args, send) {
    const draft = await postCall(args, send);
    return uploadMedia(String(draft.callId), String(args.MediaFile), send);
  },
};

export const CreateCallWithUrl: ProcedureDef = {
  name: 'CreateCallWithUrl',
  description: 'Creates a call whose recording Gong downloads from a URL (POST /v2/calls with downloadMediaUrl).',
  params: [...REQUIRED_CALL_PARAMS, CALL_PARAMS.DownloadMediaUrl, ...OPTIONAL_CALL_PARAMS],
  returns: CreateDraftCall.returns,
  peculiarities: [INVISIBLE],
  run: CreateDraftCall.run,
};

export const DeleteCRMIntegration: ProcedureDef = {
  name: 'DeleteCRMIntegration',
  description: 'Deletes the generic CRM integration and all its CRM data (asynchronous at Gong, up to 24 hours).',
  params: [
    { name: 'IntegrationId', type: 'id', required: true, description: 'The integration id (CRMIntegrations.IntegrationId).' },
    { name: 'ClientRequestId', type: 'text', required: false, maxLength: 128, description: 'Your id for the request (letters, digits, - and _); made up when absent. Reusing one is an error.' },
  ],
  returns: [
    { name: 'RequestId', type: 'text', description: "Gong's requestId." },
    { name: 'ClientRequestId', type: 'text', description: 'The clientRequestId to follow the deletion with.' },
  ],
  peculiarities: ['Deletion is asynchronous: Gong removes the integration and its accounts, contacts, deals, leads and users within up to 24 hours.'],
  async run(args, send) {
    const clientRequestId = args.ClientRequestId === undefined || args.ClientRequestId === null ? newClientRequestId() : String(args.ClientRequestId);
    const reply = await send({ method: 'DELETE', path: '/v2/crm/integrations', query: { integrationId: String(args.IntegrationId), clientRequestId } });
    return { RequestId: replyText(reply.requestId), ClientRequestId: replyText(reply.clientRequestId ?? clientRequestId) };
  },
};

export const procedures: readonly ProcedureDef[] = [CreateDraftCall, UploadCallMedia, CreateCall, CreateCallWithUrl, DeleteCRMIntegration, EraseDataForEmailAddress, EraseDataForPhoneNumber,
  AssignProspectsToFlow, UnassignProspectFromFlows, ReportDigitalInteraction, CreateMeeting, UpdateMeeting, DeleteMeeting,
  GrantCallAccess, RevokeCallAccess, SetIntegrationSettings, ReportContentViewed, ReportContentShared, ReportCustomAction];
