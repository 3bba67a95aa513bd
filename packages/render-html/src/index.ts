import Handlebars from 'handlebars';
import type { JsonSchema, Report } from '@nianbao/template';
import {
  buildViewModel,
  NOT_REPORTED_LABEL,
  NOT_REPORTED_MARK,
  type ReportView,
  type TableView,
} from '@nianbao/view-model';
import { inlineStyles } from './inline.js';
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
  /** The edition's schema patched by local extensions (@nianbao/extension): added rows are shown. */
  schema?: JsonSchema;
  /**
   * Fragment only: the class-free variant for a CMS that strips `<style>` (or `class`): every
   * element's look in its `style` attribute, no `<style>`. Default false.
   */
  inlineStyles?: boolean;
  /**
   * Page only: links to the report's other files, which the preface promises for download
   * (relative or http(s) URLs), e.g. `{ pdf: 'report.pdf', csv: 'report.csv', json: 'report.json' }`.
   * `nianbao build` passes the files it writes beside the page. Default: no links.
   */
  downloads?: Downloads;
}

export interface Downloads {
  pdf?: string;
  csv?: string;
  json?: string;
}

const DOWNLOAD_LABELS: readonly [keyof Downloads, string, string][] = [
  ['pdf', 'PDF 版', 'application/pdf'],
  ['csv', '表格数据（CSV）', 'text/csv'],
  ['json', '报告数据（JSON）', 'application/json'],
];

/** Only relative and http(s) URLs: a `javascript:` or `data:` link is refused, not written. */
function safeHref(href: string): string {
  if (/^\s*[a-z][a-z0-9+.-]*:/i.test(href) && !/^https?:\/\//i.test(href.trim())) {
    throw new RangeError(`downloads: only relative or http(s) URLs: ${JSON.stringify(href)}`);
  }
  return escape(href.trim());
}

function downloadsHtml(downloads: Downloads | undefined): string {
  const links = DOWNLOAD_LABELS.filter(([key]) => downloads?.[key]).map(
    ([key, label, type]) => `<a href="${safeHref(downloads![key]!)}" type="${type}" download>${label}</a>`,
  );
  return links.length ? `<nav class="nb-downloads" aria-label="下载">下载：${links.join('')}</nav>\n` : '';
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

// Paragraph text escaped once (rendering the same document again, in watch mode or a server, skips
// the pass over long text).
const escapedCache = new Map<string, string>();
const ESCAPED_CACHE_LIMIT = 4096;
function escaped(text: string): string {
  let hit = escapedCache.get(text);
  if (hit === undefined) {
    if (escapedCache.size >= ESCAPED_CACHE_LIMIT) escapedCache.clear();
    hit = escape(text);
    escapedCache.set(text, hit);
  }
  return hit;
}
/** A run of paragraphs as `<p>…</p>` lines of escaped text. */
const paragraphsHtml = (paragraphs: readonly { text: string }[]) => {
  let html = '';
  for (const paragraph of paragraphs) html += `<p>${escaped(paragraph.text)}</p>\n`;
  return html;
};

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

/**
 * Classes of table 三's header cells: `nb-c0`…`nb-c2` for the row-label columns (sticky on a phone,
 * so the labels stay while the numbers scroll), `nb-word` for column headers that must not break
 * inside a word (商业企业, 总计).
 */
function headerClass(table: string, cell: { role: string; column: number }): string {
  if (table !== 'applications') return '';
  if (cell.role === 'column' || cell.role === 'columnGroup') return 'nb-word';
  return `nb-c${Math.min(cell.column, 2)}`;
}

const markupCache = new Map<string, TableMarkup>();
const MARKUP_CACHE_LIMIT = 256;
const MARKER = /\u0000(\d+)\u0001/;

// Layouts are shared per edition (or per extended schema): the markup cache tells them apart by identity.
const layoutIds = new WeakMap<object, number>();
let layoutCount = 0;
function layoutId(layout: object): number {
  let id = layoutIds.get(layout);
  if (id === undefined) {
    id = layoutCount++;
    layoutIds.set(layout, id);
  }
  return id;
}

function tableMarkup(table: TableView, prefix: string, edition: string): TableMarkup {
  const cacheKey = `${edition}\u0000${layoutId(table.layout)}\u0000${prefix}\u0000${table.key}`;
  const cached = markupCache.get(cacheKey);
  if (cached) return cached;
  const ids = (list: readonly string[]) => list.map((id) => prefix + id).join(' ');
  const cell = (c: TableView['layout']['head'][number]['cells'][number]) =>
    c.kind === 'header'
      ? {
          th: true,
          id: prefix + c.id,
          cls: headerClass(table.key, c),
          text: c.text,
          colSpan: c.colSpan > 1 ? c.colSpan : 0,
          rowSpan: c.rowSpan > 1 ? c.rowSpan : 0,
          scope: c.scope,
          headers: ids(c.headers),
        }
      : {
          th: false,
          colSpan: c.colSpan > 1 ? c.colSpan : 0,
          headers: ids(c.headers),
          marker: `\u0000${c.index}\u0001`,
        };
  const layout = table.layout;
  const html = renderTable({
    key: layout.key,
    captionId: `${prefix}${layout.key}-caption`,
    caption: layout.caption,
    head: layout.head.map((row) => ({ cells: row.cells.map(cell) })),
    groups: layout.groups.map((group) => ({
      rows: group.rows.map((row) => ({ kind: row.kind, cells: row.cells.map(cell) })),
    })),
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
  const json = JSON.stringify(metadata).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<script type="application/json" data-nianbao="metadata">${json}</script>`;
}

/**
 * The values of one render, and the shape of the output they fill: a template is rendered through
 * Handlebars once per shape, with a marker in each value's place, and split around the markers (as the
 * tables are); a render then only joins its values into the pieces. The shape records what the
 * template's `{{#each}}` and `{{#if}}` depend on, so each shape renders exactly as the template would
 * with the real values.
 */
class Fill {
  readonly values: string[] = [];
  shape = '';

  /** A `{{value}}`: the text escaped as Handlebars escapes it. */
  text(value: string | number): string {
    return this.markup(escape(String(value)));
  }

  /** A `{{{value}}}` or a SafeString: this package's own markup, or text already escaped. */
  markup(html: string): string {
    this.values.push(html);
    return `\u0000${this.values.length - 1}\u0001`;
  }

  /** A value a template tests with `{{#if}}`: its truthiness (as Handlebars sees it) is part of the shape. */
  when<T>(value: unknown, slot: () => T): T | false {
    const on = Array.isArray(value) ? value.length > 0 : Boolean(value);
    this.shape += on ? '1' : '0';
    return on ? slot() : false;
  }

  /** Joins the values into the template's pieces for this shape (rendered on first use). */
  render(cacheName: string, template: (context: object) => string, context: object): string {
    const key = `${cacheName}\u0000${this.shape}`;
    let skeleton = skeletons.get(key);
    if (!skeleton) {
      const pieces = template(context).split(MARKER);
      skeleton = { parts: [], order: [] };
      for (let i = 0; i < pieces.length; i++) {
        if (i % 2 === 0) skeleton.parts.push(pieces[i]!);
        else skeleton.order.push(Number(pieces[i]));
      }
      if (skeletons.size >= SKELETON_CACHE_LIMIT) skeletons.clear();
      skeletons.set(key, skeleton);
    }
    const { parts, order } = skeleton;
    let html = parts[0]!;
    for (let i = 0; i < order.length; i++) html += this.values[order[i]!]! + parts[i + 1]!;
    return html;
  }
}

const skeletons = new Map<string, TableMarkup>();
const SKELETON_CACHE_LIMIT = 256;

function reportMarkup(view: ReportView, options: HtmlOptions): string {
  const prefix = options.idPrefix ?? 'nb-';
  if (!ID_PREFIX.test(prefix)) throw new RangeError(`idPrefix must match ${ID_PREFIX}: ${JSON.stringify(prefix)}`);
  const level = options.headingLevel ?? 1;
  const fill = new Fill();
  const sections = view.sections.map((section) => {
    fill.shape += 's';
    return {
      key: fill.text(section.key),
      id: fill.text(`${prefix}s-${section.key}`),
      heading: fill.text(section.heading),
      blocks: section.blocks.map((block) => {
        fill.shape += 'b';
        if (block.kind === 'table') {
          const table = fill.when(true, () => fill.markup(tableHtml(block.table, prefix, view.edition)));
          return {
            table,
            note: fill.when(block.table.hasNotReported, () => fill.text(NOT_REPORTED_NOTE)),
            topic: false,
            paragraphs: false,
          };
        }
        fill.when(false, () => '');
        const topic = fill.when(block.kind === 'topic' ? block.numberedHeading : false, () =>
          fill.text((block as { numberedHeading: string }).numberedHeading),
        );
        return { table: false, note: false, topic, paragraphs: fill.markup(paragraphsHtml(block.paragraphs)) };
      }),
    };
  });
  const context = {
    rootId: false,
    levels: { title: fill.text(level), section: fill.text(level + 1), topic: fill.text(level + 2) },
    title: fill.text(view.title),
    preface: fill.markup(paragraphsHtml(view.preface)),
    sections,
    agencyName: fill.text(view.agencyName),
    publicationDate: fill.when(view.publicationDate, () => fill.text(view.publicationDate!)),
    publicationDateText: fill.when(view.publicationDateText, () => fill.text(view.publicationDateText!)),
    metadataScript: fill.markup(metadataScript(view.metadata)),
  };
  return fill.render('report', renderReport, context);
}

function pageHtml(title: string, report: string, downloads: Downloads | undefined): string {
  const fill = new Fill();
  return fill.render('page', renderPage, {
    title: fill.text(title),
    downloads: fill.markup(downloadsHtml(downloads)),
    css: reportStylesheet,
    report: fill.markup(report),
  });
}

function fragmentHtml(includeStyle: boolean, report: string): string {
  const fill = new Fill();
  return fill.render('fragment', renderFragment, {
    css: fill.when(includeStyle, () => reportStylesheet),
    report: fill.markup(report),
  });
}

/** A complete standalone HTML page (`<!DOCTYPE html>`, `lang="zh-CN"`, A4 print stylesheet) of a validated report. */
export function renderHtmlPage(report: Report, options: HtmlOptions = {}): string {
  const view = buildViewModel(report, { schema: options.schema });
  return pageHtml(view.title, reportMarkup(view, options), options.downloads);
}

/**
 * The embeddable fragment a clerk pastes into the website CMS: no `<html>`/`<head>`, one
 * `<article class="nianbao-report" lang="zh-CN">`, styles scoped under `.nianbao-report`.
 */
export function renderHtmlFragment(report: Report, options: HtmlOptions = {}): string {
  const view = buildViewModel(report, { schema: options.schema });
  if (options.inlineStyles) return fragmentHtml(false, inlineStyles(reportMarkup(view, options)));
  return fragmentHtml(options.includeStyle !== false, reportMarkup(view, options));
}

/** Renders from an already built view model (when a caller renders several outputs from one view). */
export function renderHtmlPageFromView(view: ReportView, options: HtmlOptions = {}): string {
  return pageHtml(view.title, reportMarkup(view, options), options.downloads);
}
