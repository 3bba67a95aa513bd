/**
 * The office's PDF fonts: nianbao.config.json beside the reports and --fonts, for `validate` (I-GLYPH
 * per role font) and `build` (the fonts embedded). Real font files of this machine: fonts-dejavu
 * (Latin only), fonts-lxgw-wenkai, fonts-noto-cjk.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliSync } from '@nianbao/fixtures/testing';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SEED = join(root, 'examples/chizhou-rfb-2020.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-fonts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const nianbao = (args: string[]) => runCliSync(bin, args, { cwd: root });

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const KAI_BOLD = '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf';
const SANS_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

interface JsonFinding {
  ruleId: string;
  pointer: string;
  actual?: unknown;
  message: { zh: string; en: string };
  location?: { line: number; column: number };
}

/** A folder with a copy of the seed and a nianbao.config.json; returns the report's path. */
function reportWithConfig(name: string, config: unknown): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const report = join(dir, 'report.yaml');
  copyFileSync(SEED, report);
  writeFileSync(join(dir, 'nianbao.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return report;
}

describe('nianbao.config.json beside the report', () => {
  it('validate: a Latin-only body font gets I-GLYPH warnings naming the Chinese characters, the font and the place', () => {
    const report = reportWithConfig('latin-body', { fonts: { body: DEJAVU } });
    const run = nianbao(['validate', report, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const glyphs = (JSON.parse(run.stdout) as JsonFinding[]).filter((f) => f.ruleId === 'I-GLYPH');
    expect(glyphs.length).toBeGreaterThan(100);
    const first = glyphs.find((f) => f.pointer === '/preface/paragraphs/0')!;
    const text = readFileSync(report, 'utf8');
    const line = text.split('\n')[first.location!.line - 1]!;
    // The finding points at the paragraph, and names a Chinese character of it and the font.
    expect(line).toContain(String(first.actual));
    expect(String(first.actual)).toMatch(/\p{Script=Han}/u);
    expect(first.message.en).toContain('the body (仿宋) font DejaVuSans.ttf lacks');
    // The text form: file:line:column.
    const textRun = nianbao(['validate', report, '--lang', 'en']);
    expect(textRun.stdout).toMatch(new RegExp(`${report}:\\d+:\\d+  warning  I-GLYPH  /preface/paragraphs/0`));
  });

  it('a config that breaks its schema: exit 2, the file and the JSON Pointer of each problem', () => {
    const report = reportWithConfig('bad-schema', { fonts: { heading: '/f/simhei.ttf', body: 12 } });
    const run = nianbao(['validate', report, '--lang', 'en']);
    expect(run.code).toBe(2);
    const config = join(tmp, 'bad-schema', 'nianbao.config.json');
    expect(run.stderr).toContain(`${config} /fonts/heading: unknown key heading`);
    expect(run.stderr).toContain(`${config} /fonts/body: expected a font file path`);
  });

  it('a config that is not JSON: exit 2 with its line and column', () => {
    const report = reportWithConfig('not-json', '{\n  "fonts": {\n    "body": "x.ttf",\n  }\n}\n');
    const run = nianbao(['validate', report, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${join(tmp, 'not-json', 'nianbao.config.json')}:\\d+:\\d+: not valid JSON`));
  });

  it('a font file that cannot be used: exit 2 naming the role and the file, nothing written', () => {
    const report = reportWithConfig('missing-font', { fonts: { title: 'fonts/FZXBSJW.TTF' } });
    const out = join(tmp, 'missing-font-out');
    const run = nianbao(['build', report, '--out', out, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `nianbao.config.json /fonts/title: font file not found: ${join(tmp, 'missing-font', 'fonts', 'FZXBSJW.TTF')}`,
    );
    expect(existsSync(join(out, 'report', 'report.pdf'))).toBe(false);
  });

  it('build: embeds the configured fonts as subsets; --fonts replaces a role and warns of what it lacks', () => {
    const report = reportWithConfig('office', {
      fonts: { title: KAI_BOLD, heading1: { file: SANS_CJK, face: 'NotoSansCJKsc-Regular' } },
    });
    const out = join(tmp, 'office-out');
    const run = nianbao(['build', report, '--out', out, '--formats', 'pdf', '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('I-GLYPH');
    const fonts = execFileSync('pdffonts', [join(out, 'report', 'report.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/[A-Z]{6}\+LXGWWenKai-Bold +CID TrueType .* yes +yes +yes/);
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansCJKsc-Regular +CID Type 0C .* yes +yes +yes/);

    const latin = join(tmp, 'office-latin-out');
    const over = nianbao([
      'build',
      report,
      '--out',
      latin,
      '--formats',
      'pdf',
      '--fonts',
      `title=${DEJAVU}`,
      '--lang',
      'en',
    ]);
    expect(over.code).toBe(0);
    expect(over.stdout).toMatch(
      /warning {2}I-GLYPH {2}\/metadata\/agency\/name\n.*the title \(小标宋\) font DejaVuSans\.ttf lacks/,
    );
    expect(execFileSync('pdffonts', [join(latin, 'report', 'report.pdf')], { encoding: 'utf8' })).toContain(
      'DejaVuSans',
    );
  });
});

describe('nianbao compare', () => {
  it('renders the comparison PDF with the office fonts (config beside this year, --fonts over it)', () => {
    const current = reportWithConfig('compare', { fonts: { title: KAI_BOLD } });
    const out = join(tmp, 'compare-out');
    const run = nianbao([
      'compare',
      SEED,
      current,
      '--out',
      out,
      '--formats',
      'pdf',
      '--fonts',
      `heading1=${KAI_BOLD}`,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const fonts = execFileSync('pdffonts', [join(out, 'comparison.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/[A-Z]{6}\+LXGWWenKai-Bold +CID TrueType .* yes +yes +yes/);
    const bad = nianbao(['compare', SEED, current, '--out', join(tmp, 'compare-bad'), '--fonts', 'body=/no/such.ttf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fonts body: 找不到字体文件 /no/such.ttf');
  });
});

describe('nianbao serve', () => {
  it('checks the folder config at start: a font that cannot be used stops it with exit 2', () => {
    const report = reportWithConfig('serve-bad', { fonts: { body: 'fonts/FZFSK.TTF' } });
    const folder = join(tmp, 'serve-bad');
    // spawnSync with a timeout: a server that started anyway would never exit by itself.
    const run = spawnSync(process.execPath, [bin, 'serve', folder, '--port', '0', '--lang', 'en'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(report).toContain(folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `${join(folder, 'nianbao.config.json')} /fonts/body: font file not found: ${join(folder, 'fonts', 'FZFSK.TTF')}`,
    );
  });
});

describe('--fonts', () => {
  it('refuses a WOFF web font and an unknown role before building anything (exit 2)', () => {
    const woff = join(tmp, 'web.woff');
    // A WOFF file starts with the signature wOFF (test/roles.test.ts in render-pdf builds a complete one).
    const ttf = readFileSync(DEJAVU);
    writeFileSync(woff, Buffer.concat([Buffer.from('wOFF'), ttf.subarray(4)]));
    const out = join(tmp, 'woff-out');
    const run = nianbao(['build', SEED, '--out', out, '--fonts', `body=${woff}`, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--fonts body: ${woff} is a web font (WOFF)`);
    expect(existsSync(out)).toBe(false);
    const role = nianbao(['validate', SEED, '--fonts', 'kaiti=/k.ttf', '--lang', 'en']);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--fonts /kaiti: expected role=font-file (roles: title, body, heading1, heading2)');
  });
});
