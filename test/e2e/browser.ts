import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Debian's `chromium` package (`apt-get install -y chromium`); playwright never downloads one.
 * CHROMIUM_PATH overrides it (e.g. to check the skip path).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, or null (after a loud warning) when none can start. */
export async function launchChromium(): Promise<Browser | null> {
  const profile = mkdtempSync(join(tmpdir(), 'console-e2e-profile-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
    return {
      context,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    const bar = '!'.repeat(100);
    console.warn(
      `\n${bar}\n!! CONSOLE END-TO-END TESTS SKIPPED: no headless Chromium could be launched from ${CHROMIUM}.\n` +
        `!! Install Debian's browser with \`apt-get install -y chromium\` (.ci/run does) and run again.\n` +
        `!! ${String((error as Error).message).split('\n')[0]}\n${bar}\n`,
    );
    return null;
  }
}
