/**
 * Converts the JSON Schema (draft 2020-12) subset nianbao uses into a zod 4 schema, so that the
 * structural check is derived from the one schema file instead of a hand-kept second copy.
 *
 * Semantics follow Ajv (the reference validator) where zod differs by default:
 * - string lengths count Unicode code points, not UTF-16 units;
 * - `pattern` is compiled with the `u` flag and is not anchored;
 * - `integer` is any finite number without a fraction (1.0 is an integer; NaN and ±Infinity are not);
 * - type-specific keywords only apply to values of their type (`{ pattern }` accepts a number);
 * - `oneOf` means exactly one, `anyOf` at least one, `if/then/else` and `not` as specified.
 * Annotations (title, description, $comment, $id, $schema, x-*) are ignored; any other keyword makes the
 * conversion throw, so the schema cannot silently use something this converter does not check.
 * Documents are JSON data: `undefined` values are not considered.
 */
import { z } from 'zod';
import { parsePointer, toPointer, type JsonSchema } from '@nianbao/template';

type Node = JsonSchema | boolean;

export const ANNOTATIONS = new Set(['title', 'description', '$comment', '$id', '$schema', '$defs']);
export const OBJECT_KEYWORDS = ['properties', 'required', 'additionalProperties'] as const;
export const ARRAY_KEYWORDS = ['items', 'minItems', 'maxItems'] as const;
export const STRING_KEYWORDS = ['minLength', 'maxLength', 'pattern'] as const;
export const NUMBER_KEYWORDS = ['minimum', 'maximum'] as const;

/**
 * What a schema node constrains, read the same way by the zod converter and by the compiled
 * conformance check (conformance.ts), so the two cannot disagree on which keywords apply.
 */
export function readKeywords(node: JsonSchema): {
  has: (keyword: string) => boolean;
  families: { object: boolean; array: boolean; string: boolean; number: boolean };
  allowed: unknown[] | undefined;
} {
  const has = (keyword: string) => Object.hasOwn(node, keyword);
  return {
    has,
    families: {
      object: OBJECT_KEYWORDS.some(has),
      array: ARRAY_KEYWORDS.some(has),
      string: STRING_KEYWORDS.some(has),
      number: NUMBER_KEYWORDS.some(has),
    },
    allowed: has('const') ? [node.const] : has('enum') ? (node.enum as unknown[]) : undefined,
  };
}
const SUPPORTED = new Set<string>([
  'type',
  '$ref',
  'const',
  'enum',
  'oneOf',
  'anyOf',
  'allOf',
  'if',
  'then',
  'else',
  'not',
  ...OBJECT_KEYWORDS,
  ...ARRAY_KEYWORDS,
  ...STRING_KEYWORDS,
  ...NUMBER_KEYWORDS,
]);
const TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);

/** The schema uses something the converter does not implement, or is malformed. */
export class UnsupportedSchemaError extends Error {
  /** JSON Pointer of the offending place inside the schema. */
  readonly schemaPointer: string;
  constructor(message: string, schemaPointer: string) {
    super(`${message} (at schema ${schemaPointer === '' ? '#' : `#${schemaPointer}`})`);
    this.name = 'UnsupportedSchemaError';
    this.schemaPointer = schemaPointer;
  }
}

/**
 * Parameters of the custom issues the converter raises (code `custom`), for turning issues into
 * readable findings. `keyword` is the JSON Schema keyword that failed.
 */
export type SchemaIssueParams =
  | { keyword: 'integer' }
  | { keyword: 'minLength' | 'maxLength'; limit: number; length: number }
  | { keyword: 'const' | 'enum'; allowed: unknown[] }
  | { keyword: 'oneOf' | 'anyOf'; matches: number; allowed?: unknown[] }
  | { keyword: 'not' | 'false' | 'required' };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const codePoints = (text: string): number => {
  let count = 0;
  // for…of iterates by code point; a lone surrogate counts as one, as in Ajv's ucs2length.
  for (const _ of text) count++;
  return count;
};

export const isPrimitive = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** Deep equality as JSON Schema defines it for const/enum (1 and 1.0 are equal; key order is irrelevant). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]))
    );
  }
  return false;
}

type Issues = { issues: unknown[] };
/** Copies the issues of a nested parse into the current payload (paths stay relative to this value). */
function forwardIssues(target: Issues, error: z.ZodError): void {
  for (const issue of error.issues) target.issues.push({ ...issue, path: [...issue.path] });
}

class Converter {
  private readonly nodes = new Map<object, z.ZodType>();
  private readonly refs = new Map<string, z.ZodType>();

  constructor(readonly root: Node) {
    this.assertSupported(root, []);
  }

  /** Converts a node of this root (cached by identity: a node converts once). */
  convert(node: Node, at: readonly (string | number)[] = []): z.ZodType {
    if (typeof node === 'boolean') return node ? z.unknown() : this.falseSchema();
    const cached = this.nodes.get(node);
    if (cached) return cached;
    const schema = this.build(node, at);
    this.nodes.set(node, schema);
    return schema;
  }

  private falseSchema(): z.ZodType {
    return z.unknown().superRefine((_value, ctx) => {
      ctx.addIssue({
        code: 'custom',
        message: 'no value is allowed here',
        params: { keyword: 'false' } satisfies SchemaIssueParams,
      });
    });
  }

  /** Walks every subschema once up front: unsupported keywords throw at conversion time, not at first use. */
  private assertSupported(node: Node, at: (string | number)[]): void {
    if (typeof node === 'boolean') return;
    if (!isPlainObject(node))
      throw new UnsupportedSchemaError('a schema must be an object or a boolean', toPointer(at));
    for (const [keyword, value] of Object.entries(node)) {
      if (keyword.startsWith('x-') || ANNOTATIONS.has(keyword)) {
        if (keyword === '$defs') this.assertDefs(value, [...at, keyword]);
        continue;
      }
      if (!SUPPORTED.has(keyword))
        throw new UnsupportedSchemaError(`unsupported JSON Schema keyword "${keyword}"`, toPointer([...at, keyword]));
      const here = [...at, keyword];
      const problem = valueProblem(keyword, value);
      if (problem !== undefined) throw new UnsupportedSchemaError(`"${keyword}" must be ${problem}`, toPointer(here));
      this.assertSubschemas(keyword, value, here);
    }
  }

  private assertDefs(value: unknown, at: (string | number)[]): void {
    if (!isPlainObject(value)) throw new UnsupportedSchemaError('$defs must be an object', toPointer(at));
    for (const [name, def] of Object.entries(value)) this.assertSupported(def as Node, [...at, name]);
  }

  /** The schemas inside a keyword's value (already of the right shape), and where a `$ref` points. */
  private assertSubschemas(keyword: string, value: unknown, here: (string | number)[]): void {
    switch (keyword) {
      case 'properties':
        for (const [name, sub] of Object.entries(value as object)) this.assertSupported(sub as Node, [...here, name]);
        break;
      case 'oneOf':
      case 'anyOf':
      case 'allOf':
        (value as Node[]).forEach((sub, i) => this.assertSupported(sub, [...here, i]));
        break;
      case 'additionalProperties':
      case 'items':
      case 'if':
      case 'then':
      case 'else':
      case 'not':
        this.assertSupported(value as Node, here);
        break;
      case '$ref':
        this.target(value as string);
        break;
    }
  }

  /** The subschema a local `$ref` ("#", "#/$defs/name", any "#/json/pointer") points to. */
  private target(ref: string): Node {
    if (!ref.startsWith('#')) throw new UnsupportedSchemaError(`only local $ref ("#…") is supported, not "${ref}"`, '');
    let node: unknown = this.root;
    for (const segment of parsePointer(decodeURIComponent(ref.slice(1)))) {
      node = isPlainObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
    }
    if (typeof node !== 'boolean' && !isPlainObject(node))
      throw new UnsupportedSchemaError(`$ref "${ref}" does not resolve`, '');
    return node as Node;
  }

  private ref(ref: string): z.ZodType {
    let schema = this.refs.get(ref);
    if (!schema) {
      // Lazy: a $def may refer to itself; the target converts once, on first use, and is cached by identity.
      schema = z.lazy(() => this.convert(this.target(ref), parsePointer(decodeURIComponent(ref.slice(1)))));
      this.refs.set(ref, schema);
    }
    return schema;
  }

  /** A node's schema: its type (or value) as the base, every other keyword a check on the same value. */
  private build(node: JsonSchema, at: readonly (string | number)[]): z.ZodType {
    const keywords = readKeywords(node);
    const { base, guards } = this.base(node, at, keywords);
    const checks: z.ZodType[] = [...guards];
    const { has, allowed } = keywords;
    if (allowed && !(base instanceof z.ZodLiteral)) checks.push(this.allowedCheck(allowed, has('const')));
    if (has('$ref')) checks.push(this.ref(node.$ref as string));
    if (has('allOf'))
      for (const [i, sub] of (node.allOf as Node[]).entries()) checks.push(this.convert(sub, [...at, 'allOf', i]));
    if (has('anyOf') || has('oneOf')) checks.push(this.alternativesCheck(node, at, has('oneOf') ? 'oneOf' : 'anyOf'));
    if (has('if') && (has('then') || has('else'))) checks.push(this.conditionalCheck(node, at, has));
    if (has('not')) checks.push(this.notCheck(node, at));
    if (checks.length === 0) return base;
    // A bare `$ref` next to annotations (the usual property site) needs no wrapper.
    if (checks.length === 1 && base instanceof z.ZodUnknown) return checks[0]!;
    // Every further keyword applies to the same value; their issues keep paths relative to it.
    return base.superRefine((value, ctx) => {
      for (const check of checks) {
        const result = check.safeParse(value);
        if (!result.success) forwardIssues(ctx, result.error);
      }
    });
  }

  /** The schema of the node's `type` (or of its constant values); without `type`, guards for typed keywords. */
  private base(
    node: JsonSchema,
    at: readonly (string | number)[],
    { has, families, allowed }: ReturnType<typeof readKeywords>,
  ): { base: z.ZodType; guards: z.ZodType[] } {
    if (has('type')) {
      const types = (Array.isArray(node.type) ? node.type : [node.type]) as string[];
      const withNumber = types.includes('number');
      const members = types
        .filter((type) => type !== 'null' && !(withNumber && type === 'integer'))
        .map((type) => this.typed(type, node, at));
      let base: z.ZodType =
        members.length === 0
          ? z.null()
          : members.length === 1
            ? members[0]!
            : z.union(members as [z.ZodType, z.ZodType]);
      if (members.length > 0 && types.includes('null')) base = base.nullable();
      return { base, guards: [] };
    }
    if (allowed?.every(isPrimitive) && !Object.values(families).some(Boolean)) {
      return { base: z.literal(allowed as [string | number | boolean | null]), guards: [] };
    }
    // Without `type`, the type-specific keywords constrain only values of their type.
    const guards: z.ZodType[] = [];
    if (families.object) guards.push(this.guarded(isPlainObject, this.object(node, at)));
    if (families.array) guards.push(this.guarded(Array.isArray, this.array(node, at)));
    if (families.string) guards.push(this.guarded((v) => typeof v === 'string', this.string(node)));
    if (families.number) guards.push(this.guarded((v) => typeof v === 'number', this.number(node, false)));
    return { base: z.unknown(), guards };
  }

  /** `const` or `enum` where the base is not already the literal. */
  private allowedCheck(allowed: unknown[], isConst: boolean): z.ZodType {
    return z.unknown().superRefine((value, ctx) => {
      if (!allowed.some((option) => jsonEqual(option, value))) {
        ctx.addIssue({
          code: 'custom',
          message: 'not one of the allowed values',
          params: { keyword: isConst ? 'const' : 'enum', allowed } satisfies SchemaIssueParams,
        });
      }
    });
  }

  private alternativesCheck(node: JsonSchema, at: readonly (string | number)[], keyword: 'oneOf' | 'anyOf'): z.ZodType {
    const options = (node[keyword] as Node[]).map((sub, i) => this.convert(sub, [...at, keyword, i]));
    const constants = (node[keyword] as Node[]).every((sub) => isPlainObject(sub) && Object.hasOwn(sub, 'const'))
      ? (node[keyword] as JsonSchema[]).map((sub) => sub.const)
      : undefined;
    return z.unknown().superRefine((value, ctx) => {
      let matches = 0;
      for (const option of options) if (option.safeParse(value).success) matches++;
      if (keyword === 'oneOf' ? matches !== 1 : matches === 0) {
        const params: SchemaIssueParams = { keyword, matches, ...(constants ? { allowed: constants } : {}) };
        ctx.addIssue({ code: 'custom', message: `${keyword}: ${matches} subschemas match`, params });
      }
    });
  }

  private conditionalCheck(
    node: JsonSchema,
    at: readonly (string | number)[],
    has: (keyword: string) => boolean,
  ): z.ZodType {
    const condition = this.convert(node.if as Node, [...at, 'if']);
    const then = has('then') ? this.convert(node.then as Node, [...at, 'then']) : undefined;
    const otherwise = has('else') ? this.convert(node.else as Node, [...at, 'else']) : undefined;
    return z.unknown().superRefine((value, ctx) => {
      const branch = condition.safeParse(value).success ? then : otherwise;
      const result = branch?.safeParse(value);
      if (result && !result.success) forwardIssues(ctx, result.error);
    });
  }

  private notCheck(node: JsonSchema, at: readonly (string | number)[]): z.ZodType {
    const negated = this.convert(node.not as Node, [...at, 'not']);
    return z.unknown().superRefine((value, ctx) => {
      if (negated.safeParse(value).success)
        ctx.addIssue({
          code: 'custom',
          message: 'matches a forbidden schema',
          params: { keyword: 'not' } satisfies SchemaIssueParams,
        });
    });
  }

  private guarded(guard: (value: unknown) => boolean, schema: z.ZodType): z.ZodType {
    return z.unknown().superRefine((value, ctx) => {
      if (!guard(value)) return;
      const result = schema.safeParse(value);
      if (!result.success) forwardIssues(ctx, result.error);
    });
  }

  private typed(type: string, node: JsonSchema, at: readonly (string | number)[]): z.ZodType {
    switch (type) {
      case 'object':
        return this.object(node, at);
      case 'array':
        return this.array(node, at);
      case 'string':
        return this.string(node);
      case 'number':
        return this.number(node, false);
      case 'integer':
        return this.number(node, true);
      case 'boolean':
        return z.boolean();
      default:
        return z.null();
    }
  }

  private object(node: JsonSchema, at: readonly (string | number)[]): z.ZodType {
    const properties = (node.properties ?? {}) as Record<string, Node>;
    const required = new Set((node.required ?? []) as string[]);
    const shape: Record<string, z.ZodType> = {};
    for (const [key, sub] of Object.entries(properties)) {
      const schema = this.convert(sub, [...at, 'properties', key]);
      // zod reports a required key that is absent; JSON Schema validates optional ones only when present.
      shape[key] = required.has(key) ? schema : schema.optional();
    }
    const additional = node.additionalProperties as Node | undefined;
    const schema =
      additional === false
        ? z.strictObject(shape)
        : additional === undefined || additional === true
          ? z.looseObject(shape)
          : z.object(shape).catchall(this.convert(additional, [...at, 'additionalProperties']));
    // A required key without a property schema is still governed by additionalProperties; only its presence is checked here.
    const unlisted = [...required].filter((key) => !Object.hasOwn(shape, key));
    if (unlisted.length === 0) return schema;
    return schema.superRefine((value, ctx) => {
      for (const key of unlisted) {
        if ((value as Record<string, unknown>)[key] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `missing required property ${key}`,
            params: { keyword: 'required' } satisfies SchemaIssueParams,
          });
        }
      }
    });
  }

  private array(node: JsonSchema, at: readonly (string | number)[]): z.ZodType {
    let schema = z.array(node.items === undefined ? z.unknown() : this.convert(node.items as Node, [...at, 'items']));
    if (typeof node.minItems === 'number') schema = schema.min(node.minItems);
    if (typeof node.maxItems === 'number') schema = schema.max(node.maxItems);
    return schema;
  }

  private string(node: JsonSchema): z.ZodType {
    let schema: z.ZodType = z.string();
    const min = node.minLength as number | undefined;
    const max = node.maxLength as number | undefined;
    if (min !== undefined || max !== undefined) {
      schema = z.string().superRefine((value, ctx) => {
        const length = codePoints(value);
        if (min !== undefined && length < min) {
          ctx.addIssue({
            code: 'custom',
            message: `shorter than ${min} characters`,
            params: { keyword: 'minLength', limit: min, length } satisfies SchemaIssueParams,
          });
        }
        if (max !== undefined && length > max) {
          ctx.addIssue({
            code: 'custom',
            message: `longer than ${max} characters`,
            params: { keyword: 'maxLength', limit: max, length } satisfies SchemaIssueParams,
          });
        }
      });
    }
    if (typeof node.pattern === 'string') schema = (schema as z.ZodString).regex(new RegExp(node.pattern, 'u'));
    return schema;
  }

  private number(node: JsonSchema, integer: boolean): z.ZodType {
    // z.number() already rejects NaN and ±Infinity, as Ajv does for numbers and integers.
    let schema = z.number();
    if (typeof node.minimum === 'number') schema = schema.gte(node.minimum);
    if (typeof node.maximum === 'number') schema = schema.lte(node.maximum);
    if (!integer) return schema;
    return schema.superRefine((value, ctx) => {
      if (!Number.isInteger(value))
        ctx.addIssue({
          code: 'custom',
          message: 'not an integer',
          params: { keyword: 'integer' } satisfies SchemaIssueParams,
        });
    });
  }
}

const converters = new WeakMap<object, Converter>();

/** The (cached) converter of a root schema; converts subschemas of the same root by identity. */
export function converterFor(root: JsonSchema): { convert(node: JsonSchema): z.ZodType } {
  let converter = converters.get(root);
  if (!converter) {
    converter = new Converter(root);
    converters.set(root, converter);
  }
  return converter;
}

/**
 * The zod schema equivalent to a JSON Schema (the subset described above). Converted once per schema
 * object and cached. Throws UnsupportedSchemaError for keywords it does not implement.
 */
export function zodFromJsonSchema(schema: JsonSchema | boolean): z.ZodType {
  if (typeof schema === 'boolean') return schema ? z.unknown() : z.never();
  return converterFor(schema).convert(schema);
}

/** What a keyword's value must be, when it is not that (the schemas inside are checked on their own). */
function valueProblem(keyword: string, value: unknown): string | undefined {
  switch (keyword) {
    case 'type': {
      const types = Array.isArray(value) ? value : [value];
      const known = types.length > 0 && types.every((type) => typeof type === 'string' && TYPES.has(type));
      return known ? undefined : 'a JSON type or a list of them';
    }
    case 'properties':
      return isPlainObject(value) ? undefined : 'an object';
    case 'required':
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? undefined : 'a list of strings';
    case 'enum':
      return Array.isArray(value) ? undefined : 'a list';
    case 'oneOf':
    case 'anyOf':
    case 'allOf':
      return Array.isArray(value) && value.length > 0 ? undefined : 'a non-empty list of schemas';
    case 'minimum':
    case 'maximum':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number';
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? undefined : 'a non-negative integer';
    case 'pattern':
      return patternProblem(value);
    case '$ref':
      return typeof value === 'string' ? undefined : 'a string';
    default:
      return undefined;
  }
}

function patternProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'a string';
  try {
    new RegExp(value, 'u');
    return undefined;
  } catch (error) {
    return `a valid regular expression (${(error as Error).message})`;
  }
}
