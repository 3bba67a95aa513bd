import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliSync } from '@nianbao/fixtures/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-migrate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const nianbao = (args: string[]) => runCliSync(bin, args, { cwd: root });

describe('nianbao migrate', () => {
  it('writes a 2021 document with labelled YAML, lists what was not carried, and it validates but the year', () => {
    const out = join(tmp, 'new.yaml');
    const run = nianbao(['migrate', 'examples/chizhou-rfb-2020.yaml', '--to', '2021', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('未结转：26 个单元格');
    expect(run.stdout).toContain('其他对外管理服务事项 › 处理决定数量 = 87');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('edition: "2021" # 格式版本');
    expect(text).toContain('repealed: null # 本年废止件数');
    expect(text).toContain('start: "2020-01-01" # 起始日期');
    const document = parse(text);
    expect(document.sections.proactiveDisclosure.table.article20Item5.administrativeLicensing.decisions).toBe(41);
    const check = nianbao(['validate', out, '--format', 'json']);
    const errors = JSON.parse(check.stdout).filter((finding: { severity: string }) => finding.severity === 'error');
    expect(errors.map((finding: { ruleId: string }) => finding.ruleId)).toEqual(['S-EDITION']);
    expect(readdirSync(tmp).filter((name) => name.includes('nianbao-tmp'))).toEqual([]);
  });

  it('writes JSON to a .json file, and YAML to stdout without --out', () => {
    const out = join(tmp, 'new.json');
    expect(nianbao(['migrate', 'examples/chizhou-rfb-2020.yaml', '--to', '2021', '--out', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).edition).toBe('2021');
    const piped = nianbao(['migrate', 'examples/chizhou-rfb-2020.yaml', '--to', '2021', '--lang', 'en']);
    expect(parse(piped.stdout).edition).toBe('2021');
    expect(piped.stderr).toContain('Not carried: 26 cells');
  });

  it('fails with one line: no --to, a missing file, not a report, a folder that does not exist', () => {
    const noTo = nianbao(['migrate', 'examples/chizhou-rfb-2020.yaml']);
    expect(noTo.code).toBe(2);
    expect(noTo.stderr).toBe('nianbao migrate: 缺少 --to 2021（用法见 nianbao migrate --help）\n');
    const missing = nianbao(['migrate', join(tmp, 'nope.yaml'), '--to', '2021']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const odd = join(tmp, 'odd.yaml');
    writeFileSync(odd, 'edition: "2020"\n');
    const wrong = nianbao(['migrate', odd, '--to', '2021', '--lang', 'en']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^nianbao migrate: .*odd\.yaml: Unknown edition "2020"/);
    const folder = nianbao([
      'migrate',
      'examples/chizhou-rfb-2020.yaml',
      '--to',
      '2021',
      '--out',
      join(tmp, 'no/x.yaml'),
    ]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('所在文件夹不存在');
  });
});
