/**
 * The first document of a process is parsed without zod's compiled object parsers, later ones with
 * them: both give the same findings (this file's first call is the module's first, vitest isolates files).
 */
import { describe, expect, it } from 'vitest';
import { validReport } from '@nianbao/fixtures';
import { structuralValidator } from '../src/index.js';
import { copy, setAt } from './helpers.js';

describe('first and later documents', () => {
  it('give the same structural findings', () => {
    const broken = copy(validReport('2019', 3)) as unknown as Record<string, unknown>;
    setAt(broken, '/sections/applications/table/results/disclosed/naturalPerson', '12');
    setAt(broken, '/metadata/reportYear', 2020.5);
    delete (broken.sections as Record<string, unknown>).otherMatters;
    (broken.metadata as Record<string, unknown>).extra = true;
    const first = structuralValidator('2019')(broken);
    const second = structuralValidator('2019')(broken);
    expect(first.length).toBeGreaterThanOrEqual(4);
    expect(second).toEqual(first);
    expect(structuralValidator('2019')(validReport('2019', 3))).toEqual([]);
  });
});
