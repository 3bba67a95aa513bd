import { describe, expect, it } from 'vitest';
import { doc, findings } from './run.js';

describe('range', () => {
  it('within bounds: nothing; outside: expected bounds and the value', () => {
    const at = '/metadata/reportYear';
    expect(findings(doc(), { type: 'range', at, min: 2000, max: 2100 })).toEqual([]);
    const [found] = findings(doc(), { type: 'range', at, max: 2000 });
    expect(found).toMatchObject({ pointer: at, expected: '≤ 2000', actual: 2021 });
    expect(findings(doc(), { type: 'range', at, min: 3000 })[0]).toMatchObject({ expected: '≥ 3000' });
    expect(findings(doc(), { type: 'range', at, min: 1, max: 2 })[0]).toMatchObject({ expected: '1–2' });
  });
  it('text where a number belongs is skipped (a schema finding covers it)', () => {
    const report = doc();
    report.metadata.reportYear = '2021';
    expect(findings(report, { type: 'range', at: '/metadata/reportYear', max: 2000 })).toEqual([]);
  });
});
