/**
 * RFC 7386 JSON Merge Patch, and the check that a patch of an official schema only adds: an extension
 * adds fields and rules of a province's own, it never removes, retypes or relabels an official field
 * (a report valid under the extension must still be a report of the national format).
 */
import type { LocalizedText } from '@nianbao/template';

type Json = unknown;
type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 7386 section 2: the patched copy of `target` (neither argument is changed). */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** A refused part of a patch: its pointer in the patch file and why. */
export interface PatchProblem {
  pointer: string;
  message: LocalizedText;
}

/** Keywords that only describe a node: an extension may add them where the official schema has none. */
const ANNOTATION = /^(title|description|\$comment|examples|x-[A-Za-z0-9-]+)$/;
/** Keywords whose value maps names to schema nodes. */
const MAPS = new Set(['properties', '$defs']);

const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
const pointerOf = (path: readonly string[]) => path.map((token) => `/${escapeToken(token)}`).join('');

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]))
    );
  }
  return false;
}

/**
 * Every place where `patch`, applied to the official schema `official`, would remove or change
 * something official, and every added property without a title (its label). Empty: the patch only adds.
 */
export function checkPatch(official: JsonObject, patch: unknown): PatchProblem[] {
  const problems: PatchProblem[] = [];
  if (!isObject(patch)) {
    problems.push({
      pointer: '',
      message: {
        zh: '模式补丁必须是一个 JSON 对象（JSON Merge Patch），不能替换整个模式。',
        en: 'a schema patch must be a JSON object (a JSON Merge Patch); it cannot replace the whole schema.',
      },
    });
    return problems;
  }
  checkNode(official, patch, [], problems);
  return problems;
}

function refuse(problems: PatchProblem[], path: string[], zh: string, en: string): void {
  problems.push({ pointer: pointerOf(path), message: { zh, en } });
}

/** A patch at an official schema node. */
function checkNode(target: unknown, patch: JsonObject, path: string[], problems: PatchProblem[]): void {
  if (!isObject(target)) {
    refuse(problems, path, '不能修改官方模式中的这一项。', 'this part of the official schema cannot be changed.');
    return;
  }
  for (const [key, value] of Object.entries(patch)) {
    const here = [...path, key];
    if (MAPS.has(key) && Object.hasOwn(target, key)) checkMap(target[key], value, here, key, problems);
    else if (key === 'required' && Object.hasOwn(target, key)) checkRequired(target[key], value, here, problems);
    else if (Object.hasOwn(target, key)) checkOfficialKeyword(target[key], value, here, key, problems);
    else if (value === null)
      continue; // Removing what is not there changes nothing.
    else if (key === '$defs' && path.length === 0) checkMap({}, value, here, key, problems);
    else if (!ANNOTATION.test(key)) {
      refuse(
        problems,
        here,
        `不能给官方字段增加约束“${key}”：扩展只能新增字段。`,
        `cannot add the constraint "${key}" to an official field: an extension only adds fields.`,
      );
    }
  }
}

function checkOfficialKeyword(
  target: unknown,
  value: unknown,
  path: string[],
  key: string,
  problems: PatchProblem[],
): void {
  if (value === null) {
    refuse(problems, path, `不能删除官方模式中的“${key}”。`, `cannot remove "${key}" from the official schema.`);
    return;
  }
  // A patch that repeats an official value unchanged is harmless (merging it changes nothing).
  if (isObject(value) && isObject(target) && !jsonEqual(mergePatch(target, value), target)) {
    refuse(problems, path, `不能修改官方模式中的“${key}”。`, `cannot change "${key}" of the official schema.`);
    return;
  }
  if (isObject(value) || jsonEqual(target, value)) return;
  if (key === 'type' || key === '$ref' || key === 'const' || key === 'enum') {
    refuse(problems, path, `不能改变官方字段的类型（“${key}”）。`, `cannot retype an official field ("${key}").`);
  } else if (key === 'title') {
    refuse(problems, path, '不能修改官方标签（title）。', 'cannot change an official label (title).');
  } else {
    refuse(problems, path, `不能修改官方模式中的“${key}”。`, `cannot change "${key}" of the official schema.`);
  }
}

/** `properties` or `$defs` of an official node: new names are added nodes, official ones are patched. */
function checkMap(target: unknown, value: unknown, path: string[], key: string, problems: PatchProblem[]): void {
  if (!isObject(value) || !isObject(target)) {
    refuse(problems, path, `“${key}”必须是对象。`, `"${key}" must be an object.`);
    return;
  }
  for (const [name, child] of Object.entries(value)) {
    const here = [...path, name];
    if (Object.hasOwn(target, name)) {
      if (child === null) {
        refuse(problems, here, `不能删除官方字段“${name}”。`, `cannot remove the official field "${name}".`);
      } else if (!isObject(child)) {
        refuse(problems, here, `不能替换官方字段“${name}”。`, `cannot replace the official field "${name}".`);
      } else checkNode(target[name], child, here, problems);
    } else if (child !== null) {
      checkAdded(child, here, key === 'properties', problems);
    }
  }
}

/** `required` may only grow: an official required field stays required. */
function checkRequired(target: unknown, value: unknown, path: string[], problems: PatchProblem[]): void {
  const official = Array.isArray(target) ? target : [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    refuse(problems, path, '“required”必须是字段名数组。', '"required" must be an array of field names.');
    return;
  }
  const missing = official.filter((name) => !value.includes(name));
  if (missing.length > 0) {
    refuse(
      problems,
      path,
      `“required”必须保留官方必填字段：缺少 ${missing.join('、')}（合并补丁中的数组整体替换原数组）。`,
      `"required" must keep the official required fields: ${missing.join(', ')} missing (a merge patch replaces an array whole).`,
    );
  }
}

/** A node the patch adds: every property in it needs a title, the label the tables show. */
function checkAdded(node: unknown, path: string[], isProperty: boolean, problems: PatchProblem[]): void {
  if (!isObject(node)) {
    refuse(problems, path, '新增的字段必须是 JSON Schema 对象。', 'an added field must be a JSON Schema object.');
    return;
  }
  if (isProperty && (typeof node.title !== 'string' || node.title.trim() === '')) {
    refuse(
      problems,
      path,
      '新增的字段缺少标签（title）：表格和开放数据用它作行名或列名。',
      'the added field has no label (title): tables and open data show it as the row or column name.',
    );
  }
  if (isObject(node.properties)) {
    for (const [name, child] of Object.entries(node.properties))
      checkAdded(child, [...path, 'properties', name], true, problems);
  }
  if (isObject(node.$defs)) {
    for (const [name, child] of Object.entries(node.$defs))
      checkAdded(child, [...path, '$defs', name], false, problems);
  }
}

/** The manifest's file name in an extension folder. */
export const MANIFEST_FILE_NAME = 'extension.json';
