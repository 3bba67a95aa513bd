/**
 * Random valid reports (fast-check, from @nianbao/fixtures) validate with no error and render to every
 * output; random mutations of them never crash the validator, whose structural verdict always agrees
 * with Ajv, the reference JSON Schema validator.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EDITIONS, type Report } from '@nianbao/template';
import { mutationArbitrary, reportArbitrary } from '@nianbao/fixtures';
import { validateReport } from '@nianbao/validator';
import { renderHtmlFragment, renderHtmlPage } from '@nianbao/render-html';
import { CSV_COLUMNS, toOpenData } from '@nianbao/open-data';
import { renderPdf } from '@nianbao/render-pdf';
import { displayText } from '@nianbao/view-model';
import {
  expectWellFormed,
  getAt,
  isPlainObject,
  params,
  parseCsv,
  PDF_RUNS,
  referenceAjv,
  RUNS,
  timeout,
} from './support.js';

const ajv = referenceAjv();

/** Official cells per edition (tables 二 + 三 + 四), as the open-data README states them. */
const CELLS = { '2019': 22 + 161 + 15, '2021': 10 + 175 + 15 } as const;

const VALUE = CSV_COLUMNS.indexOf('value');

/** Handlebars' escaping of {{…}}. */
const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"'`=]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' })[c]!,
  );

/** Every narrative paragraph of the report, as displayed. */
function paragraphsOf(report: Report): string[] {
  const found: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (Array.isArray(value) && key === 'paragraphs')
      found.push(...value.filter((item): item is string => typeof item === 'string'));
    else if (Array.isArray(value)) value.forEach((item) => walk(item, ''));
    else if (isPlainObject(value)) for (const [child, item] of Object.entries(value)) walk(item, child);
  };
  walk(report.preface, '');
  walk(report.sections, '');
  return found.map(displayText);
}

describe.each(EDITIONS)('edition %s: random valid reports', (edition) => {
  it(
    `validate with no error and render to the HTML page, the fragment and open data, losing nothing (${RUNS} cases)`,
    () => {
      fc.assert(
        fc.property(reportArbitrary(edition), (report) => {
          expect(ajv(report)).toBe(true);
          const result = validateReport(report);
          expectWellFormed(result.findings);
          expect(result.edition).toBe(edition);
          expect(result.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
          expect(result.valid).toBe(true);

          const page = renderHtmlPage(report);
          const fragment = renderHtmlFragment(report);
          expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
          expect(page.match(/<h1[ >]/g)).toHaveLength(1);
          // The one script is the inert metadata JSON (for `nianbao import`), and it reads back as the metadata.
          const scripts = [...page.matchAll(/<script\b[^>]*>([^<]*)<\/script>/gi)];
          expect(scripts.map((m) => m[0].slice(0, m[0].indexOf('>') + 1))).toEqual([
            '<script type="application/json" data-nianbao="metadata">',
          ]);
          expect(page.match(/<script/gi)).toHaveLength(1);
          expect(JSON.parse(scripts[0]![1]!)).toEqual(report.metadata);
          expect(fragment).toContain('<article class="nianbao-report" lang="zh-CN">');
          // Every paragraph is in the page as an escaped <p>, in order.
          let from = 0;
          for (const paragraph of paragraphsOf(report)) {
            const at = page.indexOf(`<p>${escapeHtml(paragraph)}</p>`, from);
            expect(at, paragraph).toBeGreaterThan(0);
            from = at;
          }

          const data = toOpenData(report);
          // The canonical JSON is the document itself (plus $schema) and still valid.
          // (A `$schema` the source had is replaced by the schema's $id: it is only a hint for editors.)
          const canonical = JSON.parse(data.json) as Record<string, unknown>;
          expect(ajv(canonical)).toBe(true);
          const { $schema, ...rest } = canonical;
          expect($schema).toBe(`urn:nianbao:schema:report-${edition}:v1`);
          const { $schema: _own, ...source } = report as Report & { $schema?: string };
          expect(rest).toEqual(source);
          // The CSV has every official cell once, with the document's value, and no formula anywhere.
          const rows = parseCsv(data.csv.replace(/^\uFEFF/, ''));
          expect(rows[0]).toEqual([...CSV_COLUMNS]);
          expect(rows).toHaveLength(1 + CELLS[edition]);
          const problems: string[] = [];
          for (const row of rows.slice(1)) {
            const field = (name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)] ?? '';
            // Each row names its cell by JSON Pointer; its column id may be the id shared across editions.
            const pointer = field('pointer');
            const [value, unit] = [field('value'), field('unit')];
            if (field('report_id') !== data.reportId) problems.push(`${pointer}: report id ${field('report_id')}`);
            if (field('report_year') !== String(report.metadata.reportYear))
              problems.push(`${pointer}: year ${field('report_year')}`);
            const cell = getAt(report, pointer);
            const expected = isPlainObject(cell) ? cell.value : cell;
            if (row.length !== CSV_COLUMNS.length) problems.push(`${pointer}: ${row.length} fields`);
            if (value !== (expected === null ? '' : String(expected)))
              problems.push(`${pointer}: ${value} for ${String(expected)}`);
            if (isPlainObject(cell) && unit !== cell.unit) problems.push(`${pointer}: unit ${unit}`);
            if (row.some((field, index) => index !== VALUE && /^[=+\-@\t\r]/.test(field)))
              problems.push(`${pointer}: formula ${row.join(',')}`);
          }
          expect(problems).toEqual([]);
          expect(JSON.parse(data.datapackage).id).toBe(data.reportId);
        }),
        params(RUNS, 1),
      );
    },
    timeout(RUNS, 60),
  );

  it(
    `render to PDF (${PDF_RUNS} cases: about half a second each)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(reportArbitrary(edition), async (report) => {
          const pdf = Buffer.from(await renderPdf(report));
          expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          expect(pdf.subarray(-8).toString('latin1')).toMatch(/%%EOF\s*$/);
        }),
        params(PDF_RUNS, 3),
      );
    },
    timeout(PDF_RUNS, 1500),
  );
});

describe.each(EDITIONS)('edition %s: random mutations', (edition) => {
  it(
    `never crash the validator, and its structural verdict agrees with Ajv (${RUNS} cases)`,
    () => {
      let invalid = 0;
      fc.assert(
        fc.property(mutationArbitrary(edition), ({ document }) => {
          const reference = ajv(document);
          const result = validateReport(document);
          expectWellFormed(result.findings);
          const structural = result.findings.filter((finding) => finding.ruleId === 'schema');
          expect(structural.length === 0).toBe(reference);
          if (!reference) {
            invalid++;
            expect(result.valid).toBe(false);
          }
          // Without a known edition there is exactly one finding, and no rule ran.
          if (result.edition === undefined) expect(result.findings).toHaveLength(1);
        }),
        params(RUNS, 4),
      );
      // Mutations are mostly invalid: the agreement is not the trivial one.
      expect(invalid).toBeGreaterThan(RUNS / 2);
    },
    timeout(RUNS, 30),
  );
});

describe('anything at all', () => {
  it(
    `validateReport returns findings for any JSON-like value and never throws (${RUNS} cases)`,
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())), (value) => {
          const result = validateReport(value);
          expectWellFormed(result.findings);
          expect(result.valid).toBe(false);
          expect(result.findings.length).toBeGreaterThan(0);
        }),
        params(RUNS, 5),
      );
    },
    timeout(RUNS, 2),
  );
});
