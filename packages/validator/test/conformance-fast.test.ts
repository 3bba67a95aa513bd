/**
 * The closure-compiled structural check (conformance.ts) must say "conforms" exactly when the zod
 * schema converted from the same JSON Schema accepts the document: a wrong "yes" would hide findings.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EDITIONS, rulesSchema, schemaFor } from '@nianbao/template';
import { MUTATION_KINDS, mutate, mutationArbitrary, reportArbitrary, validReport } from '@nianbao/fixtures';
import { zodFromJsonSchema } from '../src/index.js';
import { conformanceCheck } from '../src/conformance.js';
import { referenceAjv } from './helpers.js';

const SEED = 20_261_125;

function disagreements(
  root: Parameters<typeof conformanceCheck>[0],
  documents: readonly { document: unknown; mutation: string }[],
) {
  const fast = conformanceCheck(root);
  const zod = zodFromJsonSchema(root);
  let accepted = 0;
  const wrong: string[] = [];
  for (const { document, mutation } of documents) {
    const expected = zod.safeParse(document).success;
    if (expected) accepted++;
    if (fast(document) !== expected) wrong.push(`${mutation}: zod ${expected}, fast ${!expected}`);
  }
  return { accepted, rejected: documents.length - accepted, wrong };
}

describe.each(EDITIONS)('edition %s: the fast check and zod agree', (edition) => {
  it('on 2,000 generated documents (500 valid, 1,500 mutated)', () => {
    const valid = fc
      .sample(reportArbitrary(edition), { numRuns: 500, seed: SEED })
      .map((document) => ({ document, mutation: 'none' }));
    const mutated = fc.sample(mutationArbitrary(edition), { numRuns: 1500, seed: SEED + 1 });
    const result = disagreements(schemaFor(edition), [...valid, ...mutated]);
    expect(result.wrong.slice(0, 5)).toEqual([]);
    expect(result.accepted).toBeGreaterThanOrEqual(500);
    expect(result.rejected).toBeGreaterThanOrEqual(1000);
  }, 60_000);

  it('on every mutation kind at many places, and on the other edition', () => {
    const base = validReport(edition, 12);
    const documents = MUTATION_KINDS.flatMap((kind) =>
      Array.from({ length: 16 }, (_, i) => mutate(structuredClone(base), edition, kind, i * 41 + 3, i)).map(
        ({ document, description }) => ({ document, mutation: description }),
      ),
    );
    for (const other of EDITIONS) documents.push({ document: validReport(other, 5), mutation: `a ${other} report` });
    const result = disagreements(schemaFor(edition), documents);
    expect(result.wrong).toEqual([]);
    expect(result.rejected).toBeGreaterThan(0);
  });

  it('on values that are not JSON data and on odd keys', () => {
    const odd = (change: (document: Record<string, any>) => void, mutation: string) => {
      const document = structuredClone(validReport(edition, 4)) as unknown as Record<string, any>;
      change(document);
      return { document, mutation };
    };
    const documents = [
      odd((d) => (d.metadata.agency.name = undefined), 'undefined name'),
      odd((d) => (d.provenance = undefined), 'undefined optional'),
      odd((d) => (d.metadata.reportYear = Number.NaN), 'NaN year'),
      odd((d) => (d.metadata.reportYear = Infinity), 'infinite year'),
      odd((d) => (d.metadata.reportYear = -0), 'negative zero'),
      odd((d) => (d.metadata.extra = undefined), 'undefined extra key'),
      odd((d) => Object.defineProperty(d.metadata, '__proto__', { value: 1, enumerable: true }), '__proto__ key'),
      odd((d) => (d.metadata = new Date()), 'a Date for an object'),
      odd((d) => (d.preface.paragraphs = [undefined, 'x'] as unknown[]), 'sparse array'),
      odd((d) => (d.preface.paragraphs = ['𠮷'.repeat(3)]), 'astral text'),
      { document: JSON.parse(`{"edition":"${edition}","__proto__":{}}`), mutation: 'JSON __proto__' },
      { document: null, mutation: 'null' },
      { document: [], mutation: 'array' },
      { document: 'text', mutation: 'string' },
    ];
    expect(disagreements(schemaFor(edition), documents).wrong).toEqual([]);
  });
});

describe('the rule file schema (oneOf, enum, const, patterns)', () => {
  it('agrees with zod on generated JSON values and on the rule files', () => {
    const ajv = referenceAjv();
    expect(ajv.getSchema('urn:nianbao:schema:rules:v1')).toBeTypeOf('function');
    const values = fc
      .sample(fc.jsonValue({ maxDepth: 4 }), { numRuns: 300, seed: SEED })
      .map((document) => ({ document, mutation: JSON.stringify(document).slice(0, 80) }));
    const rule = {
      id: 'X-1',
      title: { zh: '标题', en: 'Title' },
      severity: 'warning',
      message: { zh: '消息', en: 'Message' },
    };
    const checks = [
      { type: 'compare', left: ['/a'], op: '==', right: [1] },
      { type: 'pattern', at: '/a', pattern: '^a' },
      { type: 'range', at: '/a', min: 1 },
      { type: 'forbiddenText', at: ['/a'], words: ['x'] },
      { type: 'nope' },
      { type: 'compare', left: ['/a'], op: '=~', right: [1] },
    ];
    for (const check of checks)
      values.push({ document: { rules: [{ ...rule, checks: [check] }] }, mutation: JSON.stringify(check) });
    const result = disagreements(rulesSchema, values);
    expect(result.wrong).toEqual([]);
    expect(result.accepted).toBeGreaterThan(0);
  });
});
