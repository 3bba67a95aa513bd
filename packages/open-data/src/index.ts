/**
 * Open-data outputs of a validated report: the canonical report JSON, a tidy CSV with one line per
 * official table cell, and a Frictionless Data Package (v1) descriptor for both.
 */
import { type JsonSchema, propertiesOf, type Report, resolveRef, schemaFor } from '@nianbao/template';
import { buildViewModel } from '@nianbao/view-model';
import { csvFrom } from './csv.js';
import { type DataPackageOptions, datapackageFrom } from './datapackage.js';
import { reportId } from './ids.js';

export { CSV_COLUMNS, LABEL_SEPARATOR } from './csv.js';
export { packageName, reportId, SHARED_COLUMNS, type SharedColumn, sharedColumnId } from './ids.js';

export interface OpenDataOptions extends DataPackageOptions {
  /** File name stem of the JSON and CSV resources in the data package (default `report` → `report.json`, `report.csv`). */
  baseName?: string;
  /**
   * The edition's schema patched by local extensions (@nianbao/extension): the cells they add are
   * CSV rows like the official ones, and the data package declares them (`nianbao:extensionCells`).
   */
  schema?: JsonSchema;
}

const schemaOption = (report: Report, options: OpenDataOptions) =>
  options.schema !== undefined && options.schema['x-edition'] === report.edition ? options.schema : undefined;

export interface OpenData {
  /** `reportId(report)`. */
  reportId: string;
  /** Canonical report JSON (UTF-8 text, 2-space indent, final newline). */
  json: string;
  /** Tidy CSV of every table cell (UTF-8 without BOM, CRLF, RFC 4180). */
  csv: string;
  /** Frictionless `datapackage.json` describing the two. */
  datapackage: string;
  /** The file names the data package refers to. */
  files: { json: string; csv: string };
}

function ordered(root: JsonSchema, site: JsonSchema | undefined, value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = site ? (resolveRef(root, site).items as JsonSchema | undefined) : undefined;
    return value.map((item) => ordered(root, items, item));
  }
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const known = site ? propertiesOf(root, site) : [];
  for (const property of known) {
    if (Object.hasOwn(source, property.key)) out[property.key] = ordered(root, property.site, source[property.key]);
  }
  // A validated report has no other keys; were there any, they are kept (sorted) rather than lost.
  const rest = Object.keys(source)
    .filter((key) => !known.some((property) => property.key === key))
    .sort();
  for (const key of rest) out[key] = ordered(root, undefined, source[key]);
  return out;
}

/** The report with `$schema` set to its edition's schema `$id` and every object's keys in official (schema) order. */
export function canonicalReport(report: Report, schema?: JsonSchema): Report {
  const root = schema !== undefined && schema['x-edition'] === report.edition ? schema : schemaFor(report.edition);
  return ordered(root, root, { ...report, $schema: root.$id as string }) as Report;
}

/** Canonical report JSON: validates against `schemas/report-<edition>.schema.json`. */
export function canonicalJson(report: Report, schema?: JsonSchema): string {
  return `${JSON.stringify(canonicalReport(report, schema), null, 2)}\n`;
}

/** The tidy CSV: one line per table cell (see README for the columns). */
export function tidyCsv(report: Report, options: OpenDataOptions = {}): string {
  return csvFrom(report, buildViewModel(report, { schema: schemaOption(report, options) }), reportId(report));
}

/** A Frictionless Data Package (v1) descriptor for the report's JSON and CSV. */
export function dataPackage(report: Report, options: OpenDataOptions = {}): string {
  const base = options.baseName ?? 'report';
  const view = buildViewModel(report, { schema: schemaOption(report, options) });
  return datapackageFrom(report, view, { json: `${base}.json`, csv: `${base}.csv` }, options);
}

/** All three outputs of a validated report. Deterministic: the same report gives the same bytes. */
export function toOpenData(report: Report, options: OpenDataOptions = {}): OpenData {
  const schema = schemaOption(report, options);
  const view = buildViewModel(report, { schema });
  const id = reportId(report);
  const base = options.baseName ?? 'report';
  const files = { json: `${base}.json`, csv: `${base}.csv` };
  return {
    reportId: id,
    json: canonicalJson(report, schema),
    csv: csvFrom(report, view, id),
    datapackage: datapackageFrom(report, view, files, options),
    files,
  };
}
