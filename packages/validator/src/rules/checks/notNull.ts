/** notNull: every cell below the pointers is reported (not null); one finding per null cell. */
import type { NotNullCheck } from '@nianbao/template';
import type { Evaluator, Raw } from '../raw.js';
import { place, valueAt } from '../scope.js';
import { escapeKey } from '../texts.js';

export const notNull: Evaluator<NotNullCheck> = (check, scope) => {
  const raws: Raw[] = [];
  // Tables have hundreds of cells and rarely a null: a cell's pointer is built only when it is null.
  const path: string[] = [];
  const walk = (value: unknown): void => {
    if (value === null) raws.push({ pointer: path.join(''), actual: null, vars: { value: 'null' } });
    else if (typeof value === 'object' && value !== undefined) {
      for (const key of Object.keys(value)) {
        const item = (value as Record<string, unknown>)[key];
        if (item !== null && typeof item !== 'object') continue;
        path.push(`/${escapeKey(key)}`);
        walk(item);
        path.pop();
      }
    }
  };
  for (const pointer of check.at) {
    const ref = place(pointer, scope);
    path.push(ref.pointer);
    walk(valueAt(scope, ref));
    path.pop();
  }
  return raws;
};
