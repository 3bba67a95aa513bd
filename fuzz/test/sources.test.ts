/**
 * Damaged source files: the bundled examples (YAML, and the same as JSON) with random byte edits —
 * YAML/JSON syntax characters, invalid UTF-8, NUL, BOMs, truncation, deleted or repeated stretches —
 * go through the reader and the validator as `nianbao validate` does. Nothing may throw: every input
 * gives either one problem with a stable code, a one-line message and a place inside the file, or a
 * document whose findings are well-formed and locatable.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { formatProblem, parseReportSource, parseReportText, type SourceProblemCode } from '@nianbao/source';
import { validateReport } from '@nianbao/validator';
import { expectWellFormed, params, RUNS, timeout } from './support.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const yamlExamples = ['examples/chizhou-rfb-2020.yaml', 'examples/sample-bureau-2021.yaml'].map((path) => ({
  name: path.split('/').pop()!,
  bytes: new Uint8Array(readFileSync(root + path)),
}));
const jsonExamples = yamlExamples.map(({ name, bytes }) => ({
  name: name.replace(/\.yaml$/, '.json'),
  bytes: new TextEncoder().encode(JSON.stringify(parseYaml(new TextDecoder().decode(bytes)), null, 2)),
}));
const EXAMPLES = [...yamlExamples, ...jsonExamples];

const CODES: readonly SourceProblemCode[] = [
  'NOT_FOUND',
  'NOT_A_FILE',
  'NOT_READABLE',
  'TOO_LARGE',
  'EMPTY',
  'NOT_TEXT',
  'BAD_ENCODING',
  'SYNTAX',
  'DUPLICATE_KEY',
  'TAB_INDENT',
  'TOO_DEEP',
  'TOO_MANY_VALUES',
  'STRING_TOO_LONG',
  'TOO_MANY_ALIASES',
  'NUMBER_NOT_EXACT',
  'MULTIPLE_DOCUMENTS',
  'UNSUPPORTED_YAML',
];

/** Bytes that mean something to YAML, JSON or a decoder. */
const INTERESTING = [...'{}[]:,"\'-#&*!|>%@`\t\n\r \\.0e+']
  .map((c) => c.charCodeAt(0))
  .concat([0x00, 0x80, 0xbf, 0xc0, 0xe4, 0xef, 0xbb, 0xfe, 0xff]);
const SNIPPETS = [
  'NaN',
  '1e400',
  '.inf',
  '&a',
  '*a',
  '<<: *a',
  '!!binary',
  '---\n',
  '%YAML 1.1\n',
  '\uFEFF',
  '"\\ud800"',
  '[[[[[[[[',
  '~',
  'null',
  '0x1F',
  '-0',
];

type Edit =
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number }
  | { kind: 'truncate'; at: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const byte = fc.oneof(fc.constantFrom(...INTERESTING), fc.integer({ min: 0, max: 255 }));
const edit: fc.Arbitrary<{ kind: Edit['kind']; at: number; byte: number; bytes: number[]; length: number }> = fc.record(
  {
    kind: fc.constantFrom<Edit['kind']>('set', 'set', 'insert', 'insert', 'delete', 'repeat', 'truncate'),
    at: position,
    byte,
    bytes: fc.oneof(
      fc.array(byte, { minLength: 1, maxLength: 4 }),
      fc.constantFrom(...SNIPPETS).map((s) => [...new TextEncoder().encode(s)]),
    ),
    length: fc.integer({ min: 1, max: 400 }),
  },
);

function apply(
  source: Uint8Array,
  edits: readonly { kind: Edit['kind']; at: number; byte: number; bytes: number[]; length: number }[],
): Uint8Array {
  let bytes = [...source];
  for (const { kind, at, byte: value, bytes: inserted, length } of edits) {
    const i = Math.min(bytes.length, Math.floor(at * bytes.length));
    if (kind === 'set' && i < bytes.length) bytes[i] = value;
    else if (kind === 'insert') bytes.splice(i, 0, ...inserted);
    else if (kind === 'delete') bytes.splice(i, length);
    else if (kind === 'repeat') bytes.splice(i, 0, ...bytes.slice(i, i + length));
    else if (kind === 'truncate') bytes = bytes.slice(0, i);
  }
  return Uint8Array.from(bytes);
}

function lineCount(bytes: Uint8Array): number {
  let lines = 1;
  for (const b of bytes) if (b === 0x0a) lines++;
  return lines;
}

/** What `nianbao validate` does with the bytes, minus the printing. */
function check(bytes: Uint8Array, name: string): void {
  const read = parseReportSource(bytes, name);
  // A decoded line count bounds every reported line (UTF-16 halves the number of bytes per line, never adds lines).
  const maxLine = lineCount(bytes) + 1;
  if (!read.ok) {
    const { problem } = read;
    expect(CODES).toContain(problem.code);
    for (const text of [problem.message.zh, problem.message.en, formatProblem(problem, { file: name, lang: 'en' })]) {
      expect(text.length).toBeGreaterThan(0);
      expect(text, 'one line').not.toMatch(/[\r\n]/);
    }
    if (problem.line !== undefined) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.line).toBeLessThanOrEqual(maxLine);
      expect(problem.column ?? 1).toBeGreaterThanOrEqual(1);
    }
    return;
  }
  const result = validateReport(read.document);
  expectWellFormed(result.findings);
  for (const finding of result.findings) {
    const at = read.locate(finding.pointer);
    if (at === undefined) continue;
    expect(at.line).toBeGreaterThanOrEqual(1);
    expect(at.line).toBeLessThanOrEqual(maxLine);
    expect(at.column).toBeGreaterThanOrEqual(1);
  }
}

describe('damaged source files', () => {
  it(
    `the examples with 1–6 random byte edits: a problem or findings, never a throw (${RUNS} cases)`,
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...EXAMPLES), fc.array(edit, { minLength: 1, maxLength: 6 }), (example, edits) => {
          check(apply(example.bytes, edits), example.name);
        }),
        params(RUNS, 10),
      );
    },
    timeout(RUNS, 20),
  );

  it(
    `arbitrary text, as JSON and as YAML (${RUNS} cases)`,
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 500 }),
            fc.json({ maxDepth: 6 }),
            fc.string({ unit: fc.constantFrom(...'{}[]:,"\'- \n\t&*!|>#a1'), maxLength: 500 }),
          ),
          fc.constantFrom('x.json', 'x.yaml', 'x.txt'),
          (text, name) => {
            const read = parseReportText(text, name);
            if (!read.ok) {
              expect(CODES).toContain(read.problem.code);
              expect(read.problem.message.en).not.toMatch(/[\r\n]/);
            } else {
              expectWellFormed(validateReport(read.document).findings);
            }
          },
        ),
        params(RUNS, 11),
      );
    },
    timeout(RUNS, 2),
  );
});
