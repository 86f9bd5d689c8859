import { isSecretName } from './entry';

/** Where remembered values are kept (VS Code's global state in the editor): get and update by key. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/**
 * `:name` values remembered per file and connection, offered the next time the file runs a
 * statement with that parameter. A parameter whose name says secret, token, key or password is
 * never remembered (nor offered).
 */
export class RememberedParameters {
  constructor(private readonly store: KeyValueStore) {}

  /** The values last used in `file` on `connection`, without any secret-named one. */
  recall(file: string, connection: string): Record<string, string> {
    const saved = this.store.get<Record<string, string>>(keyOf(file, connection)) ?? {};
    return Object.fromEntries(Object.entries(saved).filter(([name]) => !isSecretName(name)));
  }

  /** Remembers the values a run used (text values of names that are not secret nor `unkept`: erased by the run), keeping the file's others. */
  async remember(file: string, connection: string, values: Readonly<Record<string, unknown>>, unkept: ReadonlySet<string> = new Set()): Promise<void> {
    const fresh = Object.entries(values).filter(([name, value]) => typeof value === 'string' && !isSecretName(name) && !unkept.has(name));
    if (fresh.length === 0) return;
    await this.store.update(keyOf(file, connection), { ...this.recall(file, connection), ...Object.fromEntries(fresh) });
  }
}

function keyOf(file: string, connection: string): string {
  return `gongsql.parameters.${connection}.${file}`;
}
