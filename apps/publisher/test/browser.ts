/**
 * The Debian Chromium, driven by playwright-core, launched as PROTOCOL.md says. On a fresh machine
 * without it, root installs it as .ci/run does (apt-get); anyone else gets one line saying what to do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() === 0) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'ignore', env });
  }
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install the Debian package chromium (apt-get install chromium), as .ci/run does`,
    );
}

export async function launchChromium(): Promise<Browser> {
  ensureChromium();
  // playwright gives every launch a fresh temporary profile (it refuses --user-data-dir itself).
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
