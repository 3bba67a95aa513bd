/**
 * The structural check: the edition's JSON Schema converted to zod, its issues turned into findings
 * that name the place by its official labels.
 */
import type { z } from 'zod';
import { EDITIONS, editionInfo, isEdition, schemaFor, type Edition, type JsonSchema } from '@nianbao/template';
import type { Finding } from './types.js';
import { converterFor } from './zod-from-schema.js';
import { conformanceCheck } from './conformance.js';
import { placeOf } from './places.js';
import { both, jsonText } from './text.js';
import { issueFindings, type Issue, type StructuralContext } from './issue-findings.js';

export type { StructuralContext } from './issue-findings.js';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const validators = new Map<Edition, (document: unknown) => Finding[]>();
// Schemas other than the editions' own (an edition patched by local extensions), by identity.
const customValidators = new WeakMap<JsonSchema, (document: unknown) => Finding[]>();

/**
 * The structural check of a given schema (e.g. an edition patched by a local extension); built once
 * per schema object. `edition` names the edition the schema extends (for hints).
 */
export function structuralValidatorFor(root: JsonSchema, edition: Edition): (document: unknown) => Finding[] {
  if (root === schemaFor(edition)) return structuralValidator(edition);
  let validator = customValidators.get(root);
  if (!validator) {
    validator = compileStructural(root, edition);
    customValidators.set(root, validator);
  }
  return validator;
}

/**
 * The structural (JSON Schema, via zod) check of one edition; built once per edition. A closure-compiled
 * yes/no check (conformance.ts) answers first; zod, the contract that words the findings, is converted
 * and run only for a document that does not conform.
 */
export function structuralValidator(edition: Edition): (document: unknown) => Finding[] {
  let validator = validators.get(edition);
  if (!validator) {
    validator = compileStructural(schemaFor(edition), edition);
    validators.set(edition, validator);
  }
  return validator;
}

function compileStructural(root: JsonSchema, edition: Edition): (document: unknown) => Finding[] {
  const conforms = conformanceCheck(root);
  let schema: z.ZodType | undefined;
  let checked = 0;
  return (document: unknown) => {
    if (conforms(document)) return [];
    schema ??= converterFor(root).convert(root);
    // zod compiles a parser for each object shape on first use, which costs more than it saves for a
    // single document: the first document zod checks in a process (what `nianbao validate` checks) is
    // parsed without it, later ones (a batch, a server) with it. Same result either way.
    const result = checked++ === 0 ? schema.safeParse(document, { jitless: true }) : schema.safeParse(document);
    return result.success ? [] : issuesToFindings(result.error.issues, document, { root, edition });
  };
}

/** Schema findings for zod issues raised on `document` by a schema converted from `context.root`. */
export function issuesToFindings(issues: readonly Issue[], document: unknown, context: StructuralContext): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    for (const finding of issueFindings(issue, [], document, context)) {
      // Combinators can report the same problem twice (e.g. a missing key under two branches).
      const key = `${finding.pointer}\u0000${finding.message.en}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  return findings;
}

/** The one finding for a document without a known edition (no other check can run without it). */
export function editionFinding(document: unknown): Finding {
  const label = placeOf(schemaFor(EDITIONS[0]), '/edition').label;
  const known = EDITIONS.map((edition) => {
    const info = editionInfo(edition);
    const years = info.years.to === undefined ? `${info.years.from}年度起` : `${info.years.from}—${info.years.to}年度`;
    const yearsEn =
      info.years.to === undefined
        ? `report years ${info.years.from} on`
        : `report years ${info.years.from}–${info.years.to}`;
    return { zh: `"${edition}"（${info.issuedWith}，${years}）`, en: `"${edition}" (${info.issuedWith}, ${yearsEn})` };
  });
  const knownZh = known.map((item) => item.zh).join('或');
  const knownEn = known.map((item) => item.en).join(' or ');
  const base = { ruleId: 'schema', severity: 'error' as const, pointer: '/edition' };
  if (!isPlainObject(document)) {
    return {
      ...base,
      actual: document,
      message: both(
        `这不是一份年报文档：文档应为一个对象（键值映射），并用「${label}」(edition) 标明格式版本：${knownZh}。`,
        `This is not a report document: it must be an object (mapping) whose edition field (${label}) names the format: ${knownEn}.`,
      ),
    };
  }
  const edition = document.edition;
  if (edition === undefined) {
    return {
      ...base,
      message: both(
        `缺少「${label}」(edition)：应为${knownZh}。`,
        `Missing the edition field (${label}): it must be ${knownEn}.`,
      ),
    };
  }
  if (typeof edition === 'number' && isEdition(String(edition))) {
    return {
      ...base,
      actual: edition,
      message: both(
        `「${label}」应为文本"${edition}"，实为数字 ${edition}：YAML中请加引号，写作 edition: '${edition}'。`,
        `The edition (${label}) must be the text "${edition}", not the number ${edition}: in YAML write edition: '${edition}'.`,
      ),
    };
  }
  return {
    ...base,
    actual: edition,
    message: both(
      `未知的「${label}」${jsonText(edition)}：应为${knownZh}。`,
      `Unknown edition (${label}) ${jsonText(edition)}: it must be ${knownEn}.`,
    ),
  };
}
