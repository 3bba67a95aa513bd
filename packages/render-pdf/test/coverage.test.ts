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
    // 𠀀 U+20000 and 𠮷 U+20BB7 (Extension B), twice: no font here has them (Tibetan has its fallback, test/scripts.test.ts).
    report.metadata.agency.name = `𠮷𠀀市𠮷人民政府办公室`;
    const found = missingGlyphs(report);
    const byChar = new Map(found.map((entry) => [entry.char, entry]));
    expect(found.find((entry) => entry.char === '𠀀')).toEqual({
      char: '𠀀',
      codePoint: 0x20000,
      pointer: '/metadata/agency/name',
      role: 'title',
      font: 'NotoSerifSC_700Bold.ttf',
    });
    expect(byChar.get('𠮷')?.codePoint).toBe(0x20bb7);
    // Each character once per place and role (the title and the 落款 in the body font), and only the ones the PDF replaces.
    expect(found.filter((entry) => entry.char === '𠮷').map((entry) => entry.role)).toEqual(['title', 'body']);
    expect(found.find((entry) => entry.role === 'body')?.font).toBe('NotoSerifSC_400Regular.ttf');
    const drawn = drawableText(report.metadata.agency.name, fontCoverage());
    expect([...drawn].filter((char) => char === MISSING_GLYPH).length).toBe(
      [...report.metadata.agency.name].filter((char) => byChar.has(char)).length,
    );
    expect(found.every((entry) => entry.pointer === '/metadata/agency/name')).toBe(true);
  });

  it('points into the preface paragraph that holds the character', () => {
    const report = clone(examples[0]!.report) as Report;
    const preface = (report as { preface: { paragraphs: string[] } }).preface;
    preface.paragraphs[1] = `${preface.paragraphs[1] ?? ''}한국어`;
    const found = missingGlyphs(report);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((entry) => entry.pointer)).toEqual(found.map(() => '/preface/paragraphs/1'));
    expect(found[0]).toMatchObject({ char: '한', codePoint: 0xd55c, role: 'body' });
  });

  it('gives none for a document that is not a report', () => {
    expect(missingGlyphs({ edition: '2021' } as unknown as Report)).toEqual([]);
  });
});
