/**
 * The wording of the structural check: a zod issue (raised by a schema converted from JSON Schema)
 * becomes findings that name the place by its official labels. One small function per issue code.
 */
import type { z } from 'zod';
import {
  EDITIONS,
  getAt,
  resolveRef,
  schemaFor,
  toPointer,
  type Edition,
  type JsonSchema,
  type LocalizedText,
} from '@nianbao/template';
import type { Finding } from './types.js';
import type { SchemaIssueParams } from './zod-from-schema.js';
import { locationText, placeFields, placeOf, type Place } from './places.js';
import { TYPE_NAMES, both, clip, describeValue, jsonText } from './text.js';

export type Issue = z.core.$ZodIssue;
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

type Make = (message: LocalizedText, extra?: Partial<Finding>) => Finding;

/** What the wording of one issue needs: the place, the value there, and how to make a finding there. */
interface Site {
  path: Segment[];
  value: unknown;
  /** The official label of the place (its key without labels). */
  label: string;
  /** The place named fully (row and column of a cell, the path of anything else): a label alone is ambiguous. */
  named: string;
  make: Make;
  document: unknown;
  context: StructuralContext;
}

type IssueOf<C extends Issue['code']> = Extract<Issue, { code: C }>;
type Wording<C extends Issue['code']> = (issue: IssueOf<C>, site: Site) => Finding[];

/** The findings of one zod issue; `prefix` is the document path the issue's own path is relative to. */
export function issueFindings(
  issue: Issue,
  prefix: readonly Segment[],
  document: unknown,
  context: StructuralContext,
): Finding[] {
  const path = [...prefix, ...(issue.path as Segment[])];
  const pointer = toPointer(path);
  const place = placeOf(labelRoot(context), pointer);
  const make: Make = (message, extra = {}) => ({
    ruleId: 'schema',
    severity: 'error',
    pointer,
    ...placeFields(place),
    ...extra,
    message,
  });
  const site: Site = {
    path,
    value: getAt(document, path.map(String)),
    label: place.label,
    named: locationText(place),
    make,
    document,
    context,
  };
  const missing = issue.code === 'unrecognized_keys' ? undefined : missingFinding(site);
  if (missing) return [missing];
  const wording = BY_CODE[issue.code] as Wording<Issue['code']> | undefined;
  return wording ? wording(issue, site) : otherFindings(issue, site);
}

/** A required property that is absent: name it by its official label. */
function missingFinding({ path, value, label, make, document, context }: Site): Finding | undefined {
  if (value !== undefined || path.length === 0) return undefined;
  const parentPath = path.slice(0, -1);
  const parent = getAt(document, parentPath.map(String));
  const key = String(path[path.length - 1]);
  if (!isPlainObject(parent) || Object.hasOwn(parent, key)) return undefined;
  const parentPlace = placeOf(labelRoot(context), toPointer(parentPath));
  const where = parentPath.length > 0 && parentPlace.path.length > 0 ? locationText(parentPlace) : '';
  const enName = label === key ? key : `${key} (${label})`;
  return make(
    both(`${where}缺少必填项「${label}」。`, `${where ? `${where}: ` : ''}missing required field ${enName}.`),
  );
}

const invalidTypeFindings: Wording<'invalid_type'> = (issue, { path, value, named, make, context }) => {
  const node = schemaAt(context.root, path);
  const types = expectedTypes(node);
  const expected =
    types.length > 0
      ? joinTypes(types)
      : both(TYPE_NAMES[issue.expected]?.zh ?? issue.expected, TYPE_NAMES[issue.expected]?.en ?? issue.expected);
  const found = describeValue(value);
  const hint = typeHint(types.length > 0 ? types : [issue.expected], value, node, String(path[path.length - 1] ?? ''));
  return [
    make(
      both(
        `${named}应为${expected.zh}，实为${found.zh}。${hint.zh}`,
        `${named} must be ${expected.en}, but is ${found.en}.${hint.en}`,
      ),
      { expected: types.join('|') || issue.expected, actual: value },
    ),
  ];
};

const sizeFindings: Wording<'too_small' | 'too_big'> = (issue, { value, named, make }) => {
  const small = issue.code === 'too_small';
  const limit = Number(
    small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum,
  );
  const expected = `${small ? '>=' : '<='} ${limit}`;
  if (issue.origin === 'array') {
    const length = (value as unknown[]).length;
    return [
      make(
        small
          ? both(
              `${named}至少应有${limit}项，实有${length}项。`,
              `${named} needs at least ${limit} item(s); it has ${length}.`,
            )
          : both(
              `${named}最多${limit}项，实有${length}项。`,
              `${named} allows at most ${limit} items; it has ${length}.`,
            ),
        { expected, actual: Array.isArray(value) ? value.length : value },
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
      { expected, actual: value },
    ),
  ];
};

const formatFindings: Wording<'invalid_format'> = (issue, { path, value, named, make, context }) => {
  const node = schemaAt(context.root, path);
  const pattern = typeof node?.pattern === 'string' ? node.pattern : ((issue as { pattern?: string }).pattern ?? '');
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
};

/** A type list like ["string", "object"]: report the branch whose type matched, else the type mismatch. */
const unionFindings: Wording<'invalid_union'> = (issue, { path, value, named, make, document, context }) => {
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
      {
        actual: value,
      },
    ),
  ];
};

const otherFindings = (issue: Issue, { value, named, make }: Site): Finding[] => [
  make(both(`${named}不符合要求：${issue.message}。`, `${named} is not valid: ${issue.message}.`), { actual: value }),
];

/** The wording of each issue code; codes not listed get the generic one (otherFindings). */
const BY_CODE: { [C in Issue['code']]?: Wording<C> } = {
  unrecognized_keys: (issue, { path, document, context }) =>
    issue.keys.map((key) => unknownKeyFinding([...path, key], document, context)),
  invalid_type: invalidTypeFindings,
  too_small: (issue, site) => sizeFindings(issue, site),
  too_big: (issue, site) => sizeFindings(issue, site),
  invalid_format: formatFindings,
  invalid_value: (issue, { path, value, named, label, make, context }) => [
    allowedValuesFinding(make, named, label, issue.values as unknown[], value, schemaAt(context.root, path)),
  ],
  invalid_union: unionFindings,
  custom: (issue, { path, value, named, label, make, context }) => [
    customFinding(
      issue.params as SchemaIssueParams | undefined,
      make,
      named,
      label,
      value,
      schemaAt(context.root, path),
      issue.message,
    ),
  ],
};

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
