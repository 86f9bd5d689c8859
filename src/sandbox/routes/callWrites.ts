import { createHash } from 'node:crypto';
import busboy from 'busboy';
import { callLanguage, CALL_LANGUAGE_CODES } from '../data/languages';
import type { CrmContext, Direction, Party, SandboxCall } from '../data/model';
import { isoSeconds } from '../data/time';
import { badRequest, conflict, GongHttpError, notFound } from '../http/errors';
import type { RequestContext, Route } from '../http/router';
import { asObject, optDateTime, optEnum, optId, optNumber, optString, reqDateTime, reqId, reqString, type Json } from '../http/validate';

const DIRECTIONS: readonly Direction[] = ['Inbound', 'Outbound', 'Conference', 'Unknown'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;

/** POST /v2/calls: a call draft, invisible until its media is processed. */
const createCall: Route = {
  method: 'POST',
  pattern: '/v2/calls',
  scope: 'api:calls:create',
  async handle(ctx) {
    const body = asObject(await ctx.json(), 'body');
    const clientUniqueId = reqString(body.clientUniqueId, 'clientUniqueId', 2048);
    const actualStartMs = reqDateTime(body.actualStart, 'actualStart');
    const direction = optEnum(body.direction, 'direction', DIRECTIONS);
    if (direction === undefined) throw badRequest('direction is required');
    const primaryUser = reqId(body.primaryUser, 'primaryUser');
    const parties = readParties(body.parties, primaryUser, ctx);
    const scheduledStart = optDateTime(body.scheduledStart, 'scheduledStart');
    optDateTime(body.scheduledEnd, 'scheduledEnd');
    const languageCode = optString(body.languageCode, 'languageCode');
    if (languageCode !== undefined && !CALL_LANGUAGE_CODES.has(languageCode)) throw badRequest(`languageCode ${languageCode} is not a supported language code`);
    const workspaceId = optId(body.workspaceId, 'workspaceId');
    if (workspaceId !== undefined && !ctx.store.world.workspaces.some((w) => w.id === workspaceId)) throw badRequest(`workspaceId ${workspaceId} does not exist`);
    const downloadMediaUrl = optString(body.downloadMediaUrl, 'downloadMediaUrl', 2048);
    if (downloadMediaUrl !== undefined && !/^https?:\/\/\S+$/.test(downloadMediaUrl)) throw badRequest('downloadMediaUrl must be an http(s) URL');
    const host = ctx.store.world.users.find((u) => u.id === primaryUser);
    if (!host) throw badRequest(`primaryUser ${primaryUser} is not a Gong user`);
    if (!host.active) throw conflict(`Recording is not enabled for the primary user ${primaryUser}`);
    if (ctx.store.clientUniqueIds.has(clientUniqueId)) throw conflict(`A call with clientUniqueId ${clientUniqueId} was already uploaded`);

    const id = ctx.store.newId();
    const call: SandboxCall = {
      meta: {
        id,
        url: `https://app.gong.io/call?id=${id}`,
        title: optString(body.title, 'title') ?? null,
        scheduled: scheduledStart === undefined ? null : isoSeconds(scheduledStart),
        started: isoSeconds(actualStartMs),
        duration: Math.round(optNumber(body.duration, 'duration') ?? 0),
        primaryUserId: primaryUser,
        direction,
        system: optString(body.callProviderCode, 'callProviderCode') ?? null,
        scope: parties.some((p) => p.affiliation === 'External') ? 'External' : 'Internal',
        media: 'Audio',
        language: callLanguage(languageCode),
        workspaceId: workspaceId ?? (ctx.store.world.workspaces[0]?.id ?? ''),
        sdrDisposition: optString(body.disposition, 'disposition', 255) ?? null,
        clientUniqueId,
        customData: optString(body.customData, 'customData') ?? null,
        purpose: optString(body.purpose, 'purpose', 255) ?? null,
        meetingUrl: optString(body.meetingUrl, 'meetingUrl') ?? null,
        isPrivate: false,
        calendarEventId: null,
      },
      state: 'awaitingMedia',
      // Uploaded calls are not Gong-recorded conferences: date filters compare the actual start.
      filterTimeMs: actualStartMs,
      parties,
      context: readContext(body.context, 'context'),
      topics: [],
      structure: [],
      trackers: [],
      brief: null,
      keyPoints: [],
      comments: [],
      transcriptSeed: id,
    };
    ctx.store.addDraft(call);
    if (downloadMediaUrl !== undefined) ctx.store.process(call, true);
    return { body: { callId: id } };
  },
};

function readParties(value: unknown, primaryUser: string, ctx: RequestContext): Party[] {
  if (!Array.isArray(value) || value.length === 0) throw badRequest('parties must be a non-empty array');
  const parties = value.map((raw, i): Party => {
    const p = asObject(raw, `parties[${i}]`);
    const email = optString(p.emailAddress, `parties[${i}].emailAddress`, 320);
    if (email !== undefined && (!EMAIL.test(email) || /\.example$/i.test(email))) throw badRequest(`parties[${i}].emailAddress ${email} is not a valid email address`);
    const userId = optId(p.userId, `parties[${i}].userId`) ?? null;
    return {
      id: ctx.store.newId(),
      emailAddress: email ?? null,
      name: optString(p.name, `parties[${i}].name`) ?? null,
      title: null,
      userId,
      speakerId: ctx.store.newId(),
      context: readContext(p.context, `parties[${i}].context`),
      affiliation: userId !== null ? 'Internal' : 'External',
      phoneNumber: optString(p.phoneNumber, `parties[${i}].phoneNumber`) ?? null,
      methods: ['Attendee'],
    };
  });
  if (!parties.some((p) => p.userId === primaryUser)) throw badRequest('parties must include a party for the primaryUser (its userId)');
  return parties;
}

function readContext(value: unknown, name: string): CrmContext[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest(`${name} must be an array`);
  return value.map((raw, i) => {
    const c = asObject(raw, `${name}[${i}]`);
    const objects = c.objects === undefined ? [] : c.objects;
    if (!Array.isArray(objects)) throw badRequest(`${name}[${i}].objects must be an array`);
    return {
      system: reqString(c.system, `${name}[${i}].system`),
      objects: objects.map((o: unknown, j: number) => {
        const obj = asObject(o, `${name}[${i}].objects[${j}]`) as Json;
        const fields = Array.isArray(obj.fields) ? (obj.fields as { name: string; value: unknown }[]) : [];
        return { objectType: reqString(obj.objectType, `${name}[${i}].objects[${j}].objectType`), objectId: reqString(obj.objectId, `${name}[${i}].objects[${j}].objectId`), fields, timing: 'Now' };
      }),
    };
  });
}

/** PUT /v2/calls/{id}/media: multipart `mediaFile`, streamed, never held in memory. */
const uploadMedia: Route = {
  method: 'PUT',
  pattern: '/v2/calls/{id}/media',
  scope: 'api:calls:create',
  async handle(ctx) {
    const call = ctx.store.call(ctx.params.id ?? '');
    if (!call) throw notFound('Call ID was not found');
    if (call.state !== 'awaitingMedia') throw badRequest(`Media was already uploaded for call ${call.meta.id}`);
    const media = await receiveMedia(ctx);
    ctx.describeBody(`multipart mediaFile ${media.bytes} bytes${media.wavSeconds === undefined ? '' : `, WAV ${media.wavSeconds.toFixed(1)} s`}`);
    if (media.bytes > 0 && ctx.store.mediaHashes.has(media.sha256)) throw badRequest('Identical media was already uploaded for another call');
    if (media.bytes > 0) ctx.store.mediaHashes.add(media.sha256);
    // Gong accepts the upload and discards a recording shorter than two minutes later.
    const longEnough = media.wavSeconds !== undefined ? media.wavSeconds >= 120 : media.bytes >= ctx.store.media.minBytes;
    if (media.wavSeconds !== undefined && call.meta.duration === 0) call.meta.duration = Math.round(media.wavSeconds);
    ctx.store.process(call, media.bytes > 0 && longEnough);
    return { status: 201, body: { callId: call.meta.id, url: call.meta.url } };
  },
};

interface ReceivedMedia { bytes: number; sha256: string; wavSeconds?: number }

function receiveMedia(ctx: RequestContext): Promise<ReceivedMedia> {
  const contentType = ctx.req.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) return Promise.reject(badRequest('The request must be multipart/form-data with a mediaFile part'));
  const maxBytes = ctx.store.media.maxBytes;
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: ctx.req.headers, limits: { fileSize: maxBytes, files: 1 } });
    } catch {
      reject(badRequest('Malformed multipart body'));
      return;
    }
    let result: ReceivedMedia | undefined;
    let failure: GongHttpError | undefined;
    parser.on('file', (field, stream) => {
      if (field !== 'mediaFile') {
        stream.resume();
        return;
      }
      const hash = createHash('sha256');
      let bytes = 0;
      let head = Buffer.alloc(0);
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
        if (head.length < 64) head = Buffer.concat([head, chunk.subarray(0, 64 - head.length)]);
      });
      stream.on('limit', () => {
        failure = badRequest(`mediaFile exceeds the ${maxBytes} byte limit (1.5 GB)`);
      });
      stream.on('end', () => {
        result = { bytes, sha256: hash.digest('hex'), wavSeconds: wavSeconds(head, bytes) };
      });
    });
    parser.on('error', () => reject(badRequest('Malformed multipart body')));
    parser.on('close', () => {
      if (failure) reject(failure);
      else if (!result) reject(badRequest('mediaFile is required (multipart part "mediaFile")'));
      else resolve(result);
    });
    ctx.req.pipe(parser);
  });
}

/** Length of a PCM WAV recording from its header and size; undefined for other formats. */
function wavSeconds(head: Buffer, bytes: number): number | undefined {
  if (head.length < 44 || head.toString('ascii', 0, 4) !== 'RIFF' || head.toString('ascii', 8, 12) !== 'WAVE') return undefined;
  const byteRate = head.readUInt32LE(28);
  return byteRate > 0 ? Math.max(0, bytes - 44) / byteRate : undefined;
}

export const callWriteRoutes: Route[] = [createCall, uploadMedia];
