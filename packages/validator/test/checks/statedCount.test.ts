import { describe, expect, it } from 'vitest';
import { doc, findings } from './run.js';

const total = '/sections/applications/table/newApplications/total';
const check = {
  type: 'statedCount',
  at: ['/sections/otherMatters'],
  patterns: ['收到申请(?<n>\\d+)件', '共收到申请(?<n>\\d+)件'],
  equals: [total],
} as const;

describe('statedCount', () => {
  it('a stated number equal to the table: nothing; another: the table total and the number', () => {
    const report = doc();
    const n = report.sections.applications.table.newApplications.total as number;
    report.sections.otherMatters.paragraphs = [`本年度共收到申请${n}件。`];
    expect(findings(report, check)).toEqual([]);
    report.sections.otherMatters.paragraphs = [`本年度共收到申请${n + 2}件。`];
    // Both patterns match the same statement: one finding.
    expect(findings(report, check)).toEqual([
      expect.objectContaining({ pointer: '/sections/otherMatters/paragraphs/0', expected: n, actual: n + 2 }),
    ]);
  });
  it('a table total not reported: not assessable', () => {
    const report = doc();
    report.sections.applications.table.newApplications.total = null;
    report.provenance = { source: 'test' };
    report.sections.otherMatters.paragraphs = ['收到申请3件。'];
    expect(findings(report, check)).toEqual([expect.objectContaining({ severity: 'info', notAssessable: true })]);
  });

  describe('totalsFromParts: a 总计 left blank, read from its row', () => {
    const disclosed = '/sections/applications/table/results/disclosed';
    const partial = '/sections/applications/table/results/partiallyDisclosed';
    const both = {
      type: 'statedCount',
      at: ['/sections/otherMatters'],
      patterns: ['予以公开及部分公开(?<n>\\d+)件'],
      equals: [`${disclosed}/total`, `${partial}/total`],
      totalsFromParts: true,
    } as const;
    const rowOf = (report: Doc, pointer: string) =>
      pointer
        .split('/')
        .slice(1)
        .reduce((value, key) => value[key], report);
    /** The two rows with their totals blank: 258 + 12 + 1 + 1 and 3, other cells 0 or (blank) null. */
    function blankTotals(blankPart: boolean): Doc {
      const report = doc();
      report.provenance = { source: 'test' };
      const d = rowOf(report, disclosed);
      const p = rowOf(report, partial);
      d.naturalPerson = 258;
      for (const key of Object.keys(d.legalPersonOrOtherOrganization)) d.legalPersonOrOtherOrganization[key] = 0;
      d.legalPersonOrOtherOrganization.commercialEnterprise = 12;
      d.legalPersonOrOtherOrganization.legalServiceAgency = 1;
      d.legalPersonOrOtherOrganization.other = 1;
      p.naturalPerson = 3;
      for (const key of Object.keys(p.legalPersonOrOtherOrganization)) p.legalPersonOrOtherOrganization[key] = 0;
      if (blankPart) d.legalPersonOrOtherOrganization.researchInstitution = null;
      d.total = null;
      p.total = null;
      return report;
    }

    it('every part reported: the total is their sum, compared as any total', () => {
      const report = blankTotals(false);
      report.sections.otherMatters.paragraphs = ['予以公开及部分公开275件。'];
      expect(findings(report, both)).toEqual([]);
      report.sections.otherMatters.paragraphs = ['予以公开及部分公开258件。'];
      expect(findings(report, both)).toEqual([
        expect.objectContaining({ pointer: '/sections/otherMatters/paragraphs/0', expected: 275, actual: 258 }),
      ]);
    });

    it('a part blank too: a stated number below the least the row can hold is found, with "at least"', () => {
      const report = blankTotals(true);
      report.sections.otherMatters.paragraphs = ['予以公开及部分公开258件。'];
      const [finding, ...rest] = findings(report, both, {
        message: { zh: '应为{expected}', en: 'should be {expected}' },
      });
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({ severity: 'warning', expected: '≥275', actual: 258 });
      expect(finding?.message).toEqual({ zh: '应为至少275', en: 'should be at least 275' });
    });

    it('a part blank too and a number the blank cells may make up: not assessable', () => {
      const report = blankTotals(true);
      report.sections.otherMatters.paragraphs = ['予以公开及部分公开280件。'];
      expect(findings(report, both)).toEqual([expect.objectContaining({ severity: 'info', notAssessable: true })]);
    });

    it('without totalsFromParts, or with a term subtracted, a blank total stays not assessable', () => {
      const report = blankTotals(false);
      report.sections.otherMatters.paragraphs = ['予以公开及部分公开258件。'];
      const { totalsFromParts: _, ...plain } = both;
      expect(findings(report, plain)).toEqual([expect.objectContaining({ notAssessable: true })]);
      const subtracted = { ...both, equals: [`${disclosed}/total`, `-${partial}/total`] };
      expect(findings(report, subtracted)).toEqual([expect.objectContaining({ notAssessable: true })]);
    });
  });
});
