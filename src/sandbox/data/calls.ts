import { IdFactory } from './ids';
import type { CallComment, CallMeta, CallTracker, CrmContext, Direction, KeywordTracker, Party, SandboxCall, User, Workspace } from './model';
import { Random } from './random';
import { slug } from './people';
import { DAY_MS, isoSeconds } from './time';
import {
  COMMENTS, COMPANIES, HOSTILE_TITLES, LANGUAGES_ISO639, MEETING_KINDS, STRUCTURE, SYSTEMS_CONFERENCE,
  SYSTEMS_PHONE, TOPICS, FIRST_NAMES, LAST_NAMES,
} from './vocabulary';

/** Generated calls span the 18 months before the anchor. */
export const CALL_SPAN_MS = 548 * DAY_MS;

export interface CallContext {
  random: Random;
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
  const duration = isConference ? random.int(600, 3600) : random.int(45, 1200);
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
  const parties = generateParties(ctx, host, company);
  const speakers = parties.filter((p) => p.speakerId !== null).map((p) => p.speakerId as string);
  return {
    meta,
    // A few calls never got their recording processed: Gong never lists them.
    state: random.bool(0.03) ? 'awaitingMedia' : 'processed',
    filterTimeMs: isConference ? scheduledMs : startedMs,
    parties,
    context: random.bool(0.5) ? [crmContext(random, company)] : [],
    topics: random.sample(TOPICS, random.int(1, 4)).map((name) => ({ name, duration: random.int(10, Math.max(11, duration / 4)) })),
    structure: random.sample(STRUCTURE, random.int(2, 4)).map((name) => ({ name, duration: random.int(30, Math.max(31, duration / 3)) })),
    trackers: callTrackers(random, ctx.trackersByWorkspace.get(workspace.id) ?? [], speakers, duration),
    brief: random.bool(0.8) ? `${company} discussed ${random.pick(TOPICS).toLowerCase()} with ${host.firstName}.` : null,
    keyPoints: random.bool(0.7) ? [{ text: `${company} wants a follow-up.` }, { text: 'Pricing concerns raised.' }] : [],
    comments: callComments(random, ids, ctx.users, startedMs, duration),
    transcriptSeed: `${ctx.seed}:${id}`,
  };
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
  return {
    id: ids.next(16),
    emailAddress: user.emailAddress,
    name: `${user.firstName} ${user.lastName}`,
    title: user.title,
    userId: user.id,
    speakerId: spoke ? ids.next(19) : null,
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
      audioEndTime: at + random.int(0, 30),
      commenterUserId: random.pick(users).id,
      comment: random.pick(COMMENTS),
      posted: isoSeconds(startedMs + (duration + random.int(60, 3 * 86_400)) * 1000),
      inReplyTo: comments.length > 0 && random.bool(0.3) ? (comments[0] as CallComment).id : null,
      duringCall: random.bool(0.2),
    });
  }
  return comments;
}
