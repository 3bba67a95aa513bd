/**
 * The document's narrative: each section's paragraphs placed under its sub-topics, with the origin of
 * every paragraph recorded by its JSON Pointer (for provenance.origins).
 */
import { toPointer } from '@nianbao/template';
import type { SectionBucket } from './front.js';
import { type Paragraph, splitTopics } from './narrative.js';
import { splitUnheadedFive } from './section-five.js';
import type { EditionSpec, SectionSpec, TableId } from './spec.js';
import type { TableReading } from './read-table.js';
import type { ImportWarning } from './types.js';

export interface Assembly {
  sections: Record<string, unknown>;
  paragraphsPlaced: number;
  origins: Record<string, string>;
}

export interface NarrativeInput {
  spec: EditionSpec;
  bucketOf: (key: string) => SectionBucket | undefined;
  textOf: (bucket: SectionBucket | undefined) => Paragraph[];
  readings: Map<TableId, TableReading>;
  otherMatters: Paragraph[];
  warnings: ImportWarning[];
}

function recordAll(origins: Record<string, string>, path: string[], paragraphs: Paragraph[]): string[] {
  paragraphs.forEach((paragraph, index) => {
    origins[toPointer([...path, String(index)])] = paragraph.from;
  });
  return paragraphs.map((p) => p.text);
}

function topicsOf(input: NarrativeInput, key: string, assembly: Assembly): Record<string, unknown> {
  const topicSpecs = input.spec.sections.find((s) => s.key === key)!.topics;
  const result = splitTopics(
    input.textOf(input.bucketOf(key)),
    topicSpecs.filter((t) => t.key !== 'introduction'),
  );
  if (key === 'problemsAndImprovements') splitUnheadedFive(result);
  assembly.paragraphsPlaced += result.introduction.length;
  const out: Record<string, unknown> = {};
  if (result.introduction.length > 0 || key === 'overview')
    out.introduction = recordAll(assembly.origins, ['sections', key, 'introduction'], result.introduction);
  for (const topic of topicSpecs) {
    if (topic.key === 'introduction') continue;
    const found = result.topics.get(topic.key);
    if (!found) {
      if (input.bucketOf(key)) missingTopic(input.warnings, key, topic);
      out[topic.key] = { paragraphs: [] };
      continue;
    }
    if (found.byNumber) {
      input.warnings.push({
        code: 'label-approximate',
        message: {
          zh: `小标题「${found.heading}」按序号归入「${topic.title}」。`,
          en: `The sub-heading 「${found.heading}」 was placed under 「${topic.title}」 by its number.`,
        },
        at: `/sections/${key}/${topic.key}`,
        from: found.from,
      });
    }
    assembly.paragraphsPlaced += found.paragraphs.length;
    out[topic.key] = {
      ...(found.heading ? { heading: found.heading } : {}),
      paragraphs: recordAll(assembly.origins, ['sections', key, topic.key, 'paragraphs'], found.paragraphs),
    };
  }
  return out;
}

function missingTopic(warnings: ImportWarning[], key: string, topic: SectionSpec['topics'][number]): void {
  warnings.push({
    code: 'section-missing',
    message: {
      zh: `「${topic.title}」小节未找到，记为空。`,
      en: `The sub-topic 「${topic.title}」 was not found; left empty.`,
    },
    at: `/sections/${key}/${topic.key}`,
  });
}

export function assembleSections(input: NarrativeInput): Assembly {
  const assembly: Assembly = { sections: {}, paragraphsPlaced: input.otherMatters.length, origins: {} };
  const tableSection = (id: TableId) => {
    const paragraphs = input.textOf(input.bucketOf(id));
    assembly.paragraphsPlaced += paragraphs.length;
    const reading = input.readings.get(id)!;
    Object.assign(assembly.origins, reading.origins);
    return {
      ...(paragraphs.length > 0
        ? { paragraphs: recordAll(assembly.origins, ['sections', id, 'paragraphs'], paragraphs) }
        : {}),
      table: reading.table,
    };
  };
  assembly.sections = {
    overview: topicsOf(input, 'overview', assembly),
    proactiveDisclosure: tableSection('proactiveDisclosure'),
    applications: tableSection('applications'),
    reviewAndLitigation: tableSection('reviewAndLitigation'),
    problemsAndImprovements: topicsOf(input, 'problemsAndImprovements', assembly),
    otherMatters: {
      paragraphs: recordAll(assembly.origins, ['sections', 'otherMatters', 'paragraphs'], input.otherMatters),
    },
  };
  return assembly;
}
