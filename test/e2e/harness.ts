import { mkdtempSync } from 'node:fs';
import { cp, mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { ROOT, startCodeServer, until, type CodeServerOptions } from '../../scripts/codeServer';

export { until };

/**
 * The packaged extension in a real VS Code (code-server), driven through Debian's Chromium
 * by Playwright. Tests wait on conditions, never on fixed sleeps.
 */
const ARTIFACTS = join(ROOT, 'test-results', 'e2e');

/**
 * The query history of this test file's VS Code and CLI runs (code-server and the CLIs the tests
 * start inherit it): a folder of its own, never the user's.
 */
export const STATE_DIR = process.env.GONGSQL_STATE_DIR ??= mkdtempSync(join(tmpdir(), 'gongsql-e2e-state-'));

export interface Workbench {
  readonly page: Page;
  readonly workspace: string;
  /** The user-data folder (User/settings.json lives there). */
  readonly userData: string;
  /** Saves a screenshot and the workbench's logs under test-results/e2e. */
  saveArtifacts(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startWorkbench(options: CodeServerOptions = {}): Promise<Workbench> {
  const server = await startCodeServer(options);
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await server.stop();
  };
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Clipboard access lets tests read what Copy put there, as a person would paste it.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return {
      page,
      workspace: server.workspace,
      userData: server.userData,
      async saveArtifacts(name: string) {
        await mkdir(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) }).catch(() => undefined);
        await cp(join(server.userData, 'logs'), join(ARTIFACTS, `${name}-logs`), { recursive: true }).catch(() => undefined);
        await cp(server.logFile, join(ARTIFACTS, `${name}-code-server.log`)).catch(() => undefined);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs a command from the palette by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  // F1 pressed as focus moves between a webview and the workbench, or while the last palette
  // is still closing, can go unheard or leave an input that takes no typing: a user whose
  // palette did not open presses F1 again.
  await until(async () => {
    await page.keyboard.press('F1');
    return input.fill(`>${title}`, { timeout: 3_000 }).then(() => true, () => false);
  }, 'the command palette to take the command\'s name');
  // Enter runs the highlighted row: wait until it is the command asked for.
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * A notification: as a toast, or, when VS Code hid the toast before it was seen, in the
 * notification center, which keeps every notification until it is cleared.
 */
export async function notification(page: Page, text: string | RegExp, timeoutMs = 30_000): Promise<Locator> {
  const item = page.locator('.notification-list-item:visible', { hasText: text }).first();
  if (await item.waitFor({ timeout: timeoutMs / 2 }).then(() => false, () => true)) {
    await runCommand(page, 'Notifications: Show Notifications');
    await item.waitFor({ timeout: timeoutMs / 2 });
  }
  return item;
}

/** Answers the quick-input prompt whose title holds `title` (so a closing prompt is never answered twice). */
export async function answer(page: Page, title: string, text: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: 30_000 });
  const input = page.locator('.quick-input-widget input');
  await input.fill(text);
  await page.keyboard.press('Enter');
}

/**
 * Replaces the user settings the way a person does: in VS Code's own settings.json editor,
 * saved with Ctrl+S. VS Code reads a change made through its editor for sure, where a write
 * to the file behind its back can be missed while it is writing the file itself.
 */
export async function replaceUserSettings(page: Page, userData: string, settings: Record<string, unknown>): Promise<void> {
  const text = JSON.stringify(settings, null, 2);
  await runCommand(page, 'Preferences: Open User Settings (JSON)');
  // VS Code may show it as a tab or as a modal editor: found by its document.
  await editorLines(page, 'User/settings.json').click();
  await page.keyboard.press('Control+A');
  // Pasted, not typed: typing would trigger the editor's auto-indent and auto-closing brackets.
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('Control+V');
  await page.keyboard.press('Control+S');
  const file = join(userData, 'User', 'settings.json');
  await until(async () => (await readFile(file, 'utf8').catch(() => '')) === text, 'the user settings saved from their editor');
  await page.keyboard.press('Control+W');
}

/** Changes VS Code's colour theme in the user settings (keeping the others) and waits until the workbench wears it; true when it is dark. */
export async function switchTheme(workbench: Workbench, theme: string): Promise<boolean> {
  const { page, userData } = workbench;
  const settings = JSON.parse(await readFile(join(userData, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
  await replaceUserSettings(page, userData, { ...settings, 'workbench.colorTheme': theme });
  const dark = theme.includes('Dark');
  await page.locator(dark ? '.monaco-workbench.vs-dark' : '.monaco-workbench.vs').waitFor({ timeout: 30_000 });
  return dark;
}

/**
 * Both themes (dark, then light), wide and narrow: `shoot` takes the pictures of one look,
 * named e.g. `dark-narrow`. The window is wide again afterwards.
 */
export async function inEveryLook(workbench: Workbench, shoot: (look: string) => Promise<void>): Promise<void> {
  const { page } = workbench;
  for (const theme of ['Default Dark Modern', 'Default Light Modern']) {
    const dark = await switchTheme(workbench, theme);
    for (const width of [1400, 900]) {
      await page.setViewportSize({ width, height: 900 });
      await shoot(`${dark ? 'dark' : 'light'}-${width < 1000 ? 'narrow' : 'wide'}`);
    }
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

/** Gong: Add Connection, answered with a name, a base URL and an access key and secret. */
export async function addConnection(page: Page, name: string, baseUrl: string, accessKey: string, secret: string): Promise<void> {
  await runCommand(page, 'Gong: Add Connection');
  await answer(page, '(1/4)', name);
  await answer(page, '(2/4)', baseUrl);
  await answer(page, '(3/4)', accessKey);
  await answer(page, '(4/4)', secret);
}

/** The text area of a file's editor, wherever it is shown (the active group may be another). */
export function editorLines(page: Page, fileName: string): Locator {
  return page.locator(`.monaco-editor[data-uri$="/${fileName}"] .view-lines:visible`).first();
}

/** Opens a file and puts the cursor in its editor, as a click there does, once the extension is active. */
export async function editFile(page: Page, name: string): Promise<void> {
  await openFile(page, name);
  await page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first().waitFor({ timeout: 30_000 });
  await editorLines(page, name).click();
}

/** Opens a workspace file through Quick Open. */
export async function openFile(page: Page, name: string): Promise<void> {
  // A file written a moment ago may not be in Quick Open's index yet: ask again until it is.
  await until(async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    // Enter opens the highlighted row, and the list of recent files shows before the filtered one.
    const found = await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: 5000 }).then(() => true, () => false);
    if (!found) await page.keyboard.press('Escape');
    return found;
  }, `${name} in Quick Open`, 45_000);
  await page.keyboard.press('Enter');
  // The file may already have a tab: wait for it to be the active one.
  await page.locator(`.tab.active[data-resource-name="${name}"]`).first().waitFor();
}

/** The inner frame of a webview that holds `selector`, once it exists. */
export async function webviewFrame(page: Page, selector: string, timeoutMs = 60_000): Promise<Frame> {
  let found: Frame | undefined;
  await until(async () => {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) {
        found = frame;
        return true;
      }
    }
    return false;
  }, `a webview showing ${selector}`, timeoutMs);
  return found as Frame;
}

/** `it`, except that a failing case leaves a screenshot and the workbench's logs behind. */
export function stepsOf(workbench: () => Workbench | undefined) {
  return (name: string, body: () => Promise<void>) => it(name, async () => {
    try {
      await body();
    } catch (error) {
      await workbench()?.saveArtifacts(name.replace(/\W+/g, '-').slice(0, 60));
      throw error;
    }
  });
}
