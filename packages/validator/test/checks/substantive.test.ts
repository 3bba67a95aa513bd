import { describe, expect, it } from 'vitest';
import { doc, findings } from './run.js';

const check = { type: 'substantive', at: ['/sections/otherMatters'], minChars: 5, placeholders: ['暂无'] } as const;

describe('substantive', () => {
  it('enough meaningful characters: nothing', () => {
    const report = doc();
    report.sections.otherMatters.paragraphs = ['本机关无其他需要报告的事项。'];
    expect(findings(report, check)).toEqual([]);
  });
  it('a placeholder, or too few characters once punctuation is left out: one finding quoting the text', () => {
    const report = doc();
    report.sections.otherMatters.paragraphs = ['暂无。'];
    expect(findings(report, check)).toEqual([
      expect.objectContaining({ pointer: '/sections/otherMatters', actual: '暂无。' }),
    ]);
    report.sections.otherMatters.paragraphs = ['一，二。', '三'];
    expect(findings(report, check)).toHaveLength(1);
  });
});
