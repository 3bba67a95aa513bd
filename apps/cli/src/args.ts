import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { LocalizedText } from './output.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export type ParsedArgs<O extends Options> =
  | {
      ok: true;
      values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];
      positionals: string[];
    }
  | { ok: false; reason: LocalizedText };

/** Options every command accepts (handled by main before the command runs, or by the command). */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
} as const satisfies Options;

/**
 * node:util parseArgs with its exceptions turned into reasons a person understands, in both
 * languages (the caller prints one line and exits 2).
 */
export function parseCommandArgs<O extends Options>(argv: string[], options: O): ParsedArgs<O> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { ok: true, values, positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    switch (code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        return { ok: false, reason: { zh: `未知选项 ${option}`, en: `unknown option ${option}` } };
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        return /argument missing/.test(message)
          ? { ok: false, reason: { zh: `选项 ${option} 需要一个值`, en: `option ${option} needs a value` } }
          : { ok: false, reason: { zh: `选项 ${option} 不接受值`, en: `option ${option} does not take a value` } };
      default:
        return { ok: false, reason: { zh: `参数有误：${message}`, en: `bad arguments: ${message}` } };
    }
  }
}

/** The value of a choice option, or a reason why it is not one of the choices. */
export function choice<T extends string>(
  option: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
): { ok: true; value: T } | { ok: false; reason: LocalizedText } {
  if (value === undefined) return { ok: true, value: fallback };
  if ((choices as readonly string[]).includes(value)) return { ok: true, value: value as T };
  return {
    ok: false,
    reason: {
      zh: `--${option} 只能是 ${choices.join('、')}，不能是 ${JSON.stringify(value)}`,
      en: `--${option} must be ${choices.join(' or ')}, not ${JSON.stringify(value)}`,
    },
  };
}
