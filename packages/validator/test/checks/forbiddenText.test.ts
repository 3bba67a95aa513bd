import { describe, expect, it } from 'vitest';
import { doc, findings } from './run.js';

const at = ['/sections/otherMatters'];

describe('forbiddenText', () => {
  it('clean text: nothing', () => {
    expect(findings(doc(), { type: 'forbiddenText', at, words: ['bet365'] })).toEqual([]);
  });
  it('a word found however disguised (case, full-width, invisible characters), quoted as written', () => {
    const report = doc();
    report.sections.otherMatters.paragraphs = ['访问ＢＥＴ３６５', '足\u200B球比分', 'Bet365'];
    const found = findings(report, { type: 'forbiddenText', at, words: ['bet365', '足球比分'] });
    expect(found.map((f) => [f.pointer, f.actual])).toEqual([
      ['/sections/otherMatters/paragraphs/0', 'ＢＥＴ３６５'],
      ['/sections/otherMatters/paragraphs/1', '足\u200B球比分'],
      ['/sections/otherMatters/paragraphs/2', 'Bet365'],
    ]);
  });
  it('an expression: its match and its label', () => {
    const report = doc();
    report.sections.otherMatters.paragraphs = ['锟斤拷锟斤拷'];
    const label = { zh: '乱码', en: 'mojibake' };
    const [found] = findings(report, { type: 'forbiddenText', at, patterns: [{ pattern: '锟斤拷', label }] });
    expect(found).toMatchObject({ actual: '锟斤拷' });
    expect(found!.message.zh).toContain('乱码');
  });
  it('words and expressions searched together, an expression with a named group or a back-reference too', () => {
    const report = doc();
    report.sections.otherMatters.paragraphs = ['正文', '哈哈哈', '编号A-12', 'bet365'];
    const label = { zh: '标签', en: 'label' };
    const found = findings(report, {
      type: 'forbiddenText',
      at,
      words: ['bet365'],
      patterns: [
        { pattern: '(.)\\1\\1', label },
        { pattern: '(?<code>[A-Z])-\\d+', label },
      ],
    });
    expect(found.map((f) => [f.pointer, f.actual])).toEqual([
      ['/sections/otherMatters/paragraphs/1', '哈哈哈'],
      ['/sections/otherMatters/paragraphs/2', 'A-12'],
      ['/sections/otherMatters/paragraphs/3', 'bet365'],
    ]);
    // Without the back-reference the check's expressions are joined into one search: the same findings.
    const joined = findings(report, {
      type: 'forbiddenText',
      at,
      words: ['bet365'],
      patterns: [{ pattern: '(?<code>[A-Z])-\\d+', label }],
    });
    expect(joined.map((f) => f.actual)).toEqual(['A-12', 'bet365']);
  });
});
