import { Random } from '../data/random';
import { badRequest } from '../http/errors';
import { notFound } from '../http/errors';
import type { RequestContext, Route } from '../http/router';
import { asObject, reqDateTime, reqString } from '../http/validate';

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
      const user = ctx.store.world.users.find((u) => u.emailAddress.toLowerCase() === e.toLowerCase());
      const random = new Random(`meetings:${e.toLowerCase()}`);
      const valid = user !== undefined && user.active && random.bool(0.85);
      return {
        email: e,
        exists: user !== undefined,
        valid,
        userFacingError: valid ? null : user === undefined ? 'No Gong user has this email address' : random.pick(['Calendar is not connected', 'Calendar permission expired', 'User is inactive']),
        fixUrl: valid ? null : 'https://app.gong.io/settings/calendar',
        helpUrl: valid ? null : 'https://help.gong.io/docs/connect-your-calendar',
      };
    });
    return { body: { users } };
  },
};


/** The body POST and PUT /v2/meetings share: 400 naming the first missing required field. */
function meetingBody(body: Record<string, unknown>) {
  const startTime = reqDateTime(body.startTime, 'startTime');
  const endTime = reqDateTime(body.endTime, 'endTime');
  if (endTime <= startTime) throw badRequest('endTime must be after startTime');
  const organizerEmail = reqString(body.organizerEmail, 'organizerEmail', 320);
  if (!Array.isArray(body.invitees) || body.invitees.length === 0) throw badRequest('invitees is required');
  const invitees = body.invitees.map((x, i) => ({ email: reqString(asObject(x, `invitees[${i}]`).email, `invitees[${i}].email`, 320) }));
  return { organizerEmail, invitees };
}

function organizer(ctx: RequestContext, email: string) {
  const user = ctx.store.world.users.find((u) => u.emailAddress.toLowerCase() === email.toLowerCase());
  if (!user) throw badRequest(`organizerEmail ${email} is not a Gong user`);
  return user;
}

/** POST /v2/meetings: Gong adds its recorder as an extra invitee. */
const createMeeting: Route = {
  method: 'POST',
  pattern: '/v2/meetings',
  scope: 'api:meetings:user:create',
  async handle(ctx) {
    const { organizerEmail, invitees } = meetingBody(asObject(await ctx.json(), 'body'));
    organizer(ctx, organizerEmail);
    const meetingId = ctx.store.newId();
    ctx.store.meetings.set(meetingId, { organizerEmail, invitees });
    return { status: 201, body: { meetingId, meetingUrl: `https://app.gong.io/meeting/${meetingId}`, additionalInvitees: [{ email: `recorder+${meetingId}@gong.io` }] } };
  },
};

const updateMeeting: Route = {
  method: 'PUT',
  pattern: '/v2/meetings/{meetingId}',
  scope: 'api:meetings:user:update',
  async handle(ctx) {
    const { organizerEmail, invitees } = meetingBody(asObject(await ctx.json(), 'body'));
    const meetingId = ctx.params.meetingId ?? '';
    if (!ctx.store.meetings.has(meetingId)) throw notFound(`Meeting ${meetingId} was not found`);
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
    if (meeting.organizerEmail.toLowerCase() !== organizerEmail.toLowerCase()) throw badRequest('organizerEmail is not the organizer of this meeting');
    ctx.store.meetings.delete(meetingId);
    return { body: {} };
  },
};

export const meetingWriteRoutes: Route[] = [createMeeting, updateMeeting, deleteMeeting];

export const meetingRoutes: Route[] = [integrationStatus, ...meetingWriteRoutes];
