import { describe, expect, it } from 'vitest';
import { doc, findings } from './run.js';

describe('mentions', () => {
  it('a word in any text below the pointers: nothing (Latin letters in any case)', () => {
    const report = doc();
    report.sections.otherMatters.paragraphs = ['本年度未收取信息处理费（Fee）。'];
    expect(findings(report, { type: 'mentions', at: ['/sections/otherMatters'], anyOf: ['fee'] })).toEqual([]);
  });
  it('none of the words: one finding at the first pointer present, naming the words', () => {
    const report = doc();
    report.sections.otherMatters.paragraphs = ['无其他需要报告的事项。'];
    const [found] = findings(report, {
      type: 'mentions',
      at: ['/nowhere', '/sections/otherMatters'],
      anyOf: ['收费', '信息处理费'],
    });
    expect(found).toMatchObject({ pointer: '/sections/otherMatters' });
    expect(found!.message.zh).toContain('收费、信息处理费');
  });
});
