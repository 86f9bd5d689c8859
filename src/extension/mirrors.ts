import * as vscode from 'vscode';
import type { Destination, SyncState } from '../mirror/destination';
import { openDestination } from '../mirror/open';
import { mirrorTables } from '../mirror/schema';
import { splitPassword, withPassword } from './mirrorLocation';
import { findMirror, listMirrors, type MirrorSetting } from './mirrorSettings';

const SECRET_PREFIX = 'gongsql.mirror.';

/** One mirrored object as the explorer shows it. */
export interface MirrorObject {
  readonly name: string;
  readonly rows: number;
  readonly state?: SyncState;
}

/**
 * The mirrors this window uses, each opened once: a SQLite mirror allows one connection per
 * file (its worker holds it), so a sync, the queries and the explorer on the same file share
 * one Destination. Mirror connections are saved in user settings; a PostgreSQL password in
 * SecretStorage only.
 */
export class Mirrors implements vscode.Disposable {
  private readonly opened = new Map<string, Promise<Destination>>();

  constructor(private readonly secrets: vscode.SecretStorage) {}

  list(): MirrorSetting[] {
    return listMirrors();
  }

  /** A saved mirror connection's destination. */
  async destination(setting: MirrorSetting): Promise<Destination> {
    return this.open(withPassword(setting.location, await this.secrets.get(SECRET_PREFIX + setting.name)));
  }

  /** A destination by its full location (a URL may carry its password: it is never stored here). */
  open(location: string): Promise<Destination> {
    let destination = this.opened.get(location);
    if (!destination) {
      destination = openDestination(location);
      this.opened.set(location, destination);
      // A failed open is not kept: the next use tries again (the file may be free by then).
      destination.catch(() => this.opened.delete(location));
    }
    return destination;
  }

  /** The mirror connection already saved for a location (the password left out), if any. */
  savedFor(location: string): MirrorSetting | undefined {
    const stored = splitPassword(location).location;
    return this.list().find((m) => m.location === stored);
  }

  /** Saves a mirror connection: the location without its password in user settings, the password in SecretStorage. */
  async save(name: string, location: string): Promise<MirrorSetting> {
    const { location: stored, password } = splitPassword(location);
    if (password === undefined) await this.secrets.delete(SECRET_PREFIX + name);
    else await this.secrets.store(SECRET_PREFIX + name, password);
    const setting = { name, location: stored };
    const others = this.list().filter((m) => m.name !== name);
    await vscode.workspace.getConfiguration('gongsql').update('mirrors', [...others, setting], vscode.ConfigurationTarget.Global);
    return setting;
  }

  async remove(name: string): Promise<void> {
    await this.secrets.delete(SECRET_PREFIX + name);
    await vscode.workspace.getConfiguration('gongsql').update('mirrors', this.list().filter((m) => m.name !== name), vscode.ConfigurationTarget.Global);
  }

  /** Each mirrored object with rows or a sync state, in catalog order: what the explorer lists. */
  async objects(name: string): Promise<MirrorObject[]> {
    const setting = findMirror(name);
    if (!setting) return [];
    const destination = await this.destination(setting);
    const [counts, states] = await Promise.all([destination.rowCounts(), destination.readState()]);
    return mirrorTables()
      .filter((t) => counts.has(t.name) || states.has(t.name))
      .map((t) => ({ name: t.name, rows: counts.get(t.name) ?? 0, state: states.get(t.name) }));
  }

  async dispose(): Promise<void> {
    const all = [...this.opened.values()];
    this.opened.clear();
    for (const d of all) await d.then((x) => x.close(), () => undefined);
  }
}
