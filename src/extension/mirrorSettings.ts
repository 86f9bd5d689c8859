import { userSetting } from './userSettings';

/**
 * A mirror connection: queries on it read a local mirror (a SQLite file or a PostgreSQL
 * database filled by "Sync to Local Mirror"), never Gong. Like Gong connections it names
 * where data comes from, so it is read from user settings only; a PostgreSQL URL is kept
 * there without its password, which lives in SecretStorage.
 */
export interface MirrorSetting {
  name: string;
  /** A SQLite file path, or a `postgres://` URL without its password. */
  location: string;
}

export function listMirrors(): MirrorSetting[] {
  return userSetting<MirrorSetting[]>('mirrors', []);
}

export function findMirror(name: string): MirrorSetting | undefined {
  return listMirrors().find((m) => m.name === name);
}

/** Live connections answering from a mirror: off by default, and which mirror, how fresh. */
export interface LiveFromMirror {
  readonly mirror: MirrorSetting;
  readonly maxAgeMinutes: number;
}

export function liveFromMirrorSetting(): LiveFromMirror | undefined {
  const name = userSetting<string>('mirror.answerLiveQueriesFrom', '');
  const mirror = name ? findMirror(name) : undefined;
  return mirror && { mirror, maxAgeMinutes: Math.max(0, userSetting<number>('mirror.maxAgeMinutes', 60)) };
}
