import Handlebars from 'handlebars';
import type { Report } from '@nianbao/template';
import {
  buildViewModel,
  NOT_REPORTED_LABEL,
  NOT_REPORTED_MARK,
  type ReportView,
  type TableView,
} from '@nianbao/view-model';
import { REPORT_CLASS, reportStylesheet } from './style.js';
import { cellPartial, fragmentTemplate, pageTemplate, reportTemplate, tableTemplate } from './templates.js';

export { REPORT_CLASS, reportStylesheet };

export interface HtmlOptions {
  /**
   * Prefix of every `id` the output contains (header cells, captions, headings), so that two reports
   * on one page do not clash. ASCII letter first, then letters, digits, `-` or `_`. Default `nb-`.
   */
  idPrefix?: string;
  /** Level of the report title's heading (sections one below, topics two below). Default 1. */
  headingLevel?: 1 | 2 | 3 | 4;
  /** Fragment only: put the scoped `<style>` in front of the report. Default true. */
  includeStyle?: boolean;
}

// An isolated instance: helpers or partials registered elsewhere on the global Handlebars never apply.
const handlebars = Handlebars.create();
const compileOptions = { strict: true, knownHelpersOnly: true, preventIndent: true } as const;
handlebars.registerPartial('cell', handlebars.compile(cellPartial, compileOptions));
const renderTable = handlebars.compile(tableTemplate, compileOptions);
const renderReport = handlebars.compile(reportTemplate, compileOptions);
const renderPage = handlebars.compile(pageTemplate, compileOptions);
const renderFragment = handlebars.compile(fragmentTemplate, compileOptions);
const escape = handlebars.escapeExpression;

// Paragraph text escaped once and handed to the template as a SafeString (so it is not escaped
// twice): rendering the same document again (watch mode, a server) skips the pass over long text.
const escapedCache = new Map<string, Handlebars.SafeString>();
const ESCAPED_CACHE_LIMIT = 4096;
function escaped(text: string): Handlebars.SafeString {
  let hit = escapedCache.get(text);
  if (hit === undefined) {
    if (escapedCache.size >= ESCAPED_CACHE_LIMIT) escapedCache.clear();
    hit = new handlebars.SafeString(escape(text));
    escapedCache.set(text, hit);
  }
  return hit;
}
const escapedParagraphs = (paragraphs: readonly { text: string }[]) => paragraphs.map((p) => ({ text: escaped(p.text) }));

const NOT_REPORTED_HTML = `<span aria-hidden="true">${NOT_REPORTED_MARK}</span><span class="nb-sr">${NOT_REPORTED_LABEL}</span>`;
/** Shown under a table that has not-reported cells. */
export const NOT_REPORTED_NOTE = `注：“${NOT_REPORTED_MARK}”表示原报告未填报该项数据。`;

/**
 * A table's markup split around its values: `parts[0] + value(cells[0]) + parts[1] + …`. The markup
 * depends only on the edition and the id prefix, so it is rendered once through the table template
 * with a marker in each value's place.
 */
interface TableMarkup {
  parts: string[];
  /** The index in `TableView.cells` of the value after `parts[i]`. */
  order: number[];
}

const markupCache = new Map<string, TableMarkup>();
const MARKUP_CACHE_LIMIT = 256;
const MARKER = /\u0000(\d+)\u0001/;

function tableMarkup(table: TableView, prefix: string, edition: string): TableMarkup {
  const cacheKey = `${edition}\u0000${prefix}\u0000${table.key}`;
  const cached = markupCache.get(cacheKey);
  if (cached) return cached;
  const ids = (list: readonly string[]) => list.map((id) => prefix + id).join(' ');
  const cell = (c: TableView['layout']['head'][number]['cells'][number]) =>
    c.kind === 'header'
      ? {
          th: true,
          id: prefix + c.id,
          text: c.text,
          colSpan: c.colSpan > 1 ? c.colSpan : 0,
          rowSpan: c.rowSpan > 1 ? c.rowSpan : 0,
          scope: c.scope,
          headers: ids(c.headers),
        }
      : { th: false, colSpan: c.colSpan > 1 ? c.colSpan : 0, headers: ids(c.headers), marker: `\u0000${c.index}\u0001` };
  const layout = table.layout;
  const html = renderTable({
    key: layout.key,
    captionId: `${prefix}${layout.key}-caption`,
    caption: layout.caption,
    head: layout.head.map((row) => ({ cells: row.cells.map(cell) })),
    groups: layout.groups.map((group) => ({ rows: group.rows.map((row) => ({ kind: row.kind, cells: row.cells.map(cell) })) })),
  });
  const pieces = html.split(MARKER);
  const markup: TableMarkup = { parts: [], order: [] };
  pieces.forEach((piece, i) => (i % 2 === 0 ? markup.parts.push(piece) : markup.order.push(Number(piece))));
  if (markupCache.size >= MARKUP_CACHE_LIMIT) markupCache.clear();
  markupCache.set(cacheKey, markup);
  return markup;
}

function tableHtml(table: TableView, prefix: string, edition: string): string {
  const { parts, order } = tableMarkup(table, prefix, edition);
  const cells = table.cells;
  let html = parts[0]!;
  for (let i = 0; i < order.length; i++) {
    const cell = cells[order[i]!]!;
    html += (cell.notReported ? NOT_REPORTED_HTML : escape(cell.display)) + parts[i + 1]!;
  }
  return html;
}

const ID_PREFIX = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * The report's metadata as JSON inside the page, for machines: codes, contact details and dates that
 * the page does not print, so that `nianbao import` reads a nianbao page back to the same source.
 * `<`, `>`, `&` and the JS line separators are escaped, so no text can close the script element.
 */
function metadataScript(metadata: Report['metadata']): string {
  const json = JSON.stringify(metadata).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" data-nianbao="metadata">${json}</script>`;
}

function reportMarkup(view: ReportView, options: HtmlOptions): string {
  const prefix = options.idPrefix ?? 'nb-';
  if (!ID_PREFIX.test(prefix)) throw new RangeError(`idPrefix must match ${ID_PREFIX}: ${JSON.stringify(prefix)}`);
  const level = options.headingLevel ?? 1;
  const sections = view.sections.map((section) => ({
    key: section.key,
    id: `${prefix}s-${section.key}`,
    heading: section.heading,
    blocks: section.blocks.map((block) => {
      if (block.kind === 'table') {
        const note = block.table.hasNotReported ? NOT_REPORTED_NOTE : false;
        return { table: tableHtml(block.table, prefix, view.edition), note, topic: false, paragraphs: [] };
      }
      if (block.kind === 'topic') return { table: false, note: false, topic: block.numberedHeading, paragraphs: escapedParagraphs(block.paragraphs) };
      return { table: false, note: false, topic: false, paragraphs: escapedParagraphs(block.paragraphs) };
    }),
  }));
  return renderReport({
    rootId: false,
    levels: { title: level, section: level + 1, topic: level + 2 },
    title: view.title,
    preface: escapedParagraphs(view.preface),
    sections,
    agencyName: view.agencyName,
    publicationDate: view.publicationDate ?? false,
    publicationDateText: view.publicationDateText ?? false,
    metadataScript: metadataScript(view.metadata),
  });
}

/** A complete standalone HTML page (`<!DOCTYPE html>`, `lang="zh-CN"`, A4 print stylesheet) of a validated report. */
export function renderHtmlPage(report: Report, options: HtmlOptions = {}): string {
  const view = buildViewModel(report);
  return renderPage({ title: view.title, css: reportStylesheet, report: reportMarkup(view, options) });
}

/**
 * The embeddable fragment a clerk pastes into the website CMS: no `<html>`/`<head>`, one
 * `<article class="nianbao-report" lang="zh-CN">`, styles scoped under `.nianbao-report`.
 */
export function renderHtmlFragment(report: Report, options: HtmlOptions = {}): string {
  const view = buildViewModel(report);
  return renderFragment({ css: options.includeStyle === false ? false : reportStylesheet, report: reportMarkup(view, options) });
}

/** Renders from an already built view model (when a caller renders several outputs from one view). */
export function renderHtmlPageFromView(view: ReportView, options: HtmlOptions = {}): string {
  return renderPage({ title: view.title, css: reportStylesheet, report: reportMarkup(view, options) });
}
