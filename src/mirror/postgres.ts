import { MirrorError, type Destination } from './destination';

// Placeholder for the contract: the PostgreSQL lane replaces this module.
export async function openPostgresMirror(url: string): Promise<Destination> {
  throw new MirrorError(`PostgreSQL mirrors are not built yet (${url.replace(/\/\/[^@/]*@/, '//')})`);
}
