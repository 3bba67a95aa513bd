import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReportText } from '@nianbao/source';
import { runCliSync } from '@nianbao/fixtures/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTamperedSeed } from './tampered.js';

// The built CLI, run the way users run it, from the repository root (paths in its output are relative).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SEED = 'examples/chizhou-rfb-2020.yaml';
const SAMPLE = 'examples/sample-bureau-2021.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// The seed as the hacked page published it (the example is the report as the agency wrote it).
const TAMPERED = writeTamperedSeed(root, tmp);

const nianbao = (args: string[], env: Record<string, string> = {}) => runCliSync(bin, args, { cwd: root, env });

interface JsonFinding {
  ruleId: string;
  severity: string;
  pointer: string;
  location?: { line: number; column: number };
  column?: string[];
  message: { zh: string; en: string };
}

/** A failure: exit 2, nothing on stdout, exactly one line on stderr and no stack trace. */
function expectOneLineFailure(run: ReturnType<typeof nianbao>): string {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  return run.stderr.trimEnd();
}

/** The 1-based line of the first line at or after `after` that starts with `prefix`. */
function lineOf(text: string, prefix: string, after = 0): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line, i) => i >= after && line.startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with ${prefix}`);
  return index + 1;
}

describe('nianbao validate: the bundled examples', () => {
  it('the seed report (edition 2019), as the agency wrote it: exit 0, only half-width punctuation warnings', () => {
    const run = nianbao(['validate', SEED, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const all = JSON.parse(run.stdout) as JsonFinding[];
    // The agency wrote 以来,我办 and (国务院令第711号,…): T-PUNCT names the full-width forms.
    expect(new Set(all.map((f) => `${f.severity} ${f.ruleId}`))).toEqual(new Set(['warning T-PUNCT']));
    const punctuation = all.find((f) => f.pointer === '/sections/overview/requestDisclosure/paragraphs/0');
    expect(punctuation!.message.zh).toContain('“,”应为“，”');
  });

  it('the seed as the hacked page published it: exit 1, a spam error for every tampered paragraph and nothing else', () => {
    const run = nianbao(['validate', TAMPERED, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const all = JSON.parse(run.stdout) as JsonFinding[];
    expect(new Set(all.map((f) => `${f.severity} ${f.ruleId}`))).toEqual(new Set(['error I-SPAM', 'warning T-PUNCT']));
    const findings = all.filter((f) => f.ruleId === 'I-SPAM');
    expect(findings.length).toBeGreaterThan(0);

    // Every paragraph holding an injected word is flagged, and only those.
    const source = parseReportText(readFileSync(TAMPERED, 'utf8'), TAMPERED);
    if (!source.ok) throw new Error(source.problem.message.en);
    const tampered: string[] = [];
    const walk = (value: unknown, pointer: string) => {
      if (typeof value === 'string') {
        if (/足球比分|365体育/.test(value)) tampered.push(pointer);
      } else if (value && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) walk(item, `${pointer}/${key}`);
      }
    };
    walk(source.document, '');
    expect(tampered).toHaveLength(6);
    expect(new Set(findings.map((f) => f.pointer))).toEqual(new Set(tampered));
    for (const finding of findings) {
      expect(finding.location).toEqual(source.locate(finding.pointer));
    }
    // The paragraph with both 足球比分网 and 365体育: one error per word.
    const intro = findings.filter((f) => f.pointer === '/sections/overview/introduction/0');
    expect(intro.map((f) => f.message.zh).join(' ')).toMatch(/足球比分[\s\S]*365体育|365体育[\s\S]*足球比分/);
  });

  it('the tampered seed as text: one block per finding and a summary line', () => {
    const run = nianbao(['validate', TAMPERED]);
    expect(run.code).toBe(1);
    const spamLine = lineOf(readFileSync(join(root, SEED), 'utf8'), '    - 本报告依据');
    expect(run.stdout).toContain(
      `${TAMPERED}:${spamLine}:7  error  I-SPAM  /preface/paragraphs/0\n  「引言 › 第1段」含有疑似植入的垃圾词语“足球比分”`,
    );
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/：7 个错误，\d+ 个警告（2019年格式）$/);
    // Not a terminal: no colour.
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('the 2021 sample: exit 0 and no findings at all', () => {
    const json = nianbao(['validate', SAMPLE, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([]);
    const text = nianbao(['validate', SAMPLE, '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(`${SAMPLE}: 0 errors, 0 warnings (edition 2021)\n`);
  });
});

describe('nianbao validate: a broken total', () => {
  // The seed with table 三 一、本年新收 总计 changed from 0 to 1.
  const seed = readFileSync(join(root, SEED), 'utf8');
  const rowLine = lineOf(seed, '      newApplications:');
  const totalLine = lineOf(seed, '        total: 0', rowLine);
  const lines = seed.split('\n');
  lines[totalLine - 1] = '        total: 1  # broken on purpose';
  const broken = join(tmp, 'broken.yaml');
  writeFileSync(broken, lines.join('\n'));

  it('exits 1 and names the rule, the cell and its YAML line', () => {
    const run = nianbao(['validate', broken, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const errors = (JSON.parse(run.stdout) as JsonFinding[]).filter((f) => f.severity === 'error');
    const bRow = errors.filter((f) => f.ruleId === 'B-ROW');
    expect(bRow).toHaveLength(1);
    expect(bRow[0]).toMatchObject({
      ruleId: 'B-ROW',
      pointer: '/sections/applications/table/newApplications/total',
      location: { line: totalLine, column: 16 },
      row: ['一、本年新收政府信息公开申请数量'],
      column: ['总计'],
      expected: 0,
      actual: 1,
    });
    // The 总计 column of the 勾稽关系 (一 + 二 = （七）+ 四) breaks with it; nothing else does.
    expect(errors.map((f) => `${f.ruleId} ${f.pointer}`).sort()).toEqual([
      'B-BALANCE /sections/applications/table/carriedOverToNextYear/total',
      'B-ROW /sections/applications/table/newApplications/total',
    ]);
  });

  it('prints the error first in text output, with file:line:col', () => {
    const run = nianbao(['validate', broken]);
    expect(run.code).toBe(1);
    expect(
      run.stdout.startsWith(
        `${broken}:${totalLine}:16  error  B-ROW  /sections/applications/table/newApplications/total\n  一、本年新收政府信息公开申请数量：总计应为0`,
      ),
    ).toBe(true);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/：2 个错误，\d+ 个警告（2019年格式）$/);
  });
});

describe('nianbao validate: options', () => {
  it('--format json prints only a JSON array on stdout, each finding with its line and column', () => {
    const run = nianbao(['validate', TAMPERED, '--format', 'json', '--lang', 'en']);
    const findings = JSON.parse(run.stdout) as JsonFinding[];
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(Object.keys(finding).slice(0, 4)).toEqual(['ruleId', 'severity', 'pointer', 'location']);
      expect(finding.location).toEqual({ line: expect.any(Number), column: expect.any(Number) });
      expect(finding.message.zh.length).toBeGreaterThan(0);
      expect(finding.message.en.length).toBeGreaterThan(0);
    }
  });

  it('--lang en prints English messages and summary', () => {
    const run = nianbao(['validate', TAMPERED, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('contains "足球比分", a word typical of spam injected into hacked government sites');
    expect(run.stdout).not.toContain('含有疑似植入的垃圾词语');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/: 7 errors, \d+ warnings \(edition 2019\)$/);
    // --lang also works before the command.
    expect(nianbao(['--lang=en', 'validate', SAMPLE]).stdout).toBe(`${SAMPLE}: 0 errors, 0 warnings (edition 2021)\n`);
  });

  it("--previous compares 上年结转 with last year's 结转下年度 (X-CARRY), across editions", () => {
    // The 2021 sample carries 4 + 1 applications over; the 2020 seed carried none to the next year.
    const run = nianbao(['validate', SAMPLE, '--previous', SEED, '--format', 'json']);
    expect(run.code).toBe(0);
    const carry = (JSON.parse(run.stdout) as JsonFinding[]).filter((f) => f.ruleId === 'X-CARRY');
    expect(carry.map((f) => f.pointer).sort()).toEqual([
      '/sections/applications/table/carriedOverFromLastYear/legalPersonOrOtherOrganization/commercialEnterprise',
      '/sections/applications/table/carriedOverFromLastYear/naturalPerson',
      '/sections/applications/table/carriedOverFromLastYear/total',
    ]);
    for (const finding of carry) expect(finding).toMatchObject({ severity: 'warning' });
    expect(carry.every((f) => typeof f.location?.line === 'number')).toBe(true);
    // The same report as its own previous year: nothing to say about carry-over.
    const same = nianbao(['validate', SEED, '--previous', SEED, '--format', 'json']);
    expect((JSON.parse(same.stdout) as JsonFinding[]).filter((f) => f.ruleId === 'X-CARRY')).toEqual([]);
  });

  it('--previous must be a readable report', () => {
    expect(expectOneLineFailure(nianbao(['validate', SEED, '--previous', 'nope-2019.yaml']))).toBe(
      'nianbao validate: nope-2019.yaml: 上年报告：文件不存在。',
    );
    const notReport = join(tmp, 'list.json');
    writeFileSync(notReport, '[1, 2, 3]');
    expect(expectOneLineFailure(nianbao(['validate', SEED, '--previous', notReport, '--lang', 'en']))).toBe(
      `${notReport}:1:1: previous report: not a report of a known edition (edition must be "2019" or "2021").`,
    );
  });

  it("--rules adds a government's own rules; a bad rules file is refused with its place", () => {
    const rules = join(tmp, 'local-rules.yaml');
    writeFileSync(
      rules,
      [
        'rules:',
        '  - id: LOCAL-FEE',
        '    severity: warning',
        '    title: {zh: 第六部分说明信息处理费, en: Section 六 reports the fee}',
        '    message: {zh: 第六部分未说明信息处理费。, en: Section 六 does not mention the 信息处理费.}',
        '    checks:',
        '      - {type: mentions, at: [/sections/otherMatters], anyOf: [信息处理费]}',
        '',
      ].join('\n'),
    );
    const run = nianbao(['validate', SEED, '--rules', rules, '--format', 'json']);
    expect(run.code).toBe(0);
    const local = (JSON.parse(run.stdout) as JsonFinding[]).filter((f) => f.ruleId === 'LOCAL-FEE');
    expect(local).toHaveLength(1);
    expect(local[0]!.message.zh).toBe('第六部分未说明信息处理费。');
    // The sample mentions it: no finding.
    expect(JSON.parse(nianbao(['validate', SAMPLE, '--rules', rules, '--format', 'json']).stdout)).toEqual([]);

    const bad = join(tmp, 'bad-rules.json');
    writeFileSync(
      bad,
      JSON.stringify(
        {
          rules: [
            { id: 'X', severity: 'fatal', title: { zh: 'a', en: 'a' }, message: { zh: 'a', en: 'a' }, checks: [] },
          ],
        },
        null,
        2,
      ),
    );
    const reason = expectOneLineFailure(nianbao(['validate', SEED, '--rules', bad]));
    expect(reason.startsWith(`${bad}:`)).toBe(true);
    expect(reason).toContain('规则文件');
    expectOneLineFailure(nianbao(['validate', SEED, '--rules', join(tmp, 'missing-rules.json')]));
  });

  it('--rules with a pattern that could backtrack catastrophically is refused at the pattern, before it runs', () => {
    const hostile = join(tmp, 'hostile-rules.json');
    const rule = {
      id: 'LOCAL-1',
      severity: 'warning',
      title: { zh: '名称', en: 'Name' },
      message: { zh: '名称不合规', en: 'Bad name' },
      checks: [{ type: 'pattern', at: '/metadata/agency/name', pattern: '(a+)+$' }],
    };
    writeFileSync(hostile, `${JSON.stringify({ rules: [rule] }, null, 2)}\n`);
    const reason = expectOneLineFailure(nianbao(['validate', SEED, '--rules', hostile]));
    // The line and column of the "pattern" member in the file.
    const line = lineOf(readFileSync(hostile, 'utf8'), '          "pattern"');
    expect(reason.startsWith(`${hostile}:${line}:`)).toBe(true);
    expect(reason).toContain('规则文件：正则表达式可能发生灾难性回溯');
    expect(reason).toContain('(a+)+');
  });
});

describe('nianbao validate: failures are one line and exit 2', () => {
  it('bad arguments', () => {
    expect(expectOneLineFailure(nianbao([]))).toMatch(/^nianbao: 缺少命令/);
    expect(expectOneLineFailure(nianbao(['validate']))).toBe(
      'nianbao validate: 缺少要检查的报告文件（用法见 nianbao validate --help）',
    );
    expect(expectOneLineFailure(nianbao(['validate', SEED, '--format', 'xml', '--lang', 'en']))).toBe(
      'nianbao validate: --format must be text or json, not "xml" (see nianbao validate --help)',
    );
    expect(expectOneLineFailure(nianbao(['validate', SEED, '--bogus']))).toContain('未知选项 --bogus');
    expect(expectOneLineFailure(nianbao(['validate', SEED, '--previous']))).toContain('--previous');
    expect(expectOneLineFailure(nianbao(['validate', SEED, SAMPLE]))).toContain(SAMPLE);
    expect(expectOneLineFailure(nianbao(['frobnicate']))).toContain('frobnicate');
    expect(expectOneLineFailure(nianbao(['validate', SEED, '--lang', 'fr']))).toContain('--lang');
  });

  it('a missing file, a folder, an empty or binary file, GBK bytes', () => {
    expect(expectOneLineFailure(nianbao(['validate', 'no/such/report.yaml']))).toBe(
      'nianbao validate: no/such/report.yaml: 文件不存在。',
    );
    expect(expectOneLineFailure(nianbao(['validate', 'examples', '--lang', 'en']))).toBe(
      'nianbao validate: examples: This is a directory, not a file.',
    );
    const empty = join(tmp, 'empty.yaml');
    writeFileSync(empty, '');
    expect(expectOneLineFailure(nianbao(['validate', empty]))).toContain('文件是空的');
    const binary = join(tmp, 'report.pdf');
    writeFileSync(binary, Buffer.from('%PDF-1.7\n\u0000\u0001'));
    expect(expectOneLineFailure(nianbao(['validate', binary, '--lang', 'en']))).toContain('Not a text file');
    const gbk = join(tmp, 'gbk.yaml');
    writeFileSync(
      gbk,
      Buffer.concat([Buffer.from('edition: "2019"\nname: '), Buffer.from([0xb3, 0xd8, 0xd6, 0xdd]), Buffer.from('\n')]),
    );
    const reason = expectOneLineFailure(nianbao(['validate', gbk]));
    expect(reason.startsWith(`${gbk}:2:7: `)).toBe(true);
    expect(reason).toContain('UTF-8');
  });

  it('syntax errors and duplicate keys carry their line', () => {
    const dup = join(tmp, 'dup.yaml');
    writeFileSync(dup, 'edition: "2019"\nedition: "2021"\n');
    expect(expectOneLineFailure(nianbao(['validate', dup, '--lang', 'en']))).toBe(
      `${dup}:2:1: The key "edition" appears twice in the same mapping.`,
    );
    const truncated = join(tmp, 'truncated.json');
    writeFileSync(truncated, '{\n  "edition": "2019",\n  "metadata": {');
    expect(expectOneLineFailure(nianbao(['validate', truncated]))).toMatch(
      new RegExp(`^${truncated.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:16: JSON 语法错误：`),
    );
  });

  it('not a report: another kind of document, or an unknown edition', () => {
    const list = join(tmp, 'not-a-report.json');
    writeFileSync(list, '[1, 2, 3]');
    expect(expectOneLineFailure(nianbao(['validate', list]))).toMatch(/:1:1: 这不是一份年报文档/);
    const unknown = join(tmp, 'unknown-edition.yaml');
    writeFileSync(unknown, 'metadata: {}\nedition: "2020"\n');
    expect(expectOneLineFailure(nianbao(['validate', unknown, '--lang', 'en']))).toMatch(/:2:10: Unknown edition/);
  });
});

describe('nianbao: help, version, colour', () => {
  it('--help and --version', () => {
    const help = nianbao(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('validate');
    expect(nianbao(['validate', '--help']).stdout).toContain('用法：nianbao validate');
    expect(nianbao(['validate', '--help', '--lang', 'en']).stdout).toContain('Usage: nianbao validate');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(nianbao(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('colours only when asked (FORCE_COLOR) and never with NO_COLOR', () => {
    expect(nianbao(['validate', TAMPERED], { FORCE_COLOR: '1' }).stdout).toContain('\u001b[31merror');
    expect(nianbao(['validate', TAMPERED], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });
});

describe('nianbao validate: characters the PDF cannot draw (I-GLYPH)', () => {
  // The seed's agency name with Tibetan letters (ཚ U+0F5A, ད U+0F51, ་ U+0F0B), drawn with the Noto
  // Tibetan font (fonts-noto-core), and 𠀀 U+20000 (CJK Extension B), which no font here has: the
  // title's font and the body's (the 落款) would each draw 〓.
  const file = join(tmp, 'tibetan-agency.yaml');
  const text = readFileSync(join(root, SEED), 'utf8').replace(/^( {4}name: )(\S+)/m, '$1ཚད་𠀀$2');
  writeFileSync(file, text);
  const line = lineOf(text, '    name: ཚད་𠀀');

  it('--format json: one warning per character and font at the agency name, with its line and column; still valid', () => {
    const run = nianbao(['validate', file, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The seed's half-width punctuation warnings aside.
    const findings = (JSON.parse(run.stdout) as JsonFinding[]).filter((f) => f.ruleId === 'I-GLYPH');
    expect(findings.map((f) => f.message.en.slice(0, f.message.en.indexOf(' lacks')))).toEqual([
      '「𠀀」U+20000: the title (小标宋) font NotoSerifSC_700Bold.ttf',
      '「𠀀」U+20000: the body (仿宋) font NotoSerifSC_400Regular.ttf',
    ]);
    for (const finding of findings) {
      expect(finding).toMatchObject({
        ruleId: 'I-GLYPH',
        severity: 'warning',
        pointer: '/metadata/agency/name',
        location: { line, column: 11 },
      });
      expect(finding.message.zh).toContain('〓');
      expect(finding.message.en).toContain('would show 〓');
    }
  });

  it('text: file:line:column, the rule, the character and the font', () => {
    const run = nianbao(['validate', file, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${file}:${line}:11  warning  I-GLYPH  /metadata/agency/name`);
    expect(run.stdout).toContain('「𠀀」U+20000: the title (小标宋) font NotoSerifSC_700Bold.ttf lacks');
  });

  it('the examples have none', () => {
    for (const example of [SEED, SAMPLE]) {
      const findings = JSON.parse(nianbao(['validate', example, '--format', 'json']).stdout) as JsonFinding[];
      expect(findings.filter((f) => f.ruleId === 'I-GLYPH')).toEqual([]);
    }
  });
});
