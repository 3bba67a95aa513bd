import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReportText, type SourceProblem } from '../src/index.js';

function problemOf(text: string, limits = {}): SourceProblem {
  const result = parseReportText(text, 'report.json', limits);
  if (result.ok) throw new Error('expected a problem, got a document');
  return result.problem;
}

describe('JSON', () => {
  it('parses a document exactly as JSON.parse does', () => {
    const text = '{"edition": "2019", "counts": [0, 41, 87, -2], "amount": "59237.2449", "x": null, "ok": true}';
    const result = parseReportText(text, 'r.json');
    expect(result.ok && result.format).toBe('json');
    expect(result.ok && result.document).toEqual(JSON.parse(text));
  });

  it('gives line and column for syntax errors, with a reason a person understands', () => {
    const cases: [string, number, number, string][] = [
      ['{\n  "a": [1, 2', 2, 13, 'ends inside the array [ opened at line 2, column 8'],
      ['{"a": "abc', 1, 11, 'has no closing quote'],
      ['{"a": [1, 2,]}', 1, 12, 'trailing comma'],
      ['{"a": 1,}', 1, 8, 'trailing comma'],
      ['{"a": 1\n "b": 2}', 2, 2, 'missing comma'],
      ["{'a': 1}", 1, 2, 'double quotes'],
      ['{a: 1}', 1, 2, 'property names must be in double quotes'],
      ['// note\n{}', 1, 1, 'comments'],
      ['{"a": NaN}', 1, 7, 'NaN and Infinity'],
      ['{"a": Infinity}', 1, 7, 'NaN and Infinity'],
      ['{"a": -Infinity}', 1, 7, '-Infinity'],
      ['{"a": 01}', 1, 7, 'leading zero'],
      ['{"a": 1 ]', 1, 9, "expected ',' or '}'"],
      ['{"a": 1} x', 1, 10, 'after the end'],
      ['{"a": "x\ny"}', 1, 9, 'past the end of the line'],
      ['{"a": "\\q"}', 1, 8, 'escape'],
    ];
    for (const [text, line, column, reason] of cases) {
      const p = problemOf(text);
      expect({ text, code: p.code, line: p.line, column: p.column }).toEqual({ text, code: 'SYNTAX', line, column });
      expect(p.message.en).toContain(reason);
      expect(p.message.zh).toMatch(/^JSON 语法错误：/);
    }
  });

  it('refuses a 100,000-level nested array with a clear reason, not a RangeError', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const p = problemOf(text);
    expect(p).toMatchObject({ code: 'TOO_DEEP', line: 1, column: 65 });
    expect(p.message.en).toBe('Nesting is deeper than 64 levels.');
  });

  it('accepts nesting up to the limit', () => {
    expect(parseReportText('['.repeat(64) + ']'.repeat(64), 'r.json').ok).toBe(true);
    expect(problemOf('['.repeat(65) + ']'.repeat(65)).code).toBe('TOO_DEEP');
    expect(problemOf(`${'{"a":'.repeat(10)}1${'}'.repeat(10)}`, { maxDepth: 9 }).code).toBe('TOO_DEEP');
  });

  it('refuses duplicate keys (JSON.parse would silently keep the last one)', () => {
    const p = problemOf('{\n  "total": 1,\n  "total": 2\n}');
    expect(p).toMatchObject({ code: 'DUPLICATE_KEY', line: 3, column: 3 });
    expect(p.message.en).toContain('"total" appears twice');
    expect(p.message.en).toContain('first at line 2');
    // Same key in different objects is fine; escapes are compared decoded.
    expect(parseReportText('{"a": {"k": 1}, "b": {"k": 2}}', 'r.json').ok).toBe(true);
    expect(problemOf('{"k": 1, "\\u006b": 2}').code).toBe('DUPLICATE_KEY');
  });

  it('refuses numbers that would not read back as written', () => {
    expect(problemOf('{"a": 1e400}')).toMatchObject({ code: 'NUMBER_NOT_EXACT', line: 1, column: 7 });
    expect(problemOf('{"a": 1e400}').message.en).toContain('Infinity');
    expect(problemOf('{"a": 9007199254740993}').message.en).toContain('9007199254740992');
    expect(problemOf('[1.00000000000000000001]').code).toBe('NUMBER_NOT_EXACT');
    const ok = parseReportText('[0, -0, 12.50, 0.1, 1e21, 9007199254740991, 3985758, -2]', 'r.json');
    expect(ok.ok && ok.document).toEqual([0, -0, 12.5, 0.1, 1e21, 9007199254740991, 3985758, -2]);
  });

  it('bounds string length and number of values', () => {
    expect(problemOf(`{"p": "${'x'.repeat(101)}"}`, { maxStringLength: 100 })).toMatchObject({
      code: 'STRING_TOO_LONG',
      line: 1,
      column: 7,
    });
    expect(parseReportText(`{"p": "${'\\u0041'.repeat(100)}"}`, 'r.json', { maxStringLength: 100 }).ok).toBe(true);
    expect(problemOf(JSON.stringify(new Array(50).fill(0)), { maxValues: 50 }).code).toBe('TOO_MANY_VALUES');
    expect(parseReportText(JSON.stringify(new Array(49).fill(0)), 'r.json', { maxValues: 50 }).ok).toBe(true);
  });

  it('locates values by JSON Pointer', () => {
    const text = '{\n  "edition": "2019",\n  "m": {"a": [1, {"b/c~d": 2}]}\n}';
    const result = parseReportText(text, 'r.json');
    if (!result.ok) throw new Error('expected a document');
    expect(result.locate('')).toEqual({ line: 1, column: 1 });
    expect(result.locate('/edition')).toEqual({ line: 2, column: 14 });
    expect(result.locate('/m/a/0')).toEqual({ line: 3, column: 15 });
    expect(result.locate('/m/a/1/b~1c~0d')).toEqual({ line: 3, column: 28 });
    // Missing: the nearest existing ancestor.
    expect(result.locate('/m/missing/x')).toEqual({ line: 3, column: 8 });
    expect(result.locate('not a pointer')).toBeUndefined();
  });

  it('agrees with JSON.parse on random documents and random damage', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => {
        const result = parseReportText(text, 'r.json');
        // fc.json may repeat keys only in ways JSON.stringify cannot produce; it never does here.
        expect(result.ok && result.document).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.json({ maxDepth: 4 }),
        fc.nat(),
        fc.constantFrom('', ',', ']', '}', '"', ':', '[', '{', 'x', '\\'),
        (text, at, insert) => {
          const i = at % (text.length + 1);
          const damaged = text.slice(0, i) + insert + text.slice(i);
          let native: unknown;
          let nativeOk = true;
          try {
            native = JSON.parse(damaged);
          } catch {
            nativeOk = false;
          }
          const result = parseReportText(damaged, 'r.json');
          if (result.ok) {
            expect(nativeOk).toBe(true);
            expect(result.document).toEqual(native);
          } else if (nativeOk) {
            // The only extra refusals: duplicate keys and numbers JSON.parse would change.
            expect(['DUPLICATE_KEY', 'NUMBER_NOT_EXACT', 'EMPTY']).toContain(result.problem.code);
          } else {
            expect(result.problem.line).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
