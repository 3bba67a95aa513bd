import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importReport, type ImportSuccess } from '../src/index.js';
import type { TopicResult } from '../src/narrative.js';
import { improvementsStart, opensImprovements, splitUnheadedFive } from '../src/section-five.js';
import { repoRoot } from './helpers.js';

const corpusDir = join(repoRoot, 'packages/importer/test/corpus');
type Five = Record<string, { paragraphs?: string[] } | string[]>;
const fiveOf = (document: unknown) =>
  (document as { sections: { problemsAndImprovements: Five } }).sections.problemsAndImprovements;

const unheaded = (...texts: string[]): TopicResult => ({
  introduction: texts.map((text, index) => ({ text, from: `line ${index + 1}` })),
  topics: new Map(),
});

describe('五 without its sub-headings: problems, then the paragraph that opens the improvements', () => {
  it('knows the openings reports write, and not a sentence that merely mentions 改进', () => {
    for (const opening of [
      '2023年，我区将采取以下措施加以改进。一是丰富意见征集形式。',
      '2020年，我们将采取以下措施加以改进：（一）继续强化信息公开责任。',
      '2025年，将重点从以下方面做好改进：一是优化主动公开目录。',
      '下一步整改措施：一是强化政务公开队伍建设。',
      '针对上述问题，我县坚持问题导向、目标导向、结果导向。',
    ])
      expect(opensImprovements(opening), opening).toBe(true);
    for (const other of [
      '一是政策解读形式有待改进。',
      '存在的问题主要有以下几个方面：一是部分单位信息发布属性界定还不够精确。',
      '我区将进一步加强监督，确保公开质量。',
      '2022年，平潭综合实验区政府信息公开工作取得了一定成绩，但还存在一些问题和不足。',
    ])
      expect(opensImprovements(other), other).toBe(false);
  });

  it('finds where run-together text turns to the improvements: at a sentence start, after problems', () => {
    const text = '但还存在一些问题和不足：一是形式单一。 2023年，我区将采取以下措施加以改进。一是丰富形式。';
    expect(text.slice(improvementsStart(text)!)).toBe('2023年，我区将采取以下措施加以改进。一是丰富形式。');
    // Inside a sentence (after a comma) it is no opening.
    expect(improvementsStart('但还存在一些问题，我区将采取以下措施加以改进。一是丰富形式。')).toBeUndefined();
    // The text before does not speak of problems: no split.
    expect(improvementsStart('全年工作取得成效。2023年，我区将采取以下措施加以改进。')).toBeUndefined();
  });

  it('splits unheaded paragraphs, and leaves them when there are headings or no problems first', () => {
    const result = unheaded('一是存在不足。二是问题较多。', '下一步整改措施：一是加强培训。', '二是加强考核。');
    splitUnheadedFive(result);
    expect(result.introduction).toEqual([]);
    expect(result.topics.get('problems')?.paragraphs.map((p) => p.text)).toEqual(['一是存在不足。二是问题较多。']);
    expect(result.topics.get('improvements')?.paragraphs.map((p) => p.from)).toEqual(['line 2', 'line 3']);
    // A first paragraph that speaks of no problem: left as it is.
    const noProblems = unheaded('全年工作取得成效。', '下一步整改措施：一是加强培训。');
    splitUnheadedFive(noProblems);
    expect(noProblems.topics.size).toBe(0);
    // Sub-headings found: they decide, nothing is moved.
    const headed = unheaded('存在问题。', '下一步整改措施：一是加强培训。');
    headed.topics.set('problems', { paragraphs: [], from: 'line 0', byNumber: false });
    splitUnheadedFive(headed);
    expect(headed.introduction).toHaveLength(2);
  });

  it('places 平潭 2022’s run-together 五 as its hand-checked document does', () => {
    const id = 'fj-pingtan-2022';
    const text = readFileSync(join(corpusDir, id, 'source.txt'), 'utf8');
    const result = importReport({ text, kind: 'text', name: 'source.txt' }, { partial: true }) as ImportSuccess;
    const expected = parse(readFileSync(join(corpusDir, id, 'expected.yaml'), 'utf8')) as unknown;
    expect(fiveOf(result.document)).toEqual(fiveOf(expected));
  });
});
