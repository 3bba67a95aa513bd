/**
 * validateReport keeps nothing of a document once it returns (a server validating many reports must not
 * hold the last one alive): the engine's cached cell values are dropped at the end of each evaluation.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { validReport } from '@nianbao/fixtures';
import { validateReport } from '../src/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('retention', () => {
  it('a validated document (and its parts) can be collected once validateReport returns', async () => {
    const refs = (() => {
      const previous = validReport('2019', 8);
      const document = validReport('2021', 9);
      document.preface.paragraphs.push('本年度共收到政府信息公开申请99999件，澳门新葡京');
      expect(validateReport(document, { previous }).findings.length).toBeGreaterThan(0);
      return [document, document.preface, document.sections.applications.table, previous, previous.sections].map(
        (part) => new WeakRef(part),
      );
    })();
    // WeakRef targets stay alive until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
    expect(refs.map((ref) => ref.deref() === undefined)).toEqual(refs.map(() => true));
  });
});
