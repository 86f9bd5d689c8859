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
    history.set(user.id, changes);
  }
  return history;
}
