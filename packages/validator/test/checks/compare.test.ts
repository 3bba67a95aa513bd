import { describe, expect, it } from 'vitest';
import { doc, findings } from './run.js';

const base = '/sections/applications/table';

describe('compare', () => {
  it('holds: no finding', () => {
    const check = { type: 'compare', left: ['newApplications/total'], op: '>=', right: [0] } as const;
    expect(findings(doc(), check, { base })).toEqual([]);
  });
  it('fails: expected and actual, pointing at the first cell of the left side', () => {
    const report = doc();
    report.sections.applications.table.newApplications.total = 5;
    report.sections.applications.table.carriedOverFromLastYear.total = 3;
    const check = {
      type: 'compare',
      left: ['newApplications/total'],
      op: '==',
      right: ['carriedOverFromLastYear/total', 1],
    } as const;
    const [found] = findings(report, check, { base });
    expect(found).toMatchObject({ pointer: `${base}/newApplications/total`, expected: 4, actual: 5 });
    expect(found!.message.zh).toBe('5|4|5||');
  });
  it('an inequality words its expectation; `at` sets the place', () => {
    const check = {
      type: 'compare',
      at: 'newApplications',
      left: ['newApplications/total'],
      op: '<',
      right: [0],
    } as const;
    const [found] = findings(doc(), check, { base });
    expect(found).toMatchObject({ pointer: `${base}/newApplications`, expected: '< 0' });
  });
  it('subtracted terms, decimal amounts exactly, sums past 2^53', () => {
    const report = doc();
    report.sections.applications.table.newApplications.total = Number.MAX_SAFE_INTEGER;
    const check = {
      type: 'compare',
      left: ['newApplications/total', 2, '-carriedOverFromLastYear/total'],
      op: '<=',
      right: [0.25],
    } as const;
    report.sections.applications.table.carriedOverFromLastYear.total = 1;
    const [found] = findings(report, check, { base });
    expect(found).toMatchObject({ actual: '9007199254740992', expected: '≤ 0.25' });
  });
  it('a null term makes it not assessable; a missing one skips it', () => {
    const report = doc();
    report.sections.applications.table.newApplications.total = null;
    report.provenance = { source: 'test' };
    const check = { type: 'compare', left: ['newApplications/total'], op: '==', right: [1] } as const;
    expect(findings(report, check, { base })).toEqual([
      expect.objectContaining({ severity: 'info', notAssessable: true, pointer: `${base}/newApplications/total` }),
    ]);
    expect(findings(doc(), { type: 'compare', left: ['nowhere'], op: '==', right: [1] }, { base })).toEqual([]);
  });
});
