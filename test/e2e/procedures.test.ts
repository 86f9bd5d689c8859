import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { editorLines, inEveryLook, openFile, runCommand, startWorkbench, stepsOf, type Workbench } from './harness';

const SHOTS = process.env.GONGSQL_SHOTS ?? '/tmp/shots-fixprocs';

/** A procedure's JSON parameter, as a user writing a CALL meets it: the problem and the hover show its format. */
describe('writing a CALL with a JSON parameter in a real VS Code (code-server)', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench({ files: { 'grant.gongsql': '\n' } });
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await workbench?.stop();
  });
  const step = stepsOf(() => workbench);

  step('a user id where a list of ids is due: the problem gives an example that works, and so does the hover on the argument', async () => {
    const { page } = workbench;
    await openFile(page, 'grant.gongsql');
    await page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first().waitFor({ timeout: 30_000 });
    await editorLines(page, 'grant.gongsql').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type("CALL GrantCallAccess('7476772403657406500', '3965438136756581')");
    // Back inside the second argument, where typing left the cursor two characters after it.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await runCommand(page, 'Focus on Problems View');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'UserIds must be a JSON array, e.g. ["234599484848423"]' });
    await problem.first().waitFor({ timeout: 30_000 });
    assert.doesNotMatch(await problem.first().innerText(), /"Name"/);

    await openFile(page, 'grant.gongsql');
    await runCommand(page, 'Show or Focus Hover');
    const hover = page.locator('.monaco-hover', { hasText: 'parameter 2 of GrantCallAccess' });
    await hover.first().waitFor({ timeout: 30_000 });
    assert.match(await hover.first().innerText(), /Example: '\["234599484848423"\]'/);
    await inEveryLook(workbench, async (look) => {
      await openFile(page, 'grant.gongsql');
      await runCommand(page, 'Show or Focus Hover');
      await hover.first().waitFor({ timeout: 30_000 });
      // The command palette fades out after the command runs; the picture is of the hover alone.
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 30_000 });
      await page.screenshot({ path: join(SHOTS, `json-param-hover-${look}.png`) });
    });
  });
});
