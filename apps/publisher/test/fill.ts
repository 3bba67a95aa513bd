/** What the end-to-end test types and pastes to make a report through the UI, read from a document. */
import type { Page } from 'playwright-core';
import { editionLayout, type DataCellLayout } from '@nianbao/view-model';
import type { Edition } from '@nianbao/template';
import { getAt, toPointer } from '../src/shared/doc.js';

const css = (value: string) => value.replace(/["\\]/g, '\\$&');
export const at = (pointer: string) => `[data-pointer="${css(pointer)}"]`;

/** Every metadata leaf: [pointer, value], in document order. */
export function metadataLeaves(value: unknown, path: string[] = ['metadata']): [string, unknown][] {
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => metadataLeaves(item, [...path, key]));
  return [[toPointer(path), value]];
}

/** Types the metadata into the generated form (selects chosen, dates and texts typed). */
export async function typeMetadata(page: Page, metadata: unknown): Promise<void> {
  for (const [pointer, value] of metadataLeaves(metadata)) {
    const field = page.locator(at(pointer));
    const tag = await field.evaluate((element) => element.tagName);
    if (tag === 'SELECT') await field.selectOption(String(value));
    else if ((await field.getAttribute('type')) === 'date') await field.fill(String(value));
    else {
      await field.fill('');
      await field.pressSequentially(String(value), { delay: 0 });
    }
  }
}

/** Every paragraph list and topic heading of the document, as the editor lays them out. */
export async function typeNarrative(page: Page, document: unknown, edition: Edition): Promise<void> {
  const lists: string[][] = [['preface', 'paragraphs']];
  const headings: string[][] = [];
  for (const section of editionLayout(edition).sections)
    for (const part of section.parts) {
      if (part.kind === 'paragraphs') lists.push([...part.segments]);
      if (part.kind === 'topic') {
        headings.push([...part.headingSegments]);
        lists.push([...part.paragraphsSegments]);
      }
    }
  for (const path of headings) {
    const heading = getAt(document, path);
    if (typeof heading === 'string') await page.locator(at(toPointer(path))).fill(heading);
  }
  for (const path of lists) {
    const paragraphs = getAt(document, path);
    if (!Array.isArray(paragraphs)) continue;
    const pointer = toPointer(path);
    for (const [index, text] of paragraphs.entries()) {
      await page.locator(`fieldset${at(pointer)} > button.add`).click();
      await page.locator(at(`${pointer}/${index}`)).fill(String(text));
    }
  }
}

/** The table's data cells by visual row (as the grid moves and pastes). */
function dataRows(cells: readonly DataCellLayout[]): DataCellLayout[][] {
  const rows = new Map<string, DataCellLayout[]>();
  for (const cell of cells) {
    const key = `${cell.rowId}`;
    rows.set(key, [...(rows.get(key) ?? []), cell]);
  }
  return [...rows.values()];
}

/** A tab-separated block of the table's values, as copied from Excel (blank = not reported). */
export function tableBlock(document: unknown, cells: readonly DataCellLayout[]): string {
  return dataRows(cells)
    .map((row) =>
      row
        .map((cell) => {
          const value = getAt(document, cell.valueKind === 'money' ? [...cell.segments, 'value'] : cell.segments);
          return value === null || value === undefined ? '' : String(value);
        })
        .join('\t'),
    )
    .join('\r\n');
}

/** Pastes a block into the grid from the focused cell, as the browser does for Ctrl+V. */
export async function pasteInto(page: Page, pointer: string, text: string): Promise<void> {
  const cell = page.locator(`input${at(pointer)}`);
  await cell.focus();
  await cell.evaluate((element, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

/** Fills the three tables by pasting one block each. */
export async function pasteTables(page: Page, document: unknown, edition: Edition): Promise<void> {
  for (const table of editionLayout(edition).tables)
    await pasteInto(page, table.cells[0]!.pointer, tableBlock(document, table.cells));
}
