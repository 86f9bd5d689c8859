import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

/**
 * Who holds a SQLite mirror. node-sqlite3-wasm locks a file by creating the directory
 * `<file>.lock`, which survives a kill -9; beside it `<file>.owner` names the process that
 * holds it, so a later run can tell a live owner (refused, by pid) from a dead one (its lock
 * is cleared). In one process every user of a file shares one connection (sqlite.ts), so a
 * lock left by this very process is stale too.
 */

/** A lock without an owner file this old is stale (the owner file is written just after the lock). */
const ORPHAN_LOCK_MS = 10_000;

export class MirrorInUse extends Error {}

const lockDir = (file: string) => `${file}.lock`;
const ownerFile = (file: string) => `${file}.owner`;

/** The pid in the owner file, if any. */
export function ownerPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(ownerFile(file), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !zombie(pid);
}

/**
 * A process killed (-9) whose parent has not reaped it yet still answers kill(pid, 0), but
 * holds nothing: on Linux /proc says so (state Z), or that it has gone meanwhile.
 */
function zombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    return /^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** Before opening: refuses a file a live process holds, clears the lock of a dead one. */
export function clearStaleLock(file: string): void {
  let lockedAt: number;
  try {
    lockedAt = statSync(lockDir(file)).mtimeMs;
  } catch {
    return;
  }
  const pid = ownerPid(file);
  if (pid !== undefined && pid !== process.pid && alive(pid)) throw new MirrorInUse(`${file} is in use by another gongsql process (pid ${pid}): wait for it to finish, or stop it`);
  if (pid === undefined && Date.now() - lockedAt < ORPHAN_LOCK_MS) throw new MirrorInUse(`${file} is being opened by another process: try again in a few seconds`);
  rmSync(lockDir(file), { recursive: true, force: true });
  rmSync(ownerFile(file), { force: true });
}

/** After the connection holds the lock: this process is its owner. */
export function claimOwner(file: string): void {
  writeFileSync(ownerFile(file), `${process.pid}\n`);
}

/** After this process ended its connection's thread mid-statement: its lock and owner file go. */
export function releaseAbandonedLock(file: string): void {
  if (ownerPid(file) !== process.pid) return;
  rmSync(lockDir(file), { recursive: true, force: true });
  rmSync(ownerFile(file), { force: true });
}

/** After the connection closed (or failed to open): the owner file goes if it is this process's. */
export function releaseOwner(file: string): void {
  if (ownerPid(file) === process.pid) rmSync(ownerFile(file), { force: true });
}
