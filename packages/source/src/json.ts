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
  const WHITESPACE = /[ \t\n\r]*/y;
  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const STRING_RUN = /[^"\\\u0000-\u001f]*/y;
  const n = text.length;

  interface Container {
    kind: 'object' | 'array';
    open: number;
    keys: Map<string, number> | undefined;
    index: number;
    nonEmpty: boolean;
  }
  const stack: Container[] = [];
  const path: (string | number)[] = [];
  let pos = 0;
  let values = 0;

  const at = (offset: number) => lines.position(offset);
  const syntax = (offset: number, zh: string, en: string) =>
    problem('SYNTAX', `JSON 语法错误：${zh}`, `JSON syntax error: ${en}`, at(offset));
  const skipWhitespace = () => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
  };
  const describeChar = (offset: number) => JSON.stringify(String.fromCodePoint(text.codePointAt(offset)!));

  const unexpectedEnd = (): SourceProblem => {
    const open = stack[stack.length - 1];
    if (!open) return syntax(n, '文件在应有值的地方结束了。', 'the file ends where a value was expected.');
    const where = at(open.open);
    const zhKind = open.kind === 'object' ? '对象 {' : '数组 [';
    const enKind = open.kind === 'object' ? 'object {' : 'array [';
    return syntax(
      n,
      `文件在第 ${where.line} 行第 ${where.column} 列开始的${zhKind}中途结束（文件不完整）。`,
      `the file ends inside the ${enKind} opened at line ${where.line}, column ${where.column} (the file is incomplete).`,
    );
  };

  /** Reads a string at `pos` (which is at the opening quote); returns its end offset or a problem. */
  const readString = (): { end: number; escaped: boolean } | SourceProblem => {
    const start = pos;
    let p = pos + 1;
    let escaped = false;
    for (;;) {
      STRING_RUN.lastIndex = p;
      STRING_RUN.exec(text);
      p = STRING_RUN.lastIndex;
      if (p >= n) {
        const where = at(start);
        return syntax(
          n,
          `第 ${where.line} 行第 ${where.column} 列开始的字符串没有结束引号（文件不完整）。`,
          `the string that starts at line ${where.line}, column ${where.column} has no closing quote (the file is incomplete).`,
        );
      }
      const c = text.charCodeAt(p);
      if (c === 0x22) {
        p++;
        break;
      }
      if (c === 0x5c) {
        escaped = true;
        const e = text[p + 1];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) p += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(p + 2, p + 6))) p += 6;
        else
          return syntax(p, '字符串中有无效的转义序列（\\ 之后）。', 'invalid escape sequence in a string (after \\).');
        continue;
      }
      if (c === 0x0a || c === 0x0d) {
        return syntax(
          p,
          '字符串在行末没有结束（缺少结束引号，或应写作 \\n）。',
          'a string runs past the end of the line (missing closing quote, or write \\n).',
        );
      }
      return syntax(
        p,
        `字符串中有控制字符 U+${c.toString(16).toUpperCase().padStart(4, '0')}（应转义）。`,
        `control character U+${c.toString(16).toUpperCase().padStart(4, '0')} in a string (it must be escaped).`,
      );
    }
    const rawLength = p - start - 2;
    if (rawLength > limits.maxStringLength) {
      const length = escaped ? (JSON.parse(text.slice(start, p)) as string).length : rawLength;
      if (length > limits.maxStringLength) {
        return problem(
          'STRING_TOO_LONG',
          `字符串长 ${length} 个字符，超过上限 ${limits.maxStringLength}。`,
          `A string of ${length} characters is longer than the limit of ${limits.maxStringLength}.`,
          at(start),
        );
      }
    }
    return { end: p, escaped };
  };

  /** At `pos`: a property name, `:` and the whitespace after it. */
  const readKey = (container: Container): SourceProblem | undefined => {
    if (pos >= n) return unexpectedEnd();
    const c = text[pos];
    if (c !== '"') {
      if (c === "'")
        return syntax(
          pos,
          '属性名要用双引号 "，不能用单引号。',
          'property names take double quotes ", not single quotes.',
        );
      if (c === '/')
        return syntax(
          pos,
          'JSON 不允许注释（需要注释请用 YAML）。',
          'JSON does not allow comments (use YAML for comments).',
        );
      if (/[A-Za-z_$\u0080-\uffff]/.test(c!))
        return syntax(pos, '属性名要加双引号。', 'property names must be in double quotes.');
      return syntax(
        pos,
        `这里应是带双引号的属性名，实为 ${describeChar(pos)}。`,
        `expected a property name in double quotes, found ${describeChar(pos)}.`,
      );
    }
    const keyStart = pos;
    const read = readString();
    if ('code' in read) return read;
    const key = read.escaped
      ? (JSON.parse(text.slice(keyStart, read.end)) as string)
      : text.slice(keyStart + 1, read.end - 1);
    const first = container.keys!.get(key);
    if (first !== undefined) {
      const where = at(first);
      return problem(
        'DUPLICATE_KEY',
        `键 ${JSON.stringify(key)} 在同一对象中重复出现（第一次在第 ${where.line} 行）。`,
        `The key ${JSON.stringify(key)} appears twice in the same object (first at line ${where.line}).`,
        at(keyStart),
      );
    }
    container.keys!.set(key, keyStart);
    path[path.length - 1] = key;
    pos = read.end;
    skipWhitespace();
    if (text[pos] !== ':') {
      if (pos >= n) return unexpectedEnd();
      return syntax(
        pos,
        `属性名 ${JSON.stringify(key)} 之后应是冒号 :。`,
        `expected ':' after the property name ${JSON.stringify(key)}.`,
      );
    }
    pos++;
    skipWhitespace();
    return undefined;
  };

  skipWhitespace();
  let expectValue = true;
  for (;;) {
    if (expectValue) {
      if (pos >= n) return unexpectedEnd();
      values++;
      if (values > limits.maxValues) {
        return problem(
          'TOO_MANY_VALUES',
          `文件中的值超过上限 ${limits.maxValues} 个。`,
          `The file holds more than ${limits.maxValues} values (the limit).`,
          at(pos),
        );
      }
      onValue?.(path, pos);
      const c = text[pos]!;
      if (c === '{' || c === '[') {
        if (stack.length >= limits.maxDepth) {
          return problem(
            'TOO_DEEP',
            `嵌套超过 ${limits.maxDepth} 层。`,
            `Nesting is deeper than ${limits.maxDepth} levels.`,
            at(pos),
          );
        }
        const container: Container = {
          kind: c === '{' ? 'object' : 'array',
          open: pos,
          keys: c === '{' ? new Map() : undefined,
          index: 0,
          nonEmpty: false,
        };
        stack.push(container);
        pos++;
        skipWhitespace();
        if (text[pos] === (c === '{' ? '}' : ']')) {
          pos++;
          stack.pop();
          expectValue = false;
          continue;
        }
        container.nonEmpty = true;
        path.push(0);
        if (container.kind === 'object') {
          const bad = readKey(container);
          if (bad) return bad;
        }
        continue;
      }
      if (c === '"') {
        const read = readString();
        if ('code' in read) return read;
        pos = read.end;
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = pos;
        const m = NUMBER.exec(text);
        if (!m) {
          if (text.startsWith('-Infinity', pos)) {
            return syntax(pos, '-Infinity 不是 JSON 数字。', '-Infinity is not a JSON number.');
          }
          return syntax(pos, '数字格式无效。', 'invalid number.');
        }
        const after = text[pos + m[0].length];
        if (after !== undefined && after >= '0' && after <= '9') {
          return syntax(
            pos,
            `数字 ${m[0]}${after}… 不能以 0 开头。`,
            `numbers cannot have a leading zero (${m[0]}${after}…).`,
          );
        }
        const bad = numberProblem(m[0], Number(m[0]), at(pos));
        if (bad) return bad;
        pos += m[0].length;
      } else if (text.startsWith('true', pos)) pos += 4;
      else if (text.startsWith('false', pos)) pos += 5;
      else if (text.startsWith('null', pos)) pos += 4;
      else if (text.startsWith('NaN', pos) || text.startsWith('Infinity', pos)) {
        return syntax(pos, 'NaN 和 Infinity 不是 JSON 数字。', 'NaN and Infinity are not JSON numbers.');
      } else if (c === "'") {
        return syntax(pos, '字符串要用双引号 "，不能用单引号。', 'strings take double quotes ", not single quotes.');
      } else if (c === '/') {
        return syntax(
          pos,
          'JSON 不允许注释（需要注释请用 YAML）。',
          'JSON does not allow comments (use YAML for comments).',
        );
      } else if ((c === ']' || c === '}') && stack.length > 0) {
        return syntax(pos, `${c} 之前多了一个逗号。`, `trailing comma before ${c}.`);
      } else {
        return syntax(
          pos,
          `这里应是一个值，实为 ${describeChar(pos)}。`,
          `expected a value, found ${describeChar(pos)}.`,
        );
      }
      expectValue = false;
      continue;
    }

    // After a value: a separator, the end of the enclosing container, or the end of the file.
    skipWhitespace();
    const top = stack[stack.length - 1];
    if (!top) {
      if (pos < n)
        return syntax(pos, 'JSON 值结束之后还有多余的内容。', 'unexpected content after the end of the JSON value.');
      return undefined;
    }
    if (pos >= n) return unexpectedEnd();
    const c = text[pos]!;
    const close = top.kind === 'object' ? '}' : ']';
    if (c === ',') {
      pos++;
      skipWhitespace();
      if (text[pos] === close) return syntax(pos - 1, `${close} 之前多了一个逗号。`, `trailing comma before ${close}.`);
      if (top.kind === 'object') {
        const bad = readKey(top);
        if (bad) return bad;
      } else {
        top.index++;
        path[path.length - 1] = top.index;
      }
      expectValue = true;
      continue;
    }
    if (c === close) {
      pos++;
      stack.pop();
      if (top.nonEmpty) path.pop();
      continue;
    }
    if (
      c === '"' ||
      c === '{' ||
      c === '[' ||
      c === '-' ||
      (c >= '0' && c <= '9') ||
      c === 't' ||
      c === 'f' ||
      c === 'n'
    ) {
      return syntax(pos, '上一个值之后缺少逗号。', 'missing comma after the previous value.');
    }
    return syntax(
      pos,
      `这里应是逗号或 ${close}，实为 ${describeChar(pos)}。`,
      `expected ',' or '${close}', found ${describeChar(pos)}.`,
    );
  }
}
