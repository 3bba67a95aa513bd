import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const schema = JSON.parse(readFileSync(join(repo, 'schemas/extension.schema.json'), 'utf8'));
const example = JSON.parse(readFileSync(join(repo, 'examples/extensions/other-documents/extension.json'), 'utf8'));

describe('extension.json: the hand check agrees with schemas/extension.schema.json', () => {
  const ajv = new Ajv2020.default({ strict: true, allErrors: true });
  const validate = ajv.compile(schema);
  const cases: [string, unknown][] = [
    ['the example', example],
    ['minimal', { name: 'a', version: '0.1.0', editions: ['2019', '2021'] }],
    ['patch per edition', { name: 'a', version: '1.0.0', editions: ['2019'], schemaPatch: { '2019': 'p.json' } }],
    ['bad name', { ...example, name: 'Anhui' }],
    ['bad version', { ...example, version: 'v1' }],
    ['no editions', { ...example, editions: [] }],
    ['unknown edition', { ...example, editions: ['2020'] }],
    ['twice the same edition', { ...example, editions: ['2021', '2021'] }],
    ['file outside the folder', { ...example, rules: ['../x.json'] }],
    ['absolute file', { ...example, schemaPatch: '/etc/passwd' }],
    ['bad level', { ...example, severity: { 'B-ROW': 'info' } }],
    ['short spam word', { ...example, spamWords: ['x'] }],
    ['unknown key', { ...example, extra: true }],
    ['patch for an unknown edition', { ...example, schemaPatch: { '2020': 'p.json' } }],
    ['not an object', ['x']],
  ];
  for (const [name, value] of cases) {
    it(name, () => {
      expect(checkManifest(value).problems.length === 0).toBe(validate(value));
    });
  }
  it('the example is accepted', () => expect(checkManifest(example).problems).toEqual([]));
});
