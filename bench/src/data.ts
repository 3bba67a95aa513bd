/** The reports every suite measures: the two bundled examples and a generated set of both editions. */
import { fileURLToPath } from 'node:url';
import { validReport } from '@nianbao/fixtures';
import { readReportFile } from '@nianbao/source';
import type { Edition, Report } from '@nianbao/template';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLE_FILES = ['examples/chizhou-rfb-2020.yaml', 'examples/sample-bureau-2021.yaml'] as const;
export const CLI_BIN = `${REPO_ROOT}apps/cli/dist/bin.js`;
export const CLI_SHIM = `${REPO_ROOT}apps/cli/bin/nianbao.js`;

export interface BenchReport {
  /** e.g. `chizhou-rfb-2020` or `gen-2021-17`. */
  name: string;
  group: 'example' | 'generated';
  edition: Edition;
  report: Report;
  /** The same document as JSON text (what JSON.parse and a portal's ingest see). */
  json: string;
}

export async function loadExamples(): Promise<BenchReport[]> {
  const examples: BenchReport[] = [];
  for (const file of EXAMPLE_FILES) {
    const source = await readReportFile(`${REPO_ROOT}${file}`);
    if (!source.ok) throw new Error(`${file}: ${source.problem.message.en}`);
    const report = source.document as Report;
    examples.push({
      name: file.replace(/^examples\/|\.yaml$/g, ''),
      group: 'example',
      edition: report.edition as Edition,
      report,
      json: JSON.stringify(report),
    });
  }
  return examples;
}

/**
 * Paragraph counts per narrative part: mostly short reports, some long ones (the seed report has 1–3
 * paragraphs a part; large agencies write ten and more).
 */
const PARAGRAPHS = [1, 2, 2, 3, 3, 4, 5, 6, 8, 12];

/** Options of the i-th generated report: alternating editions, seeds, narrative lengths. */
export function generatedSpec(index: number): { edition: Edition; seed: number; paragraphs: number } {
  return {
    edition: index % 2 === 0 ? '2019' : '2021',
    seed: 1000 + index,
    paragraphs: PARAGRAPHS[index % PARAGRAPHS.length]!,
  };
}

export function generatedReport(index: number): Report {
  const { edition, seed, paragraphs } = generatedSpec(index);
  return validReport(edition, seed, { paragraphs });
}

export function generateSet(count: number): BenchReport[] {
  const reports: BenchReport[] = [];
  for (let i = 0; i < count; i++) {
    const report = generatedReport(i);
    reports.push({
      name: `gen-${report.edition}-${i}`,
      group: 'generated',
      edition: report.edition as Edition,
      report,
      json: JSON.stringify(report),
    });
  }
  return reports;
}
