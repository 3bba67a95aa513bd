/**
 * A fast yes/no structural check compiled from the same JSON Schema subset as zod-from-schema.ts: a tree
 * of closures, built once per schema, that answers "does zod accept this value?" without building
 * issues or a copy of the document. zod stays the contract: it runs whenever this check says no, to
 * produce the findings, so a wrong "no" only costs time. A wrong "yes" would lose findings, so every
 * construct mirrors what the converter builds (and what zod 4 does with it) exactly; the property test
 * conformance-fast.test.ts compares both on generated and mutated documents.
 *
 * Closures rather than generated source (`new Function`): portals may run under a CSP without eval.
 */
import { parsePointer, type JsonSchema } from '@nianbao/template';
import { codePoints, isPrimitive, jsonEqual, readKeywords } from './zod-from-schema.js';

type Node = JsonSchema | boolean;
export type Conforms = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const ANY: Conforms = () => true;
const NONE: Conforms = () => false;

class Compiler {
  private readonly nodes = new Map<object, Conforms>();
  private readonly refs = new Map<string, Conforms>();
  /** Nodes whose check is being built: a $ref to one of them is a cycle, resolved on first use. */
  private readonly building = new Set<object>();

  constructor(readonly root: JsonSchema) {}

  compile(node: Node): Conforms {
    if (typeof node === 'boolean') return node ? ANY : NONE;
    let check = this.nodes.get(node);
    if (!check) {
      // A $def may refer to itself: the entry exists before its body is built.
      let built: Conforms | undefined;
      this.nodes.set(node, (value) => built!(value));
      this.building.add(node);
      try {
        built = this.build(node);
      } finally {
        this.building.delete(node);
      }
      this.nodes.set(node, built);
      check = built;
    }
    return check;
  }

  private target(ref: string): Node {
    let node: unknown = this.root;
    for (const segment of parsePointer(decodeURIComponent(ref.slice(1)))) {
      node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
    }
    return node as Node;
  }

  private ref(ref: string): Conforms {
    let check = this.refs.get(ref);
    if (!check) {
      const target = this.target(ref);
      if (typeof target === 'object' && target !== null && !this.building.has(target)) {
        // Not part of a cycle being built: the target's own check, without a closure in between
        // (nearly every property of a report is a $ref).
        check = this.compile(target);
      } else {
        let resolved: Conforms | undefined;
        check = (value) => (resolved ??= this.compile(this.target(ref)))(value);
      }
      this.refs.set(ref, check);
    }
    return check;
  }

  private build(node: JsonSchema): Conforms {
    const { has, families, allowed } = readKeywords(node);

    let base: Conforms = ANY;
    let literal = false;
    if (has('type')) {
      const types = (Array.isArray(node.type) ? node.type : [node.type]) as string[];
      const withNumber = types.includes('number');
      const members = types
        .filter((type) => type !== 'null' && !(withNumber && type === 'integer'))
        .map((type) => this.typed(type, node));
      const nullable = types.includes('null');
      if (members.length === 0) base = (value) => value === null;
      else if (members.length === 1) {
        const only = members[0]!;
        base = nullable ? (value) => value === null || only(value) : only;
      } else {
        base = (value) => {
          if (nullable && value === null) return true;
          for (const member of members) if (member(value)) return true;
          return false;
        };
      }
    } else if (allowed?.every(isPrimitive) && !Object.values(families).some(Boolean)) {
      // z.literal: a Set lookup (SameValueZero), as zod does it.
      const values = new Set<unknown>(allowed);
      base = (value) => values.has(value);
      literal = true;
    } else {
      const guards: Conforms[] = [];
      if (families.object) {
        const object = this.object(node);
        guards.push((value) => !isObject(value) || object(value));
      }
      if (families.array) {
        const array = this.array(node);
        guards.push((value) => !Array.isArray(value) || array(value));
      }
      if (families.string) {
        const string = this.string(node);
        guards.push((value) => typeof value !== 'string' || string(value));
      }
      if (families.number) {
        const number = this.number(node, false);
        guards.push((value) => typeof value !== 'number' || number(value));
      }
      base = all(guards);
    }

    const checks: Conforms[] = [];
    if (allowed && !literal) checks.push((value) => allowed.some((option) => jsonEqual(option, value)));
    if (has('$ref')) checks.push(this.ref(node.$ref as string));
    if (has('allOf')) for (const sub of node.allOf as Node[]) checks.push(this.compile(sub));
    if (has('anyOf') || has('oneOf')) {
      const oneOf = has('oneOf');
      const options = (node[oneOf ? 'oneOf' : 'anyOf'] as Node[]).map((sub) => this.compile(sub));
      checks.push((value) => {
        let matches = 0;
        for (const option of options) if (option(value)) matches++;
        return oneOf ? matches === 1 : matches > 0;
      });
    }
    if (has('if') && (has('then') || has('else'))) {
      const condition = this.compile(node.if as Node);
      const then = has('then') ? this.compile(node.then as Node) : ANY;
      const otherwise = has('else') ? this.compile(node.else as Node) : ANY;
      checks.push((value) => (condition(value) ? then(value) : otherwise(value)));
    }
    if (has('not')) {
      const negated = this.compile(node.not as Node);
      checks.push((value) => !negated(value));
    }
    if (checks.length === 0) return base;
    if (base === ANY && checks.length === 1) return checks[0]!;
    return all([base, ...checks]);
  }

  private typed(type: string, node: JsonSchema): Conforms {
    switch (type) {
      case 'object': {
        const object = this.object(node);
        return (value) => isObject(value) && object(value);
      }
      case 'array': {
        const array = this.array(node);
        return (value) => Array.isArray(value) && array(value);
      }
      case 'string': {
        const string = this.string(node);
        return (value) => typeof value === 'string' && string(value);
      }
      case 'number':
        return this.number(node, false);
      case 'integer':
        return this.number(node, true);
      case 'boolean':
        return (value) => typeof value === 'boolean';
      default:
        return (value) => value === null;
    }
  }

  /** The object keywords, for a value already known to be an object (not null, not an array). */
  private object(node: JsonSchema): (value: Record<string, unknown>) => boolean {
    const properties = (node.properties ?? {}) as Record<string, Node>;
    const required = new Set((node.required ?? []) as string[]);
    const keys = Object.keys(properties).filter((key) => key !== '__proto__');
    const listed = new Set(Object.keys(properties));
    const checks = keys.map((key) => this.compile(properties[key]!));
    const isRequired = keys.map((key) => required.has(key));
    const unlisted = [...required].filter((key) => !Object.hasOwn(properties, key));
    const additional = node.additionalProperties as Node | undefined;
    const catchall =
      additional === undefined || additional === true
        ? undefined
        : additional === false
          ? NONE
          : this.compile(additional);
    const strict = additional === false;
    return (value) => {
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const item = value[key];
        if (isRequired[i]) {
          // zod: an absent required key is an issue whatever its schema says about undefined.
          if (!(key in value)) return false;
          if (!checks[i]!(item)) return false;
        } else if (item !== undefined && !checks[i]!(item)) return false;
      }
      if (catchall) {
        for (const key in value) {
          if (listed.has(key)) continue;
          if (strict) return false;
          if (key === '__proto__') continue;
          if (!catchall(value[key])) return false;
        }
      }
      for (const key of unlisted) if (value[key] === undefined) return false;
      return true;
    };
  }

  private array(node: JsonSchema): (value: unknown[]) => boolean {
    const items = node.items === undefined ? undefined : this.compile(node.items as Node);
    const min = typeof node.minItems === 'number' ? node.minItems : 0;
    const max = typeof node.maxItems === 'number' ? node.maxItems : Infinity;
    return (value) => {
      if (value.length < min || value.length > max) return false;
      if (items) for (let i = 0; i < value.length; i++) if (!items(value[i])) return false;
      return true;
    };
  }

  private string(node: JsonSchema): (value: string) => boolean {
    const min = node.minLength as number | undefined;
    const max = node.maxLength as number | undefined;
    const pattern = typeof node.pattern === 'string' ? new RegExp(node.pattern, 'u') : undefined;
    return (value) => {
      // Lengths count code points: between half the UTF-16 length and the UTF-16 length. Count only when that does not decide.
      if (min !== undefined && (value.length + 1) >> 1 < min && codePoints(value) < min) return false;
      if (max !== undefined && value.length > max && codePoints(value) > max) return false;
      return pattern === undefined || pattern.test(value);
    };
  }

  private number(node: JsonSchema, integer: boolean): Conforms {
    const min = typeof node.minimum === 'number' ? node.minimum : -Infinity;
    const max = typeof node.maximum === 'number' ? node.maximum : Infinity;
    return (value) =>
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= min &&
      value <= max &&
      (!integer || Number.isInteger(value));
  }
}

function all(checks: Conforms[]): Conforms {
  if (checks.length === 0) return ANY;
  if (checks.length === 1) return checks[0]!;
  if (checks.length === 2) {
    const [a, b] = checks as [Conforms, Conforms];
    return (value) => a(value) && b(value);
  }
  return (value) => {
    for (const check of checks) if (!check(value)) return false;
    return true;
  };
}

const compilers = new WeakMap<object, Compiler>();

/**
 * Whether zod (the converted schema) accepts a value, answered without zod; compiled once per root
 * schema. Only for schemas the converter accepts (zodFromJsonSchema throws for the others).
 */
export function conformanceCheck(root: JsonSchema): Conforms {
  let compiler = compilers.get(root);
  if (!compiler) compilers.set(root, (compiler = new Compiler(root)));
  return compiler.compile(root);
}
