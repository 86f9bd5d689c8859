// Child process of bench/sandbox.ts: runs a sandbox without rate limits and reports its URL.
import { startSandbox } from '../src/sandbox';

void startSandbox({ rateLimit: false }).then((sandbox) => {
  process.send?.({ url: sandbox.url, key: sandbox.credentials.accessKey, secret: sandbox.credentials.accessKeySecret });
  process.on('disconnect', () => void sandbox.close().then(() => process.exit(0)));
});
