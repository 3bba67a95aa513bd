/** Shared pieces of the property tests: run counts, the reference validator, output checks. */
import Ajv2020 from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { EDITIONS, isEdition, schemaFor, type Edition } from '@nianbao/template';
import type { Finding } from '@nianbao/validator';

const count = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(raw)}`);
  return value;
};

/**
 * Cases per property. `npm test` runs a few hundred with a fixed seed (the same cases on every CI run);
 * `npm run fuzz` sets FUZZ_RUNS=10000 and FUZZ_PDF_RUNS=200 and a fresh random seed each time (fast-check
 * prints the seed and the shrunk counterexample of a failure; rerun it with FUZZ_SEED=<seed>).
 */
export const RUNS = count('FUZZ_RUNS', 250);
/** The PDF renderer takes about half a second per report: far fewer cases. */
export const PDF_RUNS = count('FUZZ_PDF_RUNS', 2);
const fuzzing = process.env.FUZZ_RUNS !== undefined;
export const SEED: number | undefined = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : fuzzing
    ? undefined
    : 20_251_125;

/** fast-check parameters for `runs` cases; a fixed seed unless fuzzing. */
export const params = (runs: number, salt = 0) => ({
  numRuns: runs,
  ...(SEED === undefined ? {} : { seed: SEED + salt }),
  endOnFailure: false,
});

/** A generous per-test timeout for `runs` cases at `msPerCase` each (the machine is shared by CI jobs). */
export const timeout = (runs: number, msPerCase: number) => 60_000 + runs * msPerCase * 4;

/** The reference validator: Ajv 2020 in strict mode, nianbao's x-* keywords registered as annotations. */
export function referenceAjv(): (document: unknown) => boolean {
  const ajv = new Ajv2020.default({ strict: true, allErrors: false });
  for (const keyword of ['x-edition', 'x-order', 'x-row', 'x-corner', 'x-columnHeader', 'x-rowHeader'])
    ajv.addKeyword({ keyword });
  const validators = new Map(EDITIONS.map((edition) => [edition, ajv.compile(schemaFor(edition))]));
  return (document) => {
    // Ajv picks nothing by itself: the document's `edition` chooses the schema, as the validator does.
    const edition = isPlainObject(document) && isEdition(document.edition) ? (document.edition as Edition) : undefined;
    if (edition === undefined) return EDITIONS.some((candidate) => validators.get(candidate)!(document));
    return validators.get(edition)!(document) as boolean;
  };
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every finding is a value a program can rely on: both languages, no unfilled placeholder, a pointer. */
export function expectWellFormed(findings: readonly Finding[]): void {
  expect(Array.isArray(findings)).toBe(true);
  for (const finding of findings) {
    const where = `${finding.ruleId} at ${finding.pointer}: ${JSON.stringify(finding.message)}`;
    expect(typeof finding.ruleId, where).toBe('string');
    expect(['error', 'warning', 'info'], where).toContain(finding.severity);
    expect(finding.pointer === '' || finding.pointer.startsWith('/'), where).toBe(true);
    for (const lang of ['zh', 'en'] as const) {
      const text = finding.message[lang];
      expect(typeof text === 'string' && text.length > 0, where).toBe(true);
      expect(text, where).not.toMatch(/\{[A-Za-z_][A-Za-z0-9_]*\}|\[object |\bundefined\b/);
    }
  }
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The value at a JSON Pointer, or undefined. */
export function getAt(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let node: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
