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

/** A mirror in use: released when done, so that an unused SQLite file is not held. */
export interface Lease {
  readonly destination: Destination;
  /** Idempotent. */
  release(): void;
}

/**
 * How long an unused mirror stays open: statements run one after another reuse it, and a
 * terminal's `gongsql` (or the workspace's file explorer, which shows the file's lock files
 * while it is open) finds the file free a moment after the window is done with it.
 */
const IDLE_MS = 2_000;

interface Opened {
  readonly destination: Promise<Destination>;
  users: number;
  idle?: NodeJS.Timeout;
}

/**
 * The mirrors this window uses, each opened once while in use: a SQLite mirror allows one
 * connection per file (its worker holds it), so a sync, the queries and the explorer on the
 * same file share one Destination. A mirror nothing has used for IDLE_MS is closed, so that
 * `gongsql` in a terminal can use the file (a window never holds it for good). Mirror
 * connections are saved in user settings; a PostgreSQL password in SecretStorage only.
 */
export class Mirrors implements vscode.Disposable {
  private readonly opened = new Map<string, Opened>();

  constructor(private readonly secrets: vscode.SecretStorage) {}

  list(): MirrorSetting[] {
    return listMirrors();
  }

  /** A saved mirror connection's destination, in use until released. */
  async lease(setting: MirrorSetting): Promise<Lease> {
    return this.leaseAt(withPassword(setting.location, await this.secrets.get(SECRET_PREFIX + setting.name)));
  }

  /** A destination by its full location (a URL may carry its password: it is never stored here), in use until released. */
  async leaseAt(location: string): Promise<Lease> {
    let entry = this.opened.get(location);
    if (!entry) {
      entry = { destination: openDestination(location), users: 0 };
      this.opened.set(location, entry);
    }
    const opened = entry;
    opened.users++;
    clearTimeout(opened.idle);
    try {
      const destination = await opened.destination;
      let released = false;
      return { destination, release: () => {
        if (released) return;
        released = true;
        this.release(location, opened);
      } };
    } catch (error) {
      // A failed open is not kept: the next use tries again (the file may be free by then).
      opened.users--;
      if (this.opened.get(location) === opened) this.opened.delete(location);
      throw error;
    }
  }

  /** Runs `use` on a leased destination, released after. */
  async using<T>(leased: Promise<Lease>, use: (destination: Destination) => Promise<T>): Promise<T> {
    const lease = await leased;
    try {
      return await use(lease.destination);
    } finally {
      lease.release();
    }
  }

  private release(location: string, opened: Opened): void {
    if (--opened.users > 0) return;
    opened.idle = setTimeout(() => {
      if (opened.users > 0 || this.opened.get(location) !== opened) return;
      this.opened.delete(location);
      void opened.destination.then((d) => d.close()).catch(() => undefined);
    }, IDLE_MS);
    opened.idle.unref();
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
    const [counts, states] = await this.using(this.lease(setting), (destination) => Promise.all([destination.rowCounts(), destination.readState()]));
    return mirrorTables()
      .filter((t) => counts.has(t.name) || states.has(t.name))
      .map((t) => ({ name: t.name, rows: counts.get(t.name) ?? 0, state: states.get(t.name) }));
  }

  async dispose(): Promise<void> {
    const all = [...this.opened.values()];
    this.opened.clear();
    for (const opened of all) {
      clearTimeout(opened.idle);
      await opened.destination.then((d) => d.close(), () => undefined);
    }
  }
}
