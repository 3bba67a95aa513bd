/**
 * The quick verdict of the text rules: one pass over each text of a report serves every word list
 * (forbiddenText) and every regular expression (forbiddenText, statedCount) of a rule set, and says for
 * each check whether it *may* find something. A clean report (nearly every report) is then done; a
 * check that may find something runs as before (engine.ts) and words its findings exactly as before.
 * A wrong "may" only costs time; a wrong "clean" would lose findings, so everything here errs towards "may".
 *
 * - The texts are reached through the schema when the document conforms to it: the large tables hold
 *   numbers only, so they are not walked at all (`Shape`). Otherwise every string below a pointer counts.
 * - Per UTF-16 unit, a table gives its class: which character sets of the expressions it belongs to and
 *   which words start with it. An expression runs on a text only when the text has a character of each
 *   set every match needs (`necessarySets`: `[(（]`, `[)）]` and a Latin letter for pinyin-after-every-
 *   character; a digit, 申, 请 and 件 for a stated count of applications).
 * - What a text (or an array or object of texts) yields is a bit mask, remembered per object for one
 *   evaluation, so texts under two rules' pointers (`/sections` and `/sections/overview`) are read once.
 */
import type { Check, JsonSchema, RuleSet } from '@nianbao/template';
import { necessarySets } from '../regex-safety.js';

const INVISIBLE = /\p{Cf}/u;

/** A UTF-16 unit as folded for matching: full-width ASCII forms as ASCII, then Latin capitals as small letters. */
export function foldUnit(unit: number): number {
  if (unit >= 0xff01 && unit <= 0xff5e) unit -= 0xfee0;
  return unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
}

/** Whether the code point at `index` is an invisible format character; no regular expression for the common scripts. */
export function invisibleAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  // No Cf character below U+00AD, in U+2E80–FEFE (CJK, Hangul, Yi, compatibility forms) or U+FF00–FFEF.
  if (unit < 0xad || (unit >= 0x2e80 && unit <= 0xfefe) || (unit >= 0xff00 && unit <= 0xffef)) return false;
  return INVISIBLE.test(String.fromCodePoint(text.codePointAt(index)!));
}

/**
 * Whether a word (as folded units) occurs in the text at `index`, whose unit folds to the word's first:
 * compared unit by unit with invisible format characters skipped between them (足\u200B球比分).
 */
export function wordAt(text: string, index: number, needle: readonly number[]): boolean {
  const length = text.length;
  let j = index + 1;
  let m = 1;
  for (; m < needle.length; m++) {
    while (j < length && invisibleAt(text, j)) j += text.codePointAt(j)! > 0xffff ? 2 : 1;
    if (j >= length || foldUnit(text.charCodeAt(j)) !== needle[m]) break;
    j++;
  }
  return m === needle.length;
}

/** Every UTF-16 unit that folds to `lead`: itself, its full-width form, and their capitals. */
export function unitsFoldingTo(lead: number): number[] {
  const units: number[] = [];
  for (const unit of [lead, lead - 0x20, lead + 0xfee0, lead - 0x20 + 0xfee0])
    if (unit >= 0 && unit < 0x10000 && foldUnit(unit) === lead && !units.includes(unit)) units.push(unit);
  return units;
}

// ---------------------------------------------------------------------------------------------------
// Where strings can be: the schema's shape, for documents that conform to it.

/**
 * What a value at a place may hold, as far as strings go: `string` — it may be a string; `object` — the
 * keys below which strings may be (undefined: it is not an object, or none of its keys holds a string;
 * 'any': any key may); `array` — the shape of its items ('any', or undefined as for objects).
 */
interface Shape {
  string: boolean;
  object: undefined | 'any' | { keys: string[]; shapes: Shape[] };
  array: undefined | 'any' | Shape;
}

export const ANY_SHAPE: Shape = Object.freeze({ string: true, object: 'any', array: 'any' }) as Shape;
const NO_STRING: Shape = Object.freeze({ string: false, object: undefined, array: undefined }) as Shape;

/** Keywords that do not constrain a value. */
const ANNOTATION =
  /^(?:title|description|\$comment|\$id|\$schema|\$defs|default|examples|deprecated|readOnly|writeOnly|x-.*)$/;
/** Keywords that narrow a value of the given type without changing where strings can be. */
const NARROWING = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'const',
  'enum',
]);

const isPrimitive = (value: unknown): boolean =>
  value === null || (typeof value !== 'object' && typeof value !== 'function');
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

class ShapeBuilder {
  private readonly shapes = new Map<object, Shape>();
  private readonly atPointer = new Map<string, Shape>();
  readonly root: Shape;

  constructor(private readonly schema: JsonSchema) {
    this.root = this.shapeOf(schema);
  }

  private target(ref: string): unknown {
    if (!ref.startsWith('#')) return undefined;
    let node: unknown = this.schema;
    const path = decodeURIComponent(ref.slice(1));
    if (path === '') return node;
    if (!path.startsWith('/')) return undefined;
    for (const segment of path.slice(1).split('/')) {
      const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      node = isObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
    }
    return node;
  }

  shapeOf(node: unknown): Shape {
    if (node === false) return NO_STRING;
    if (!isObject(node)) return ANY_SHAPE;
    let shape = this.shapes.get(node);
    if (shape) return shape;
    // A $def may refer to itself: while it is being built, it may hold anything.
    this.shapes.set(node, ANY_SHAPE);
    shape = this.build(node);
    this.shapes.set(node, shape);
    return shape;
  }

  private build(node: Record<string, unknown>): Shape {
    const keys = Object.keys(node).filter((key) => !ANNOTATION.test(key));
    if (keys.length === 1 && keys[0] === '$ref' && typeof node.$ref === 'string') {
      const target = this.target(node.$ref);
      return target === undefined ? ANY_SHAPE : this.shapeOf(target);
    }
    const literals = (): unknown[] | undefined => {
      if (keys.every((key) => key === 'enum' || key === 'const')) {
        const values = [
          ...(Object.hasOwn(node, 'const') ? [node.const] : []),
          ...(Array.isArray(node.enum) ? node.enum : []),
        ];
        return Object.hasOwn(node, 'enum') && !Array.isArray(node.enum) ? undefined : values;
      }
      // oneOf / anyOf of constants (the agency kinds and levels).
      if (keys.length === 1 && (keys[0] === 'oneOf' || keys[0] === 'anyOf') && Array.isArray(node[keys[0]])) {
        const values: unknown[] = [];
        for (const option of node[keys[0]] as unknown[]) {
          if (!isObject(option)) return undefined;
          const optionKeys = Object.keys(option).filter((key) => !ANNOTATION.test(key));
          if (!optionKeys.every((key) => key === 'enum' || key === 'const')) return undefined;
          if (Object.hasOwn(option, 'const')) values.push(option.const);
          if (Object.hasOwn(option, 'enum')) {
            if (!Array.isArray(option.enum)) return undefined;
            values.push(...option.enum);
          }
        }
        return values;
      }
      return undefined;
    };
    if (!keys.includes('type')) {
      const values = literals();
      if (values === undefined || !values.every(isPrimitive)) return ANY_SHAPE;
      return values.some((value) => typeof value === 'string')
        ? { string: true, object: undefined, array: undefined }
        : NO_STRING;
    }
    if (!keys.every((key) => NARROWING.has(key))) return ANY_SHAPE;
    const types = Array.isArray(node.type) ? (node.type as unknown[]) : [node.type];
    if (!types.every((type) => typeof type === 'string')) return ANY_SHAPE;
    let object: Shape['object'];
    if (types.includes('object')) {
      // Only an object that may not have other keys (and conforms) has its strings under its properties.
      if (node.additionalProperties !== false || (node.properties !== undefined && !isObject(node.properties)))
        object = 'any';
      else {
        const properties = (node.properties ?? {}) as Record<string, unknown>;
        const listed = Object.keys(properties).map((key) => ({ key, shape: this.shapeOf(properties[key]) }));
        const holding = listed.filter(({ shape }) => !isEmpty(shape));
        object =
          holding.length === 0
            ? undefined
            : { keys: holding.map(({ key }) => key), shapes: holding.map(({ shape }) => shape) };
      }
    }
    let array: Shape['array'];
    if (types.includes('array')) {
      if (node.items === undefined) array = 'any';
      else {
        const items = this.shapeOf(node.items);
        array = isEmpty(items) ? undefined : items;
      }
    }
    const shape: Shape = { string: types.includes('string'), object, array };
    return isEmpty(shape) ? NO_STRING : shape;
  }

  /** The shape of the value at a pointer (of a document that conforms to the schema). */
  at(pointer: string): Shape {
    let shape = this.atPointer.get(pointer);
    if (shape === undefined) {
      shape = this.root;
      if (pointer !== '') {
        for (const segment of pointer.slice(1).split('/')) {
          const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
          shape = childShape(shape, key);
        }
      }
      if (this.atPointer.size > 10_000) this.atPointer.clear();
      this.atPointer.set(pointer, shape);
    }
    return shape;
  }
}

const isEmpty = (shape: Shape): boolean => !shape.string && shape.object === undefined && shape.array === undefined;

/** The shape of an array's items (undefined: no string can be below them). */
export function itemsShape(shape: Shape): Shape | undefined {
  if (shape.object !== undefined || shape.array === 'any') return shape.array === undefined ? undefined : ANY_SHAPE;
  return shape.array;
}

/** Whether no string can be at or below a place of this shape. */
export const holdsNoString = isEmpty;

/** The shape of an object's property. */
export function childShape(shape: Shape, key: string): Shape {
  // A place that may be an object and an array: the key could be either's.
  if (shape.object !== undefined && shape.array !== undefined) return ANY_SHAPE;
  if (shape.object === 'any' || shape.array === 'any') return ANY_SHAPE;
  if (shape.object !== undefined) {
    const index = shape.object.keys.indexOf(key);
    return index < 0 ? NO_STRING : shape.object.shapes[index]!;
  }
  if (shape.array !== undefined) return /^(0|[1-9][0-9]*)$/.test(key) ? shape.array : NO_STRING;
  return NO_STRING;
}

const shapeBuilders = new WeakMap<object, ShapeBuilder>();
/** The shape at a pointer of a document that conforms to `root`. */
export function shapeAt(root: JsonSchema, pointer: string): Shape {
  let builder = shapeBuilders.get(root);
  if (!builder) shapeBuilders.set(root, (builder = new ShapeBuilder(root)));
  return builder.at(pointer);
}

// ---------------------------------------------------------------------------------------------------
// The scanner of a rule set.

/** What a check needs to know of the texts it reads. */
interface CheckPlan {
  /** Bits of the text results that mean "may find something"; `always`: no quick verdict (bits ran out). */
  bits: number;
  always: boolean;
  /** statedCount: its expressions, whose stated numbers the verdict compares with the total. */
  stated: readonly PatternScan[];
  /**
   * forbiddenText: the bit of its word list, and of each of its expressions (in `check.patterns`
   * order); 0 when bits ran out. A part whose bit no text yields cannot find anything.
   */
  wordBit: number;
  patternBits: readonly number[];
}

interface PatternScan {
  /** Its place in `Scanner.patterns` (and in `ScanState.stated`). */
  index: number;
  /** forbiddenText: tested (a match is a finding); statedCount: run with the g flag, its numbers kept. */
  regex: RegExp | undefined;
  /** Bits of the character sets a text must all have for the expression to match. */
  required: number;
  kind: 'test' | 'stated';
  bit: number;
}

/** What one evaluation has scanned with one scanner. */
export interface ScanState {
  /** The bits of each array and object of texts scanned so far. */
  seen: Map<object, number>;
  /** Per statedCount expression: every number (group n) it found in the texts scanned so far. */
  stated: (string[] | undefined)[];
  /** The bits of each text scanned so far that yielded any (rare: a word, a matching expression, a stated number). */
  hits: Map<string, number>;
}

export interface Scanner {
  /** UTF-16 unit → class (0: a unit no rule looks at). */
  table: Uint8Array | Uint16Array;
  /** Class → bits of the character sets its units belong to. */
  classSets: number[];
  /** Class → the words (folded units, with the bit of their list) that start with its units. */
  classWords: ({ units: number[]; bit: number }[] | undefined)[];
  patterns: PatternScan[];
  checks: WeakMap<Check, CheckPlan>;
}

/** Words folded for matching: full-width forms as ASCII, Latin capitals as small letters, invisible characters removed. */
function foldWord(word: string): string {
  let out = '';
  for (const char of word) {
    if (INVISIBLE.test(char)) continue;
    for (let k = 0; k < char.length; k++) out += String.fromCharCode(foldUnit(char.charCodeAt(k)));
  }
  return out;
}

type RegexOf = (pattern: string, flags?: string) => RegExp | undefined;

const necessaryCache = new Map<string, [number, number][][]>();
/** necessarySets once per expression per process (both editions' rule files share most of theirs). */
function necessaryOf(pattern: string): readonly [number, number][][] {
  let sets = necessaryCache.get(pattern);
  if (!sets) {
    sets = necessarySets(pattern);
    if (necessaryCache.size > 1000) necessaryCache.clear();
    necessaryCache.set(pattern, sets);
  }
  return sets;
}

function buildScanner(ruleSet: RuleSet, regex: RegexOf): Scanner {
  let outputBits = 0;
  const nextBit = (): number => (outputBits < 31 ? 1 << outputBits++ : 0);
  const sets = new Map<string, { ranges: [number, number][]; bit: number }>();
  let setBits = 0;
  const setBit = (ranges: [number, number][]): number => {
    const key = JSON.stringify(ranges);
    let entry = sets.get(key);
    if (!entry) sets.set(key, (entry = { ranges, bit: setBits < 31 ? 1 << setBits++ : 0 }));
    return entry.bit;
  };
  const DIGIT_SET = setBit([[0x30, 0x39]]);
  const patterns = new Map<string, PatternScan>();
  const patternScan = (pattern: string, kind: PatternScan['kind']): PatternScan => {
    const key = `${kind}\u0000${pattern}`;
    let scan = patterns.get(key);
    if (!scan) {
      // The same compiled expressions as the checks themselves run (engine.ts).
      const compiled = regex(pattern, kind === 'stated' ? 'g' : '');
      let required = kind === 'stated' ? DIGIT_SET : 0; // a stated count is digits: texts without one are skipped
      if (compiled) for (const set of necessaryOf(pattern)) required |= setBit(set);
      scan = { index: patterns.size, regex: compiled, required, kind, bit: nextBit() };
      patterns.set(key, scan);
    }
    return scan;
  };
  const lists = new Map<readonly string[], number>();
  const words: { units: number[]; bit: number }[] = [];
  const checks = new WeakMap<Check, CheckPlan>();

  for (const rule of ruleSet.rules) {
    for (const check of rule.checks) {
      if (check.type !== 'forbiddenText' && check.type !== 'statedCount') continue;
      let bits = 0;
      let always = false;
      const stated: PatternScan[] = [];
      let wordBit = 0;
      const patternBits: number[] = [];
      const add = (bit: number) => {
        if (bit === 0) always = true;
        bits |= bit;
      };
      if (check.type === 'forbiddenText') {
        const list = check.words ?? [];
        const needles = list.map(foldWord).filter((needle) => needle !== '');
        if (needles.length > 0) {
          let bit = lists.get(list);
          if (bit === undefined) {
            lists.set(list, (bit = nextBit()));
            if (bit !== 0)
              for (const needle of needles)
                words.push({ units: Array.from({ length: needle.length }, (_, k) => needle.charCodeAt(k)), bit });
          }
          add(bit);
          wordBit = bit;
        }
        for (const { pattern } of check.patterns ?? []) {
          const bit = patternScan(pattern, 'test').bit;
          add(bit);
          patternBits.push(bit);
        }
      } else {
        for (const pattern of check.patterns) {
          const scan = patternScan(pattern, 'stated');
          add(scan.bit);
          stated.push(scan);
        }
      }
      checks.set(check, { bits, always, stated, wordBit, patternBits });
    }
  }

  // Classes: units with the same sets and the same words starting with them.
  const unitSets = new Map<number, number>();
  for (const { ranges, bit } of sets.values()) {
    if (bit === 0) continue;
    for (const [lo, hi] of ranges) {
      // Beyond the BMP a text has surrogate pairs: the lead surrogates of the range stand for it.
      const from = lo > 0xffff ? 0xd800 + ((lo - 0x10000) >> 10) : lo;
      const to = hi > 0xffff ? 0xd800 + ((hi - 0x10000) >> 10) : hi;
      if (lo <= 0xffff && hi > 0xffff) {
        for (let unit = lo; unit <= 0xffff; unit++) unitSets.set(unit, (unitSets.get(unit) ?? 0) | bit);
        for (let unit = 0xd800; unit <= to; unit++) unitSets.set(unit, (unitSets.get(unit) ?? 0) | bit);
      } else for (let unit = from; unit <= to; unit++) unitSets.set(unit, (unitSets.get(unit) ?? 0) | bit);
    }
  }
  const unitWords = new Map<number, { units: number[]; bit: number }[]>();
  for (const word of words) {
    for (const unit of unitsFoldingTo(word.units[0]!)) {
      if (!unitWords.has(unit)) unitWords.set(unit, []);
      unitWords.get(unit)!.push(word);
    }
  }
  const classOf = new Map<string, number>();
  const classSets: number[] = [0];
  const classWords: ({ units: number[]; bit: number }[] | undefined)[] = [undefined];
  const assignments: [number, number][] = [];
  for (const unit of new Set([...unitSets.keys(), ...unitWords.keys()])) {
    const setMask = unitSets.get(unit) ?? 0;
    const starting = unitWords.get(unit);
    const key = `${setMask}:${starting ? starting.map((word) => words.indexOf(word)).join(',') : ''}`;
    let cls = classOf.get(key);
    if (cls === undefined) {
      classOf.set(key, (cls = classSets.length));
      classSets.push(setMask);
      classWords.push(starting);
    }
    assignments.push([unit, cls]);
  }
  const table = classSets.length <= 0x100 ? new Uint8Array(0x10000) : new Uint16Array(0x10000);
  for (const [unit, cls] of assignments) table[unit] = cls;
  return { table, classSets, classWords, patterns: [...patterns.values()], checks };
}

const scanners = new WeakMap<RuleSet, Scanner>();
export function scannerOf(ruleSet: RuleSet, regex: RegexOf): Scanner {
  let scanner = scanners.get(ruleSet);
  if (!scanner) scanners.set(ruleSet, (scanner = buildScanner(ruleSet, regex)));
  return scanner;
}

/**
 * Texts as UTF-16 units in one reused typed array (Node's Buffer, on a little-endian machine). A loop of
 * `charCodeAt` is fast on one kind of string only, and a report's texts come in several: flat, slices
 * of a YAML source, concatenations (ropes) — together three to four times slower per character than
 * this copy (one native call) and a loop over typed memory. Elsewhere texts are read with charCodeAt.
 */
type BufferLike = Uint8Array & {
  write(text: string, offset: number, encoding: string): number;
  fill(value: number, start: number, end: number): BufferLike;
};
const NodeBuffer = (globalThis as { Buffer?: { allocUnsafeSlow(size: number): BufferLike } }).Buffer;
const LITTLE_ENDIAN = new Uint16Array(new Uint8Array([1, 0]).buffer)[0] === 1;
/** Shorter texts: the copy's call costs more than it saves. */
const COPY_FROM = 24;
let unitBytes: BufferLike | undefined;
let units: Uint16Array<ArrayBufferLike> = new Uint16Array(0);
/** How many bytes of the buffer hold a text's copy (cleared after each evaluation). */
let usedBytes = 0;

/** Clears the copies of texts (called when an evaluation ends: nothing of a document is kept). */
export function releaseScanBuffer(): void {
  if (unitBytes !== undefined && usedBytes > 0) unitBytes.fill(0, 0, usedBytes);
  usedBytes = 0;
}

function unitsOf(text: string): Uint16Array<ArrayBufferLike> | undefined {
  if (NodeBuffer === undefined || !LITTLE_ENDIAN || text.length < COPY_FROM) return undefined;
  if (unitBytes === undefined || units.length < text.length) {
    unitBytes = NodeBuffer.allocUnsafeSlow(Math.max(4096, text.length * 2) * 2);
    units = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, unitBytes.length >> 1);
  }
  const written = unitBytes.write(text, 0, 'utf16le');
  if (written > usedBytes) usedBytes = written;
  return units;
}

/** `hits` with the bits of the lists of the words that occur at `index`. */
function wordsAt(
  text: string,
  index: number,
  starting: readonly { units: number[]; bit: number }[],
  hits: number,
): number {
  for (let w = 0; w < starting.length; w++) {
    const word = starting[w]!;
    if ((hits & word.bit) === 0 && wordAt(text, index, word.units)) hits |= word.bit;
  }
  return hits;
}

/** The second result of `scanRange`: the bits of the lists with a word in the range. */
let rangeHits = 0;

/**
 * Reads units [from, to) of `subject` (from `copy` when there is one): returns the bits of the character
 * sets found, and leaves those of the word lists in `rangeHits`.
 */
function scanRange(
  scanner: Scanner,
  subject: string,
  copy: Uint16Array<ArrayBufferLike> | undefined,
  from: number,
  to: number,
): number {
  const { table, classSets, classWords } = scanner;
  let sets = 0;
  let hits = 0;
  // The same loop twice, over the copy or over the text: one kind of read per loop.
  if (copy !== undefined) {
    for (let i = from; i < to; i++) {
      const cls = table[copy[i]!]!;
      if (cls === 0) continue;
      sets |= classSets[cls]!;
      const starting = classWords[cls];
      if (starting !== undefined) hits = wordsAt(subject, i, starting, hits);
    }
  } else {
    for (let i = from; i < to; i++) {
      const cls = table[subject.charCodeAt(i)]!;
      if (cls === 0) continue;
      sets |= classSets[cls]!;
      const starting = classWords[cls];
      if (starting !== undefined) hits = wordsAt(subject, i, starting, hits);
    }
  }
  rangeHits = hits;
  return sets;
}

/** The bits of a text whose character sets and word hits are known: its expressions run where they can match. */
function finishText(scanner: Scanner, text: string, sets: number, hits: number, state: ScanState): number {
  const patterns = scanner.patterns;
  for (let p = 0; p < patterns.length; p++) {
    const pattern = patterns[p]!;
    const regex = pattern.regex;
    if (regex === undefined || (sets & pattern.required) !== pattern.required) continue;
    regex.lastIndex = 0;
    if (pattern.kind === 'test') {
      if ((hits & pattern.bit) === 0 && regex.test(text)) hits |= pattern.bit;
      continue;
    }
    // As statedCount reads them (engine.ts): every match, an empty one stepped over by a code point.
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      if (match[0] === '') regex.lastIndex += (text.codePointAt(regex.lastIndex) ?? 0) > 0xffff ? 2 : 1;
      const stated = match.groups?.n;
      if (stated === undefined || !/^\d+$/.test(stated)) continue;
      (state.stated[pattern.index] ??= []).push(stated);
      hits |= pattern.bit;
    }
  }
  if (hits !== 0) state.hits.set(text, hits);
  return hits;
}

/**
 * The bits one text yields: the lists with a word in it, the expressions that match it, the statedCount
 * expressions that state a number in it (the numbers kept in `state`).
 */
export function scanText(scanner: Scanner, text: string, state: ScanState): number {
  const sets = scanRange(scanner, text, unitsOf(text), 0, text.length);
  return finishText(scanner, text, sets, rangeHits, state);
}

/**
 * The bits of several texts (the paragraphs of a part), read in one go: joined (one flat string, one
 * copy) and scanned text by text within the join. A word cannot run on from one text into the next (a
 * NUL between them is not an invisible character), and the expressions run on each text alone.
 */
function scanTexts(scanner: Scanner, texts: readonly string[], state: ScanState): number {
  const joined = texts.join('\u0000');
  const copy = unitsOf(joined);
  let bits = 0;
  let offset = 0;
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t]!;
    const sets = scanRange(scanner, joined, copy, offset, offset + text.length);
    bits |= finishText(scanner, text, sets, rangeHits, state);
    offset += text.length + 1;
  }
  return bits;
}

const allStrings = (values: readonly unknown[]): values is readonly string[] => {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== 'string') return false;
  return true;
};

/**
 * The bits of every text in a value: through its shape when the document conforms (nothing else can
 * hold a string), else every own enumerable string below it. Arrays and objects remembered in `seen`
 * (one evaluation, one scanner).
 */
export function scanValue(scanner: Scanner, value: unknown, shape: Shape, state: ScanState): number {
  if (typeof value === 'string') return shape.string ? scanText(scanner, value, state) : 0;
  const seen = state.seen;
  if (value === null || typeof value !== 'object') return 0;
  const known = seen.get(value);
  if (known !== undefined) return known;
  let bits = 0;
  if (Array.isArray(value)) {
    const items = shape.array;
    if (items === undefined) return 0;
    const itemShape = items === 'any' ? ANY_SHAPE : items;
    if (itemShape.string && value.length > 1 && allStrings(value)) bits = scanTexts(scanner, value, state);
    else for (let i = 0; i < value.length; i++) bits |= scanValue(scanner, value[i], itemShape, state);
  } else {
    const object = shape.object;
    if (object === undefined) return 0;
    if (object === 'any') {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        bits |= scanValue(scanner, (value as Record<string, unknown>)[key], ANY_SHAPE, state);
      }
    } else {
      const { keys, shapes } = object;
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        if (Object.hasOwn(value, key))
          bits |= scanValue(scanner, (value as Record<string, unknown>)[key], shapes[k]!, state);
      }
    }
  }
  seen.set(value, bits);
  return bits;
}

export type { CheckPlan, PatternScan, Shape };
