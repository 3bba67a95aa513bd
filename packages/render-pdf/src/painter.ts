/**
 * What nianbao draws itself on react-pdf `Canvas` nodes (table rows, page numbers): the painter
 * react-pdf passes to `paint` forwards these calls to pdfkit. Text goes through pdfkit's `text()` with
 * the very font objects react-pdf uses, so it is embedded in the same subsets, with ToUnicode.
 */
import type { FontData } from './fonts.js';
import { cjkBreakUnits } from './cjk.js';
import { fontRuns, shapedWidth } from './fallback.js';
import { advance, needsFallback, textWidth } from './metrics.js';

export interface Painter {
  font(font: FontData, size: number): Painter;
  text(
    text: string,
    x: number,
    y: number,
    options: { lineBreak: false; baseline: 'alphabetic'; characterSpacing?: number },
  ): Painter;
  fillColor(color: string): Painter;
  strokeColor(color: string): Painter;
  lineWidth(width: number): Painter;
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  stroke(): Painter;
}

/** Baseline of a line of `size` text in a line box `lineHeight` high whose top is at `top`: the ideographic em box centred in the line. */
export const baselineIn = (top: number, lineHeight: number, size: number) =>
  top + (lineHeight - size) / 2 + 0.88 * size;

/** Draws one line of text with its baseline at y; `characterSpacing` is added after every character. */
export function drawText(
  painter: Painter,
  font: FontData,
  size: number,
  text: string,
  x: number,
  y: number,
  characterSpacing = 0,
): void {
  if (text === '') return;
  if (needsFallback(font, text)) {
    drawRuns(painter, font, size, text, x, y, characterSpacing);
    return;
  }
  painter
    .font(font, size)
    .text(
      text,
      x,
      y,
      characterSpacing
        ? { lineBreak: false, baseline: 'alphabetic', characterSpacing }
        : { lineBreak: false, baseline: 'alphabetic' },
    );
}

/**
 * A line with characters of other scripts (Tibetan, Mongolian, Uyghur, Yi): each run in its font, the
 * fallback runs shaped by fontkit (through pdfkit) and not letter-spaced (joined scripts), but the
 * position after them advanced as if they were, so a justified line keeps its width. An Arabic-script
 * run is drawn word by word from the right.
 */
function drawRuns(
  painter: Painter,
  font: FontData,
  size: number,
  text: string,
  x: number,
  y: number,
  characterSpacing: number,
): void {
  const plain = { lineBreak: false as const, baseline: 'alphabetic' as const };
  for (const run of fontRuns(font, text)) {
    const chars = Array.from(run.text).length;
    if (!run.shaped) {
      drawText(painter, run.font, size, run.text, x, y, characterSpacing);
      x += textWidth(run.font, run.text, size) + characterSpacing * chars;
      continue;
    }
    const width = shapedWidth(run.font, run.text, size);
    if (!run.rtl) painter.font(run.font, size).text(run.text, x, y, plain);
    else {
      // Words in visual order from the right edge of the run; fontkit reverses each word's glyphs.
      let right = x + width;
      for (const word of run.text.split(/( +)/)) {
        if (word === '') continue;
        const w = shapedWidth(run.font, word, size);
        right -= w;
        if (word.trim() !== '') painter.font(run.font, size).text(word, right, y, plain);
      }
    }
    x += width + characterSpacing * chars;
  }
}

/**
 * Greedy line breaking between CJK break units (避头尾 kept by `cjkBreakUnits`): as many units on a line
 * as fit `width`; a unit wider than a line gets a line of its own. Spaces at a line start are dropped.
 */
export function breakLines(font: FontData, size: number, text: string, width: number, firstLineIndent = 0): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const unit of cjkBreakUnits(text)) {
    const w = textWidth(font, unit, size);
    if (line !== '' && used + w > width - (lines.length === 0 ? firstLineIndent : 0) + 0.01) {
      lines.push(line);
      line = '';
      used = 0;
    }
    if (line === '' && unit.trim() === '') continue;
    line += unit;
    used += w;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export { advance };
