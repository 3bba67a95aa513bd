import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport, type ImportSuccess } from '../src/index.js';
import { splitAtTopicHeadings } from '../src/inline-topics.js';
import { editionSpec } from '../src/spec.js';
import { repoRoot } from './helpers.js';

const overviewTopics = editionSpec('2021').sections.find((s) => s.key === 'overview')!.topics;
const problemTopics = editionSpec('2021').sections.find((s) => s.key === 'problemsAndImprovements')!.topics;
const texts = (text: string, topics = overviewTopics) => splitAtTopicHeadings(text, 0, topics).map((p) => p.text);

describe('sub-topic headings written inline in run-together text', () => {
  it('cuts at （一）…方面 headings after a sentence end, with or without a space or an end mark', () => {
    const text = '为发展提供保障。 （一）主动公开方面 全年公开信息100条。（二）依申请公开方面。收到申请5件。';
    expect(texts(text)).toEqual([
      '为发展提供保障。',
      '（一）主动公开方面',
      '全年公开信息100条。',
      '（二）依申请公开方面',
      '收到申请5件。',
    ]);
    // Glued straight to its text (no space, no mark): the heading ends at 方面.
    expect(texts('（一）主动公开方面平潭综合实验区公开信息。')).toEqual([
      '（一）主动公开方面',
      '平潭综合实验区公开信息。',
    ]);
  });

  it('records where each piece starts in the line', () => {
    const pieces = splitAtTopicHeadings('保障。 （一）主动公开方面 正文。', 10, overviewTopics);
    expect(pieces.map((p) => [p.text, p.offset, p.heading])).toEqual([
      ['保障。', 10, false],
      ['（一）主动公开方面', 14, true],
      ['正文。', 24, false],
    ]);
  });

  it('cuts at a heading naming an official sub-topic up to its end mark (存在的主要问题: / 改进措施：)', () => {
    expect(texts('（一）存在的主要问题:水平有待提升。（二）改进措施：一是加强指导。', problemTopics)).toEqual([
      '（一）存在的主要问题',
      '水平有待提升。',
      '（二）改进措施',
      '一是加强指导。',
    ]);
  });

  it('leaves a heading-like phrase inside a sentence, list items and headings out of sequence as text', () => {
    // Inside a sentence: not after 。！？；.
    const inside = '按照第（一）主动公开方面的要求，公开信息100条。';
    expect(texts(inside)).toEqual([inside]);
    // Numbered items of a list (no …方面/情况, no sub-topic named) stay in their paragraph.
    const items =
      '将采取以下措施加以改进：（一）继续强化信息公开责任。切实贯彻条例。（二）继续完善信息公开机制。不断完善。';
    expect(texts(items, problemTopics)).toEqual([items]);
    // A （二） without a （一） before it is no sub-topic heading.
    const stray = '全年公开信息。（二）依申请公开方面 收到申请5件。';
    expect(texts(stray)).toEqual([stray]);
    // A heading with no text after it is not cut out (a title line, not a run-together paragraph).
    expect(texts('全年公开信息。（一）主动公开方面')).toEqual(['全年公开信息。（一）主动公开方面']);
    // A long clause before the comma is a sentence, not a heading.
    const clause = '保障。（一）强化组织协调，着力规范公开工作积极贯彻。';
    expect(texts(clause)).toEqual([clause]);
  });

  it('places the run-together overview of 平潭 2022 under its topics (the text-vs-table statement lands in 依申请公开)', () => {
    const text = readFileSync(join(repoRoot, 'packages/importer/test/corpus/fj-pingtan-2022/source.txt'), 'utf8');
    const result = importReport({ text, kind: 'text', name: 'source.txt' }, { partial: true }) as ImportSuccess;
    expect(result.ok).toBe(true);
    const overview = (result.document.sections as unknown as Record<string, Record<string, unknown>>).overview!;
    const topic = (key: string) => overview[key] as { heading?: string; paragraphs: string[] };
    expect((overview.introduction as string[])[0]).toMatch(/^2022年，平潭综合实验区.*提供有力保障。$/);
    expect(topic('proactiveDisclosure').heading).toBe('主动公开方面');
    expect(topic('requestDisclosure').paragraphs[0]).toMatch(/^一是畅通依申请公开渠道.*全区收到政府信息公开申请75件/);
    expect(topic('oversight').paragraphs[0]).toMatch(/^一是压实工作责任。/);
    // Table 三's bracketed header note (（本列数据的勾稽关系为：…）) is no paragraph of section 三, not even its bracket.
    const applications = (result.document.sections as unknown as Record<string, { paragraphs?: string[] }>)
      .applications!;
    expect(applications.paragraphs ?? []).toEqual([]);
    const origins = (result.document as unknown as { provenance: { origins: Record<string, string> } }).provenance
      .origins;
    expect(origins['/sections/overview/requestDisclosure/paragraphs/0']).toMatch(/^line \d+, column \d+$/);
  });
});
