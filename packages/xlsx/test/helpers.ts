import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const example = (name: string): Record<string, unknown> =>
  parse(readFileSync(fileURLToPath(new URL(`../../../examples/${name}`, import.meta.url)), 'utf8'));

const hasSoffice = () => spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * LibreOffice, the independent reader of the tests (Debian libreoffice-calc, as .ci/run installs it).
 * Missing: installed when we are root, as on CI; otherwise one clear line.
 */
export function ensureSoffice(): void {
  if (hasSoffice()) return;
  if (process.getuid?.() === 0) {
    spawnSync(
      'sh',
      [
        '-c',
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc',
      ],
      {
        stdio: 'ignore',
      },
    );
    if (hasSoffice()) return;
  }
  throw new Error('LibreOffice (soffice) is missing and could not be installed: apt-get install libreoffice-calc');
}

/**
 * Every sheet of a workbook as rows of CSV cells, as LibreOffice computes them. A fresh profile that
 * recalculates every formula on load, so the totals are LibreOffice's own sums, not cached values.
 */
export function sheetsByLibreOffice(xlsx: Uint8Array, dir: string): Record<string, string[][]> {
  const input = convert(xlsx, dir, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
  const sheets: Record<string, string[][]> = {};
  for (const file of readdirSync(dir)) {
    const match = new RegExp(`^${input}-(.+)\\.csv$`).exec(file);
    if (match) sheets[match[1]!] = parseCsv(readFileSync(join(dir, file), 'utf8'));
  }
  return sheets;
}

/** The workbook opened and saved again by LibreOffice (as a clerk using it, or WPS, would). */
export function resavedByLibreOffice(xlsx: Uint8Array, dir: string): Uint8Array {
  const out = join(dir, 'out');
  mkdirSync(out, { recursive: true });
  const input = convert(xlsx, dir, 'xlsx:Calc MS Excel 2007 XML', out);
  return readFileSync(join(out, `${input}.xlsx`));
}

/** Runs soffice on the workbook in `dir` with a fresh profile; returns the input's base name. */
function convert(xlsx: Uint8Array, dir: string, filter: string, outdir = dir): string {
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  const input = join(dir, 'book.xlsx');
  writeFileSync(input, xlsx);
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', filter, '--outdir', outdir, input],
    {
      stdio: 'ignore',
      timeout: 120_000,
    },
  );
  return 'book';
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') endCell();
    else if (char === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (char !== '\r') cell += char;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}
