import { describe, expect, it } from 'vitest';
import { doc, findings } from './run.js';

const at = '/metadata/agency/unifiedSocialCreditCode';

describe('unifiedSocialCreditCode', () => {
  it('a published code passes; a changed check character fails', () => {
    const report = doc();
    report.metadata.agency.unifiedSocialCreditCode = '11100000000013127D';
    expect(findings(report, { type: 'unifiedSocialCreditCode', at })).toEqual([]);
    report.metadata.agency.unifiedSocialCreditCode = '11100000000013127E';
    expect(findings(report, { type: 'unifiedSocialCreditCode', at })).toEqual([
      expect.objectContaining({ pointer: at, actual: '11100000000013127E' }),
    ]);
  });
});
