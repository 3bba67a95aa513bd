#!/usr/bin/env node
/**
 * The Debian tools the tests drive, installed when they are missing. `npm test` runs this first
 * (the root `pretest` script) and `.ci/run` does too, so the README's test command works alone on
 * a fresh machine. As root with apt-get, what is missing is installed; otherwise it stops with one
 * line naming the missing Debian packages. Add a tool here, not in .ci/run.
 *
 *   node scripts/system-deps.mjs           check, install what is missing (as root), or stop
 *   node scripts/system-deps.mjs --check   check only: exit 1 with the one line when something is missing
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Each Debian package, what it is for, and how to tell it is there. */
export const SYSTEM_PACKAGES = [
  {
    name: 'poppler-utils',
    for: 'PDF text, fonts and page images (render-pdf tests)',
    present: () => onPath('pdftotext', 'pdffonts', 'pdfinfo', 'pdftoppm'),
  },
  { name: 'qpdf', for: 'the independent PDF structure check', present: () => onPath('qpdf') },
  { name: 'chromium', for: 'browser tests (axe, publisher, portal)', present: () => onPath('chromium') },
  { name: 'postgresql', for: 'portal tests on a PostgreSQL server', present: () => postgresBinaries() !== undefined },
  {
    name: 'fonts-lxgw-wenkai',
    for: 'the 楷体-style font of the PDF topic headings',
    present: () => existsSync('/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf'),
  },
  {
    name: 'fonts-noto-core',
    for: 'the Noto fonts of Tibetan, Mongolian, Uyghur and Yi agency names in the PDF',
    present: () => existsSync('/usr/share/fonts/truetype/noto/NotoSerifTibetan-Regular.ttf'),
  },
  { name: 'libreoffice-calc', for: 'spreadsheet tests read by LibreOffice', present: () => onPath('soffice') },
];

function onPath(...commands) {
  const folders = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return commands.every((command) => folders.some((folder) => existsSync(join(folder, command))));
}

/** Debian keeps initdb and pg_ctl out of PATH, in /usr/lib/postgresql/<version>/bin. */
export function postgresBinaries() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  for (const version of readdirSync(root).sort().reverse()) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

function missingPackages() {
  return SYSTEM_PACKAGES.filter((pkg) => !pkg.present());
}

function canInstall() {
  return process.getuid?.() === 0 && onPath('apt-get');
}

function install(names) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
  process.stderr.write(`Installing the Debian packages the tests need: ${names.join(' ')}\n`);
  return run(['update', '-qq']) && run(['install', '-y', '-qq', '--no-install-recommends', ...names]);
}

function stop(missing) {
  const names = missing.map((pkg) => pkg.name).join(' ');
  process.stderr.write(
    `The tests need Debian packages that are missing: ${names} (as root: apt-get install ${names}).\n`,
  );
  process.exit(1);
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  let missing = missingPackages();
  if (missing.length > 0 && !process.argv.includes('--check') && canInstall()) {
    install(missing.map((pkg) => pkg.name));
    missing = missingPackages();
  }
  if (missing.length > 0) stop(missing);
}
