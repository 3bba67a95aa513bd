/**
 * The structural check: the edition's JSON Schema converted to zod, its issues turned into findings
 * that name the place by its official labels.
 */
import type { z } from 'zod';
import {
  EDITIONS,
  editionInfo,
  getAt,
  isEdition,
  resolveRef,
  schemaFor,
  toPointer,
  type Edition,
  type JsonSchema,
  type LocalizedText,
} from '@nianbao/template';
import type { Finding } from './types.js';
import { converterFor, type SchemaIssueParams } from './zod-from-schema.js';
import { conformanceCheck } from './conformance.js';
import { locationText, placeFields, placeOf, type Place } from './places.js';
import { TYPE_NAMES, both, clip, describeValue, jsonText } from './text.js';

type Issue = z.core.$ZodIssue;
type Segment = string | number;

export interface StructuralContext {
  root: JsonSchema;
  /** The edition being checked (for the "this field belongs to the other edition" hint). */
  edition?: Edition;
  /** false: the schema has no official titles (a rule file); name places by their keys. */
  labels?: boolean;
}

const labelRoot = (context: StructuralContext): JsonSchema | undefined =>
  context.labels === false ? undefined : context.root;

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

/** The schema node (site and resolved) at a document path, when the path follows the schema. */
function schemaAt(root: JsonSchema, path: readonly Segment[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    const resolved = safeResolve(root, node);
    if (!resolved) return undefined;
    const properties = resolved.properties as Record<string, JsonSchema> | undefined;
    if (properties && Object.hasOwn(properties, String(segment))) node = properties[String(segment)];
    else if (resolved.items !== undefined && /^\d+$/.test(String(segment))) node = resolved.items as JsonSchema;
    else if (isPlainObject(resolved.additionalProperties)) node = resolved.additionalProperties as JsonSchema;
    else return undefined;
  }
  return node ? safeResolve(root, node) : undefined;
}

function safeResolve(root: JsonSchema, node: JsonSchema): JsonSchema | undefined {
  try {
    return typeof node === 'object' && node !== null ? resolveRef(root, node) : undefined;
  } catch {
    return undefined;
  }
}

/** The JSON types a schema node accepts (null left out unless it is the only one). */
function expectedTypes(node: JsonSchema | undefined): string[] {
  if (!node || node.type === undefined) return [];
  const types = (Array.isArray(node.type) ? node.type : [node.type]) as string[];
  const withoutNull = types.filter((type) => type !== 'null');
  return withoutNull.length > 0 ? withoutNull : types;
}

const joinTypes = (types: string[]): LocalizedText =>
  both(
    types.map((type) => TYPE_NAMES[type]?.zh ?? type).join('或'),
    types.map((type) => TYPE_NAMES[type]?.en ?? type).join(' or '),
  );

const NUMERIC_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/;

function issueFindings(
  issue: Issue,
  prefix: readonly Segment[],
  document: unknown,
  context: StructuralContext,
): Finding[] {
  const path = [...prefix, ...(issue.path as Segment[])];
  const pointer = toPointer(path);
  const value = getAt(document, path.map(String));
  const place = placeOf(labelRoot(context), pointer);
  const label = place.label;
  const make = (message: LocalizedText, extra: Partial<Finding> = {}): Finding => ({
    ruleId: 'schema',
    severity: 'error',
    pointer,
    ...placeFields(place),
    ...extra,
    message,
  });
  // Name the place fully (row and column of a cell, the path of anything else): a label alone is ambiguous.
  const named = locationText(place);

  // A required property that is absent: name it by its official label.
  if (value === undefined && path.length > 0 && issue.code !== 'unrecognized_keys') {
    const parentPath = path.slice(0, -1);
    const parent = getAt(document, parentPath.map(String));
    const key = String(path[path.length - 1]);
    if (isPlainObject(parent) && !Object.hasOwn(parent, key)) {
      const parentPlace = placeOf(labelRoot(context), toPointer(parentPath));
      const where = parentPath.length > 0 && parentPlace.path.length > 0 ? locationText(parentPlace) : '';
      const enName = label === key ? key : `${key} (${label})`;
      return [
        make(both(`${where}缺少必填项「${label}」。`, `${where ? `${where}: ` : ''}missing required field ${enName}.`)),
      ];
    }
  }

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKeyFinding([...path, key], document, context));
    case 'invalid_type': {
      const node = schemaAt(context.root, path);
      const types = expectedTypes(node);
      const expected =
        types.length > 0
          ? joinTypes(types)
          : both(TYPE_NAMES[issue.expected]?.zh ?? issue.expected, TYPE_NAMES[issue.expected]?.en ?? issue.expected);
      const found = describeValue(value);
      const hint = typeHint(
        types.length > 0 ? types : [issue.expected],
        value,
        node,
        String(path[path.length - 1] ?? ''),
      );
      return [
        make(
          both(
            `${named}应为${expected.zh}，实为${found.zh}。${hint.zh}`,
            `${named} must be ${expected.en}, but is ${found.en}.${hint.en}`,
          ),
          {
            expected: types.join('|') || issue.expected,
            actual: value,
          },
        ),
      ];
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(
        small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum,
      );
      if (issue.origin === 'array') {
        return [
          make(
            small
              ? both(
                  `${named}至少应有${limit}项，实有${(value as unknown[]).length}项。`,
                  `${named} needs at least ${limit} item(s); it has ${(value as unknown[]).length}.`,
                )
              : both(
                  `${named}最多${limit}项，实有${(value as unknown[]).length}项。`,
                  `${named} allows at most ${limit} items; it has ${(value as unknown[]).length}.`,
                ),
            { expected: `${small ? '>=' : '<='} ${limit}`, actual: Array.isArray(value) ? value.length : value },
          ),
        ];
      }
      const negativeCount = small && limit === 0;
      return [
        make(
          small
            ? both(
                `${named}为${jsonText(value)}，不能小于${limit}${negativeCount ? '（件数不能为负数）' : ''}。`,
                `${named} is ${jsonText(value)}; it cannot be less than ${limit}${negativeCount ? ' (a count cannot be negative)' : ''}.`,
              )
            : both(
                `${named}为${jsonText(value)}，不能大于${limit}。`,
                `${named} is ${jsonText(value)}; it cannot be greater than ${limit}.`,
              ),
          { expected: `${small ? '>=' : '<='} ${limit}`, actual: value },
        ),
      ];
    }
    case 'invalid_format': {
      const node = schemaAt(context.root, path);
      const pattern =
        typeof node?.pattern === 'string' ? node.pattern : ((issue as { pattern?: string }).pattern ?? '');
      const description = typeof node?.description === 'string' ? node.description.split(/[。；]/u)[0] : undefined;
      return [
        make(
          both(
            `${named}${describeValue(value).zh}格式不正确（${description ?? `应符合 ${pattern}`}）。`,
            `${named}: ${describeValue(value).en} is not in the required format (${description && !/\p{Script=Han}/u.test(description) ? description : `pattern ${pattern}`}).`,
          ),
          { expected: pattern, actual: value },
        ),
      ];
    }
    case 'invalid_value':
      return [allowedValuesFinding(make, named, label, issue.values as unknown[], value, schemaAt(context.root, path))];
    case 'invalid_union': {
      // A type list like ["string", "object"]: report the branch whose type matched, else the type mismatch.
      const branches = (issue as { errors: Issue[][] }).errors;
      const matched = branches.filter(
        (branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
      );
      if (matched.length === 1) return matched[0]!.flatMap((inner) => issueFindings(inner, path, document, context));
      const types = expectedTypes(schemaAt(context.root, path));
      const expected = joinTypes(types.length > 0 ? types : ['object']);
      const found = describeValue(value);
      return [
        make(
          both(`${named}应为${expected.zh}，实为${found.zh}。`, `${named} must be ${expected.en}, but is ${found.en}.`),
          { actual: value },
        ),
      ];
    }
    case 'custom':
      return [
        customFinding(
          issue.params as SchemaIssueParams | undefined,
          make,
          named,
          label,
          value,
          schemaAt(context.root, path),
          issue.message,
        ),
      ];
    default:
      return [
        make(both(`${named}不符合要求：${issue.message}。`, `${named} is not valid: ${issue.message}.`), {
          actual: value,
        }),
      ];
  }
}

function typeHint(types: string[], value: unknown, node: JsonSchema | undefined, key: string): LocalizedText {
  if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    if (typeof node?.pattern === 'string' && /\\\.|\[0-9\]/.test(node.pattern) && typeof value === 'number') {
      return both(
        ` 金额请写成带引号的十进制文本，如 ${key}: '${value}'，以免丢失或虚增小数。`,
        ` Write amounts as quoted decimal text, e.g. ${key}: '${value}', so that no decimal is lost or invented.`,
      );
    }
    return both(
      ` YAML中请给文本加引号，如 ${key}: '${String(value)}'（否则会被当作${typeof value === 'number' ? '数字' : '布尔值'}）。`,
      ` In YAML, quote text values, e.g. ${key}: '${String(value)}' (unquoted it is read as a ${typeof value}).`,
    );
  }
  if (
    (types.includes('integer') || types.includes('number')) &&
    typeof value === 'string' &&
    NUMERIC_TEXT.test(value)
  ) {
    return both(' 请去掉引号，直接写数字。', ' Write the number without quotes.');
  }
  return both('', '');
}

function allowedList(values: unknown[], node: JsonSchema | undefined): LocalizedText {
  // Constants listed under oneOf carry their official name as title.
  const titles = new Map<unknown, string>();
  const options = (node?.oneOf ?? node?.anyOf) as JsonSchema[] | undefined;
  for (const option of options ?? []) if (typeof option.title === 'string') titles.set(option.const, option.title);
  const items = values.map((item) => (titles.has(item) ? `${jsonText(item)}（${titles.get(item)}）` : jsonText(item)));
  return both(items.join('、'), items.join(', '));
}

function allowedValuesFinding(
  make: (message: LocalizedText, extra?: Partial<Finding>) => Finding,
  named: string,
  _label: string,
  values: unknown[],
  value: unknown,
  node: JsonSchema | undefined,
): Finding {
  const list = allowedList(values, node);
  const found = describeValue(value);
  const single = values.length === 1;
  return make(
    both(
      `${named}应为${single ? '' : '以下之一：'}${list.zh}，实为${found.zh}。`,
      `${named} must be ${single ? '' : 'one of '}${list.en}, but is ${found.en}.`,
    ),
    { expected: values.map(jsonText).join('|'), actual: value },
  );
}

function customFinding(
  params: SchemaIssueParams | undefined,
  make: (message: LocalizedText, extra?: Partial<Finding>) => Finding,
  named: string,
  label: string,
  value: unknown,
  node: JsonSchema | undefined,
  fallback: string,
): Finding {
  switch (params?.keyword) {
    case 'integer':
      return make(
        both(
          `${named}应为整数，实为${jsonText(value)}。`,
          `${named} must be a whole number (an integer), but is ${jsonText(value)}.`,
        ),
        { expected: 'integer', actual: value },
      );
    case 'minLength':
      return params.length === 0
        ? make(both(`${named}不能为空。`, `${named} cannot be empty.`), {
            expected: `>= ${params.limit} characters`,
            actual: value,
          })
        : make(
            both(
              `${named}至少应有${params.limit}个字符，实有${params.length}个。`,
              `${named} needs at least ${params.limit} characters; it has ${params.length}.`,
            ),
            {
              expected: `>= ${params.limit} characters`,
              actual: value,
            },
          );
    case 'maxLength':
      return make(
        both(
          `${named}最多${params.limit}个字符，实有${params.length}个（“${clip(String(value), 20)}”）。`,
          `${named} allows at most ${params.limit} characters; it has ${params.length}.`,
        ),
        { expected: `<= ${params.limit} characters`, actual: params.length },
      );
    case 'const':
    case 'enum':
      return allowedValuesFinding(make, named, label, params.allowed, value, node);
    case 'oneOf':
    case 'anyOf':
      if (params.allowed) return allowedValuesFinding(make, named, label, params.allowed, value, node);
      return params.matches === 0
        ? make(both(`${named}不符合任何一种允许的写法。`, `${named} matches none of the allowed forms.`), {
            actual: value,
          })
        : make(
            both(
              `${named}同时符合多种写法（${params.matches}种），无法确定其含义。`,
              `${named} matches ${params.matches} of the alternatives; exactly one is allowed.`,
            ),
            { actual: value },
          );
    case 'not':
      return make(both(`${named}的写法不被允许。`, `${named} has a form that is not allowed.`), { actual: value });
    case 'required':
      return make(both(`缺少必填项${named}。`, `Missing required field ${label}.`));
    case 'false':
      return make(both(`${named}处不允许有任何值。`, `No value is allowed at ${label}.`), { actual: value });
    default:
      return make(both(`${named}不符合要求：${fallback}。`, `${named} is not valid: ${fallback}.`), { actual: value });
  }
}

/** An unknown key; when the other edition has it at this place, say so (edition vocabulary mismatch). */
function unknownKeyFinding(path: readonly Segment[], document: unknown, context: StructuralContext): Finding {
  const pointer = toPointer(path);
  const key = String(path[path.length - 1]);
  const parentPointer = toPointer(path.slice(0, -1));
  const parentPlace = placeOf(labelRoot(context), parentPointer);
  const where = path.length > 1 ? locationText(parentPlace) : both('文档顶层', 'the top level of the document').zh;
  const whereEn = path.length > 1 ? locationText(parentPlace) : 'the top level of the document';
  let hint = both('', '');
  if (context.edition) {
    for (const other of EDITIONS) {
      if (other === context.edition) continue;
      const otherPlace: Place = placeOf(schemaFor(other), pointer);
      if (otherPlace.schema !== undefined && otherPlace.label !== key) {
        hint = both(
          `（这是${other}年格式的「${otherPlace.label}」；本报告使用${context.edition}年格式，请核对格式版本和栏目）`,
          ` (it is 「${otherPlace.label}」 of the ${other} edition; this report uses the ${context.edition} edition: check the edition and the table)`,
        );
        break;
      }
    }
  }
  const editionText = context.edition
    ? both(`${context.edition}年格式没有这一项`, `the ${context.edition} edition has no such field`)
    : both('不允许有这一项', 'no such field is allowed');
  const place = placeOf(labelRoot(context), pointer);
  return {
    ruleId: 'schema',
    severity: 'error',
    pointer,
    ...placeFields(place),
    actual: getAt(document, path.map(String)),
    message: both(
      `${where}中有未知字段“${key}”：${editionText.zh}${hint.zh}。`,
      `Unknown field "${key}" in ${whereEn}: ${editionText.en}${hint.en}.`,
    ),
  };
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
