/**
 * The comparison as an A4 PDF, drawn with @nianbao/render-pdf's building blocks: the same embedded
 * fonts, the same CJK line breaking (避头尾) and the same way of drawing on react-pdf canvases of known
 * size, so react-pdf only stacks and paginates them.
 */
import { createElement, type ReactNode } from 'react';
import { Canvas, Document, Page, renderToBuffer } from '@react-pdf/renderer';
import {
  baselineIn,
  breakLines,
  cacheFontObjects,
  drawableText,
  drawText,
  loadFonts,
  MARGINS,
  plainLayoutFor,
  textWidth,
  type FontData,
  type FontRoles,
  type LoadedFonts,
  type Painter,
} from '@nianbao/render-pdf';
import { comparisonTitle } from './html.js';
import { changeText, FLAG_TEXT, headline, percentChangeText, percentText, placeText, STATUS_TEXT } from './present.js';
import type { Comparison } from './types.js';

const mm = (value: number) => (value * 72) / 25.4;
const WIDTH = mm(210) - MARGINS.left - MARGINS.right;
const LINE = 1.5;
/** Lines per canvas at most: a canvas is not split across pages. */
const CHUNK = 24;

/** What react-pdf hands to `paint`: pdfkit, which also fills rectangles. */
type Surface = Painter & { rect(x: number, y: number, w: number, h: number): Surface; fill(color: string): Surface };

interface Cell {
  text: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

interface Style {
  font: FontData;
  size: number;
}

function drawable(font: FontData, text: string): string {
  return drawableText(text, (codePoint) => font.hasGlyphForCodePoint(codePoint));
}

/** A run of text lines (a title, a heading, a paragraph), cut into canvases of at most CHUNK lines. */
function textBlock(
  key: string,
  text: string,
  style: Style,
  options: { indent?: number; center?: boolean; gap?: number } = {},
): ReactNode[] {
  const lines = breakLines(style.font, style.size, drawable(style.font, text), WIDTH, options.indent ?? 0);
  const lineHeight = style.size * LINE;
  const out: ReactNode[] = [];
  for (let from = 0; from < lines.length; from += CHUNK) {
    const part = lines.slice(from, from + CHUNK);
    const gap = from + CHUNK >= lines.length ? (options.gap ?? 4) : 0;
    out.push(
      <Canvas
        key={`${key}-${from}`}
        style={{ width: WIDTH, height: part.length * lineHeight + gap }}
        paint={(painter: Painter) => {
          part.forEach((line, i) => {
            const indent = from + i === 0 ? (options.indent ?? 0) : 0;
            const x = options.center ? (WIDTH - textWidth(style.font, line, style.size)) / 2 : indent;
            drawText(painter, style.font, style.size, line, x, baselineIn(i * lineHeight, lineHeight, style.size));
          });
          return null;
        }}
      />,
    );
  }
  return out;
}

/** One table row: cells side by side with rules, each wrapped to its width; a tint for flagged rows. */
function tableRow(key: string, cells: Cell[], style: Style, tint?: string): ReactNode {
  const pad = 3;
  const lineHeight = style.size * 1.3;
  const wrapped = cells.map((cell) =>
    breakLines(style.font, style.size, drawable(style.font, cell.text), cell.width - 2 * pad),
  );
  const height = Math.max(1, ...wrapped.map((lines) => lines.length)) * lineHeight + 2 * pad;
  return (
    <Canvas
      key={key}
      style={{ width: WIDTH, height }}
      paint={(painter: Painter) => {
        const surface = painter as Surface;
        if (tint) surface.rect(0, 0, WIDTH, height).fill(tint);
        surface.fillColor('#000').strokeColor('#000').lineWidth(0.5);
        let x = 0;
        cells.forEach((cell, index) => {
          surface.moveTo(x, 0).lineTo(x, height);
          wrapped[index]!.forEach((line, i) => {
            const w = textWidth(style.font, line, style.size);
            const left =
              cell.align === 'right'
                ? x + cell.width - pad - w
                : cell.align === 'center'
                  ? x + (cell.width - w) / 2
                  : x + pad;
            drawText(
              painter,
              style.font,
              style.size,
              line,
              left,
              baselineIn(pad + i * lineHeight, lineHeight, style.size),
            );
          });
          x += cell.width;
        });
        surface.moveTo(x, 0).lineTo(x, height).moveTo(0, 0).lineTo(x, 0).moveTo(0, height).lineTo(x, height).stroke();
        return null;
      }}
    />
  );
}

function cellRows(comparison: Comparison, fonts: LoadedFonts): ReactNode[] {
  const widths = [WIDTH - 4 * 50 - 64, 50, 50, 50, 50, 64];
  const small = { font: fonts.serif, size: 8 };
  const row = (values: string[]) =>
    values.map((text, i) => ({ text, width: widths[i]!, align: i === 0 ? ('left' as const) : ('right' as const) }));
  const head = row([
    '项目',
    `${comparison.last.reportYear ?? '上'}年`,
    `${comparison.current.reportYear ?? '本'}年`,
    '变化',
    '变化率',
    '提示',
  ]);
  return [
    tableRow('cells-head', head, { font: fonts.sans, size: 8 }),
    ...comparison.cells.map((cell, index) =>
      tableRow(
        `cell-${index}`,
        row([
          placeText(cell),
          cell.lastDisplay,
          cell.currentDisplay,
          changeText(cell),
          percentChangeText(cell),
          cell.flag ? FLAG_TEXT[cell.flag] : '',
        ]),
        small,
        cell.flag ? '#fdecea' : undefined,
      ),
    ),
  ];
}

function carryRows(comparison: Comparison, fonts: LoadedFonts): ReactNode[] {
  const widths = [WIDTH - 3 * 80, 80, 80, 80];
  const row = (values: string[]) =>
    values.map((text, i) => ({ text, width: widths[i]!, align: i === 0 ? ('left' as const) : ('center' as const) }));
  const verdict = (matches: boolean | null) => (matches === null ? '无法核对' : matches ? '一致' : '不一致');
  return [
    tableRow('carry-head', row(['栏目', '本年上年结转', '上年结转下年度', '结果']), { font: fonts.sans, size: 8 }),
    ...comparison.carryOver.map((check, index) =>
      tableRow(
        `carry-${index}`,
        row([
          check.column,
          String(check.carriedOver ?? '—'),
          String(check.lastCarriedForward ?? '—'),
          verdict(check.matches),
        ]),
        { font: fonts.serif, size: 8 },
        check.matches === false ? '#fdecea' : undefined,
      ),
    ),
  ];
}

function textRows(comparison: Comparison, fonts: LoadedFonts): ReactNode[] {
  const body = { font: fonts.serif, size: 10 };
  const out: ReactNode[] = [];
  comparison.sections.forEach((section, s) => {
    if (section.paragraphs.length === 0 && section.removed.length === 0) return;
    const heading = `${section.heading}（与上年相同 ${percentText(section.identicalShare)}，仅数字不同 ${percentText(section.numbersOnlyShare)}）`;
    out.push(...textBlock(`sec-${s}`, heading, { font: fonts.serifBold, size: 11 }, { gap: 2 }));
    section.paragraphs.forEach((p, i) => {
      const status =
        p.status === 'similar' ? `${STATUS_TEXT.similar} ${percentText(p.similarity)}` : STATUS_TEXT[p.status];
      out.push(...textBlock(`p-${s}-${i}`, `【${status}】${p.text}`, body, { indent: 2 * body.size }));
    });
    section.removed.forEach((r, i) =>
      out.push(...textBlock(`r-${s}-${i}`, `【上年有、本年删去】${r.text}`, body, { indent: 2 * body.size })),
    );
  });
  return out;
}

function ComparisonDocument({ comparison, fonts }: { comparison: Comparison; fonts: LoadedFonts }): ReactNode {
  const title = comparisonTitle(comparison);
  const heading = (key: string, text: string) => textBlock(key, text, { font: fonts.sans, size: 13 }, { gap: 6 });
  const body = { font: fonts.serif, size: 10 };
  return (
    <Document
      title={title}
      author={comparison.current.agencyName}
      creator="nianbao"
      producer="nianbao (@nianbao/compare, react-pdf)"
      language="zh-CN"
    >
      <Page
        size="A4"
        style={{ paddingTop: mm(25), paddingBottom: mm(25), paddingLeft: MARGINS.left, paddingRight: MARGINS.right }}
      >
        {textBlock('title', title, { font: fonts.serifBold, size: 16 }, { center: true, gap: 10 })}
        {heading('h1', '一、概况')}
        {headline(comparison).flatMap((line, i) => textBlock(`head-${i}`, line, body))}
        {[
          ...comparison.last.errorExamples.map((m) => `上年报告：${m.zh}`),
          ...comparison.current.errorExamples.map((m) => `本年报告：${m.zh}`),
        ].flatMap((line, i) => textBlock(`err-${i}`, line, { font: fonts.serif, size: 8 }))}
        {heading('h2', '二、上年结转核对')}
        {carryRows(comparison, fonts)}
        {heading('h3', '三、统计数据逐项对比（按变化大小排列）')}
        {cellRows(comparison, fonts)}
        {heading('h4', '四、正文逐段对比')}
        {textRows(comparison, fonts)}
      </Page>
    </Document>
  );
}

/**
 * Renders the comparison as an A4 PDF; `fonts` names an office's font file per role (title, body,
 * heading1; see @nianbao/render-pdf), checked by the caller with openRoleFonts.
 */
export async function renderComparisonPdf(
  comparison: Comparison,
  options: { fonts?: FontRoles } = {},
): Promise<Uint8Array> {
  const fonts = loadFonts(options.fonts);
  cacheFontObjects();
  plainLayoutFor([fonts.serif, fonts.serifBold, fonts.sans]);
  const buffer = await renderToBuffer(
    createElement(ComparisonDocument, { comparison, fonts }) as Parameters<typeof renderToBuffer>[0],
  );
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
