import { newProfileFlags } from '../data/admin';
import type { AccessLevel, PermissionProfile } from '../data/model';
import { badRequest, unprocessable } from '../http/errors';
import type { RequestContext, Route } from '../http/router';
import { asObject, optBool, optString, reqId, type Json } from '../http/validate';

const ACCESS_KEYS = ['callsAccess', 'dealsAccess', 'coachingAccess', 'insightsAccess', 'usageAccess', 'emailsAccess'] as const;

/** PermissionProfileDTO as Gong sends it: capability flags at the top level. */
function profileJson(p: PermissionProfile) {
  const { flags, userIds: _users, workspaceId: _workspace, ...rest } = p;
  return { ...rest, ...flags };
}

function findProfile(ctx: RequestContext): PermissionProfile {
  const profileId = reqId(ctx.query.get('profileId'), 'profileId');
  const profile = ctx.store.world.profiles.find((p) => p.id === profileId);
  if (!profile) throw badRequest(`profileId ${profileId} does not exist`);
  return profile;
}

function requireWorkspace(ctx: RequestContext): string {
  const workspaceId = reqId(ctx.query.get('workspaceId'), 'workspaceId');
  if (!ctx.store.world.workspaces.some((w) => w.id === workspaceId)) throw badRequest(`workspaceId ${workspaceId} does not exist`);
  return workspaceId;
}

const allProfiles: Route = {
  method: 'GET',
  pattern: '/v2/all-permission-profiles',
  handle(ctx) {
    const workspaceId = requireWorkspace(ctx);
    const profiles = ctx.store.world.profiles.filter((p) => p.workspaceId === workspaceId).sort((a, b) => a.name.localeCompare(b.name));
    return { body: { profiles: profiles.map(profileJson) } };
  },
};

const getProfile: Route = {
  method: 'GET',
  pattern: '/v2/permission-profile',
  handle: (ctx) => ({ body: { profile: profileJson(findProfile(ctx)) } }),
};

const createProfile: Route = {
  method: 'POST',
  pattern: '/v2/permission-profile',
  async handle(ctx) {
    const workspaceId = requireWorkspace(ctx);
    const dto = asObject(await ctx.json(), 'body');
    const name = optString(dto.name, 'name', 255);
    if (!name) throw unprocessable('name is required');
    if (ctx.store.world.profiles.some((p) => p.workspaceId === workspaceId && p.name === name)) throw unprocessable(`A profile named ${name} already exists in this workspace`);
    const none = (): AccessLevel => ({ permissionLevel: 'none', teamLeadIds: [] });
    const profile: PermissionProfile = {
      id: ctx.store.newId(),
      name,
      description: null,
      workspaceId,
      callsAccess: none(), dealsAccess: none(), coachingAccess: none(), insightsAccess: none(), usageAccess: none(), emailsAccess: none(),
      libraryFolderAccess: { permissionLevel: 'none', libraryFolderIds: [], managePublicFolder: false, manageStreams: false, manageFolderCalls: false, shareFoldersAndStreams: false },
      flags: newProfileFlags(() => false),
      userIds: [],
    };
    applyDto(profile, dto);
    ctx.store.world.profiles.push(profile);
    return { body: { profile: profileJson(profile) } };
  },
};

const updateProfile: Route = {
  method: 'PUT',
  pattern: '/v2/permission-profile',
  async handle(ctx) {
    const profile = findProfile(ctx);
    const dto = asObject(await ctx.json(), 'body');
    const name = optString(dto.name, 'name', 255);
    if (name !== undefined && ctx.store.world.profiles.some((p) => p !== profile && p.workspaceId === profile.workspaceId && p.name === name)) {
      throw unprocessable(`A profile named ${name} already exists in this workspace`);
    }
    applyDto(profile, dto);
    return { body: { profile: profileJson(profile) } };
  },
};

/** Copies the fields a DTO carries onto a profile, validating each. */
function applyDto(profile: PermissionProfile, dto: Json): void {
  const name = optString(dto.name, 'name', 255);
  if (name !== undefined) profile.name = name;
  if ('description' in dto) profile.description = optString(dto.description, 'description', 2000) ?? null;
  for (const key of ACCESS_KEYS) {
    if (dto[key] === undefined || dto[key] === null) continue;
    const level = asObject(dto[key], key);
    profile[key] = {
      permissionLevel: optString(level.permissionLevel, `${key}.permissionLevel`, 64) ?? profile[key].permissionLevel,
      teamLeadIds: Array.isArray(level.teamLeadIds) ? level.teamLeadIds.map((id, i) => reqId(id, `${key}.teamLeadIds[${i}]`)) : profile[key].teamLeadIds,
    };
  }
  if (dto.libraryFolderAccess !== undefined && dto.libraryFolderAccess !== null) {
    const lib = asObject(dto.libraryFolderAccess, 'libraryFolderAccess');
    const current = profile.libraryFolderAccess;
    profile.libraryFolderAccess = {
      permissionLevel: optString(lib.permissionLevel, 'libraryFolderAccess.permissionLevel', 64) ?? current.permissionLevel,
      libraryFolderIds: Array.isArray(lib.libraryFolderIds) ? lib.libraryFolderIds.map((id, i) => reqId(id, `libraryFolderAccess.libraryFolderIds[${i}]`)) : current.libraryFolderIds,
      managePublicFolder: optBool(lib.managePublicFolder, 'libraryFolderAccess.managePublicFolder') ?? current.managePublicFolder,
      manageStreams: optBool(lib.manageStreams, 'libraryFolderAccess.manageStreams') ?? current.manageStreams,
      manageFolderCalls: optBool(lib.manageFolderCalls, 'libraryFolderAccess.manageFolderCalls') ?? current.manageFolderCalls,
      shareFoldersAndStreams: optBool(lib.shareFoldersAndStreams, 'libraryFolderAccess.shareFoldersAndStreams') ?? current.shareFoldersAndStreams,
    };
  }
  for (const flag of Object.keys(profile.flags)) {
    const value = optBool(dto[flag], flag);
    if (value !== undefined) profile.flags[flag] = value;
  }
}

const profileUsers: Route = {
  method: 'GET',
  pattern: '/v2/permission-profile/users',
  scope: 'api:users:read',
  handle(ctx) {
    const profile = findProfile(ctx);
    const byId = new Map(ctx.store.world.users.map((u) => [u.id, u]));
    const users = profile.userIds.map((id) => byId.get(id)).filter((u) => u !== undefined)
      .map((u) => ({ id: u.id, fullName: `${u.firstName} ${u.lastName}`, emailAddress: u.emailAddress }));
    return { body: { users } };
  },
};

export const permissionRoutes: Route[] = [allProfiles, getProfile, createProfile, updateProfile, profileUsers];
