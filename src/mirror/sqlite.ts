import { MirrorError, type Destination } from './destination';

// Placeholder for the contract: the sync lane replaces this module.
export async function openSqliteMirror(file: string): Promise<Destination> {
  throw new MirrorError(`SQLite mirrors are not built yet (${file})`);
}
