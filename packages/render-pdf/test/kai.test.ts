/** The 楷体 role: （一） topic headings in LXGW WenKai (Debian fonts-lxgw-wenkai), embedded as a subset. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { KAI_FONT_FILE } from '../src/fonts.js';
import { renderPdf } from '../src/index.js';
import { examples } from './examples.js';

vi.setConfig({ testTimeout: 60_000 });
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-kai-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('topic headings', () => {
  it('are set in the installed 楷体-style font, embedded as a subset', async () => {
    // scripts/system-deps.mjs installs fonts-lxgw-wenkai before the tests.
    expect(existsSync(KAI_FONT_FILE), `${KAI_FONT_FILE} (Debian fonts-lxgw-wenkai)`).toBe(true);
    const file = join(tmp, 'sample.pdf');
    writeFileSync(file, await renderPdf(examples[1]!.report));
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    const kai = fonts.filter((line) => /LXGWWenKai/.test(line));
    expect(kai).toHaveLength(1);
    // A subset (ABCDEF+ prefix), embedded (emb yes).
    expect(kai[0]).toMatch(/^[A-Z]{6}\+LXGWWenKai/);
    expect(kai[0]).toMatch(/\byes\b/);
  });
});
