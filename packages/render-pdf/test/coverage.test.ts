/** missingGlyphs: the characters the PDF would show as 〓, each with the pointer of its text. */
import { describe, expect, it } from 'vitest';
import type { Report } from '@nianbao/template';
import { drawableText, MISSING_GLYPH } from '../src/index.js';
import { missingGlyphs } from '../src/coverage.js';
import { fontCoverage } from '../src/glyphs.js';
import { clone, examples } from './examples.js';

describe('missingGlyphs', () => {
  it.each(examples)('finds none in $name', ({ report }) => {
    expect(missingGlyphs(report)).toEqual([]);
  });

  it('names Tibetan letters and CJK Extension B in the agency name, once each, at its pointer', () => {
    const report = clone(examples[0]!.report) as Report;
    // 𠀀 U+20000 (Extension B), ཚ U+0F5A and ད U+0F51 (Tibetan) twice.
    report.metadata.agency.name = `ཚད་𠀀市ཚད人民政府办公室`;
    const found = missingGlyphs(report);
    const byChar = new Map(found.map((entry) => [entry.char, entry]));
    expect(byChar.get('𠀀')).toEqual({ char: '𠀀', codePoint: 0x20000, pointer: '/metadata/agency/name' });
    expect(byChar.get('ཚ')).toEqual({ char: 'ཚ', codePoint: 0x0f5a, pointer: '/metadata/agency/name' });
    expect(byChar.get('ད')?.codePoint).toBe(0x0f51);
    // Each character once per place, and only the ones the PDF replaces.
    expect(found.filter((entry) => entry.char === 'ཚ')).toHaveLength(1);
    const drawn = drawableText(report.metadata.agency.name, fontCoverage());
    expect([...drawn].filter((char) => char === MISSING_GLYPH).length).toBe(
      [...report.metadata.agency.name].filter((char) => byChar.has(char)).length,
    );
    expect(found.every((entry) => entry.pointer === '/metadata/agency/name')).toBe(true);
  });

  it('points into the preface paragraph that holds the character', () => {
    const report = clone(examples[0]!.report) as Report;
    const preface = (report as { preface: { paragraphs: string[] } }).preface;
    preface.paragraphs[1] = `${preface.paragraphs[1] ?? ''}ᠮᠣᠩᠭᠣᠯ`;
    const found = missingGlyphs(report);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((entry) => entry.pointer)).toEqual(found.map(() => '/preface/paragraphs/1'));
    expect(found[0]).toMatchObject({ char: 'ᠮ', codePoint: 0x182e });
  });

  it('gives none for a document that is not a report', () => {
    expect(missingGlyphs({ edition: '2021' } as unknown as Report)).toEqual([]);
  });
});
