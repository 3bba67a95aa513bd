import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseReportText, type SourceProblem } from '../src/index.js';

function problemOf(text: string, limits = {}): SourceProblem {
  const result = parseReportText(text, 'report.yaml', limits);
  if (result.ok) throw new Error('expected a problem, got a document');
  return result.problem;
}

function documentOf(text: string): unknown {
  const result = parseReportText(text, 'report.yaml');
  if (!result.ok) throw new Error(`unexpected problem: ${result.problem.message.en}`);
  return result.document;
}

const BILLION_LAUGHS = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

describe('YAML', () => {
  it('uses the YAML 1.2 core schema: no yes/no booleans, no dates, no sexagesimal numbers', () => {
    expect(
      documentOf('a: yes\nb: off\nc: 2021-01-31\nd: 1:30\ne: 0777\nf: 0x1F\ng: ~\nh: "341700"\ni: 341700\nj: true\n'),
    ).toEqual({
      a: 'yes',
      b: 'off',
      c: '2021-01-31',
      d: '1:30',
      e: 777,
      f: 31,
      g: null,
      h: '341700',
      i: 341700,
      j: true,
    });
    // Even when the file asks for YAML 1.1.
    expect(documentOf('%YAML 1.1\n---\na: yes\nb: 2021-01-31\n')).toEqual({ a: 'yes', b: '2021-01-31' });
  });

  it('does not merge << keys (they would hide where a value came from)', () => {
    expect(documentOf('a: &x {p: 1}\nb:\n  <<: *x\n')).toEqual({ a: { p: 1 }, b: { '<<': { p: 1 } } });
  });

  it('refuses duplicate keys with their line', () => {
    const p = problemOf('metadata:\n  reportYear: 2020\n  reportYear: 2021\n');
    expect(p).toMatchObject({ code: 'DUPLICATE_KEY', line: 3, column: 3 });
    expect(p.message.en).toContain('"reportYear"');
  });

  it('reports tabs in indentation with their line', () => {
    expect(problemOf('a:\n\tb: 1\n')).toMatchObject({ code: 'TAB_INDENT', line: 2 });
    expect(problemOf('a:\n  b: 1\n  c:\n\t  d: 2\n')).toMatchObject({ code: 'TAB_INDENT', line: 4 });
    expect(problemOf('a:\n\tb: 1\n').message.zh).toContain('制表符');
    // A tab inside a value is text, not indentation.
    expect(documentOf('a: "x\ty"\nb: c\td\n')).toEqual({ a: 'x\ty', b: 'c\td' });
  });

  it('refuses the billion laughs quickly with a clear reason', () => {
    const p = problemOf(BILLION_LAUGHS);
    expect(p.code).toBe('TOO_MANY_VALUES');
    expect(p.message.en).toContain('alias');
    expect(p.line).toBeGreaterThan(1);
  });

  it('limits the number of aliases and refuses cycles', () => {
    const many = `row: &r {a: 1}\nlist:\n${'  - *r\n'.repeat(101)}`;
    expect(problemOf(many)).toMatchObject({ code: 'TOO_MANY_ALIASES', line: 103 });
    const fine = 'row: &r {a: 0, b: 0}\nx: *r\ny: *r\n';
    expect(documentOf(fine)).toEqual({ row: { a: 0, b: 0 }, x: { a: 0, b: 0 }, y: { a: 0, b: 0 } });
    expect(problemOf('a: &x [1, *x]\n').code).toBe('UNSUPPORTED_YAML');
    expect(problemOf('a: *nowhere\n').code).toBe('SYNTAX');
  });

  it('refuses deep nesting before the parser can overflow its stack', () => {
    const flow = problemOf('['.repeat(100_000) + ']'.repeat(100_000));
    expect(flow).toMatchObject({ code: 'TOO_DEEP', line: 1 });
    expect(problemOf(`${'- '.repeat(100_000)}x\n`)).toMatchObject({ code: 'TOO_DEEP', line: 1 });
    let block = '';
    for (let i = 0; i < 3000; i++) block += `${' '.repeat(i)}a:\n`;
    expect(problemOf(block).code).toBe('TOO_DEEP');
    // Exactly at and just over the limit (checked on the parsed tree).
    const nested = (levels: number) => {
      let text = '';
      for (let i = 0; i < levels; i++) text += `${'  '.repeat(i)}k:\n`;
      return `${text + '  '.repeat(levels)}- 1\n`;
    };
    expect(parseReportText(nested(63), 'r.yaml').ok).toBe(true);
    expect(problemOf(nested(64))).toMatchObject({ code: 'TOO_DEEP', line: 65 });
  });

  it('ignores brackets and dashes inside text, quotes and block scalars when estimating depth', () => {
    const text = [
      `p1: "${'['.repeat(300)}"`,
      `p2: '${'{'.repeat(300)}'`,
      `p3: 文字${'['.repeat(300)}`,
      'p4: |',
      `  ${'- '.repeat(300)}`,
      `  ${'['.repeat(300)}`,
      `p5: # ${'['.repeat(300)}`,
      '',
    ].join('\n');
    const doc = documentOf(text) as Record<string, string>;
    expect(doc.p1).toBe('['.repeat(300));
    expect(doc.p3).toBe(`文字${'['.repeat(300)}`);
    expect(doc.p4).toContain('- - -');
  });

  it('refuses multiple documents, custom tags and non-text keys', () => {
    expect(problemOf('a: 1\n---\nb: 2\n')).toMatchObject({ code: 'MULTIPLE_DOCUMENTS', line: 2 });
    expect(problemOf('a: !!binary aGVsbG8=\n')).toMatchObject({ code: 'UNSUPPORTED_YAML', line: 1, column: 4 });
    expect(problemOf('a: !custom x\n').message.en).toContain('!custom');
    expect(problemOf('[1, 2]: x\n').code).toBe('UNSUPPORTED_YAML');
  });

  it('refuses numbers that would not read back as written', () => {
    expect(problemOf('a: .inf\n')).toMatchObject({ code: 'NUMBER_NOT_EXACT', line: 1, column: 4 });
    expect(problemOf('a: -.Inf\n').code).toBe('NUMBER_NOT_EXACT');
    expect(problemOf('a: .nan\n').message.en).toContain('NaN');
    expect(problemOf('a:\n  - 1e400\n')).toMatchObject({ code: 'NUMBER_NOT_EXACT', line: 2, column: 5 });
    expect(problemOf('a: 12345678901234567890\n').code).toBe('NUMBER_NOT_EXACT');
    expect(documentOf('a: "1e400"\nb: 3985758\nc: -2\nd: +5\n')).toEqual({ a: '1e400', b: 3985758, c: -2, d: 5 });
  });

  it('reports syntax errors with line and column', () => {
    const p = problemOf('a:\n  b: 1\n c: 2\n');
    expect(p).toMatchObject({ code: 'SYNTAX', line: 3 });
    expect(p.message.zh).toMatch(/^YAML 语法错误：/);
    expect(problemOf('a: [1, 2\n').code).toBe('SYNTAX');
  });

  it('bounds string length', () => {
    expect(problemOf(`p: ${'x'.repeat(101)}\n`, { maxStringLength: 100 })).toMatchObject({
      code: 'STRING_TOO_LONG',
      line: 1,
      column: 4,
    });
  });

  it('locates values by JSON Pointer: scalars at the value, collections at their key', () => {
    const text = [
      'edition: "2019"', // 1
      'metadata:', // 2
      '  agency:', // 3
      '    name: 某市示范局', // 4
      '  list:', // 5
      '    - a', // 6
      '    - b: 1', // 7
      '      c:', // 8
      '  row: &r {x: 0}', // 9
      '  copy: *r', // 10
      '',
    ].join('\n');
    const result = parseReportText(text, 'r.yaml');
    if (!result.ok) throw new Error(result.problem.message.en);
    expect(result.locate('')).toEqual({ line: 1, column: 1 });
    expect(result.locate('/edition')).toEqual({ line: 1, column: 10 });
    expect(result.locate('/metadata')).toEqual({ line: 2, column: 1 });
    expect(result.locate('/metadata/agency/name')).toEqual({ line: 4, column: 11 });
    expect(result.locate('/metadata/list/0')).toEqual({ line: 6, column: 7 });
    expect(result.locate('/metadata/list/1/b')).toEqual({ line: 7, column: 10 });
    expect(result.locate('/metadata/list/1/c')).toEqual({ line: 8, column: 7 });
    // Through an alias: where the anchored value is written.
    expect(result.locate('/metadata/copy/x')).toEqual({ line: 9, column: 15 });
    // Missing: the nearest existing ancestor.
    expect(result.locate('/metadata/agency/unifiedSocialCreditCode')).toEqual({ line: 3, column: 3 });
    expect(result.locate('/metadata/list/7')).toEqual({ line: 5, column: 3 });
    expect(result.locate('no slash')).toBeUndefined();
  });

  it('reads back any JSON value written as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const normalised = JSON.parse(JSON.stringify(value)) as unknown;
        const text = stringify(normalised, { lineWidth: 0 });
        const result = parseReportText(text, 'r.yaml');
        if (!result.ok) throw new Error(`${result.problem.message.en}\n${text}`);
        expect(result.document).toEqual(normalised);
      }),
      { numRuns: 300 },
    );
  });
});
