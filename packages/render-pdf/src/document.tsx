/**
 * The report as a react-pdf document in the look of an official document (GB/T 9704 公文): A4, margins
 * top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in a bold serif at 2号 (22 pt); body at 3号
 * (16 pt) in a serif with 28.9 pt lines (22 lines to the type area); section headings in a sans (黑体
 * role), topic headings in bold serif; page numbers — N — 7 mm below the type area, outside edge.
 *
 * nianbao breaks all text into lines itself and draws it on react-pdf `Canvas` nodes of known size:
 * react-pdf stacks and paginates them (`fixed` nodes repeat on every page) without textkit or relayout.
 */
import type { ReactNode } from 'react';
import { Canvas, Document, Page } from '@react-pdf/renderer';
import type { ParagraphView, ReportView } from '@nianbao/view-model';
import type { FontData, LoadedFonts } from './fonts.js';
import { textWidth } from './metrics.js';
import { CONTENT_WIDTH, TableBox } from './table.js';
import { breakLines, drawText, type Painter } from './painter.js';
import { balancedLines } from './title.js';
import { artifact, startTagging, type Tag, tagged } from './tagging.js';

const mm = (value: number) => (value * 72) / 25.4;

export const MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const PAGE_WIDTH = mm(210);
const PAGE_NUMBER_SIZE = 14; // 4号
const BODY_SIZE = 16; // 3号
const BODY_LINE = 28.9 / BODY_SIZE; // 22 lines of 28.9 pt fill the 225 mm type area
const BODY_LEADING = BODY_SIZE * BODY_LINE;
const INDENT = 2 * BODY_SIZE; // 首行缩进两字

const styles = {
  page: {
    paddingTop: MARGINS.top,
    paddingBottom: MARGINS.bottom,
    paddingLeft: MARGINS.left,
    paddingRight: MARGINS.right,
  },
  title: { marginBottom: 18 },
  signature: { marginTop: 2 * BODY_LEADING, alignSelf: 'flex-end' as const, marginRight: 4 * BODY_SIZE },
  // 7 mm below the type area; GB/T 9704: odd pages right, even pages left, one character from the edge.
  pageNumber: {
    position: 'absolute' as const,
    top: mm(297 - 35 + 7),
    left: MARGINS.left + 14,
    width: PAGE_WIDTH - MARGINS.left - MARGINS.right - 28,
    height: 20,
  },
} as const;

/** The most space a justified line puts between two characters, in ems (see drawJustified). */
const MAX_SPREAD = 0.15;

/** A number, code, address or Latin word: kept tight when a line is justified. */
const LATIN_RUN = /[A-Za-z0-9][A-Za-z0-9.,:/@_%+\-#=&?~]*/g;

/**
 * One line of body text, justified to `width` (0: not justified, a paragraph's last line): the space
 * left is spread evenly between the characters, a run of Latin letters or digits counting as one.
 */
function drawJustified(painter: Painter, font: FontData, text: string, x: number, y: number, width: number): void {
  const natural = textWidth(font, text, BODY_SIZE);
  const pieces: { text: string; latin: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(LATIN_RUN)) {
    if (match.index > at) pieces.push({ text: text.slice(at, match.index), latin: false });
    pieces.push({ text: match[0], latin: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), latin: false });
  const gaps = pieces.reduce((n, piece) => n + (piece.latin ? 1 : piece.text.length), 0) - 1;
  let spacing = width > 0 && gaps > 0 ? Math.max(0, (width - natural) / gaps) : 0;
  // A line cut short by an unbreakable run after it (an e-mail address, a URL) would be spread letter
  // by letter; it is left unjustified instead. A full line of Chinese text never needs this much.
  if (spacing > MAX_SPREAD * BODY_SIZE) spacing = 0;
  if (spacing === 0 || (pieces.length === 1 && !pieces[0]!.latin)) {
    drawText(painter, font, BODY_SIZE, text, x, y, spacing);
    return;
  }
  for (const piece of pieces) {
    drawText(painter, font, BODY_SIZE, piece.text, x, y, piece.latin ? 0 : spacing);
    x += textWidth(font, piece.text, BODY_SIZE) + spacing * (piece.latin ? 1 : piece.text.length);
  }
}

/**
 * Body paragraphs: broken into lines here (CJK break units, 避头尾) and drawn on react-pdf canvases, one
 * line high each, so react-pdf only stacks boxes of known height and breaks pages between them: textkit's
 * shaping and line breaking of every paragraph again after each page break made most of a render. The
 * first two and the last two lines of a paragraph are one canvas each: no single line of a paragraph is
 * left alone at the foot or the head of a page (orphans and widows of 2, as react-pdf's Text did).
 * Lines are justified (the space left spread between the characters), the last line is not.
 */
function paragraphs(list: readonly ParagraphView[], fonts: LoadedFonts): ReactNode[] {
  const ascent = (fonts.serif.ascent / fonts.serif.unitsPerEm) * BODY_SIZE;
  return list.flatMap((p) => {
    const lines = p.text.split('\n').flatMap((part, index) =>
      breakLines(fonts.serif, BODY_SIZE, part, CONTENT_WIDTH, index === 0 ? INDENT : 0).map((text, i) => ({
        text,
        indent: index === 0 && i === 0 ? INDENT : 0,
        last: false,
      })),
    );
    if (lines.length === 0) return [];
    lines[lines.length - 1]!.last = true;
    const runs: (typeof lines)[] = [];
    if (lines.length <= 3) runs.push(lines);
    else {
      runs.push(lines.slice(0, 2));
      for (let i = 2; i < lines.length - 2; i++) runs.push([lines[i]!]);
      runs.push(lines.slice(-2));
    }
    return runs.map((run, index) => (
      <Canvas
        key={`${p.pointer}-${index}`}
        style={{ width: CONTENT_WIDTH, height: run.length * BODY_LEADING }}
        paint={(painter: Painter) => {
          painter.fillColor('#000');
          // One P element for the paragraph, whichever pages its lines are on.
          tagged({ type: 'P', key: `p:${p.pointer}` }, () =>
            run.forEach((line, i) => {
              // The baseline one ascent below the top of the line box, where react-pdf's textkit puts it.
              drawJustified(
                painter,
                fonts.serif,
                line.text,
                line.indent,
                i * BODY_LEADING + ascent,
                line.last ? 0 : CONTENT_WIDTH - line.indent,
              );
            }),
          );
          return null;
        }}
      />
    ));
  });
}

/** The not-reported legend under a table. */
export const NOT_REPORTED_NOTE = '注：“—”表示原报告未填报该项数据。';

/**
 * Lines of text (title, headings, notes, the 落款) on one canvas: kept together. The baseline of each
 * line is one ascent below the top of its line box, as react-pdf's textkit places it.
 */
function lines(
  key: string,
  font: FontData,
  size: number,
  leading: number,
  text: string,
  {
    width = CONTENT_WIDTH,
    indent = 0,
    center = false,
    style = {},
    minPresenceAhead,
    bookmark,
    balanced = false,
    tag = { type: 'P', key },
  }: {
    width?: number;
    indent?: number;
    center?: boolean;
    style?: object;
    minPresenceAhead?: number;
    /** An entry of the PDF's outline (bookmarks) pointing at these lines. */
    bookmark?: string;
    /** Break between words only, into lines of nearly equal length (the title). */
    balanced?: boolean;
    /** The structure element of the tagged PDF (a P by default). */
    tag?: Tag;
  },
): ReactNode {
  const broken = text
    .split('\n')
    .flatMap((part, index) =>
      balanced ? balancedLines(font, size, part, width) : breakLines(font, size, part, width, index === 0 ? indent : 0),
    );
  const ascent = (font.ascent / font.unitsPerEm) * size;
  return (
    <Canvas
      key={key}
      style={{ ...style, width, height: Math.max(1, broken.length) * leading }}
      {...(minPresenceAhead !== undefined ? { minPresenceAhead } : {})}
      {...(bookmark ? { bookmark: { title: bookmark, fit: true, expanded: false } } : {})}
      paint={(painter: Painter) => {
        painter.fillColor('#000');
        tagged(tag, () =>
          broken.forEach((line, i) => {
            const x = center ? (width - textWidth(font, line, size)) / 2 : i === 0 ? indent : 0;
            drawText(painter, font, size, line, x, i * leading + ascent);
          }),
        );
        return null;
      }}
    />
  );
}

/** The 落款: the agency and the date, each centred on the longer of the two, at the right. */
function signature(view: ReportView, fonts: LoadedFonts): ReactNode {
  const available = CONTENT_WIDTH - 4 * BODY_SIZE;
  const texts = [view.agencyName, view.publicationDateText].filter((t): t is string => Boolean(t));
  const broken = texts.flatMap((text) => breakLines(fonts.serif, BODY_SIZE, text, available));
  const width = Math.min(available, Math.max(...broken.map((line) => textWidth(fonts.serif, line, BODY_SIZE))));
  const ascent = (fonts.serif.ascent / fonts.serif.unitsPerEm) * BODY_SIZE;
  return (
    <Canvas
      key="signature"
      style={{ ...styles.signature, width, height: broken.length * BODY_LEADING }}
      paint={(painter: Painter) => {
        painter.fillColor('#000');
        tagged({ type: 'P', key: 'signature' }, () =>
          broken.forEach((line, i) =>
            drawText(
              painter,
              fonts.serif,
              BODY_SIZE,
              line,
              (width - textWidth(fonts.serif, line, BODY_SIZE)) / 2,
              i * BODY_LEADING + ascent,
            ),
          ),
        );
        return null;
      }}
    />
  );
}

export function ReportPages({
  view,
  fonts,
  tagged: tagging = false,
}: {
  view: ReportView;
  fonts: LoadedFonts;
  /** A tagged PDF (structure tree, marked content): see tagging.ts. */
  tagged?: boolean;
}): ReactNode {
  return (
    <Page size="A4" style={styles.page} wrap>
      {tagging ? (
        // Painted first (out of the flow, it takes no room): the document is tagged from here on.
        <Canvas
          key="tagging"
          style={{ position: 'absolute', top: 0, left: 0, width: 0.01, height: 0.01 }}
          paint={() => {
            startTagging();
            return null;
          }}
        />
      ) : null}
      {lines('title', fonts.serifBold, 22, 22 * 1.45, view.title, {
        center: true,
        style: styles.title,
        balanced: true,
        tag: { type: 'H1', key: 'title' },
      })}
      {paragraphs(view.preface, fonts)}
      {/* One flat list of blocks: react-pdf keeps a heading with what follows (minPresenceAhead)
          only among siblings, so sections and topics are not wrapped in their own boxes. */}
      {view.sections.flatMap((section) => [
        lines(section.key, fonts.sans, BODY_SIZE, BODY_LEADING, section.heading, {
          indent: INDENT,
          bookmark: section.heading,
          tag: { type: 'H2', key: `h:${section.key}` },
          // Keep a heading with three lines of text, or with the start of a table.
          minPresenceAhead: section.blocks[0]?.kind === 'table' ? 150 : 3 * BODY_LEADING,
        }),
        ...section.blocks.flatMap((block, index) => {
          const key = `${section.key}-${index}`;
          if (block.kind === 'table')
            return [
              <TableBox key={key} table={block.table} fonts={fonts} bookmark={block.table.layout.caption} />,
              block.table.hasNotReported
                ? lines(`${key}-note`, fonts.serif, 10.5, 10.5 * 1.5, NOT_REPORTED_NOTE, {})
                : null,
            ];
          if (block.kind === 'topic')
            return [
              lines(key, fonts.kai ?? fonts.serifBold, BODY_SIZE, BODY_LEADING, block.numberedHeading, {
                indent: INDENT,
                minPresenceAhead: 2 * BODY_LEADING,
                tag: { type: 'H3', key: `h:${key}` },
              }),
              ...paragraphs(block.paragraphs, fonts),
            ];
          return paragraphs(block.paragraphs, fonts);
        }),
      ])}
      {signature(view, fonts)}
      <PageNumbers fonts={fonts} />
    </Page>
  );
}

/**
 * The page numbers: a `fixed` canvas, which react-pdf repeats on every page and paints page by page in
 * order, so the n-th paint is page n. (A `render`-prop node would have react-pdf lay out every page
 * again to resolve it: about half of a render.)
 */
function PageNumbers({ fonts }: { fonts: LoadedFonts }): ReactNode {
  let page = 0;
  return (
    <Canvas
      fixed
      style={styles.pageNumber}
      paint={(painter, width) => {
        page += 1;
        const label = `— ${page} —`;
        const x = page % 2 === 1 ? width - textWidth(fonts.serif, label, PAGE_NUMBER_SIZE) : 0;
        artifact(
          () =>
            painter
              .fillColor('#000')
              .font(fonts.serif as never, PAGE_NUMBER_SIZE)
              .text(label, x, 0, { lineBreak: false }),
          'Pagination',
        );
        return null;
      }}
    />
  );
}

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creationDate: Date;
  modificationDate: Date | undefined;
  pdfa: boolean;
  tagged: boolean;
}

export function ReportDocument({
  view,
  info,
  fonts,
}: {
  view: ReportView;
  info: DocumentInfo;
  fonts: LoadedFonts;
}): ReactNode {
  return (
    <Document
      title={info.title}
      author={info.author}
      subject={info.subject}
      keywords={info.keywords}
      creator="nianbao"
      producer="nianbao (@nianbao/render-pdf, react-pdf)"
      creationDate={info.creationDate}
      {...(info.modificationDate ? { modificationDate: info.modificationDate } : {})}
      language="zh-CN"
      {...(info.pdfa ? { conformance: 'PDF/A-2b' as const } : {})}
    >
      <ReportPages view={view} fonts={fonts} tagged={info.tagged} />
    </Document>
  );
}
