import { IdFactory } from './ids';
import type { User, Workspace } from './model';
import { Random } from './random';
import { DAY_MS, isoSeconds } from './time';
import { FIRST_NAMES, LAST_NAMES, TITLES } from './vocabulary';

export const COMPANY_DOMAIN = 'gongsql-demo.com';

export function generateWorkspaces(ids: IdFactory): Workspace[] {
  return [
    { id: ids.next(18), name: 'North America Sales', description: 'AEs and SDRs, US & Canada' },
    { id: ids.next(18), name: 'EMEA', description: "Europe, Middle East & Africa — incl. 'DACH' team" },
    { id: ids.next(15), name: 'Customer Success', description: null },
  ];
}

/**
 * ~200 users in a management tree: one head of sales, a layer of managers, reps below.
 * Every one of them is a real user of the company: the Gong-staff avatars are generateAvatars'.
 */
export function generateUsers(random: Random, ids: IdFactory, anchorMs: number, count = 200): User[] {
  const users: User[] = [];
  const managers: string[] = [];
  for (let i = 0; i < count; i++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const id = ids.mixed();
    const isHead = i === 0;
    const isManager = i > 0 && i <= 12;
    const managerId = isHead ? null : isManager ? (users[0] as User).id : random.pick(managers);
    if (isHead || isManager) managers.push(id);
    const email = `${slug(first)}.${slug(last)}${i}@${COMPANY_DOMAIN}`;
    users.push({
      id,
      emailAddress: email,
      created: isoSeconds(anchorMs - random.int(30, 1100) * DAY_MS - random.int(0, DAY_MS - 1)),
      active: random.bool(0.93),
      emailAliases: random.bool(0.2) ? [`${slug(first)}@${COMPANY_DOMAIN}`] : [],
      trustedEmailAddress: random.bool(0.3) ? email : null,
      firstName: first,
      lastName: last,
      title: isHead ? 'CRO' : isManager ? 'Sales Manager' : random.bool(0.9) ? random.pick(TITLES) : null,
      phoneNumber: random.bool(0.7) ? `+1 ${random.digits(3)}-${random.digits(3)}-${random.digits(4)}` : null,
      extension: random.bool(0.1) ? random.digits(3) : null,
      personalMeetingUrls: random.bool(0.6) ? [`https://zoom.us/j/${random.digits(10)}`] : [],
      settings: {
        webConferencesRecorded: random.bool(0.9),
        preventWebConferenceRecording: random.bool(0.05),
        telephonyCallsImported: random.bool(0.7),
        emailsImported: random.bool(0.6),
        preventEmailImport: random.bool(0.05),
        nonRecordedMeetingsImported: random.bool(0.5),
        gongConnectEnabled: random.bool(0.4),
      },
      managerId,
      meetingConsentPageUrl: random.bool(0.2) ? `https://join.gong.io/${slug(first)}${i}` : null,
      spokenLanguages: [{ language: random.pick(['en-US', 'en-US', 'en-GB', 'de-DE', 'fr-FR']), primary: true }],
    });
  }
  return users;
}

/**
 * Gong's avatars: synthetic users for Gong staff (support, onboarding), hidden from the user
 * list unless includeAvatars is set. They never host or attend the company's calls, hold no
 * stats, flows or settings history, so hiding them loses none of the company's activity.
 * Drawn from streams of their own, so the real users' data stays as it was.
 */
export function generateAvatars(random: Random, ids: IdFactory, anchorMs: number): User[] {
  return ['Support', 'Onboarding'].map((role) => ({
    id: ids.next(19),
    emailAddress: `${role.toLowerCase()}.avatar@gong.io`,
    created: isoSeconds(anchorMs - random.int(400, 1100) * DAY_MS),
    active: true,
    emailAliases: [],
    trustedEmailAddress: null,
    firstName: 'Gong',
    lastName: role,
    title: 'Gong Staff',
    phoneNumber: null,
    extension: null,
    personalMeetingUrls: [],
    settings: {
      webConferencesRecorded: false,
      preventWebConferenceRecording: true,
      telephonyCallsImported: false,
      emailsImported: false,
      preventEmailImport: true,
      nonRecordedMeetingsImported: false,
      gongConnectEnabled: false,
    },
    managerId: null,
    meetingConsentPageUrl: null,
    spokenLanguages: [{ language: 'en-US', primary: true }],
  }));
}

/** Letters that Unicode does not decompose into a base letter and an accent. */
const TRANSLITERATED: Record<string, string> = { ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', þ: 'th', Þ: 'Th', ı: 'i' };

/** A name as email addresses write it: Søren → soren, Łukasz → lukasz, Zoë → zoe. */
export function slug(name: string): string {
  const ascii = name.replace(/[øØłŁđĐßæÆœŒþÞı]/g, (c) => TRANSLITERATED[c] as string).normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
  return ascii || 'user';
}
