import { IdFactory } from './ids';
import type { CallComment, CallMeta, CallTracker, Connection, CrmContext, Direction, KeywordTracker, Party, SandboxCall, User, Workspace } from './model';
import { Random } from './random';
import { slug } from './people';
import { briefOf, keyPointsOf } from './summaries';
import { DAY_MS, isoSeconds } from './time';
import {
  COMMENTS, COMPANIES, HOSTILE_TITLES, LANGUAGES_ISO639, MEETING_KINDS, STRUCTURE, SYSTEMS_CONFERENCE,
  SYSTEMS_PHONE, TOPICS, FIRST_NAMES, LAST_NAMES,
} from './vocabulary';

/** Generated calls span the 18 months before the anchor. */
export const CALL_SPAN_MS = 548 * DAY_MS;

export interface CallContext {
  random: Random;
  /**
   * Decisions added after the data was first published (how a dialer call connected, who
   * attended an internal call), drawn from a stream of their own so `random` stays as it was.
   */
  shape: Random;
  /** The briefs' and key points' wording. */
  summaries: Random;
  ids: IdFactory;
  anchorMs: number;
  workspaces: Workspace[];
  users: User[];
  trackersByWorkspace: Map<string, KeywordTracker[]>;
  seed: string;
}

export function generateCalls(ctx: CallContext, count: number): SandboxCall[] {
  const hosts = ctx.users.slice(0, ctx.users.length - 2).filter((u) => u.active);
  const calls: SandboxCall[] = [];
  for (let i = 0; i < count; i++) calls.push(generateCall(ctx, hosts, i));
  return calls;
}

function generateCall(ctx: CallContext, hosts: User[], index: number): SandboxCall {
  const { random, ids } = ctx;
  const id = ids.next(19);
  const direction = pickDirection(random);
  const isConference = direction === 'Conference';
  const workspace = random.next() < 0.6 ? (ctx.workspaces[0] as Workspace) : random.pick(ctx.workspaces);
  const host = random.pick(hosts);
  const company = random.pick(COMPANIES);
  const filterTimeMs = ctx.anchorMs - random.int(1, CALL_SPAN_MS / 60_000) * 60_000;
  // Conferences are scheduled on the half hour and start a few minutes late; dialer calls start when scheduled.
  const scheduledMs = isConference ? Math.floor(filterTimeMs / 1_800_000) * 1_800_000 : filterTimeMs;
  const startedMs = isConference ? scheduledMs + random.int(0, 480) * 1000 : scheduledMs;
  let duration = isConference ? random.int(600, 3600) : random.int(45, 1200);
  const meta: CallMeta = {
    id,
    url: `https://app.gong.io/call?id=${id}`,
    title: callTitle(random, index, company, direction),
    scheduled: isoSeconds(scheduledMs),
    started: isoSeconds(startedMs),
    duration,
    primaryUserId: host.id,
    direction,
    system: isConference ? random.pick(SYSTEMS_CONFERENCE) : random.pick(SYSTEMS_PHONE),
    scope: random.next() < 0.75 ? 'External' : random.bool(0.8) ? 'Internal' : 'Unknown',
    media: isConference ? 'Video' : 'Audio',
    language: random.pick(LANGUAGES_ISO639),
    workspaceId: workspace.id,
    sdrDisposition: isConference ? null : random.pick(['Connected', 'Left voicemail', 'No answer', null]),
    clientUniqueId: isConference ? null : `pbx-${random.digits(9)}`,
    customData: random.bool(0.1) ? JSON.stringify({ campaign: random.pick(['Q1 push', 'Webinar', 'Inbound lead']) }) : null,
    purpose: random.bool(0.3) ? random.pick(['Qualification', 'Demo', 'Renewal']) : null,
    meetingUrl: isConference ? `https://zoom.us/j/${random.digits(10)}` : null,
    isPrivate: random.bool(0.05),
    calendarEventId: isConference ? random.digits(12) : null,
  };
  const connection = connectionOf(ctx.shape, direction, meta.sdrDisposition);
  if (connection !== 'connected') meta.duration = duration = unansweredDuration(ctx.shape, connection);
  const parties = generateParties(ctx, host, company);
  if (meta.scope === 'Internal') onlyColleagues(ctx, parties, hosts);
  if (connection !== 'connected') silence(parties, connection);
  const kind = isConference ? 'meeting' : `${direction.toLowerCase()} call`;
  return {
    meta,
    connection,
    filterTimeMs: isConference ? scheduledMs : startedMs,
    parties,
    ...drawContent(ctx, { workspace, host, company, kind, startedMs, duration, parties, connected: connection === 'connected', internal: meta.scope === 'Internal' }),
    transcriptSeed: `${ctx.seed}:${id}`,
  };
}

interface CallFacts { workspace: Workspace; host: User; company: string; kind: string; startedMs: number; duration: number; parties: Party[]; connected: boolean; internal: boolean }

/** What Gong made of the call: every draw of `random` happens as it always did, even where its value is then not used. */
function drawContent(ctx: CallContext, f: CallFacts): Pick<SandboxCall, 'state' | 'context' | 'topics' | 'structure' | 'trackers' | 'brief' | 'briefFacts' | 'keyPoints' | 'comments'> {
  const { random, ids } = ctx;
  const { duration, connected, internal } = f;
  const speakers = f.parties.filter((p) => p.speakerId !== null).map((p) => p.speakerId as string);
  const state = random.bool(0.03) ? 'awaitingMedia' : 'processed';
  const context = random.bool(0.5) ? [crmContext(random, f.company)] : [];
  const topics = fitInto(duration, random.sample(TOPICS, random.int(1, 4)).map((name) => ({ name, duration: random.int(10, Math.max(11, duration / 4)) })));
  const structure = inOrder(fitInto(duration, random.sample(STRUCTURE, random.int(2, 4)).map((name) => ({ name, duration: random.int(30, Math.max(31, duration / 3)) }))));
  const trackers = callTrackers(random, ctx.trackersByWorkspace.get(f.workspace.id) ?? [], speakers, duration);
  const hasBrief = random.bool(0.8);
  if (hasBrief) random.pick(TOPICS);
  const hasKeyPoints = random.bool(0.7);
  const summary = { company: f.company, rep: f.host.firstName, contact: mainContact(f.parties), topics: topics.map((t) => t.name), kind: f.kind };
  const briefed = connected && !internal && hasBrief;
  return {
    // A few calls never got their recording processed: Gong never lists them.
    state,
    // An internal call has no customer: no CRM account or opportunity, no customer brief.
    context: internal ? [] : context,
    // An unanswered call is a few seconds of ringing or a voicemail: nothing for Gong's AI to summarize.
    topics: connected ? topics : [],
    structure: connected ? structure : [],
    trackers: connected ? trackers : [],
    brief: briefed ? briefOf(ctx.summaries, summary) : null,
    ...(briefed && { briefFacts: { rep: summary.rep, company: summary.company } }),
    keyPoints: connected && !internal && hasKeyPoints ? keyPointsOf(ctx.summaries, summary) : [],
    comments: callComments(random, ids, ctx.users, f.startedMs, duration),
  };
}

/**
 * A dialer call's disposition says how it went; without one, the call's own stream decides.
 * Conferences are meetings that took place.
 */
function connectionOf(shape: Random, direction: Direction, disposition: string | null): Connection {
  const r = shape.next();
  if (direction === 'Conference' || disposition === 'Connected') return 'connected';
  if (disposition === 'Left voicemail') return 'voicemail';
  if (disposition === 'No answer') return r < 0.85 ? 'noAnswer' : 'wrongNumber';
  return r < 0.65 ? 'connected' : r < 0.85 ? 'voicemail' : r < 0.95 ? 'noAnswer' : 'wrongNumber';
}

/** Seconds of a call nobody took: ringing, a voicemail left, or a few words with a stranger. */
function unansweredDuration(shape: Random, connection: Exclude<Connection, 'connected'>): number {
  return connection === 'voicemail' ? shape.int(15, 60) : connection === 'noAnswer' ? shape.int(5, 30) : shape.int(8, 40);
}

/**
 * Only the rep speaks on a voicemail or an unanswered call; on a wrong number one stranger
 * answers. The others stay on the call's invite (their ids were drawn) but never spoke.
 */
function silence(parties: Party[], connection: Exclude<Connection, 'connected'>): void {
  let strangerAnswered = connection !== 'wrongNumber';
  parties.forEach((p, i) => {
    if (i === 0) return;
    if (!strangerAnswered && p.affiliation === 'External' && p.speakerId !== null) strangerAnswered = true;
    else p.speakerId = null;
  });
}

/** An internal call has no customer: each external party is a colleague instead (same party and speaker ids). */
function onlyColleagues(ctx: CallContext, parties: Party[], hosts: readonly User[]): void {
  const present = new Set(parties.map((p) => p.userId));
  const colleagues = ctx.shape.sample(hosts.filter((u) => !present.has(u.id)), parties.length);
  let next = 0;
  for (let i = parties.length - 1; i >= 0; i--) {
    const p = parties[i] as Party;
    if (p.affiliation === 'Internal') continue;
    const colleague = colleagues[next++];
    if (colleague) parties[i] = partyOf(colleague, p.id, p.speakerId);
    else parties.splice(i, 1);
  }
}

/** The customer named in the brief: the first external party who spoke and has a name. */
function mainContact(parties: readonly Party[]): string | null {
  return parties.find((p) => p.affiliation === 'External' && p.speakerId !== null && p.name !== null)?.name ?? null;
}

/** Scales the parts down, when they add up to more than the call, so that they fit in it. */
function fitInto<T extends { duration: number }>(duration: number, parts: T[]): T[] {
  const total = parts.reduce((sum, p) => sum + p.duration, 0);
  if (total <= duration) return parts;
  return parts.map((p) => ({ ...p, duration: Math.floor((p.duration * duration) / total) }));
}

/** A call's parts in the order calls go (setup before discovery before wrap-up). */
function inOrder(parts: { name: string; duration: number }[]): { name: string; duration: number }[] {
  return parts.sort((a, b) => STRUCTURE.indexOf(a.name) - STRUCTURE.indexOf(b.name));
}

function pickDirection(random: Random): Direction {
  const r = random.next();
  return r < 0.55 ? 'Conference' : r < 0.8 ? 'Outbound' : r < 0.95 ? 'Inbound' : 'Unknown';
}

function callTitle(random: Random, index: number, company: string, direction: Direction): string | null {
  // The first calls carry the hostile titles so that every scale and seed has them.
  if (index < HOSTILE_TITLES.length) return HOSTILE_TITLES[index] as string;
  if (random.bool(0.01)) return null;
  if (direction === 'Conference') return `${company} <> Gong SQL: ${random.pick(MEETING_KINDS)}`;
  return `${direction} call with ${company}`;
}

function generateParties(ctx: CallContext, host: User, company: string): Party[] {
  const { random, ids } = ctx;
  const parties: Party[] = [internalParty(ids, host, true)];
  for (const colleague of random.sample(ctx.users, random.int(0, 2))) {
    if (colleague.id !== host.id) parties.push(internalParty(ids, colleague, random.bool(0.7)));
  }
  const domain = `${slug(company)}.com`;
  for (let i = random.int(1, 4); i > 0; i--) {
    const phoneOnly = random.bool(0.1);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    parties.push({
      id: ids.next(random.int(15, 17)),
      emailAddress: phoneOnly ? null : `${slug(first)}.${slug(last)}@${domain}`,
      name: phoneOnly ? null : `${first} ${last}`,
      title: random.bool(0.5) ? random.pick(['CFO', 'Head of IT', 'Procurement', 'Director of Sales Ops']) : null,
      userId: null,
      speakerId: random.bool(0.8) ? ids.next(19) : null,
      context: random.bool(0.4) ? [{ system: 'Salesforce', objects: [{ objectType: 'Contact', objectId: `003${random.digits(12)}AAC`, fields: [], timing: 'Now' }] }] : [],
      affiliation: 'External',
      phoneNumber: phoneOnly || random.bool(0.3) ? `+44 20 ${random.digits(4)} ${random.digits(4)}` : null,
      methods: random.bool(0.8) ? ['Invitee', 'Attendee'] : ['Attendee'],
    });
  }
  return parties;
}

function internalParty(ids: IdFactory, user: User, spoke: boolean): Party {
  return partyOf(user, ids.next(16), spoke ? ids.next(19) : null);
}

function partyOf(user: User, id: string, speakerId: string | null): Party {
  return {
    id,
    emailAddress: user.emailAddress,
    name: `${user.firstName} ${user.lastName}`,
    title: user.title,
    userId: user.id,
    speakerId,
    context: [],
    affiliation: 'Internal',
    phoneNumber: user.phoneNumber,
    methods: ['Invitee', 'Attendee'],
  };
}

function crmContext(random: Random, company: string): CrmContext {
  return {
    system: 'Salesforce',
    objects: [
      { objectType: 'Account', objectId: `001${random.digits(12)}AAC`, fields: [{ name: 'Name', value: company }], timing: 'Now' },
      { objectType: 'Opportunity', objectId: `006${random.digits(12)}AAK`, fields: [{ name: 'Amount', value: random.int(5, 500) * 1000 }], timing: 'Now' },
    ],
  };
}

function callTrackers(random: Random, trackers: KeywordTracker[], speakers: string[], duration: number): CallTracker[] {
  if (speakers.length === 0) return [];
  return random.sample(trackers, random.int(0, 3)).map((tracker) => {
    const keywords = tracker.languageKeywords[0]?.keywords ?? [];
    const phrases = random.sample(keywords, random.int(1, Math.max(1, keywords.length))).map((phrase) => {
      const occurrences = Array.from({ length: random.int(1, 4) }, () => ({
        startTime: Math.round(random.next() * duration * 100) / 100,
        speakerId: random.pick(speakers),
      }));
      return { count: occurrences.length, phrase, occurrences };
    });
    const occurrences = phrases.flatMap((p) => p.occurrences).sort((a, b) => a.startTime - b.startTime);
    return { id: tracker.trackerId, name: tracker.trackerName, count: occurrences.length, type: 'KEYWORD' as const, occurrences, phrases };
  });
}

function callComments(random: Random, ids: IdFactory, users: User[], startedMs: number, duration: number): CallComment[] {
  const comments: CallComment[] = [];
  for (let i = random.bool(0.3) ? random.int(1, 3) : 0; i > 0; i--) {
    const at = random.int(0, duration);
    comments.push({
      id: ids.next(19),
      audioStartTime: at,
      audioEndTime: Math.min(duration, at + random.int(0, 30)),
      commenterUserId: random.pick(users).id,
      comment: random.pick(COMMENTS),
      posted: isoSeconds(startedMs + (duration + random.int(60, 3 * 86_400)) * 1000),
      inReplyTo: comments.length > 0 && random.bool(0.3) ? (comments[0] as CallComment).id : null,
      duringCall: random.bool(0.2),
    });
  }
  return comments;
}
