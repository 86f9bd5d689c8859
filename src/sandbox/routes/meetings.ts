import type { User } from '../data/model';
import { Random } from '../data/random';
import { badRequest } from '../http/errors';
import { notFound } from '../http/errors';
import type { RequestContext, Route } from '../http/router';
import { asObject, reqDateTime, reqString } from '../http/validate';

/**
 * Whether Gong can schedule meetings in a user's calendar: an inactive user never; an active
 * one usually (a few have a calendar that is not connected or whose permission expired).
 */
export function calendarStatus(users: readonly User[], email: string) {
  const user = users.find((u) => u.emailAddress.toLowerCase() === email.toLowerCase());
  const random = new Random(`meetings:${email.toLowerCase()}`);
  const valid = user !== undefined && user.active && random.bool(0.85);
  const userFacingError = valid ? null : user === undefined ? 'No Gong user has this email address'
    : !user.active ? 'User is inactive' : random.pick(['Calendar is not connected', 'Calendar permission expired']);
  return { exists: user !== undefined, valid, userFacingError };
}

/** POST /v2/meetings/integration/status: whether Gong can schedule meetings in each user's calendar. */
const integrationStatus: Route = {
  method: 'POST',
  pattern: '/v2/meetings/integration/status',
  scope: 'api:meetings:integration:status',
  async handle(ctx) {
    const body = asObject(await ctx.json(), 'body');
    const emails = body.emails;
    if (!Array.isArray(emails) || emails.length === 0) throw badRequest('emails is required');
    if (emails.length > 100) throw badRequest('emails may hold at most 100 addresses');
    const users = emails.map((e, i) => {
      if (typeof e !== 'string') throw badRequest(`emails[${i}] must be a string`);
      const status = calendarStatus(ctx.store.world.users, e);
      return {
        email: e,
        ...status,
        fixUrl: status.valid ? null : 'https://app.gong.io/settings/calendar',
        helpUrl: status.valid ? null : 'https://help.gong.io/docs/connect-your-calendar',
      };
    });
    return { body: { users } };
  },
};

/** The body POST and PUT /v2/meetings share: 400 naming the first missing required field, or a start already past. */
function meetingBody(ctx: RequestContext, body: Record<string, unknown>) {
  const startTime = reqDateTime(body.startTime, 'startTime');
  const endTime = reqDateTime(body.endTime, 'endTime');
  if (endTime <= startTime) throw badRequest('endTime must be after startTime');
  if (startTime <= ctx.now()) throw badRequest('startTime must be in the future');
  const organizerEmail = reqString(body.organizerEmail, 'organizerEmail', 320);
  if (!Array.isArray(body.invitees) || body.invitees.length === 0) throw badRequest('invitees is required');
  const invitees = body.invitees.map((x, i) => ({ email: reqString(asObject(x, `invitees[${i}]`).email, `invitees[${i}].email`, 320) }));
  return { organizerEmail, invitees };
}

/** Gong schedules only in the calendar of a user whose meeting integration is valid (400 with its reason). */
function checkOrganizer(ctx: RequestContext, email: string): void {
  const status = calendarStatus(ctx.store.world.users, email);
  if (!status.exists) throw badRequest(`organizerEmail ${email} is not a Gong user`);
  if (!status.valid) throw badRequest(`organizerEmail ${email} cannot organize Gong meetings: ${status.userFacingError}`);
}

/** POST /v2/meetings: Gong adds its recorder as an extra invitee. */
const createMeeting: Route = {
  method: 'POST',
  pattern: '/v2/meetings',
  scope: 'api:meetings:user:create',
  async handle(ctx) {
    const { organizerEmail, invitees } = meetingBody(ctx, asObject(await ctx.json(), 'body'));
    checkOrganizer(ctx, organizerEmail);
    const meetingId = ctx.store.newId();
    ctx.store.meetings.set(meetingId, { organizerEmail, invitees });
    return { status: 201, body: { meetingId, meetingUrl: `https://app.gong.io/meeting/${meetingId}`, additionalInvitees: [{ email: `recorder+${meetingId}@gong.io` }] } };
  },
};

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const updateMeeting: Route = {
  method: 'PUT',
  pattern: '/v2/meetings/{meetingId}',
  scope: 'api:meetings:user:update',
  async handle(ctx) {
    const { organizerEmail, invitees } = meetingBody(ctx, asObject(await ctx.json(), 'body'));
    const meetingId = ctx.params.meetingId ?? '';
    const meeting = ctx.store.meetings.get(meetingId);
    if (!meeting) throw notFound(`Meeting ${meetingId} was not found`);
    // The organizer is the user who created the meeting: an update cannot hand it to someone else.
    if (!sameEmail(meeting.organizerEmail, organizerEmail)) throw badRequest('organizerEmail is not the organizer of this meeting; the organizer cannot be changed');
    ctx.store.meetings.set(meetingId, { organizerEmail, invitees });
    return { body: { meetingId } };
  },
};

const deleteMeeting: Route = {
  method: 'DELETE',
  pattern: '/v2/meetings/{meetingId}',
  scope: 'api:meetings:user:delete',
  async handle(ctx) {
    const organizerEmail = reqString(asObject(await ctx.json(), 'body').organizerEmail, 'organizerEmail', 320);
    const meetingId = ctx.params.meetingId ?? '';
    const meeting = ctx.store.meetings.get(meetingId);
    if (!meeting) throw notFound(`Meeting ${meetingId} was not found`);
    if (!sameEmail(meeting.organizerEmail, organizerEmail)) throw badRequest('organizerEmail is not the organizer of this meeting');
    ctx.store.meetings.delete(meetingId);
    return { body: {} };
  },
};

export const meetingWriteRoutes: Route[] = [createMeeting, updateMeeting, deleteMeeting];

export const meetingRoutes: Route[] = [integrationStatus, ...meetingWriteRoutes];
