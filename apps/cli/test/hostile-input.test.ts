/**
 * Hostile input through the CLI: a javascript: address and a malformed e-mail address in the metadata,
 * invisible characters in the text (as YAML escapes and as JSON), and a rules file with an empty
 * expression. Each is a finding with its line, or a refusal before anything runs; none passes silently.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliSync } from '@nianbao/fixtures/testing';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SAMPLE = readFileSync(join(root, 'examples/sample-bureau-2021.yaml'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const nianbao = (args: string[]) => runCliSync(bin, args, { cwd: root });

interface JsonFinding {
  ruleId: string;
  severity: string;
  pointer: string;
  actual?: unknown;
  location?: { line: number };
}

/** The sample with one line replaced, validated; its findings as JSON. */
function validateChanged(find: string, replace: string, name: string) {
  expect(SAMPLE).toContain(find);
  const file = join(tmp, name);
  writeFileSync(file, SAMPLE.replace(find, replace));
  const run = nianbao(['validate', file, '--format', 'json']);
  return { run, findings: JSON.parse(run.stdout || '[]') as JsonFinding[], file };
}

describe('nianbao validate: hostile metadata', () => {
  it('a javascript: web address is an error with its line (exit 1)', () => {
    const { run, findings } = validateChanged(
      'url: https://www.example.org/xxgk/ndbg/',
      'url: "javascript:alert(document.cookie)"',
      'js-url.yaml',
    );
    expect(run.code).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'M-URL',
        severity: 'error',
        pointer: '/metadata/electronicVersion/url',
        location: expect.objectContaining({ line: 31 }),
      }),
    ]);
  });
  it('a malformed e-mail address is an error (exit 1); the text output names the rule', () => {
    const { run, findings, file } = validateChanged('email: gongkai@example.org', 'email: gongkai@', 'bad-email.yaml');
    expect(run.code).toBe(1);
    expect(findings.map((f) => [f.ruleId, f.severity, f.pointer])).toEqual([
      ['M-EMAIL', 'error', '/metadata/contact/email'],
    ]);
    const text = nianbao(['validate', file]);
    expect(text.code).toBe(1);
    expect(text.stdout + text.stderr).toContain('M-EMAIL');
  });
});

describe('nianbao validate: invisible characters in the text', () => {
  it('NUL, an escape sequence, a lone surrogate and a bidi override written as YAML escapes are findings', () => {
    const { run, findings } = validateChanged(
      'location: 某市人民政府门户网站“政府信息公开”专栏',
      'location: "门户网站\\0专栏\\e[31m \\uD800 \\u202E"',
      'invisible.yaml',
    );
    expect(run.code).toBe(1);
    const byRule = Object.fromEntries(findings.map((f) => [f.ruleId, f]));
    expect(byRule['I-CONTROL']).toMatchObject({ severity: 'error', actual: 'U+0000 U+001B', location: { line: 30 } });
    expect(byRule['I-BIDI']).toMatchObject({ severity: 'warning', actual: 'U+202E' });
    // A lone surrogate survives YAML parsing as a \uD800 escape: it is found before it reaches report.json.
    expect(byRule['I-SURROGATE']).toMatchObject({ severity: 'error', actual: 'U+D800' });
  });
  it('the same in a JSON report', () => {
    const file = join(tmp, 'invisible.json');
    const report = parseSample();
    report.preface.paragraphs[0] = 'a\u0000b\u202Dc';
    writeFileSync(file, JSON.stringify(report));
    const run = nianbao(['validate', file, '--format', 'json']);
    expect(run.code).toBe(1);
    const ids = (JSON.parse(run.stdout) as JsonFinding[]).map((f) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['I-CONTROL', 'I-BIDI']));
  });
});

describe('nianbao validate --rules: an empty regular expression', () => {
  it('is refused at its place before anything runs (exit 2, one line)', () => {
    const rules = join(tmp, 'empty-pattern.json');
    const rule = {
      id: 'LOCAL-1',
      severity: 'warning',
      title: { zh: '禁用词', en: 'Forbidden' },
      message: { zh: '含有{word}', en: 'Contains {word}' },
      checks: [
        { type: 'forbiddenText', at: ['/preface'], patterns: [{ pattern: '', label: { zh: '空', en: 'empty' } }] },
      ],
    };
    writeFileSync(rules, `${JSON.stringify({ rules: [rule] }, null, 2)}\n`);
    const run = nianbao(['validate', join(root, 'examples/sample-bureau-2021.yaml'), '--rules', rules]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(rules);
    expect(run.stderr).toMatch(/正则表达式为空|empty/);
  });
});

// biome-ignore lint/suspicious/noExplicitAny: a report changed freely in a test
function parseSample(): any {
  const run = spawnSync(
    process.execPath,
    [
      '-e',
      `import('yaml').then(({ parse }) => process.stdout.write(JSON.stringify(parse(require('fs').readFileSync(${JSON.stringify(join(root, 'examples/sample-bureau-2021.yaml'))}, 'utf8')))))`,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  return JSON.parse(run.stdout);
}
