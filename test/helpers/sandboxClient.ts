import type { Sandbox } from '../../src/sandbox';

/** A bare HTTP caller for sandbox tests: no retries, no paging, so tests see the wire as it is. */
export interface Answer { status: number; headers: Headers; text: string; json: any }

export interface CallOptions {
  body?: unknown;
  /** Raw body text (for malformed JSON tests). */
  rawBody?: string;
  /** Authorization header; default Basic with the sandbox's demo credentials; null sends none. */
  authorization?: string | null;
  headers?: Record<string, string>;
}

export function basicAuth(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
}

export async function call(sandbox: Sandbox, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const { accessKey, accessKeySecret } = sandbox.credentials;
  const authorization = options.authorization === undefined ? basicAuth(accessKey, accessKeySecret) : options.authorization;
  const headers: Record<string, string> = { ...options.headers };
  if (authorization !== null) headers.authorization = authorization;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${sandbox.url}${path}`, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Waits until `check` is true, polling; fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A PCM WAV file (8 kHz, 8-bit, mono) of the given length; `salt` makes its content unique. */
export function wav(seconds: number, salt = 0): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(Math.round(seconds * rate));
  for (let i = 0; i < data.length; i++) data[i] = 128 + Math.round(60 * Math.sin((i * (440 + salt)) / rate * 2 * Math.PI));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** PUT /v2/calls/{id}/media with a multipart `mediaFile` part. */
export async function uploadMedia(sandbox: Sandbox, callId: string, content: Buffer, field = 'mediaFile'): Promise<Answer> {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(content)], { type: 'audio/wav' }), 'call.wav');
  const { accessKey, accessKeySecret } = sandbox.credentials;
  const response = await fetch(`${sandbox.url}/v2/calls/${callId}/media`, { method: 'PUT', body: form, headers: { authorization: basicAuth(accessKey, accessKeySecret) } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) };
}

/** The requests the sandbox received while `action` ran, in order. */
export async function requestsDuring(sandbox: Sandbox, action: () => Promise<unknown>): Promise<ReturnType<Sandbox['log']['since']>> {
  const before = sandbox.log.lastSeq;
  await action();
  return sandbox.log.since(before);
}
