import { describe, expect, it } from 'vitest';
import { doc, findings } from './run.js';

const check = {
  type: 'deadline',
  at: '/metadata/publicationDate',
  year: '/metadata/reportYear',
  cases: [{ match: {}, monthDay: '01-31', label: { zh: '1月31日', en: '31 January' } }],
} as const;

describe('deadline', () => {
  it('on or before the deadline of the next year: nothing; later: the deadline and the date', () => {
    const report = doc();
    report.metadata.publicationDate = '2022-01-31';
    expect(findings(report, check)).toEqual([]);
    report.metadata.publicationDate = '2022-02-01';
    const [found] = findings(report, check);
    expect(found).toMatchObject({ pointer: '/metadata/publicationDate', expected: '2022-01-31', actual: '2022-02-01' });
    expect(found!.message.zh).toContain('1月31日');
  });
  it('no case applies: no check', () => {
    const report = doc();
    report.metadata.publicationDate = '2023-12-31';
    const none = { ...check, cases: [{ ...check.cases[0], match: { '/metadata/agency/name': ['某某'] } }] };
    expect(findings(report, none)).toEqual([]);
  });
});
