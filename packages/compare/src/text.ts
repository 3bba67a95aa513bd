/**
 * The narrative of two reports compared section by section, paragraph by paragraph: a report copied
 * from last year (the same paragraphs, sometimes with only the year and the numbers changed) is a
 * known problem, so the share of identical text is stated.
 */
import { editionLayout } from '@nianbao/view-model';
import type { Edition } from '@nianbao/template';
import type { ParagraphComparison, SectionTextComparison } from './types.js';

interface Paragraph {
  pointer: string;
  text: string;
  /** Without white space: what "identical" compares. */
  plain: string;
  /** With every run of digits (years, counts, dates) replaced by #. */
  masked: string;
  pairs: Map<string, number>;
}

function read(document: unknown, segments: readonly string[]): unknown {
  let node = document;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Character pairs (bigrams) with their counts. */
function pairsOf(text: string): Map<string, number> {
  const pairs = new Map<string, number>();
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i]! + chars[i + 1]!;
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
}

/** Sørensen–Dice coefficient of two bigram multisets, 0–1. */
function dice(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const count of a.values()) total += count;
  for (const count of b.values()) total += count;
  if (total === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [pair, count] of small) shared += Math.min(count, large.get(pair) ?? 0);
  return (2 * shared) / total;
}

function paragraph(pointer: string, text: string): Paragraph {
  const plain = text.replace(/\s+/g, '');
  return { pointer, text, plain, masked: plain.replace(/[0-9０-９]+/g, '#'), pairs: pairsOf(plain) };
}

function paragraphsAt(document: unknown, pointer: string): Paragraph[] {
  const list = read(document, pointer.slice(1).split('/'));
  if (!Array.isArray(list)) return [];
  return list.flatMap((text, index) =>
    typeof text === 'string' && text.trim() !== '' ? [paragraph(`${pointer}/${index}`, text)] : [],
  );
}

/** The text of each section (preface first), by the edition's layout: its paragraphs and topics. */
function sectionsOf(edition: Edition, document: unknown): { key: string; heading: string; paragraphs: Paragraph[] }[] {
  const out = [{ key: 'preface', heading: '引言', paragraphs: paragraphsAt(document, '/preface/paragraphs') }];
  for (const section of editionLayout(edition).sections) {
    const paragraphs: Paragraph[] = [];
    for (const part of section.parts) {
      if (part.kind === 'paragraphs') paragraphs.push(...paragraphsAt(document, part.pointer));
      else if (part.kind === 'topic') paragraphs.push(...paragraphsAt(document, `${part.pointer}/paragraphs`));
    }
    out.push({ key: section.key, heading: section.heading, paragraphs });
  }
  return out;
}

/** A paragraph of this year against every paragraph of last year's same section. */
function matchParagraph(current: Paragraph, last: readonly Paragraph[]): ParagraphComparison {
  const base = { pointer: current.pointer, text: current.text };
  const identical = last.find((candidate) => candidate.plain === current.plain);
  if (identical)
    return { ...base, status: 'identical', lastPointer: identical.pointer, lastText: identical.text, similarity: 1 };
  const numbers = last.find((candidate) => candidate.masked === current.masked);
  let best: Paragraph | undefined = numbers;
  let similarity = numbers ? dice(current.pairs, numbers.pairs) : 0;
  if (!numbers) {
    for (const candidate of last) {
      const score = dice(current.pairs, candidate.pairs);
      if (score > similarity) {
        similarity = score;
        best = candidate;
      }
    }
  }
  const rounded = Math.round(similarity * 1000) / 1000;
  if (numbers)
    return {
      ...base,
      status: 'numbersChanged',
      lastPointer: numbers.pointer,
      lastText: numbers.text,
      similarity: rounded,
    };
  // 0.8: most sentences kept, some words changed; below it the paragraph was rewritten.
  if (best && similarity >= 0.8)
    return { ...base, status: 'similar', lastPointer: best.pointer, lastText: best.text, similarity: rounded };
  return { ...base, status: 'new', similarity: rounded };
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

export function compareText(edition: Edition, last: unknown, current: unknown): SectionTextComparison[] {
  const before = new Map(sectionsOf(edition, last).map((section) => [section.key, section.paragraphs]));
  return sectionsOf(edition, current).map((section) => {
    const lastParagraphs = before.get(section.key) ?? [];
    const paragraphs = section.paragraphs.map((p) => matchParagraph(p, lastParagraphs));
    const used = new Set(paragraphs.flatMap((p) => (p.lastPointer ? [p.lastPointer] : [])));
    let characters = 0;
    let identicalCharacters = 0;
    let numbersOnly = 0;
    section.paragraphs.forEach((p, index) => {
      const length = [...p.plain].length;
      characters += length;
      if (paragraphs[index]!.status === 'identical') identicalCharacters += length;
      if (paragraphs[index]!.status === 'numbersChanged') numbersOnly += length;
    });
    return {
      key: section.key,
      heading: section.heading,
      paragraphs,
      removed: lastParagraphs.filter((p) => !used.has(p.pointer)).map((p) => ({ pointer: p.pointer, text: p.text })),
      characters,
      identicalCharacters,
      identicalShare: share(identicalCharacters, characters),
      numbersOnlyShare: share(numbersOnly, characters),
    };
  });
}

export function overallShares(sections: readonly SectionTextComparison[]): {
  identicalShare: number;
  numbersOnlyShare: number;
} {
  const characters = sections.reduce((sum, s) => sum + s.characters, 0);
  const identical = sections.reduce((sum, s) => sum + s.identicalCharacters, 0);
  const numbers = sections.reduce((sum, s) => sum + s.numbersOnlyShare * s.characters, 0);
  return { identicalShare: share(identical, characters), numbersOnlyShare: share(numbers, characters) };
}
