import { Random } from '../data/random';
import type { Party, SandboxCall } from '../data/model';
import { DAY_MS, isoSeconds } from '../data/time';
import { badRequest } from '../http/errors';
import type { RequestContext, Route } from '../http/router';
import { reqString } from '../http/validate';

/**
 * Gong's data-privacy endpoints. What Gong holds about a person is derived from the calls
 * they took part in: the calls, their calendar meetings, their CRM records, and the emails
 * around each call (derived deterministically from the person and the call).
 */

const digitsOf = (phone: string) => phone.replace(/\D/g, '');

const requiredParam = (ctx: RequestContext, name: string): string => reqString(ctx.query.get(name) ?? undefined, name, 320).trim();

function callsWith(ctx: RequestContext, matches: (p: Party) => boolean): { call: SandboxCall; party: Party }[] {
  return ctx.store.world.calls.flatMap((call) => call.parties.filter(matches).map((party) => ({ call, party })));
}

function commonData(found: { call: SandboxCall; party: Party }[]) {
  const calls = found.map(({ call }) => ({
    id: call.meta.id,
    status: call.state === 'processed' ? 'COMPLETED' : 'PROCESSING',
    externalSystems: call.meta.system ? [{ system: call.meta.system, objects: [{ objectType: 'Conversation', externalId: call.meta.clientUniqueId ?? call.meta.id }] }] : [],
  }));
  const meetings = found.filter(({ call }) => call.meta.calendarEventId !== null).map(({ call }) => ({ id: call.meta.calendarEventId }));
  const customerData = found.flatMap(({ party }) => party.context.map((c) => ({
    system: c.system,
    objects: c.objects.map((o) => ({ id: o.objectId, objectType: o.objectType === 'Contact' ? 'Contact' : 'Lead', externalId: o.objectId, mirrorId: o.objectId, fields: o.fields })),
  })));
  return { calls: unique(calls), meetings: unique(meetings), customerData };
}

function unique<T extends { id: unknown }>(items: T[]): T[] {
  const seen = new Set<unknown>();
  return items.filter((x) => !seen.has(x.id) && seen.add(x.id));
}

/** Who the person wrote with about the call: its host, or another of its people when they are the host. */
function correspondent(email: string, call: SandboxCall): string {
  const others = call.parties.filter((p) => p.emailAddress !== null && p.emailAddress.toLowerCase() !== email);
  const host = others.find((p) => p.userId === call.meta.primaryUserId) ?? others[0];
  return host?.emailAddress ?? email;
}

/** The emails around each call: one to three, sent in the days before it, from the person or to them by the call's host. */
function emailsAround(email: string, found: { call: SandboxCall }[]) {
  return found.flatMap(({ call }) => {
    const random = new Random(`${email}:${call.meta.id}`);
    return Array.from({ length: random.int(1, 3) }, () => ({
      id: random.digits(19),
      from: random.bool(0.5) ? email : correspondent(email, call),
      sentTime: isoSeconds(call.filterTimeMs - random.int(1, 5 * 24) * (DAY_MS / 24)),
      mailbox: random.bool(0.5) ? 'INBOX' : 'SENT',
      messageHash: random.digits(16),
    }));
  });
}

const dataForEmail: Route = {
  method: 'GET',
  pattern: '/v2/data-privacy/data-for-email-address',
  scope: 'api:data-privacy:read',
  handle(ctx) {
    const email = requiredParam(ctx, 'emailAddress').toLowerCase();
    if (!email.includes('@')) throw badRequest('emailAddress must be a valid email address');
    const found = callsWith(ctx, (p) => p.emailAddress?.toLowerCase() === email);
    const engagement = found.length > 3 ? [{ eventType: 'ContentViewed', timestamp: isoSeconds((found[0] as { call: SandboxCall }).call.filterTimeMs + DAY_MS), contentId: 'proposal-1', contentUrl: 'https://docs.example.com/proposal-1', reportingSystem: 'Docsend', eventName: 'Proposal viewed', sourceEventId: `ev-${email}` }] : [];
    return { body: { emails: emailsAround(email, found), ...commonData(found), customerEngagement: engagement } };
  },
};

const dataForPhone: Route = {
  method: 'GET',
  pattern: '/v2/data-privacy/data-for-phone-number',
  scope: 'api:data-privacy:read',
  handle(ctx) {
    const phone = requiredParam(ctx, 'phoneNumber');
    if (!phone.startsWith('+')) throw badRequest('phoneNumber must start with + and the country code');
    const wanted = digitsOf(phone);
    const found = callsWith(ctx, (p) => p.phoneNumber !== null && digitsOf(p.phoneNumber) === wanted);
    return {
      body: {
        suppliedPhoneNumber: phone,
        matchingPhoneNumbers: [...new Set(found.map(({ party }) => party.phoneNumber as string))],
        emailAddresses: [...new Set(found.flatMap(({ party }) => (party.emailAddress ? [party.emailAddress] : [])))],
        ...commonData(found),
      },
    };
  },
};

/**
 * The erase endpoints: accepted at once, carried out later (Gong: within hours; the sandbox:
 * after `eraseDelayMs`). Then, as Gong documents, every call the person appears in is deleted,
 * and with the calls their emails, meetings and CRM records: the lookups find nothing.
 */
function eraseRoute(pattern: string, param: string, kind: 'emailAddress' | 'phoneNumber'): Route {
  return {
    method: 'POST',
    pattern,
    scope: 'api:data-privacy:delete',
    handle(ctx) {
      const value = requiredParam(ctx, param);
      if (kind === 'phoneNumber' && !value.startsWith('+')) throw badRequest('phoneNumber must start with + and the country code');
      const { store } = ctx;
      store.world.erasures.push({ kind, value, requestId: String(store.world.erasures.length + 1) });
      const email = value.toLowerCase();
      const wanted = digitsOf(value);
      const isPerson = kind === 'emailAddress'
        ? (p: Party) => p.emailAddress?.toLowerCase() === email
        : (p: Party) => p.phoneNumber !== null && digitsOf(p.phoneNumber) === wanted;
      store.later(store.eraseDelayMs, () => store.eraseCalls((call) => call.parties.some(isPerson), kind === 'emailAddress' ? email : undefined));
      return { body: {} };
    },
  };
}

export const privacyRoutes: Route[] = [
  dataForEmail,
  dataForPhone,
  eraseRoute('/v2/data-privacy/erase-data-for-email-address', 'emailAddress', 'emailAddress'),
  eraseRoute('/v2/data-privacy/erase-data-for-phone-number', 'phoneNumber', 'phoneNumber'),
];
