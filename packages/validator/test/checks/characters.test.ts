import { describe, expect, it } from 'vitest';
import { doc, findings } from './run.js';

const at = ['/sections/otherMatters'];
const label = { zh: '控制字符', en: 'control characters' };

describe('characters', () => {
  it('clean text: nothing', () => {
    expect(findings(doc(), { type: 'characters', at, pattern: '[\\u0000-\\u001F]', label })).toEqual([]);
  });
  it('one finding per text, naming the code points (never the raw characters) and where the first is', () => {
    const report = doc();
    report.sections.otherMatters.paragraphs = ['正常文字', 'ab\u0000c\u0007\u0000'];
    const found = findings(report, { type: 'characters', at, pattern: '[\\u0000-\\u001F]', label });
    expect(found).toEqual([
      expect.objectContaining({ pointer: '/sections/otherMatters/paragraphs/1', actual: 'U+0000 U+0007', expected: 2 }),
    ]);
    expect(found[0]!.message.zh).toBe('U+0000, U+0007|3|U+0000, U+0007|U+0000, U+0007|控制字符');
    expect(found[0]!.message.zh).not.toContain('\u0000');
  });
  it('\\p{Cs} finds a lone surrogate, not a surrogate pair', () => {
    const report = doc();
    report.sections.otherMatters.paragraphs = ['𠮷', 'x\uD800y'];
    const found = findings(report, { type: 'characters', at, pattern: '\\p{Cs}', label });
    expect(found.map((f) => [f.pointer, f.actual])).toEqual([['/sections/otherMatters/paragraphs/1', 'U+D800']]);
  });
});
