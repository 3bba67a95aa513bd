/**
 * The report as a react-pdf document in the look of an official document (GB/T 9704 公文): A4, margins
 * top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in a bold serif at 2号 (22 pt); body at 3号
 * (16 pt) in a serif with 28.9 pt lines (22 lines to the type area); section headings in a sans (黑体
 * role), topic headings in bold serif; page numbers — N — 7 mm below the type area, outside edge.
 *
 * `lineHeight` is set on Text nodes only: on an ancestor of a `render`-prop node it makes page numbers vanish.
 */
import type { ReactNode } from 'react';
import { Canvas, Document, Page, Text, View } from '@react-pdf/renderer';
import type { ParagraphView, ReportView } from '@nianbao/view-model';
import { cjkHyphenation } from './cjk.js';
import { textChunks } from './long-text.js';
import { SANS, SERIF, type LoadedFonts } from './fonts.js';
import { textWidth } from './metrics.js';
import { TableBox } from './table.js';

const mm = (value: number) => (value * 72) / 25.4;

export const MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const PAGE_WIDTH = mm(210);
const PAGE_NUMBER_SIZE = 14; // 4号
const BODY_SIZE = 16; // 3号
const BODY_LINE = 28.9 / BODY_SIZE; // 22 lines of 28.9 pt fill the 225 mm type area
const INDENT = 2 * BODY_SIZE; // 首行缩进两字

const styles = {
  page: { paddingTop: MARGINS.top, paddingBottom: MARGINS.bottom, paddingLeft: MARGINS.left, paddingRight: MARGINS.right },
  title: { fontFamily: SERIF, fontWeight: 700, fontSize: 22, lineHeight: 1.45, textAlign: 'center' as const, marginBottom: 18 },
  paragraph: { fontFamily: SERIF, fontSize: BODY_SIZE, lineHeight: BODY_LINE, textIndent: INDENT, textAlign: 'justify' as const },
  sectionHeading: { fontFamily: SANS, fontSize: BODY_SIZE, lineHeight: BODY_LINE, textIndent: INDENT },
  topicHeading: { fontFamily: SERIF, fontWeight: 700, fontSize: BODY_SIZE, lineHeight: BODY_LINE, textIndent: INDENT },
  note: { fontFamily: SERIF, fontSize: 10.5, lineHeight: 1.5 },
  signature: { marginTop: 2 * BODY_SIZE * BODY_LINE, alignSelf: 'flex-end' as const, marginRight: 4 * BODY_SIZE, alignItems: 'center' as const },
  signatureLine: { fontFamily: SERIF, fontSize: BODY_SIZE, lineHeight: BODY_LINE },
  // 7 mm below the type area; GB/T 9704: odd pages right, even pages left, one character from the edge.
  pageNumber: { position: 'absolute' as const, top: mm(297 - 35 + 7), left: MARGINS.left + 14, width: PAGE_WIDTH - MARGINS.left - MARGINS.right - 28, height: 20 },
} as const;

function paragraphs(list: readonly ParagraphView[]): ReactNode[] {
  return list.map((p) => (
    <Text key={p.pointer} hyphenationCallback={cjkHyphenation} style={styles.paragraph}>
      {textChunks(p.text)}
    </Text>
  ));
}

/** The not-reported legend under a table. */
export const NOT_REPORTED_NOTE = '注：“—”表示原报告未填报该项数据。';

export function ReportPages({ view, fonts }: { view: ReportView; fonts: LoadedFonts }): ReactNode {
  return (
    <Page size="A4" style={styles.page} wrap>
      <Text hyphenationCallback={cjkHyphenation} style={styles.title}>
        {view.title}
      </Text>
      {paragraphs(view.preface)}
      {/* One flat list of blocks: react-pdf keeps a heading with what follows (minPresenceAhead)
          only among siblings, so sections and topics are not wrapped in their own boxes. */}
      {view.sections.flatMap((section) => [
        <Text
          key={section.key}
          hyphenationCallback={cjkHyphenation}
          style={styles.sectionHeading}
          // Keep a heading with three lines of text, or with the start of a table.
          minPresenceAhead={section.blocks[0]?.kind === 'table' ? 150 : 3 * BODY_SIZE * BODY_LINE}
        >
          {section.heading}
        </Text>,
        ...section.blocks.flatMap((block, index) => {
          const key = `${section.key}-${index}`;
          if (block.kind === 'table')
            return [
              <TableBox key={key} table={block.table} fonts={fonts} />,
              block.table.hasNotReported ? (
                <Text key={`${key}-note`} style={styles.note}>
                  {NOT_REPORTED_NOTE}
                </Text>
              ) : null,
            ];
          if (block.kind === 'topic')
            return [
              <Text key={key} hyphenationCallback={cjkHyphenation} style={styles.topicHeading} minPresenceAhead={2 * BODY_SIZE * BODY_LINE}>
                {block.numberedHeading}
              </Text>,
              ...paragraphs(block.paragraphs),
            ];
          return paragraphs(block.paragraphs);
        }),
      ])}
      <View style={styles.signature} wrap={false}>
        <Text hyphenationCallback={cjkHyphenation} style={styles.signatureLine}>
          {view.agencyName}
        </Text>
        {view.publicationDateText ? <Text style={styles.signatureLine}>{view.publicationDateText}</Text> : null}
      </View>
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
        painter.fillColor('#000').font(fonts.serif as never, PAGE_NUMBER_SIZE).text(label, x, 0, { lineBreak: false });
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
}

export function ReportDocument({ view, info, fonts }: { view: ReportView; info: DocumentInfo; fonts: LoadedFonts }): ReactNode {
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
      <ReportPages view={view} fonts={fonts} />
    </Document>
  );
}
