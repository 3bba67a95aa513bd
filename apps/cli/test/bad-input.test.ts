/**
 * Bad input, end to end: every kind of broken, hostile or oddly encoded file goes through the built CLI
 * (`validate` and `build`), as users run it. Each must end with exit 2 (cannot read / not a report) or
 * 1 (a report with errors), a one-line reason that names the problem and its place, never a stack
 * trace, never a hang, and for `build` never any output file or temporary file.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type CliRun, listFiles, runCli } from '@nianbao/fixtures/testing';
import { describePlace, schemaFor } from '@nianbao/template';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SAMPLE_YAML = readFileSync(join(root, 'examples/sample-bureau-2021.yaml'), 'utf8');
const SAMPLE_JSON = `${JSON.stringify(parseYaml(SAMPLE_YAML), null, 2)}\n`;
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-bad-'));
/** Inputs live here and every command runs here, so the paths in messages are the bare file names. */
const work = join(tmp, 'in');
mkdirSync(work);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A run is killed after this long: a hang fails the test instead of stalling CI. */
const HANG = 60_000;

type Run = CliRun;
const nianbao = (args: string[]): Promise<Run> => runCli(bin, args, { cwd: work, timeout: HANG });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 1-based line and column of `index` in `text` (columns in UTF-16 code units, as the CLI counts). */
function place(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * The sample with one edit: `pattern` must match once, its group 1 is kept and the rest replaced by
 * `value`; the place of the edit (just after group 1) is returned with the text.
 */
function edit(
  text: string,
  pattern: RegExp,
  value: string | ((match: string[]) => string),
): { text: string; at: { line: number; column: number } } {
  const match = pattern.exec(text);
  if (!match) throw new Error(`${pattern} does not match`);
  const index = match.index + match[1]!.length;
  const replacement = typeof value === 'string' ? value : value([...match]);
  return {
    text: text.slice(0, index) + replacement + text.slice(match.index + match[0].length),
    at: place(text, index),
  };
}

// The cell every number case edits: 一、本年新收政府信息公开申请数量 › 自然人 of table 三.
const CELL = '/sections/applications/table/newApplications/naturalPerson';
const YAML_CELL = /(newApplications:[^\n]*\n\s+naturalPerson: )(\d+)/;
const JSON_CELL = /("newApplications": \{\s+"naturalPerson": )(\d+)/;
const cellValue = YAML_CELL.exec(SAMPLE_YAML)![2]!;

/** A line and column; 'located' = some line and column; 'file' = the file, without a place inside it. */
type Where = { line: number; column: number } | 'located' | 'file';
interface Case {
  name: string;
  file: string;
  /** The bytes; `size` makes a sparse file of that many bytes instead. */
  content?: string | Buffer;
  size?: number;
  exit: 1 | 2;
  /** The English reason (exit 2) or finding message (exit 1). */
  reason: RegExp;
  /** Exit 2: the place in the reason (or just the file). Exit 1: the finding's place. */
  where: Where;
  /** Exit 1: the finding's JSON Pointer. */
  pointer?: string;
}

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

add({ name: 'an empty file', file: 'empty.yaml', content: '', exit: 2, reason: /empty \(0 bytes\)/, where: 'file' });
add({
  name: 'only comments and blank lines',
  file: 'comments.yaml',
  content: '# a report, some day\n\n   \n# nothing yet\n',
  exit: 2,
  reason: /no content \(only comments or whitespace\)/,
  where: 'file',
});
add({
  name: 'a binary file (NUL bytes)',
  file: 'binary.json',
  content: Buffer.concat([
    Buffer.from('{"edition": "20'),
    Buffer.from([0x00, 0x01, 0xfe, 0x00, 0x9c]),
    Buffer.alloc(64, 7),
  ]),
  exit: 2,
  reason: /not a text file.*NUL/i,
  where: 'file',
});
add({
  name: 'a PDF saved as .yaml',
  file: 'report-pdf.yaml',
  content: Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(200, 0x20)]),
  exit: 2,
  reason: /not a text file/i,
  where: 'file',
});
add({
  name: 'a spreadsheet (ZIP) saved as .json',
  file: 'sheet.json',
  content: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 0x41)]),
  exit: 2,
  reason: /not a text file/i,
  where: 'file',
});
{
  const cut = SAMPLE_JSON.slice(0, Math.floor(SAMPLE_JSON.length * 0.6));
  add({
    name: 'truncated JSON',
    file: 'truncated.json',
    content: cut,
    exit: 2,
    reason: /JSON syntax error.*\(the file is incomplete\)/,
    where: place(cut, cut.length),
  });
}
{
  const { text, at } = edit(SAMPLE_YAML, /(\n)( {2}agency:)/, '\t\tagency:');
  add({
    name: 'YAML indented with tabs',
    file: 'tabs.yaml',
    content: text,
    exit: 2,
    reason: /tab/i,
    where: { line: at.line, column: 1 },
  });
}
{
  const { text, at } = edit(SAMPLE_YAML, /(\n {2}reportYear: \d+[^\n]*\n)/, '  reportYear: 2024\n');
  add({
    name: 'YAML with a duplicate key',
    file: 'duplicate.yaml',
    content: text,
    exit: 2,
    reason: /"reportYear" appears twice/,
    where: { line: at.line, column: 3 },
  });
}
{
  // The classic "billion laughs": 10 levels of 10 aliases each, 10^9 strings once expanded.
  const lines = [
    'lol0: &l0 "lol"',
    ...Array.from({ length: 9 }, (_, i) => `lol${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`),
    'edition: "2021"',
  ];
  add({
    name: 'a YAML alias bomb (billion laughs)',
    file: 'laughs.yaml',
    content: `${lines.join('\n')}\n`,
    exit: 2,
    reason: /more than 1000000 values once YAML aliases are expanded/,
    where: 'located',
  });
}
add({
  name: 'a 200 MB file (sparse: nothing is written to disk)',
  file: 'huge.json',
  size: 200 * 1024 * 1024,
  exit: 2,
  reason: /200 MB.*limit of 20 MB|200 MB.*20 MB/,
  where: 'file',
});
add({
  name: 'arrays nested 100,000 deep (JSON)',
  file: 'deep.json',
  content: '['.repeat(100_000) + ']'.repeat(100_000),
  exit: 2,
  reason: /deeper than 64 levels/,
  where: { line: 1, column: 65 },
});
add({
  name: 'arrays nested 100,000 deep (YAML flow)',
  file: 'deep-flow.yaml',
  content: `${'['.repeat(100_000) + ']'.repeat(100_000)}\n`,
  exit: 2,
  reason: /deeper than 64 levels/,
  where: 'located',
});
add({
  name: 'lists nested 100,000 deep (YAML block)',
  file: 'deep-block.yaml',
  content: `${'- '.repeat(100_000)}x\n`,
  exit: 2,
  reason: /deeper than 64 levels/,
  where: { line: 1, column: 1 },
});
{
  const { text, at } = edit(SAMPLE_YAML, /(paragraphs:\n {4}- )/, 'x'.repeat(1_500_000));
  add({
    name: 'one paragraph of 1,500,000 characters',
    file: 'long-string.yaml',
    content: text,
    exit: 2,
    reason: /longer than the limit of 1000000/,
    where: at,
  });
}
for (const [format, sample, pattern] of [
  ['yaml', SAMPLE_YAML, YAML_CELL],
  ['json', SAMPLE_JSON, JSON_CELL],
] as const) {
  const cell = (value: string) => edit(sample, pattern, value);
  {
    const { text, at } = cell(`"${cellValue}"`);
    add({
      name: `a count written as a string (${format})`,
      file: `string-count.${format}`,
      content: text,
      exit: 1,
      reason: new RegExp(`must be an integer, but is the text "${cellValue}"`),
      where: at,
      pointer: CELL,
    });
  }
  {
    const { text, at } = cell(`-${cellValue}`);
    add({
      name: `a negative count (${format})`,
      file: `negative.${format}`,
      content: text,
      exit: 1,
      reason: /cannot be less than 0/,
      where: at,
      pointer: CELL,
    });
  }
  {
    const { text, at } = cell(`${cellValue}.5`);
    add({
      name: `a fractional count (${format})`,
      file: `fraction.${format}`,
      content: text,
      exit: 1,
      reason: /must be a whole number/,
      where: at,
      pointer: CELL,
    });
  }
  {
    const { text, at } = cell('1e400');
    add({
      name: `1e400 (${format})`,
      file: `e400.${format}`,
      content: text,
      exit: 2,
      reason: /1e400 is out of range/,
      where: at,
    });
  }
}
for (const word of ['NaN', 'Infinity', '-Infinity']) {
  const { text, at } = edit(SAMPLE_JSON, JSON_CELL, word);
  add({
    name: `${word} in JSON`,
    file: `${word.replace('-', 'minus-').toLowerCase()}.json`,
    content: text,
    exit: 2,
    reason: new RegExp(`JSON syntax error: (NaN and Infinity are|${escapeRegExp(word)} is) not (a )?JSON number`),
    where: at,
  });
}
{
  const { text, at } = edit(SAMPLE_YAML, YAML_CELL, '.nan');
  add({ name: '.nan in YAML', file: 'nan.yaml', content: text, exit: 2, reason: /not a number \(NaN\)/, where: at });
}
{
  const { text, at } = edit(SAMPLE_YAML, YAML_CELL, '.inf');
  add({ name: '.inf in YAML', file: 'inf.yaml', content: text, exit: 2, reason: /out of range/, where: at });
}
{
  const { text, at } = edit(SAMPLE_YAML, /^(edition: )"2021"/m, '"2020"');
  add({
    name: 'an unknown edition',
    file: 'edition-2020.yaml',
    content: text,
    exit: 2,
    reason: /Unknown edition.*"2020".*"2019".*"2021"/,
    where: at,
  });
}
{
  const text = SAMPLE_YAML.replace(/^edition: .*\n/m, '');
  add({
    name: 'no edition at all',
    file: 'no-edition.yaml',
    content: text,
    exit: 2,
    reason: /Missing the edition field.*"2019".*"2021"/,
    where: 'located',
  });
}
{
  const document = parseYaml(SAMPLE_YAML) as { sections: Record<string, unknown> };
  delete document.sections.reviewAndLitigation;
  const text = JSON.stringify(document, null, 2);
  const at = place(text, text.indexOf('"sections": ') + '"sections": '.length);
  add({
    name: 'a missing section',
    file: 'missing-section.json',
    content: text,
    exit: 1,
    reason: /missing required field reviewAndLitigation/,
    where: at,
    pointer: '/sections/reviewAndLitigation',
  });
}
{
  const { text, at } = edit(SAMPLE_YAML, /(\n {6}newApplications:[^\n]*\n)/, `        bonusColumn: 3\n`);
  const column = { line: at.line, column: 22 };
  add({
    name: 'an extra key',
    file: 'extra-key.yaml',
    content: text,
    exit: 1,
    reason: /Unknown field "bonusColumn"/,
    where: column,
    pointer: '/sections/applications/table/newApplications/bonusColumn',
  });
}
{
  // A file saved as GBK by an old editor: the place of the first non-UTF-8 byte, and a hint. 池州市 in GBK:
  const gbk = Buffer.from([0xb3, 0xd8, 0xd6, 0xdd, 0xca, 0xd0]);
  const content = Buffer.concat([
    Buffer.from('edition: "2019"\nmetadata:\n  agency:\n    name: '),
    gbk,
    Buffer.from('\n'),
  ]);
  add({
    name: 'a file saved as GBK',
    file: 'gbk.yaml',
    content,
    exit: 2,
    reason: /not valid UTF-8: invalid byte 0xB3.*looks GBK\/GB18030-encoded.*Save the file as UTF-8/,
    where: { line: 4, column: 11 },
  });
}
{
  // 池州 in GBK bytes pasted into a UTF-8 file: the place of the first bad byte.
  const { text, at } = edit(SAMPLE_YAML, /(\n {4}name: )[^\n#]+/, 'GBK_NAME ');
  const [before, after] = text.split('GBK_NAME');
  const content = Buffer.concat([Buffer.from(before!), Buffer.from([0xb3, 0xd8, 0xd6, 0xdd]), Buffer.from(after!)]);
  add({
    name: 'GBK bytes in a UTF-8 file',
    file: 'gbk-name.yaml',
    content,
    exit: 2,
    reason: /not valid UTF-8: invalid byte 0xB3.*Save the file as UTF-8/,
    where: at,
  });
}
add({
  name: 'UTF-16 without a byte order mark',
  file: 'utf16-nobom.yaml',
  content: Buffer.from(SAMPLE_YAML, 'utf16le'),
  exit: 2,
  reason: /UTF-16 without a byte order mark/,
  where: 'file',
});

beforeAll(() => {
  for (const c of cases) {
    const path = join(work, c.file);
    if (c.size !== undefined) {
      writeFileSync(path, '');
      truncateSync(path, c.size);
    } else writeFileSync(path, c.content!);
  }
});

/** Exit 2: exactly one line on stderr, nothing on stdout, the place, the reason; never a stack trace. */
function expectFailure(run: Run, c: Case, command: string): void {
  expect(run.signal, 'killed: it hung').toBeNull();
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  const line = lines[0]!;
  expect(line).not.toMatch(/\bat .+:\d+:\d+\)?$|Error:|node:internal|TypeError|RangeError/);
  if (c.where === 'file') expect(line.startsWith(`nianbao ${command}: ${c.file}: `), line).toBe(true);
  else if (c.where === 'located') expect(line).toMatch(new RegExp(`^${escapeRegExp(c.file)}:\\d+:\\d+: `));
  else expect(line.startsWith(`${c.file}:${c.where.line}:${c.where.column}: `), line).toBe(true);
  expect(line).toMatch(c.reason);
}

/** Exit 1: the finding with its file:line:col, rule and pointer, then its message; no stack trace. */
function expectFindings(run: Run, c: Case): void {
  expect(run.signal, 'killed: it hung').toBeNull();
  expect(run.code).toBe(1);
  const where = c.where as { line: number; column: number };
  expect(run.stdout).toMatch(
    new RegExp(
      `^${escapeRegExp(c.file)}:${where.line}:${where.column}  error  schema  ${escapeRegExp(c.pointer!)}\\n  .*$`,
      'm',
    ),
  );
  expect(run.stdout).toMatch(c.reason);
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at |node:internal|TypeError/);
}

describe.concurrent('nianbao validate: bad input', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const run = await nianbao(['validate', c.file, '--lang', 'en']);
    if (c.exit === 2) expectFailure(run, c, 'validate');
    else expectFindings(run, c);
  });
});

describe.concurrent('nianbao build: bad input writes nothing', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const out = join(tmp, 'out', c.file);
    const run = await nianbao(['build', c.file, '--out', out, '--lang', 'en']);
    if (c.exit === 2) expectFailure(run, c, 'build');
    else {
      expectFindings(run, c);
      expect(run.stderr).toBe(`${c.file}: has errors; nothing was written.\n`);
    }
    expect(listFiles(out)).toEqual([]);
    expect(listFiles(work).filter((name) => name.includes('.nianbao-tmp-'))).toEqual([]);
  });

  it('a folder of all of them: each fails with its reason, the good report is built, nothing else is written', async () => {
    const batch = join(tmp, 'batch');
    mkdirSync(batch);
    for (const c of cases) {
      // One folder per case: nan.json and nan.yaml would otherwise both build into nan/.
      mkdirSync(join(batch, c.file.replace('.', '-')));
      const path = join(batch, c.file.replace('.', '-'), c.file);
      if (c.size !== undefined) {
        writeFileSync(path, '');
        truncateSync(path, c.size);
      } else writeFileSync(path, c.content!);
    }
    writeFileSync(join(batch, 'good.yaml'), SAMPLE_YAML);
    const out = join(tmp, 'batch-out');
    const run = await nianbao(['build', batch, '--out', out, '--formats', 'html,json', '--jobs', '2', '--lang', 'en']);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`${cases.length + 1} reports: 1 built, ${cases.length} failed`);
    for (const c of cases)
      expect(run.stdout, c.file).toMatch(new RegExp(`^ {2}FAILED {2}.*${escapeRegExp(c.file)}\\b.*$`, 'm'));
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at |node:internal|TypeError/);
    expect(listFiles(out)).toEqual([
      'good/datapackage.json',
      'good/fragment-inline.html',
      'good/fragment.html',
      'good/index.html',
      'good/report.csv',
      'good/report.json',
    ]);
  });
});

describe('a valid report with more text than a PDF is made for', () => {
  it('validates; build refuses the PDF at once (exit 2, nothing written) and builds HTML and open data', async () => {
    // 4 paragraphs of 63,000 characters: valid (the schema allows 100,000 each), 5× the largest real report.
    const long = '政府信息公开工作年度报告按照条例要求编制。'.repeat(3_000);
    const text = SAMPLE_YAML.replace(/(preface:[^\n]*\n {2}paragraphs:\n)/, `$1${`    - ${long}\n`.repeat(4)}`);
    writeFileSync(join(work, 'long-report.yaml'), text);
    const validate = await nianbao(['validate', 'long-report.yaml', '--lang', 'en']);
    expect(validate.code).toBe(0);
    const out = join(tmp, 'long-out');
    const refused = await nianbao(['build', 'long-report.yaml', '--out', out, '--lang', 'en']);
    expect(refused.signal).toBeNull();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^nianbao build: long-report\.yaml: the report's text has \d+ characters, more than the 200000 a PDF is made for .*--formats html,json\.\n$/,
    );
    expect(listFiles(out)).toEqual([]);
    const other = await nianbao(['build', 'long-report.yaml', '--out', out, '--formats', 'html,json']);
    expect(other.code).toBe(0);
    expect(listFiles(out)).toEqual([
      'long-report/datapackage.json',
      'long-report/fragment-inline.html',
      'long-report/fragment.html',
      'long-report/index.html',
      'long-report/report.csv',
      'long-report/report.json',
    ]);
  });
});

describe.concurrent('encodings a report may arrive in', () => {
  const variants = {
    'UTF-8 with a BOM': (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8'),
    'UTF-16 LE with a BOM': (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le'),
    'UTF-16 BE with a BOM': (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le').swap16(),
  };

  it.each(Object.entries(variants))(
    '%s: read as the UTF-8 file is, and built to the same bytes',
    async (name, encode) => {
      const stem = name.replace(/\W+/g, '-').toLowerCase();
      writeFileSync(join(work, `${stem}.yaml`), encode(SAMPLE_YAML));
      writeFileSync(join(work, `${stem}-plain.yaml`), SAMPLE_YAML);
      const run = await nianbao(['validate', `${stem}.yaml`, '--format', 'json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual([]);
      const out = join(tmp, 'enc', stem);
      const built = await nianbao([
        'build',
        `${stem}.yaml`,
        `${stem}-plain.yaml`,
        '--out',
        out,
        '--formats',
        'json,html',
        '--jobs',
        '1',
      ]);
      expect(built.code).toBe(0);
      for (const file of ['report.json', 'report.csv', 'index.html']) {
        expect(readFileSync(join(out, stem, file)).equals(readFileSync(join(out, `${stem}-plain`, file))), file).toBe(
          true,
        );
      }
    },
  );

  it.each(Object.entries(variants))(
    '%s: a finding lands on the same line and column as in UTF-8',
    async (name, encode) => {
      const stem = `${name.replace(/\W+/g, '-').toLowerCase()}-broken`;
      const { text, at } = edit(SAMPLE_YAML, YAML_CELL, `"${cellValue}"`);
      writeFileSync(join(work, `${stem}.yaml`), encode(text));
      const run = await nianbao(['validate', `${stem}.yaml`, '--lang', 'en']);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        new RegExp(`^${stem}\\.yaml:${at.line}:${at.column}  error  schema  ${escapeRegExp(CELL)}$`, 'm'),
      );
    },
  );
});

describe('spam that reached a report (I-SPAM)', () => {
  // Injected into the 2021 sample (which has no findings of its own) at known paragraphs.
  const injected = [
    { pointer: '/preface/paragraphs/1', word: '金沙娱乐' },
    { pointer: '/sections/overview/platformBuilding/paragraphs/0', word: '澳门新葡京' },
    // Disguised the way spam slips past filters: a zero-width space, full-width letters, U+FEFF.
    { pointer: '/sections/overview/oversight/paragraphs/0', word: '足\u200B球比分' },
    { pointer: '/sections/problemsAndImprovements/problems/paragraphs/0', word: 'ｂｅｔ３６５' },
    { pointer: '/sections/otherMatters/paragraphs/0', word: '时时\uFEFF彩' },
  ];
  const tampered = (() => {
    const document = parseYaml(SAMPLE_YAML) as Record<string, unknown>;
    for (const { pointer, word } of injected) {
      const keys = pointer.slice(1).split('/');
      const parent = keys
        .slice(0, -1)
        .reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, document);
      const last = keys.at(-1)!;
      parent[last] = `${word}${String(parent[last])}`;
    }
    return JSON.stringify(document, null, 2);
  })();
  const paragraphLabels = (pointer: string) =>
    describePlace(schemaFor('2021'), pointer).path.filter((label) => !/^正文$/.test(label));

  beforeAll(() => writeFileSync(join(work, 'tampered.json'), tampered));

  it('validate names each injected word and its paragraph, at its line, even when disguised', async () => {
    const run = await nianbao(['validate', 'tampered.json', '--format', 'json']);
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout) as {
      ruleId: string;
      severity: string;
      pointer: string;
      message: { zh: string };
      location?: { line: number };
    }[];
    expect(findings.map((f) => `${f.severity} ${f.ruleId} ${f.pointer}`).sort()).toEqual(
      injected.map(({ pointer }) => `error I-SPAM ${pointer}`).sort(),
    );
    for (const { pointer, word } of injected) {
      const finding = findings.find((f) => f.pointer === pointer)!;
      expect(finding.message.zh).toContain(`“${word}”`);
      for (const label of paragraphLabels(pointer)) expect(finding.message.zh).toContain(label);
      expect(finding.location?.line).toBe(place(tampered, tampered.indexOf(word)).line);
    }
  });

  it('a rules file extends the word list and patterns (validate --rules)', async () => {
    writeFileSync(
      join(work, 'province-spam.yaml'),
      [
        'rules:',
        '  - id: PROVINCE-SPAM',
        '    severity: warning',
        '    title: {zh: 本省补充的垃圾词语, en: Spam words on the province list}',
        '    message: {zh: "{paragraph}含有本省列出的垃圾词语“{word}”。", en: "{paragraph} contains \\"{word}\\" (province list)."}',
        '    checks:',
        '      - type: forbiddenText',
        '        at: [/preface, /sections]',
        '        words: [示范路, 政风行风热线]',
        '        patterns:',
        '          - {pattern: "第\\\\d{4}期", label: {zh: 期号, en: issue number}}',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(work, 'sample.yaml'),
      SAMPLE_YAML.replace('监督保障\n      paragraphs:\n        - ', '监督保障\n      paragraphs:\n        - 第2024期'),
    );
    const run = await nianbao(['validate', 'sample.yaml', '--rules', 'province-spam.yaml', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const findings = JSON.parse(run.stdout) as { ruleId: string; pointer: string; message: { zh: string } }[];
    const words = findings.filter((f) => f.ruleId === 'PROVINCE-SPAM').map((f) => /“(.+)”/.exec(f.message.zh)![1]);
    expect(words.sort()).toEqual(['政风行风热线', '示范路', '第2024期'].sort());
    // Without the file the sample is clean.
    expect(JSON.parse((await nianbao(['validate', 'sample.yaml', '--format', 'json'])).stdout)).toEqual([]);
  });

  it('build refuses the report, prints each injected word and writes nothing; a batch builds the clean one', async () => {
    const out = join(tmp, 'spam-out');
    const refused = await nianbao(['build', 'tampered.json', '--out', out, '--formats', 'json']);
    expect(refused.code).toBe(1);
    for (const { pointer, word } of injected)
      expect(refused.stdout).toMatch(
        new RegExp(
          `^tampered\\.json:\\d+:\\d+  error  I-SPAM  ${escapeRegExp(pointer)}\\n  .*“${escapeRegExp(word)}”`,
          'm',
        ),
      );
    expect(existsSync(out)).toBe(false);

    // In a batch the tampered report fails (with its first error as the reason) and the clean one is built.
    const batch = join(tmp, 'spam-batch');
    mkdirSync(batch);
    writeFileSync(join(batch, 'tampered.json'), tampered);
    writeFileSync(join(batch, 'clean.yaml'), SAMPLE_YAML);
    const strictOut = join(tmp, 'spam-strict');
    const strict = await nianbao(['build', batch, '--out', strictOut, '--formats', 'json', '--lang', 'en']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('2 reports: 1 built, 1 failed');
    expect(strict.stdout).toMatch(/FAILED {2}.*tampered\.json:\d+:\d+: I-SPAM: .*\(5 errors, 0 warnings in all\)/);
    expect(listFiles(strictOut)).toEqual(['clean/datapackage.json', 'clean/report.csv', 'clean/report.json']);
  });
});
