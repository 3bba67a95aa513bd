import Ajv2020 from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { EDITIONS, rulesSchema, schemaFor } from '@nianbao/template';
import { validateReport, type Finding, type ValidateOptions, type ValidationResult } from '../src/index.js';

/** The reference validator: Ajv 2020 in strict mode, nianbao's x-* keywords registered as annotations. */
export function referenceAjv(): InstanceType<typeof Ajv2020.default> {
  const ajv = new Ajv2020.default({ strict: true, allErrors: true });
  for (const keyword of ['x-edition', 'x-order', 'x-row', 'x-corner', 'x-columnHeader', 'x-rowHeader'])
    ajv.addKeyword({ keyword });
  for (const edition of EDITIONS) ajv.addSchema(schemaFor(edition));
  ajv.addSchema(rulesSchema);
  return ajv;
}

/** Every finding has both languages, no placeholder left, and the basic shape. */
export function expectWellFormed(findings: readonly Finding[]): void {
  for (const finding of findings) {
    const where = `${finding.ruleId} at ${finding.pointer}: ${JSON.stringify(finding.message)}`;
    expect(finding.message.zh.length, where).toBeGreaterThan(0);
    expect(finding.message.en.length, where).toBeGreaterThan(0);
    // An unfilled placeholder looks like {name}; quoted user text may contain other braces.
    expect(finding.message.zh, where).not.toMatch(/\{[A-Za-z_][A-Za-z0-9_]*\}/);
    expect(finding.message.en, where).not.toMatch(/\{[A-Za-z_][A-Za-z0-9_]*\}/);
    expect(finding.message.zh, where).not.toMatch(/undefined|NaN(?!（)|\[object/);
    expect(finding.message.en, where).not.toMatch(/undefined|\[object/);
    expect(['error', 'warning', 'info']).toContain(finding.severity);
    expect(finding.severity === 'info').toBe(finding.notAssessable === true);
    expect(finding.pointer === '' || finding.pointer.startsWith('/'), where).toBe(true);
  }
}

/** validateReport, with every finding's message checked. */
export function validate(document: unknown, options?: ValidateOptions): ValidationResult {
  const result = validateReport(document, options);
  expectWellFormed(result.findings);
  return result;
}

export const ruleIds = (findings: readonly Finding[]): string[] => [
  ...new Set(findings.map((finding) => finding.ruleId)),
];

/** A deep copy to change one thing in. */
export const copy = <T>(value: T): T => structuredClone(value);

/** Sets a value at a JSON Pointer (the path must exist up to the parent). */
export function setAt(document: unknown, pointer: string, value: unknown): void {
  const segments = pointer.slice(1).split('/');
  let node = document as Record<string, unknown>;
  for (const segment of segments.slice(0, -1)) node = node[segment] as Record<string, unknown>;
  node[segments[segments.length - 1]!] = value;
}

export function getNumber(document: unknown, pointer: string): number {
  let node: unknown = document;
  for (const segment of pointer.slice(1).split('/')) node = (node as Record<string, unknown>)[segment];
  if (typeof node !== 'number') throw new Error(`no number at ${pointer}`);
  return node;
}

export function addAt(document: unknown, pointer: string, delta: number): void {
  setAt(document, pointer, getNumber(document, pointer) + delta);
}
