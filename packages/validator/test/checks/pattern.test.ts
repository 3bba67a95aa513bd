import { describe, expect, it } from 'vitest';
import { doc, findings } from './run.js';

describe('pattern', () => {
  it('a matching string: nothing; another: the pattern and the value', () => {
    const at = '/metadata/agency/administrativeDivisionCode';
    const report = doc();
    report.metadata.agency.administrativeDivisionCode = '110000';
    expect(findings(report, { type: 'pattern', at, pattern: '^[0-9]{6}$' })).toEqual([]);
    report.metadata.agency.administrativeDivisionCode = '11000x';
    expect(findings(report, { type: 'pattern', at, pattern: '^[0-9]{6}$' })).toEqual([
      expect.objectContaining({ pointer: at, expected: '^[0-9]{6}$', actual: '11000x' }),
    ]);
  });
  it('the u flag: a character outside the BMP is one character', () => {
    const report = doc();
    report.metadata.agency.name = '𠮷';
    expect(findings(report, { type: 'pattern', at: '/metadata/agency/name', pattern: '^.$' })).toEqual([]);
  });
});
