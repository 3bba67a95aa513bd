import { describe, expect, it } from 'vitest';
import { doc, findings } from './run.js';

const check = {
  type: 'punctuation' as const,
  at: ['/sections/otherMatters'],
  fullWidth: { ',': '，', '(': '（', ')': '）', ':': '：', ';': '；' },
};

describe('punctuation', () => {
  it('half-width marks next to Chinese text: one finding per text naming each mark and its full-width form', () => {
    const report = doc();
    // From examples/chizhou-rfb-2020.yaml, as published.
    report.sections.otherMatters.paragraphs = [
      '2020年以来,我办未收到政府信息公开申请。',
      '依据《条例》(国务院令第711号)要求;电话:0566-5259107',
    ];
    const found = findings(report, check);
    expect(found.map((f) => [f.pointer, f.actual])).toEqual([
      ['/sections/otherMatters/paragraphs/0', ','],
      ['/sections/otherMatters/paragraphs/1', '();:'],
    ]);
    expect(found[0]!.message.zh).toContain('“,”应为“，”');
  });
  it('marks between Latin letters or digits pass: 9:30, 1,234, (a)', () => {
    const report = doc();
    report.sections.otherMatters.paragraphs = ['上午 9:30 开放，共 1,234 件，见附件 (a) 与 PDF 文件。'];
    expect(findings(report, check)).toEqual([]);
  });
  it('full-width punctuation passes', () => {
    const report = doc();
    report.sections.otherMatters.paragraphs = ['2020年以来，我办（综合科）：未收到申请；'];
    expect(findings(report, check)).toEqual([]);
  });
});
