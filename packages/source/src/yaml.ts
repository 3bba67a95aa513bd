import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
  type YAMLError,
} from 'yaml';
import type { SourceLimits } from './limits.js';
import { numberProblem } from './numbers.js';
import { problem, type SourceProblem } from './problem.js';
import { estimateYamlNesting } from './yaml-prescan.js';

/** Nesting the yaml parser survives with room to spare (it fails around 1,000). */
const PARSER_SAFE_DEPTH = 400;

export type Locate = (pointer: string) => { line: number; column: number } | undefined;

export type YamlResult = { ok: true; document: unknown; locate: Locate } | { ok: false; problem: SourceProblem };

/** YAML 1.2 core schema; no merge keys, no custom tags, unique keys, text keys only. */
export function parseYaml(text: string, limits: SourceLimits): YamlResult {
  const lines = new LineCounter();
  const position = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };

  const bound = Math.min(PARSER_SAFE_DEPTH, Math.max(limits.maxDepth * 2, limits.maxDepth + 32));
  const deep = estimateYamlNesting(text, bound);
  if (deep) {
    // The parser has not run, so the LineCounter is empty: count lines here.
    const before = text.slice(0, deep.offset);
    const line = before.split('\n').length;
    const column = deep.offset - (before.lastIndexOf('\n') + 1) + 1;
    return fail(
      problem('TOO_DEEP', `嵌套超过 ${limits.maxDepth} 层。`, `Nesting is deeper than ${limits.maxDepth} levels.`, {
        line,
        column,
      }),
    );
  }

  const doc = parseDocument(text, {
    lineCounter: lines,
    version: '1.2',
    schema: 'core',
    merge: false,
    resolveKnownTags: false,
    stringKeys: true,
    // Checked by findDuplicateKey in one pass: the parser's own check compares every pair of keys.
    uniqueKeys: false,
    strict: true,
    prettyErrors: false,
    intAsBigInt: false,
  });

  const firstError = doc.errors[0];
  if (firstError) return fail(yamlErrorProblem(firstError, text, position));
  const duplicate = findDuplicateKey(doc.contents);
  if (duplicate !== undefined) return fail(duplicateKeyProblem(duplicate, text, position(duplicate)));
  const unresolvedTag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (unresolvedTag) {
    const tag = text.slice(unresolvedTag.pos[0], unresolvedTag.pos[1]).split(/\s/)[0] ?? '';
    return fail(
      problem(
        'UNSUPPORTED_YAML',
        `不支持 YAML 标签 ${tag}：报告只用文本、数字、列表和映射。`,
        `The YAML tag ${tag} is not supported: a report uses only text, numbers, lists and mappings.`,
        position(unresolvedTag.pos[0]),
      ),
    );
  }
  if (doc.contents === null) {
    return fail(
      problem('EMPTY', '文件没有内容（只有注释或空白）。', 'The file has no content (only comments or whitespace).'),
    );
  }

  const measured = measure(doc, text, limits, position);
  if (measured) return fail(measured);

  let document: unknown;
  try {
    document = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (error) {
    // measure() already bounds aliases and expansion; this is the yaml package's own guard.
    return fail(
      problem(
        'TOO_MANY_ALIASES',
        `YAML 别名（*名称）展开过多：${error instanceof Error ? error.message : String(error)}`,
        `Too many YAML alias (*name) expansions: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }
  return { ok: true, document, locate: yamlLocator(doc, position) };
}

function fail(p: SourceProblem): YamlResult {
  return { ok: false, problem: p };
}

/** Where a mapping repeats a key (the offset of the second one), in one pass over the document. */
function findDuplicateKey(root: unknown): number | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const name = String(pair.key.value);
          if (seen.has(name)) return pair.key.range?.[0];
          seen.add(name);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return undefined;
}

function duplicateKeyProblem(offset: number, text: string, at: { line: number; column: number }): SourceProblem {
  // Read the repeated key as written, up to its colon.
  const rest = text.slice(offset, offset + 200);
  const written = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\n]*?)\s*:(?:\s|$)/.exec(rest)?.[1] ?? rest.split('\n')[0]!;
  const key = /^["']/.test(written) ? written.slice(1, -1) : written;
  return problem(
    'DUPLICATE_KEY',
    `键 ${JSON.stringify(key)} 在同一映射中重复出现。`,
    `The key ${JSON.stringify(key)} appears twice in the same mapping.`,
    at,
  );
}

function yamlErrorProblem(
  error: YAMLError,
  text: string,
  position: (offset: number) => { line: number; column: number },
): SourceProblem {
  const at = position(error.pos[0]);
  // A tab in the indentation of an earlier line is the usual cause of odd errors further down.
  const tabLine = firstTabIndentedLine(text, at.line);
  if (error.code === 'TAB_AS_INDENT' || tabLine !== undefined) {
    const line = error.code === 'TAB_AS_INDENT' ? at.line : tabLine!;
    return problem(
      'TAB_INDENT',
      'YAML 缩进不能用制表符（Tab），请改用空格。',
      'YAML indentation must use spaces, not tabs.',
      { line, column: 1 },
    );
  }
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return duplicateKeyProblem(error.pos[0], text, at);
    case 'MULTIPLE_DOCS':
      return problem(
        'MULTIPLE_DOCUMENTS',
        '文件含有多个 YAML 文档（---），一个文件只能放一份报告。',
        'The file holds more than one YAML document (---); put one report per file.',
        at,
      );
    case 'NON_STRING_KEY':
      return problem(
        'UNSUPPORTED_YAML',
        '映射的键必须是文本，不能是列表或映射。',
        'Mapping keys must be text, not lists or mappings.',
        at,
      );
    case 'RESOURCE_EXHAUSTION':
      return problem('TOO_DEEP', '嵌套过深，无法解析。', 'Nesting is too deep to parse.', at);
    default:
      return problem('SYNTAX', `YAML 语法错误：${error.message}`, `YAML syntax error: ${error.message}`, at);
  }
}

/** The first line (1-based, up to `lastLine`) whose leading whitespace contains a tab, outside what the parser accepted. */
function firstTabIndentedLine(text: string, lastLine: number): number | undefined {
  let line = 1;
  let start = 0;
  while (line <= lastLine && start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    let i = start;
    while (i < stop && (text[i] === ' ' || text[i] === '\t')) i++;
    // Only lines with content: tabs in blank lines are harmless.
    if (i < stop && text[i] !== '\r' && text.slice(start, i).includes('\t')) return line;
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return undefined;
}

interface Frame {
  node: YamlNode;
  children: (YamlNode | null)[];
  next: number;
  size: number;
  height: number;
}

/**
 * One iterative pass over the parsed tree: nesting depth, number of values with aliases expanded
 * (memoised per anchored node, so an alias bomb is refused in linear time before toJS builds it),
 * alias count, string length and number exactness.
 */
function measure(
  doc: Document,
  text: string,
  limits: SourceLimits,
  position: (offset: number) => { line: number; column: number },
): SourceProblem | undefined {
  return new TreeMeasure(text, limits, position).run(doc.contents as YamlNode);
}

type Metrics = { size: number; height: number };

function childrenOf(node: YamlNode): (YamlNode | null)[] {
  if (isMap(node)) return node.items.map((pair) => (isPair(pair) ? ((pair.value as YamlNode | null) ?? null) : null));
  if (isSeq(node)) return node.items.map((item) => (item as YamlNode | null) ?? null);
  return [];
}

/** The state of `measure`'s walk: anchors seen, metrics of finished anchored nodes, the open frames. */
class TreeMeasure {
  private readonly anchors = new Map<string, YamlNode>();
  private readonly done = new Map<YamlNode, Metrics>();
  private readonly stack: Frame[] = [];
  private aliases = 0;

  constructor(
    private readonly text: string,
    private readonly limits: SourceLimits,
    private readonly position: (offset: number) => { line: number; column: number },
  ) {}

  run(root: YamlNode): SourceProblem | undefined {
    const { stack, limits } = this;
    const first = this.enter(root);
    if (typeof first === 'object' && 'code' in first) return first;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next < frame.children.length) {
        const child = frame.children[frame.next++]!;
        const result = this.enter(child);
        if (result === 'pushed') continue;
        if ('code' in result) return result;
        frame.size += result.size;
        frame.height = Math.max(frame.height, result.height + 1);
        if (frame.size > limits.maxValues) return this.tooMany(child ?? frame.node);
        continue;
      }
      const bad = this.finish(frame);
      if (bad) return bad;
    }
    return undefined;
  }

  /** Pops a frame whose children are all measured and carries its metrics up to its parent. */
  private finish(frame: Frame): SourceProblem | undefined {
    this.stack.pop();
    const metrics = { size: frame.size, height: frame.height };
    if ((frame.node as { anchor?: string }).anchor) this.done.set(frame.node, metrics);
    const parent = this.stack[this.stack.length - 1];
    if (!parent) return undefined;
    parent.size += metrics.size;
    parent.height = Math.max(parent.height, metrics.height + 1);
    return parent.size > this.limits.maxValues ? this.tooMany(frame.node) : undefined;
  }

  /** A leaf's metrics, a problem, or 'pushed' when a mapping or list was opened as a new frame. */
  private enter(node: YamlNode | null): Metrics | SourceProblem | 'pushed' {
    if (node === null) return { size: 1, height: 0 };
    if (isAlias(node)) return this.enterAlias(node);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) this.anchors.set(anchor, node);
    if (isMap(node) || isSeq(node)) {
      if (this.stack.length + 1 > this.limits.maxDepth) {
        return problem(
          'TOO_DEEP',
          `嵌套超过 ${this.limits.maxDepth} 层。`,
          `Nesting is deeper than ${this.limits.maxDepth} levels.`,
          this.where(node),
        );
      }
      const bad = this.keyProblem(node);
      if (bad) return bad;
      this.stack.push({ node, children: childrenOf(node), next: 0, size: 1, height: 1 });
      return 'pushed';
    }
    const bad = this.checkLeaf(node);
    if (bad) return bad;
    const metrics = { size: 1, height: 0 };
    if (anchor) this.done.set(node, metrics);
    return metrics;
  }

  /** An alias counts as its anchored node, measured once when that node was finished. */
  private enterAlias(node: YamlNode & { source: string }): Metrics | SourceProblem {
    const { limits } = this;
    this.aliases++;
    if (this.aliases > limits.maxAliases) {
      return problem(
        'TOO_MANY_ALIASES',
        `YAML 别名（*名称）超过上限 ${limits.maxAliases} 个。`,
        `More than ${limits.maxAliases} YAML aliases (*name).`,
        this.where(node),
      );
    }
    const target = this.anchors.get(node.source);
    const metrics = target && this.done.get(target);
    if (!target) {
      return problem(
        'SYNTAX',
        `YAML 别名 *${node.source} 之前没有定义锚点 &${node.source}。`,
        `The YAML alias *${node.source} has no anchor &${node.source} before it.`,
        this.where(node),
      );
    }
    if (!metrics) {
      return problem(
        'UNSUPPORTED_YAML',
        `YAML 别名 *${node.source} 引用了包含它自身的节点（循环引用）。`,
        `The YAML alias *${node.source} refers to a node that contains it (a cycle).`,
        this.where(node),
      );
    }
    if (this.stack.length + metrics.height > limits.maxDepth) {
      return problem(
        'TOO_DEEP',
        `嵌套超过 ${limits.maxDepth} 层（含别名展开）。`,
        `Nesting is deeper than ${limits.maxDepth} levels (with aliases expanded).`,
        this.where(node),
      );
    }
    if (metrics.size > limits.maxValues) return this.tooMany(node);
    return metrics;
  }

  private where(node: YamlNode) {
    return this.position(node.range?.[0] ?? 0);
  }

  private tooMany(node: YamlNode): SourceProblem {
    return problem(
      'TOO_MANY_VALUES',
      `展开 YAML 别名后文件中的值超过上限 ${this.limits.maxValues} 个（可能是“别名炸弹”）。`,
      `The document holds more than ${this.limits.maxValues} values once YAML aliases are expanded (an alias bomb?).`,
      this.where(node),
    );
  }

  private checkLeaf(node: YamlNode): SourceProblem | undefined {
    if (!isScalar(node)) return undefined;
    const { limits } = this;
    if (typeof node.value === 'string' && node.value.length > limits.maxStringLength) {
      return problem(
        'STRING_TOO_LONG',
        `字符串长 ${node.value.length} 个字符，超过上限 ${limits.maxStringLength}。`,
        `A string of ${node.value.length} characters is longer than the limit of ${limits.maxStringLength}.`,
        this.where(node),
      );
    }
    if (typeof node.value === 'number') {
      const range = node.range;
      const literal = (node.source ?? (range ? this.text.slice(range[0], range[1]) : String(node.value))).trim();
      return numberProblem(literal, node.value, this.where(node));
    }
    return undefined;
  }

  private keyProblem(node: YamlNode): SourceProblem | undefined {
    if (!isMap(node)) return undefined;
    for (const pair of node.items) {
      const key = pair.key;
      if (isScalar(key) && typeof key.value === 'string' && key.value.length > this.limits.maxStringLength)
        return this.checkLeaf(key as YamlNode);
    }
    return undefined;
  }
}

/**
 * Line and column of the value at `pointer`. A value reached through a mapping key that is a
 * mapping or list points at its key (the line a person looks for); a missing value points at its
 * nearest existing ancestor.
 *
 * A report with thousands of findings asks for thousands of places, so nothing here walks the whole
 * document per call: the aliases are resolved once, and each mapping's keys are indexed the first
 * time a pointer passes through it.
 */
function yamlLocator(
  doc: Document,
  position: (offset: number) => { line: number; column: number },
): (pointer: string) => { line: number; column: number } | undefined {
  let anchors: Map<unknown, YamlNode> | undefined;
  const keyIndexes = new WeakMap<object, Map<string, { key: YamlNode; value: unknown }>>();
  const resolve = (node: unknown): unknown => {
    if (!isAlias(node)) return node;
    anchors ??= collectAnchors(doc);
    return anchors.get(node);
  };
  const pairOf = (map: YamlNode & { items: { key: unknown; value: unknown }[] }, segment: string) => {
    let index = keyIndexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        // The first of two equal keys wins, as it did with a linear search (the reader refuses duplicates anyway).
        if (!index.has(name)) index.set(name, { key: pair.key as YamlNode, value: pair.value });
      }
      keyIndexes.set(map, index);
    }
    return index.get(segment);
  };

  return (pointer) => {
    if (pointer !== '' && !pointer.startsWith('/')) return undefined;
    let node = resolve(doc.contents) as YamlNode | null | undefined;
    let best: number | undefined = node?.range?.[0];
    for (const segment of pointerSegments(pointer)) {
      if (isMap(node)) {
        const pair = pairOf(node as never, segment);
        if (!pair) break;
        const value = resolve(pair.value) as YamlNode | null | undefined;
        // Scalars point at the value; collections and empty values (`key:`) at their key.
        const scalarValue = isScalar(value) && !(value.value === null && !value.source);
        best = (scalarValue ? value.range?.[0] : pair.key.range?.[0]) ?? best;
        node = value;
      } else if (isSeq(node)) {
        if (!/^(0|[1-9][0-9]*)$/.test(segment)) break;
        const item = resolve(node.items[Number(segment)]) as YamlNode | null | undefined;
        if (!item) break;
        best = item.range?.[0] ?? best;
        node = item;
      } else {
        break;
      }
    }
    return best === undefined ? undefined : position(best);
  };
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Alias node → the node it refers to (the last anchor of that name before it, in document order). */
function collectAnchors(doc: Document): Map<unknown, YamlNode> {
  const result = new Map<unknown, YamlNode>();
  const byName = new Map<string, YamlNode>();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const target = byName.get(node.source);
      if (target) result.set(node, target);
      continue;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) byName.set(anchor, node as YamlNode);
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]!.value);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return result;
}
