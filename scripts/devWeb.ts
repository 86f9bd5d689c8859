// npm run dev:web — the extension in VS Code for the browser (code-server), with the sandbox
// built in, for people without VS Code. Prints the URL and runs until Ctrl+C.
import { startCodeServer } from './codeServer';

const EXAMPLE = `-- Run with Ctrl+Enter (or "Gong: Run Query" from the command palette).
-- The built-in sandbox answers like Gong's API, with generated data.
SELECT Id, Started, Direction, Duration, Title
FROM Calls
WHERE Scheduled >= date('now', '-7 days')
LIMIT 100;
`;

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const server = await startCodeServer({ port, files: { 'example.gongsql': EXAMPLE } });
  console.log(`Gong SQL in VS Code for the browser: ${server.url}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`dev:web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
