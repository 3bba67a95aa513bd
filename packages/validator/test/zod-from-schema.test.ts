/** The JSON Schema → zod converter, keyword by keyword, against Ajv on small schemas. */
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { schemaFor, type JsonSchema } from '@nianbao/template';
import { UnsupportedSchemaError, structuralValidator, zodFromJsonSchema } from '../src/index.js';

// Lenient Ajv: some probes below are deliberately untyped (e.g. `properties` without `type`).
const ajv = new Ajv2020.default({ strict: false, strictNumbers: true, allErrors: true });

const cases: { name: string; schema: JsonSchema; values: unknown[] }[] = [
  {
    name: 'integer like Ajv',
    schema: { type: 'integer' },
    values: [0, 1, 1.0, -0, 1.5, 1e21, 2 ** 53, Number.NaN, Infinity, -Infinity, '1', null, true, []],
  },
  {
    name: 'number',
    schema: { type: 'number', minimum: -1, maximum: 2.5 },
    values: [-1, -1.0001, 2.5, 2.6, 0.1, Number.NaN, Infinity, '2'],
  },
  {
    name: 'nullable count',
    schema: { type: ['integer', 'null'], minimum: 0, maximum: 9007199254740991 },
    values: [null, 0, -1, 2 ** 53 - 1, 2 ** 53, 0.5, '0', undefined],
  },
  {
    name: 'several types',
    schema: { type: ['string', 'object', 'null'], minLength: 2, required: ['a'] },
    values: ['ab', 'a', {}, { a: 1 }, null, 3, []],
  },
  {
    name: 'string length in code points',
    schema: { type: 'string', minLength: 2, maxLength: 3 },
    values: ['a', 'ab', 'abc', 'abcd', '𠮷', '𠮷𠮷', '𠮷𠮷𠮷', '𠮷𠮷𠮷𠮷', '\ud800\ud800', '😀a', ''],
  },
  {
    name: 'pattern with the u flag, unanchored',
    schema: { type: 'string', pattern: '\\p{Script=Han}{2}' },
    values: ['政府', 'x政府y', '政', 'ab', ''],
  },
  {
    name: 'keywords of another type do not apply',
    schema: { pattern: '^a', minimum: 3, minLength: 2, required: ['x'], minItems: 1 },
    values: ['ab', 'b', 'a', 5, 2, {}, { x: 1 }, [], [1], null, true],
  },
  {
    name: 'const and enum (deep equality, null)',
    schema: { enum: ['元', '万元', null, { a: [1, 2] }] },
    values: ['元', '万元', null, { a: [1, 2] }, { a: [1, 2.0] }, { a: [2, 1] }, '千元', undefined],
  },
  { name: 'const number', schema: { const: 1 }, values: [1, 1.0, -0 + 1, '1', true] },
  { name: 'typed const', schema: { type: 'string', const: '2019' }, values: ['2019', 2019, '2021'] },
  {
    name: 'objects: required, additionalProperties false',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['a', 'c'],
      properties: { a: { type: 'integer' }, b: { type: 'string' } },
    },
    values: [
      { a: 1, c: 2 },
      { a: 1 },
      { a: 1, c: 1, d: 1 },
      { a: 'x', c: 1 },
      { a: 1, c: 1, b: 2 },
      [],
      null,
      JSON.parse('{"a":1,"c":1,"__proto__":1}'),
    ],
  },
  {
    name: 'additionalProperties as a schema',
    schema: {
      type: 'object',
      properties: { a: { type: 'string' } },
      additionalProperties: { type: 'array', minItems: 1, items: { type: 'string' } },
    },
    values: [{}, { a: 'x' }, { a: 'x', b: ['y'] }, { b: [] }, { b: [1] }, { a: 1 }],
  },
  {
    name: 'open object',
    schema: { type: 'object', properties: { a: { type: 'string' } } },
    values: [{ b: 1 }, { a: 1 }, { a: 'x', z: null }],
  },
  {
    name: 'arrays',
    schema: { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 1, maxItems: 2 },
    values: [[], [0], [0, 1], [0, 1, 2], [-1], [0.5], {}, 'x'],
  },
  {
    name: 'oneOf means exactly one',
    schema: { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 10 }] },
    values: [1, 10, 11, 10.5, 9.5, 'x'],
  },
  {
    name: 'anyOf',
    schema: { anyOf: [{ type: 'string' }, { type: 'integer', minimum: 5 }] },
    values: ['x', 5, 4, null],
  },
  {
    name: 'allOf',
    schema: { allOf: [{ type: 'string', minLength: 2 }, { pattern: '^a' }] },
    values: ['ab', 'a', 'ba', 3],
  },
  { name: 'not', schema: { type: 'string', not: { const: 'schema' } }, values: ['rule', 'schema', 5] },
  {
    name: 'if / then / else',
    schema: {
      type: 'object',
      if: { properties: { kind: { const: 'a' } } },
      then: { required: ['x'] },
      else: { required: ['y'] },
    },
    values: [{ kind: 'a', x: 1 }, { kind: 'a', y: 1 }, { kind: 'b', y: 1 }, { kind: 'b', x: 1 }, { x: 1 }, { y: 1 }],
  },
  { name: 'if without then/else has no effect', schema: { if: { type: 'string' } }, values: ['x', 1] },
  {
    name: 'boolean schemas',
    schema: { type: 'object', properties: { yes: true, no: false } },
    values: [{}, { yes: 1 }, { no: 1 }],
  },
  {
    name: 'recursive $ref',
    schema: {
      $defs: {
        node: {
          type: 'object',
          additionalProperties: false,
          required: ['value'],
          properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } },
        },
      },
      $ref: '#/$defs/node',
    },
    values: [
      { value: 1 },
      { value: 1, children: [{ value: 2, children: [{ value: 3 }] }] },
      { value: 1, children: [{ value: 'x' }] },
      { value: 1, children: [{}] },
      { children: [] },
    ],
  },
  {
    name: '$ref with sibling keywords',
    schema: {
      $defs: { text: { type: 'string', minLength: 1 } },
      type: 'object',
      properties: { a: { $ref: '#/$defs/text', maxLength: 2, title: 'A' } },
    },
    values: [{ a: 'x' }, { a: '' }, { a: 'xyz' }, { a: 1 }],
  },
  {
    name: 'required key without a property schema',
    schema: { type: 'object', required: ['k'] },
    values: [{}, { k: null }, { k: 0 }],
  },
  {
    name: 'required key governed by additionalProperties',
    schema: { type: 'object', required: ['k'], additionalProperties: { type: 'string' } },
    values: [{}, { k: 'x' }, { k: 1 }],
  },
];

describe('zodFromJsonSchema agrees with Ajv', () => {
  it.each(cases)('$name', ({ schema, values }) => {
    const reference = ajv.compile(schema);
    const converted = zodFromJsonSchema(schema);
    for (const value of values) {
      if (value === undefined) continue; // not JSON
      expect(
        converted.safeParse(value).success,
        `${JSON.stringify(schema)} on ${JSON.stringify(value)} (${String(value)})`,
      ).toBe(reference(value));
    }
  });
});

describe('zodFromJsonSchema', () => {
  it('ignores annotations', () => {
    const converted = zodFromJsonSchema({
      $schema: 'x',
      $id: 'urn:x',
      title: 't',
      description: 'd',
      $comment: 'c',
      'x-order': 1,
      'x-anything': { nested: true },
      type: 'string',
    });
    expect(converted.safeParse('ok').success).toBe(true);
    expect(converted.safeParse(1).success).toBe(false);
  });

  it.each([
    [{ type: 'string', format: 'date' }, '/format'],
    [{ type: 'object', patternProperties: { '^a': {} } }, '/patternProperties'],
    [{ type: 'object', properties: { a: { type: 'number', exclusiveMinimum: 0 } } }, '/properties/a/exclusiveMinimum'],
    [{ $defs: { a: { uniqueItems: true } } }, '/$defs/a/uniqueItems'],
    [{ $dynamicRef: '#x' }, '/$dynamicRef'],
    [{ type: 'strings' }, '/type'],
    [{ type: 'string', pattern: '(' }, '/pattern'],
    [{ $ref: 'https://example.com/schema.json' }, ''],
    [{ $ref: '#/$defs/missing' }, ''],
  ] as [JsonSchema, string][])('throws at conversion time for %j', (schema, pointer) => {
    expect(() => zodFromJsonSchema(schema)).toThrow(UnsupportedSchemaError);
    try {
      zodFromJsonSchema(schema);
    } catch (error) {
      expect((error as UnsupportedSchemaError).schemaPointer).toBe(pointer);
    }
  });

  it('converts once per schema object (cached)', () => {
    const schema = schemaFor('2021');
    expect(zodFromJsonSchema(schema)).toBe(zodFromJsonSchema(schema));
    expect(structuralValidator('2019')).toBe(structuralValidator('2019'));
  });
});
