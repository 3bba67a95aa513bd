import type { SourceLimits } from './limits.js';
import type { LineIndex } from './lines.js';
import { numberProblem } from './numbers.js';
import { problem, type SourceProblem } from './problem.js';

/**
 * A strict, iterative JSON (RFC 8259) scanner. It runs before JSON.parse so that depth, size,
 * duplicate keys and inexact numbers are refused with a line and column — JSON.parse itself
 * recurses (a 100,000-level array overflows the stack), keeps the last of duplicate keys
 * silently and turns 1e400 into Infinity. With `onValue` it also reports where each value
 * starts, which is how `locate` works for JSON.
 */
export function scanJson(
  text: string,
  limits: SourceLimits,
  lines: LineIndex,
  onValue?: (path: readonly (string | number)[], offset: number) => void,
): SourceProblem | undefined {
  return new JsonScanner(text, limits, lines, onValue).scan();
}

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const STRING_RUN = /[^"\\\u0000-\u001f]*/y;
const COMMENTS = [
  'JSON 不允许注释（需要注释请用 YAML）。',
  'JSON does not allow comments (use YAML for comments).',
] as const;

interface Container {
  kind: 'object' | 'array';
  open: number;
  keys: Map<string, number> | undefined;
  index: number;
  nonEmpty: boolean;
}

/** One scan: the position, the open containers and the path to the current value. */
class JsonScanner {
  private readonly stack: Container[] = [];
  private readonly path: (string | number)[] = [];
  private pos = 0;
  private values = 0;
  private readonly n: number;

  constructor(
    private readonly text: string,
    private readonly limits: SourceLimits,
    private readonly lines: LineIndex,
    private readonly onValue?: (path: readonly (string | number)[], offset: number) => void,
  ) {
    this.n = text.length;
  }

  /** Alternates between reading a value and what may follow one, until the end or a problem. */
  scan(): SourceProblem | undefined {
    this.skipWhitespace();
    let expectValue = true;
    for (;;) {
      const step: 'value' | 'after' | 'done' | SourceProblem = expectValue ? this.readValue() : this.afterValue();
      if (step === 'done') return undefined;
      if (typeof step === 'object') return step;
      expectValue = step === 'value';
    }
  }

  private at(offset: number) {
    return this.lines.position(offset);
  }

  private syntax(offset: number, zh: string, en: string): SourceProblem {
    return problem('SYNTAX', `JSON 语法错误：${zh}`, `JSON syntax error: ${en}`, this.at(offset));
  }

  private skipWhitespace(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  private describeChar(offset: number): string {
    return JSON.stringify(String.fromCodePoint(this.text.codePointAt(offset)!));
  }

  private unexpectedEnd(): SourceProblem {
    const open = this.stack[this.stack.length - 1];
    if (!open) return this.syntax(this.n, '文件在应有值的地方结束了。', 'the file ends where a value was expected.');
    const where = this.at(open.open);
    const zhKind = open.kind === 'object' ? '对象 {' : '数组 [';
    const enKind = open.kind === 'object' ? 'object {' : 'array [';
    return this.syntax(
      this.n,
      `文件在第 ${where.line} 行第 ${where.column} 列开始的${zhKind}中途结束（文件不完整）。`,
      `the file ends inside the ${enKind} opened at line ${where.line}, column ${where.column} (the file is incomplete).`,
    );
  }

  /** Reads a string at `pos` (which is at the opening quote); returns its end offset or a problem. */
  private readString(): { end: number; escaped: boolean } | SourceProblem {
    const { text, n } = this;
    const start = this.pos;
    let p = start + 1;
    let escaped = false;
    for (;;) {
      STRING_RUN.lastIndex = p;
      STRING_RUN.exec(text);
      p = STRING_RUN.lastIndex;
      if (p >= n) {
        const where = this.at(start);
        return this.syntax(
          n,
          `第 ${where.line} 行第 ${where.column} 列开始的字符串没有结束引号（文件不完整）。`,
          `the string that starts at line ${where.line}, column ${where.column} has no closing quote (the file is incomplete).`,
        );
      }
      const c = text.charCodeAt(p);
      if (c === 0x22) return this.checkStringLength(start, p + 1, escaped);
      if (c !== 0x5c) return this.badStringCharacter(p, c);
      escaped = true;
      const e = text[p + 1];
      if (e !== undefined && '"\\/bfnrt'.includes(e)) p += 2;
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(p + 2, p + 6))) p += 6;
      else
        return this.syntax(
          p,
          '字符串中有无效的转义序列（\\ 之后）。',
          'invalid escape sequence in a string (after \\).',
        );
    }
  }

  private badStringCharacter(p: number, c: number): SourceProblem {
    if (c === 0x0a || c === 0x0d) {
      return this.syntax(
        p,
        '字符串在行末没有结束（缺少结束引号，或应写作 \\n）。',
        'a string runs past the end of the line (missing closing quote, or write \\n).',
      );
    }
    const code = c.toString(16).toUpperCase().padStart(4, '0');
    return this.syntax(
      p,
      `字符串中有控制字符 U+${code}（应转义）。`,
      `control character U+${code} in a string (it must be escaped).`,
    );
  }

  private checkStringLength(start: number, end: number, escaped: boolean) {
    const { maxStringLength } = this.limits;
    const rawLength = end - start - 2;
    if (rawLength > maxStringLength) {
      const length = escaped ? (JSON.parse(this.text.slice(start, end)) as string).length : rawLength;
      if (length > maxStringLength) {
        return problem(
          'STRING_TOO_LONG',
          `字符串长 ${length} 个字符，超过上限 ${maxStringLength}。`,
          `A string of ${length} characters is longer than the limit of ${maxStringLength}.`,
          this.at(start),
        );
      }
    }
    return { end, escaped };
  }

  /** At `pos`: a property name, `:` and the whitespace after it. */
  private readKey(container: Container): SourceProblem | undefined {
    if (this.pos >= this.n) return this.unexpectedEnd();
    if (this.text[this.pos] !== '"') return this.notAKey();
    const keyStart = this.pos;
    const read = this.readString();
    if ('code' in read) return read;
    const key = read.escaped
      ? (JSON.parse(this.text.slice(keyStart, read.end)) as string)
      : this.text.slice(keyStart + 1, read.end - 1);
    const first = container.keys!.get(key);
    if (first !== undefined) {
      const where = this.at(first);
      return problem(
        'DUPLICATE_KEY',
        `键 ${JSON.stringify(key)} 在同一对象中重复出现（第一次在第 ${where.line} 行）。`,
        `The key ${JSON.stringify(key)} appears twice in the same object (first at line ${where.line}).`,
        this.at(keyStart),
      );
    }
    container.keys!.set(key, keyStart);
    this.path[this.path.length - 1] = key;
    this.pos = read.end;
    this.skipWhitespace();
    if (this.text[this.pos] !== ':') {
      if (this.pos >= this.n) return this.unexpectedEnd();
      return this.syntax(
        this.pos,
        `属性名 ${JSON.stringify(key)} 之后应是冒号 :。`,
        `expected ':' after the property name ${JSON.stringify(key)}.`,
      );
    }
    this.pos++;
    this.skipWhitespace();
    return undefined;
  }

  /** What a person most likely meant where a property name should start. */
  private notAKey(): SourceProblem {
    const { pos } = this;
    const c = this.text[pos]!;
    if (c === "'")
      return this.syntax(
        pos,
        '属性名要用双引号 "，不能用单引号。',
        'property names take double quotes ", not single quotes.',
      );
    if (c === '/') return this.syntax(pos, ...COMMENTS);
    if (/[A-Za-z_$\u0080-\uffff]/.test(c))
      return this.syntax(pos, '属性名要加双引号。', 'property names must be in double quotes.');
    return this.syntax(
      pos,
      `这里应是带双引号的属性名，实为 ${this.describeChar(pos)}。`,
      `expected a property name in double quotes, found ${this.describeChar(pos)}.`,
    );
  }

  /** A value at `pos`: 'value' when a container opened (its first value or key comes next). */
  private readValue(): 'value' | 'after' | SourceProblem {
    if (this.pos >= this.n) return this.unexpectedEnd();
    this.values++;
    if (this.values > this.limits.maxValues) {
      return problem(
        'TOO_MANY_VALUES',
        `文件中的值超过上限 ${this.limits.maxValues} 个。`,
        `The file holds more than ${this.limits.maxValues} values (the limit).`,
        this.at(this.pos),
      );
    }
    this.onValue?.(this.path, this.pos);
    const c = this.text[this.pos]!;
    if (c === '{' || c === '[') return this.openContainer(c);
    const bad = this.readScalar(c);
    return bad ?? 'after';
  }

  private openContainer(c: '{' | '['): 'value' | 'after' | SourceProblem {
    if (this.stack.length >= this.limits.maxDepth) {
      return problem(
        'TOO_DEEP',
        `嵌套超过 ${this.limits.maxDepth} 层。`,
        `Nesting is deeper than ${this.limits.maxDepth} levels.`,
        this.at(this.pos),
      );
    }
    const container: Container = {
      kind: c === '{' ? 'object' : 'array',
      open: this.pos,
      keys: c === '{' ? new Map() : undefined,
      index: 0,
      nonEmpty: false,
    };
    this.stack.push(container);
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === (c === '{' ? '}' : ']')) {
      this.pos++;
      this.stack.pop();
      return 'after';
    }
    container.nonEmpty = true;
    this.path.push(0);
    if (container.kind === 'object') return this.readKey(container) ?? 'value';
    return 'value';
  }

  /** A string, number, literal, or the problem of what stands there instead. */
  private readScalar(c: string): SourceProblem | undefined {
    const { text, pos } = this;
    if (c === '"') {
      const read = this.readString();
      if ('code' in read) return read;
      this.pos = read.end;
      return undefined;
    }
    if (c === '-' || (c >= '0' && c <= '9')) return this.readNumber();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, pos)) {
        this.pos += literal.length;
        return undefined;
      }
    }
    if (text.startsWith('NaN', pos) || text.startsWith('Infinity', pos))
      return this.syntax(pos, 'NaN 和 Infinity 不是 JSON 数字。', 'NaN and Infinity are not JSON numbers.');
    if (c === "'")
      return this.syntax(pos, '字符串要用双引号 "，不能用单引号。', 'strings take double quotes ", not single quotes.');
    if (c === '/') return this.syntax(pos, ...COMMENTS);
    if ((c === ']' || c === '}') && this.stack.length > 0)
      return this.syntax(pos, `${c} 之前多了一个逗号。`, `trailing comma before ${c}.`);
    return this.syntax(
      pos,
      `这里应是一个值，实为 ${this.describeChar(pos)}。`,
      `expected a value, found ${this.describeChar(pos)}.`,
    );
  }

  private readNumber(): SourceProblem | undefined {
    const { text, pos } = this;
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (!m) {
      if (text.startsWith('-Infinity', pos))
        return this.syntax(pos, '-Infinity 不是 JSON 数字。', '-Infinity is not a JSON number.');
      return this.syntax(pos, '数字格式无效。', 'invalid number.');
    }
    const after = text[pos + m[0].length];
    if (after !== undefined && after >= '0' && after <= '9') {
      return this.syntax(
        pos,
        `数字 ${m[0]}${after}… 不能以 0 开头。`,
        `numbers cannot have a leading zero (${m[0]}${after}…).`,
      );
    }
    const bad = numberProblem(m[0], Number(m[0]), this.at(pos));
    if (bad) return bad;
    this.pos += m[0].length;
    return undefined;
  }

  /** After a value: a separator, the end of the enclosing container, or the end of the file. */
  private afterValue(): 'value' | 'after' | 'done' | SourceProblem {
    this.skipWhitespace();
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (this.pos < this.n)
        return this.syntax(
          this.pos,
          'JSON 值结束之后还有多余的内容。',
          'unexpected content after the end of the JSON value.',
        );
      return 'done';
    }
    if (this.pos >= this.n) return this.unexpectedEnd();
    const c = this.text[this.pos]!;
    const close = top.kind === 'object' ? '}' : ']';
    if (c === ',') return this.afterComma(top, close);
    if (c === close) {
      this.pos++;
      this.stack.pop();
      if (top.nonEmpty) this.path.pop();
      return 'after';
    }
    if (/["{[\-0-9tfn]/.test(c))
      return this.syntax(this.pos, '上一个值之后缺少逗号。', 'missing comma after the previous value.');
    return this.syntax(
      this.pos,
      `这里应是逗号或 ${close}，实为 ${this.describeChar(this.pos)}。`,
      `expected ',' or '${close}', found ${this.describeChar(this.pos)}.`,
    );
  }

  private afterComma(top: Container, close: string): 'value' | SourceProblem {
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === close)
      return this.syntax(this.pos - 1, `${close} 之前多了一个逗号。`, `trailing comma before ${close}.`);
    if (top.kind === 'object') return this.readKey(top) ?? 'value';
    top.index++;
    this.path[this.path.length - 1] = top.index;
    return 'value';
  }
}
