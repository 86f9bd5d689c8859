import type { SettingChange, User } from './model';
import type { Random } from './random';
import { DAY_MS, isoSeconds } from './time';

export const HISTORY_SETTINGS = ['webConferencesRecorded', 'preventWebConferenceRecording', 'emailsImported', 'preventEmailImport', 'active', 'nonRecordedMeetingsImported', 'gongConnectEnabled', 'callsImported', 'interviewsRecorded', 'preventInterviewRecording'] as const;

/**
 * Each user's settings changes, oldest first. Most users changed a setting or two after
 * they were created, some none (an empty history), an admin-toggled few many.
 */
export function generateSettingsHistory(random: Random, users: readonly User[], anchorMs: number): Map<string, SettingChange[]> {
  const history = new Map<string, SettingChange[]>();
  for (const user of users) {
    const created = Date.parse(user.created);
    const count = random.bool(0.05) ? random.int(12, 25) : random.bool(0.3) ? 0 : random.int(1, 4);
    const times = Array.from({ length: count }, () => created + random.int(0, Math.max(1, Math.floor((anchorMs - created) / 1000))) * 1000).sort((a, b) => a - b);
    const changes = times.map((ms) => {
      const setting = random.pick(HISTORY_SETTINGS);
      return { setting, value: setting === 'active' ? user.active : random.bool(0.6), time: isoSeconds(Math.min(ms, anchorMs - DAY_MS / 24)) };
    });
    history.set(user.id, endingAtCurrent(changes, user));
  }
  return history;
}

/** The Users.Settings key a history setting is shown under, where Users shows it. */
const CURRENT: Partial<Record<string, keyof User['settings']>> = { callsImported: 'telephonyCallsImported' };

/**
 * Each change flips its setting, and the last change of a setting leaves it as Users shows
 * it now: the values are set backwards from the current one (a setting Users does not show
 * keeps the first value drawn).
 */
function endingAtCurrent(changes: SettingChange[], user: User): SettingChange[] {
  const settings = user.settings as unknown as Record<string, boolean | undefined>;
  const bySetting = new Map<string, SettingChange[]>();
  for (const c of changes) bySetting.set(c.setting, [...(bySetting.get(c.setting) ?? []), c]);
  for (const [setting, mine] of bySetting) {
    const current = setting === 'active' ? user.active : settings[CURRENT[setting] ?? setting];
    const first = (mine[0] as SettingChange).value;
    const last = current ?? (mine.length % 2 === 1 ? first : !first);
    mine.forEach((c, i) => (c.value = (mine.length - 1 - i) % 2 === 0 ? last : !last));
  }
  return changes;
}
