import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { schemaFor, type Edition } from '@nianbao/template';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { fixture, imported, seedPath } from './helpers.js';

// The reference validator: every imported document is a valid document of its edition's schema.
const ajv = new Ajv2020({ strict: false, allErrors: true });
const validators = new Map(
  (['2019', '2021'] as Edition[]).map((edition) => [edition, ajv.compile(schemaFor(edition))]),
);

describe('imported documents conform to the schema', () => {
  it.each([
    ['seed', () => importReport({ text: readFileSync(seedPath, 'utf8'), kind: 'text', name: 'seed.txt' })],
    [
      'seed read as 2021',
      () => importReport({ text: readFileSync(seedPath, 'utf8'), kind: 'text', name: 'seed.txt' }, { edition: '2021' }),
    ],
    ['county 2020 page', () => importReport({ text: fixture('cms-county-2020.html'), kind: 'html', name: 'a.html' })],
    [
      'government 2021 page',
      () => importReport({ text: fixture('cms-government-2021.html'), kind: 'html', name: 'b.html' }),
    ],
    ['2021 text', () => importReport({ text: fixture('text-2021.txt'), kind: 'text', name: 'c.txt' })],
  ])('%s', (_, run) => {
    const { document } = imported(run());
    const validate = validators.get(document.edition as Edition)!;
    expect(validate(document), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });
});
