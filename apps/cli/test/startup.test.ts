/**
 * How the built CLI starts (scripts/build.mjs, src/core-loader.ts): the bin shim, the libraries
 * loaded from dist/core.cjs with the V8 code cache made at build time, and what happens when that
 * cache does not fit (another build, another Node) or debugging is on. No timings: the cache may only
 * change speed, so each case checks the output is the same as with the cache in use.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const shim = fileURLToPath(new URL('../bin/nianbao.js', import.meta.url));
const SEED = 'examples/chizhou-rfb-2020.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-startup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cleanEnv(extra: Record<string, string> = {}) {
  const env = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'NIANBAO_DEBUG', 'NODE_OPTIONS']) delete env[name];
  return { ...env, ...extra };
}

function node(args: string[], extra: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, args, { cwd: root, env: cleanEnv(extra), encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** How dist/core-loader.js in `folder` compiled core.cjs, in a fresh node. */
function cacheStatus(folder: string, extra: Record<string, string> = {}): string {
  const loader = JSON.stringify(join(folder, 'core-loader.js'));
  const run = node(
    ['-e', `const l = require(${loader}); l.loadCore(); process.stdout.write(l.codeCacheStatus());`],
    extra,
  );
  expect(run.stderr).toBe('');
  return run.stdout;
}

const reference = node([join(dist, 'bin.js'), 'validate', SEED]);

describe('the built CLI', () => {
  it('validates the seed example (the reference for the cases below)', () => {
    expect(reference.code).toBe(0);
    expect(reference.stderr).toBe('');
    // The agency's text has half-width punctuation: T-PUNCT warnings, no error.
    expect(reference.stdout).toContain('T-PUNCT');
    expect(reference.stdout.trimEnd().split('\n').at(-1)).toMatch(
      new RegExp(`^${SEED}：0 个错误，\\d+ 个警告（2019年格式）$`),
    );
  });

  it('runs the same through the bin shim', () => {
    expect(node([shim, 'validate', SEED])).toEqual(reference);
    expect(node([shim, '--version']).stdout).toBe(
      `${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`,
    );
  });

  it('ships a code cache this Node accepts', () => {
    expect(cacheStatus(dist)).toBe('accepted');
  });

  it('has an ASCII-only core script', () => {
    expect(/[^\x00-\x7f]/.test(readFileSync(join(dist, 'core.cjs'), 'latin1'))).toBe(false);
  });

  it("leaves zod's message locales out of the core script, each loaded from zod when called", () => {
    const core = readFileSync(join(dist, 'core.cjs'), 'latin1');
    const requireFromDist = createRequire(join(dist, 'core.cjs'));
    const index = readFileSync(requireFromDist.resolve('zod/v4/locales/index.js'), 'utf8');
    const locales = [...index.matchAll(/export \{ default as (\w+) \} from "\.\/([\w-]+)\.js";/g)];
    expect(locales.length).toBeGreaterThan(40);
    for (const [, name, base] of locales) {
      // The function the build put in place of the locale, run with the require the loader gives core.cjs.
      const stub = new RegExp(`function ${name}\\(\\.\\.\\.args\\)\\{.*?\\}`).exec(core)?.[0];
      expect(stub, name).toContain(`zod/v4/locales/${base}.cjs`);
      const locale = new Function('require', `${stub}; return ${name}();`)(requireFromDist) as {
        localeError?: unknown;
      };
      expect(typeof locale.localeError, name).toBe('function');
    }
    // Zod's default (English) messages stay in the script.
    expect(core).toContain('Invalid input');
  });

  it('loads the core with require and source maps under NIANBAO_DEBUG, with the same output', () => {
    expect(cacheStatus(dist, { NIANBAO_DEBUG: '1' })).toBe('not-used');
    expect(node([join(dist, 'bin.js'), 'validate', SEED], { NIANBAO_DEBUG: '1' })).toEqual(reference);
    // An error inside the libraries points at their TypeScript source.
    const loader = JSON.stringify(join(dist, 'core-loader.js'));
    const thrown = node(
      [
        '-e',
        `try { require(${loader}).loadCore().formatProblem(undefined, {}); } catch (e) { process.stdout.write(e.stack); }`,
      ],
      { NIANBAO_DEBUG: '1' },
    );
    expect(thrown.stdout).toMatch(/packages\/source\/src\/problem\.ts:\d+:\d+/);
  });
});

/** How dist/importer-loader.js compiled importer.cjs and dist/pdfjs-loader.js the pdfjs bundle, in a fresh node. */
function importCacheStatus(extra: Record<string, string> = {}): { importer: string; pdfjs: string } {
  const importer = JSON.stringify(join(dist, 'importer-loader.js'));
  const pdfjs = JSON.stringify(join(dist, 'pdfjs-loader.js'));
  const run = node(
    [
      '-e',
      `const i = require(${importer}), p = require(${pdfjs});
       i.loadImporter().then((importer) => {
         p.loadPdfjs(importer);
         process.stdout.write(JSON.stringify({ importer: i.importerCacheStatus(), pdfjs: p.pdfjsCacheStatus() }));
       });`,
    ],
    extra,
  );
  return JSON.parse(run.stdout) as { importer: string; pdfjs: string };
}

describe('the importer and its pdfjs-dist for `nianbao import`', () => {
  const PDF = 'packages/importer/test/fixtures/nianbao-generated-2021-10-pages.pdf';
  const PAGE = 'packages/importer/test/fixtures/cms-government-2021.gbk.html';
  const cached = [PDF, PAGE].map((file) => node([join(dist, 'bin.js'), 'import', file]));

  it('are bundled ASCII only, with code caches this Node accepts', () => {
    const pdfjs = createRequire(join(root, 'apps/cli/package.json')).resolve('@nianbao/importer/pdfjs');
    for (const bundle of [pdfjs, join(dist, 'importer.cjs')])
      expect(/[^\x00-\x7f]/.test(readFileSync(bundle, 'latin1'))).toBe(false);
    expect(importCacheStatus()).toEqual({ importer: 'accepted', pdfjs: 'accepted' });
  });

  it('import a PDF and a web page exactly as the packages themselves do (NIANBAO_DEBUG)', () => {
    for (const run of cached) {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('reportYear:');
      expect(run.stderr).toContain('200/200');
    }
    expect(importCacheStatus({ NIANBAO_DEBUG: '1' })).toEqual({ importer: 'not-used', pdfjs: 'not-used' });
    expect([PDF, PAGE].map((file) => node([join(dist, 'bin.js'), 'import', file], { NIANBAO_DEBUG: '1' }))).toEqual(
      cached,
    );
  });
});

describe('exit', () => {
  it('comes after the whole output has reached the pipe (the CLI ends with process.exit)', () => {
    // Every count of the seed made negative: some 200 findings, far more than a pipe holds at once.
    const broken = readFileSync(join(root, SEED), 'utf8').replace(/^(\s+[a-zA-Z0-9]+: )\d+(?=\s|$)/gm, '$1-1');
    const file = join(tmp, 'negative-counts.yaml');
    writeFileSync(file, broken);
    const json = node([join(dist, 'bin.js'), 'validate', file, '--format', 'json']);
    expect(json.code).toBe(1);
    expect(Buffer.byteLength(json.stdout)).toBeGreaterThan(128 * 1024);
    const findings = JSON.parse(json.stdout) as { severity: string }[];
    expect(findings.filter((finding) => finding.severity === 'error').length).toBeGreaterThan(150);
    const text = node([join(dist, 'bin.js'), 'validate', file]);
    expect(text.code).toBe(1);
    expect(
      text.stdout.endsWith(
        `${file}：${findings.filter((f) => f.severity === 'error').length} 个错误，${findings.filter((f) => f.severity === 'warning').length} 个警告（2019年格式）\n`,
      ),
    ).toBe(true);
  });
});

describe('a code cache that does not fit is ignored', () => {
  /** A copy of dist/ whose core.cache is replaced by `cache` (or removed). */
  function copyWithCache(name: string, cache: Buffer | undefined): string {
    const folder = join(tmp, name);
    cpSync(dist, folder, { recursive: true });
    if (cache) writeFileSync(join(folder, 'core.cache'), cache);
    else rmSync(join(folder, 'core.cache'));
    return folder;
  }
  const original = readFileSync(join(dist, 'core.cache'));
  const header = original.subarray(0, original.indexOf(10) + 1);

  it.each([
    ['missing', undefined],
    // Another build's cache: its id differs, the loader does not hand it to V8.
    [
      'mismatched',
      Buffer.concat([Buffer.from('00000000-0000-0000-0000-000000000000\n'), original.subarray(header.length)]),
    ],
    // Data V8 refuses (made for another script, as with another Node): compiled as usual.
    ['rejected', Buffer.concat([header, new Script('"another script"').createCachedData()])],
  ])('%s', (status, cache) => {
    const folder = copyWithCache(status, cache);
    expect(cacheStatus(folder)).toBe(status);
    // The copy's output names the same file; only the place of the CLI differs.
    expect(node([join(folder, 'bin.js'), 'validate', SEED])).toEqual(reference);
  });
});
