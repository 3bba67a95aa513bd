import { describe, expect, it } from 'vitest';
import { cjkBreakUnits, cjkHyphenation } from '../src/cjk.js';

describe('CJK break units (避头尾)', () => {
  it('breaks between any two Chinese characters', () => {
    expect(cjkBreakUnits('政府信息')).toEqual(['政', '府', '信', '息']);
  });

  it('never starts a line with closing punctuation: it joins the unit before', () => {
    expect(cjkBreakUnits('公开，依法。')).toEqual(['公', '开，', '依', '法。']);
    expect(cjkBreakUnits('（一）予以公开')).toEqual(['（一）', '予', '以', '公', '开']);
    expect(cjkBreakUnits('“三安全一稳定”')).toEqual(['“三', '安', '全', '一', '稳', '定”']);
    expect(cjkBreakUnits('情况；问题：好！吗？》、')).toEqual(['情', '况；', '问', '题：', '好！', '吗？》、']);
  });

  it('never ends a line with opening punctuation: it joins the unit after', () => {
    expect(cjkBreakUnits('依据《条例》')).toEqual(['依', '据', '《条', '例》']);
    expect(cjkBreakUnits('号(国务院')).toEqual(['号', '(国', '务', '院']);
  });

  it('keeps numbers, codes and Latin words whole', () => {
    expect(cjkBreakUnits('共2020年')).toEqual(['共', '2020', '年']);
    expect(cjkBreakUnits('电话:0566-5259107,传真')).toEqual(['电', '话:', '0566-5259107,', '传', '真']);
    expect(cjkBreakUnits('金额59237.2449万元')).toEqual(['金', '额', '59237.2449', '万', '元']);
    expect(cjkBreakUnits('皖事通APP申办')).toEqual(['皖', '事', '通', 'APP', '申', '办']);
  });

  it('keeps —— and …… together and off the line start', () => {
    expect(cjkBreakUnits('公开——依法')).toEqual(['公', '开——', '依', '法']);
    expect(cjkBreakUnits('等等……')).toEqual(['等', '等……']);
  });

  it('gives the word back when joined, for any text', () => {
    for (const text of [
      '本报告依据《中华人民共和国政府信息公开条例》（国务院令第711号）',
      'a-b-c',
      '——',
      '（（（',
      '，，，',
      'https://www.example.gov.cn/zwgk/2021/report.html',
    ]) {
      expect(cjkBreakUnits(text).join('')).toBe(text);
    }
  });

  it('separates units with empty syllables (zero-width break points, no hyphen)', () => {
    expect(cjkHyphenation('公开，依法')).toEqual(['公', '', '开，', '', '依', '', '法']);
    expect(cjkHyphenation('2020')).toEqual(['2020']);
  });
});
