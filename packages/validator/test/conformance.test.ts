/**
 * Differential test: the zod validator derived from the JSON Schema must give the same valid/invalid
 * verdict as Ajv (the reference JSON Schema validator) on every document.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EDITIONS, rulesFor, rulesSchema, type Edition } from '@nianbao/template';
import { MUTATION_KINDS, mutate, mutationArbitrary, reportArbitrary, validReport } from '@nianbao/fixtures';
import { checkRuleSet, structuralValidator, zodFromJsonSchema } from '../src/index.js';
import { expectWellFormed, referenceAjv, validate } from './helpers.js';

const ajv = referenceAjv();
const SEED = 20_251_125;

function show(document: unknown): string {
  return JSON.stringify(
    document,
    (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? `<<${value}>>` : value),
    1,
  );
}

function compareVerdicts(edition: Edition, documents: { document: unknown; mutation: string }[]) {
  const reference = ajv.getSchema(`urn:nianbao:schema:report-${edition}:v1`)!;
  const structural = structuralValidator(edition);
  let valid = 0;
  const mismatches: string[] = [];
  for (const { document, mutation } of documents) {
    const ajvValid = reference(document) as boolean;
    const findings = structural(document);
    expectWellFormed(findings);
    const zodValid = findings.length === 0;
    if (ajvValid) valid++;
    if (ajvValid !== zodValid) {
      mismatches.push(
        `${mutation}\nAjv: ${ajvValid ? 'valid' : JSON.stringify(reference.errors)}\nzod: ${zodValid ? 'valid' : JSON.stringify(findings)}\ndocument: ${show(document)}`,
      );
    }
  }
  expect(mismatches.slice(0, 3).join('\n\n')).toBe('');
  return { valid, invalid: documents.length - valid };
}

describe('the schemas themselves', () => {
  it('compile under Ajv strict mode', () => {
    for (const edition of EDITIONS)
      expect(ajv.getSchema(`urn:nianbao:schema:report-${edition}:v1`)).toBeTypeOf('function');
    expect(ajv.getSchema('urn:nianbao:schema:rules:v1')).toBeTypeOf('function');
  });

  it('the rule files validate against rules.schema.json under Ajv and under checkRuleSet', () => {
    const rules = ajv.getSchema('urn:nianbao:schema:rules:v1')!;
    for (const edition of EDITIONS) {
      expect(rules(rulesFor(edition)), JSON.stringify(rules.errors)).toBe(true);
      expect(checkRuleSet(rulesFor(edition))).toEqual([]);
    }
  });
});

describe.each(EDITIONS)('edition %s: zod and Ajv agree', (edition) => {
  it('on 1,400 generated documents (400 valid, 1,000 mutated)', () => {
    const valid = fc
      .sample(reportArbitrary(edition), { numRuns: 400, seed: SEED })
      .map((document) => ({ document, mutation: 'none' }));
    const mutated = fc.sample(mutationArbitrary(edition), { numRuns: 1000, seed: SEED + 1 });
    const verdicts = compareVerdicts(edition, [...valid, ...mutated]);
    // Both verdicts occur often, so agreement means something.
    expect(verdicts.valid).toBeGreaterThanOrEqual(400);
    expect(verdicts.invalid).toBeGreaterThanOrEqual(700);
  }, 60_000);

  it('on every mutation kind at many places', () => {
    const base = validReport(edition, 11);
    const documents = MUTATION_KINDS.flatMap((kind) =>
      Array.from({ length: 12 }, (_, i) => mutate(structuredClone(base), edition, kind, i * 37 + 5, i)).map(
        ({ document, description }) => ({
          document,
          mutation: description,
        }),
      ),
    );
    compareVerdicts(edition, documents);
  }, 30_000);

  it('on number and string edge cases', () => {
    const cell = '/sections/applications/table/newApplications/naturalPerson';
    const code = '/metadata/agency/administrativeDivisionCode';
    const at = (pointer: string, value: unknown) => {
      const document = structuredClone(validReport(edition, 2)) as unknown as Record<string, unknown>;
      const segments = pointer.slice(1).split('/');
      let node = document;
      for (const segment of segments.slice(0, -1)) node = node[segment] as Record<string, unknown>;
      node[segments[segments.length - 1]!] = value;
      return { document, mutation: `${pointer} = ${String(value)}` };
    };
    const cases = [
      ...[
        1.0,
        -0,
        0,
        2 ** 53 - 1,
        2 ** 53,
        1e21,
        1.5,
        -1,
        Number.NaN,
        Infinity,
        -Infinity,
        JSON.parse('1e400'),
        null,
        '1',
        true,
        [],
        {},
      ].map((value) => at(cell, value)),
      ...['', '𠮷'.repeat(1000), '𠮷'.repeat(1001), 'a'.repeat(1000), 'a'.repeat(1001), '\ud800', 341700, null].map(
        (value) => at(code, value),
      ),
      ...['2021-02-30', '2021-13-01', '２０２１-01-01', '2021-01-01\n'].map((value) =>
        at('/metadata/publicationDate', value),
      ),
      {
        document: JSON.parse(`{"__proto__": 1, ${JSON.stringify(validReport(edition, 3)).slice(1)}`),
        mutation: 'own __proto__ key',
      },
    ];
    compareVerdicts(edition, cases);
  });

  it('messages of the full validation are complete on mutated documents', () => {
    for (const { document } of fc.sample(mutationArbitrary(edition), { numRuns: 150, seed: SEED + 2 }))
      validate(document);
  }, 30_000);
});

describe('the rule-file schema: zod and Ajv agree', () => {
  it('on mutated rule files', () => {
    const reference = ajv.getSchema('urn:nianbao:schema:rules:v1')!;
    const structural = zodFromJsonSchema(rulesSchema);
    const generic = MUTATION_KINDS.filter(
      (kind) => kind !== 'otherEditionKey' && kind !== 'otherEdition' && kind !== 'edition',
    );
    let invalid = 0;
    for (const edition of EDITIONS) {
      for (const kind of generic) {
        for (let i = 0; i < 10; i++) {
          const { document, description } = mutate(structuredClone(rulesFor(edition)), edition, kind, i * 101 + 7, i);
          const ajvValid = reference(document) as boolean;
          const zodValid = structural.safeParse(document).success;
          if (!ajvValid) invalid++;
          expect(zodValid, `${description}: Ajv says ${ajvValid ? 'valid' : JSON.stringify(reference.errors)}`).toBe(
            ajvValid,
          );
        }
      }
    }
    expect(invalid).toBeGreaterThan(200);
    // 560 documents through Ajv and zod: 4 s alone, over 10 s on a loaded machine.
  }, 60_000);
});
