import { describe, expect, it } from 'vitest';
import { isBlankMarker, readCell } from '../src/values.js';
import { labelKey, similarity, splitNumbering } from '../src/text.js';

describe('reading a published cell', () => {
  it.each([
    ['0', 0],
    ['41', 41],
    ['１２３', 123],
    ['3,985,758', 3985758],
    ['3 985 758', 3985758],
    ['3，985，758', 3985758],
    ['12件', 12],
    [' 7 ', 7],
  ])('count %j → %j', (raw, value) => {
    expect(readCell(raw, 'count')).toEqual({ status: 'value', value });
  });

  it.each(['', ' ', '\u00A0', '/', '／', '—', '——', '-', '－', '— 未填报', '未填报'])(
    '%j is not reported, not 0',
    (raw) => {
      expect(isBlankMarker(raw)).toBe(true);
      expect(readCell(raw, 'count')).toEqual({ status: 'blank' });
    },
  );

  it.each(['无', '1.5', '-2', 'abc', '3,98', '1 2 3 4 x'])('count %j is unreadable', (raw) => {
    expect(readCell(raw, 'count').status).toBe('unreadable');
  });

  it.each([
    ['+12', 12],
    ['-2', -2],
    ['－2', -2],
    ['−3', -3],
    ['＋１', 1],
    ['0', 0],
    ['-0', 0],
  ])('signed %j → %j', (raw, value) => {
    const reading = readCell(raw, 'signed');
    expect(reading).toEqual({ status: 'value', value });
    if (reading.status === 'value') expect(Object.is(reading.value, -0)).toBe(false);
  });

  it.each([
    ['59237.2449', '59237.2449'],
    ['59,237.2449', '59237.2449'],
    ['0.50', '0.50'],
    ['007', '7'],
    ['128.5600万元', '128.5600'],
  ])('amount in 万元 %j → %j (exact decimal string)', (raw, value) => {
    expect(readCell(raw, 'decimal')).toEqual({ status: 'value', value });
  });

  it('reads amounts written with six decimals exactly, and leaves one it cannot keep unplaced', () => {
    expect(readCell('0.000000', 'decimal')).toEqual({ status: 'value', value: '0' });
    expect(readCell('0.000000万元', 'decimal')).toEqual({ status: 'value', value: '0' });
    expect(readCell('12.300000', 'decimal')).toEqual({ status: 'value', value: '12.3' });
    expect(readCell('0.000000万元', 'money')).toEqual({ status: 'value', value: { value: '0', unit: '万元' } });
    // The template keeps four decimals: rounding 24252.311082 would publish another number.
    expect(readCell('24252.311082', 'decimal')).toEqual({ status: 'unreadable', why: 'decimals' });
    expect(readCell('75394432.52元', 'decimal')).toEqual({ status: 'unreadable', why: 'decimals' });
  });

  it("converts an amount published in 元 to the column's 万元 exactly", () => {
    expect(readCell('12345元', 'decimal')).toEqual({ status: 'value', value: '1.2345', note: 'unit-converted' });
    expect(readCell('500元', 'decimal')).toEqual({ status: 'value', value: '0.05', note: 'unit-converted' });
    expect(readCell('120000元', 'decimal')).toEqual({ status: 'value', value: '12', note: 'unit-converted' });
  });

  it('keeps the unit of a procurement amount: from the cell, the header, or none stated', () => {
    expect(readCell('1,234.5万元', 'money')).toEqual({ status: 'value', value: { value: '1234.5', unit: '万元' } });
    expect(readCell('8800元', 'money')).toEqual({ status: 'value', value: { value: '8800', unit: '元' } });
    expect(readCell('356.8', 'money', '万元')).toEqual({
      status: 'value',
      value: { value: '356.8', unit: '万元' },
      note: 'unit-from-header',
    });
    expect(readCell('356.8', 'money')).toEqual({
      status: 'value',
      value: { value: '356.8', unit: null },
      note: 'unit-unknown',
    });
    // 0 is the same in 元 and 万元.
    expect(readCell('0', 'money')).toEqual({ status: 'value', value: { value: '0', unit: '元' } });
  });
});

describe('labels and numbering', () => {
  it.each([
    ['一、总体情况', 'section', 1, '总体情况'],
    ['第三部分 收到和处理政府信息公开申请情况', 'part', 3, '收到和处理政府信息公开申请情况'],
    ['（二）依申请公开情况。', 'paren', 2, '依申请公开情况。'],
    ['(五) 不予 处理', 'paren', 5, '不予 处理'],
    ['1.属于国家秘密', 'arabic', 1, '属于国家秘密'],
    ['５、重复申请', 'arabic', 5, '重复申请'],
  ])('%j', (text, style, ordinal, rest) => {
    expect(splitNumbering(text)).toMatchObject({ numbering: { style, ordinal }, rest });
  });

  it('does not take a number for a numbering', () => {
    expect(splitNumbering('2020年以来,我办').numbering).toBeUndefined();
    expect(splitNumbering('1.5万元').numbering).toBeUndefined();
  });

  it('matches split labels, typos and variants, but not other labels', () => {
    expect(labelKey('自然 人').key).toBe('自然人');
    expect(labelKey('（七）合计').key).toBe('总计');
    expect(
      similarity(labelKey('5.要求行政机关确认或重新出具已取信息').key, '要求行政机关确认或重新出具已获取信息'),
    ).toBeGreaterThan(0.9);
    expect(similarity('行政许可', '行政强制')).toBeLessThan(0.8);
    expect(similarity('其他', '其他结果')).toBeLessThan(0.8);
  });
});
