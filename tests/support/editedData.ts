/**
 * A copy of data/ with the edits of a new edition, for the change-list and verify tests: one figure's
 * value changed (39 000 → 40 000 US troops returning in 2011, its quote with it), one event added, one
 * position removed. Edited as text, so every other byte of the files stays as it is.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultDataDir } from '../../src/paths.js';
import { scratchDir } from './builtBriefs.js';

export const editedFigure = 'fig_us_troops_returning_2011';
export const addedEvent = 'ev_obama_elected_recounted';
/** The added event's words as every reader extracts them (no harakat, which readers reorder). */
export const addedEventText = 'رواية ثانية لانتخاب باراك أوباما';
export const removedPosition = 'pos_saadoun_figures_inaccurate';

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const changed = change(text);
  if (changed === text) throw new Error(`edit of ${file} changed nothing: has data/ changed?`);
  await writeFile(file, changed);
}

function recordBlock(text: string, id: string): { start: number; end: number } {
  const start = text.indexOf(`  - id: ${id}\n`);
  if (start === -1) throw new Error(`no record ${id}`);
  const next = text.indexOf('\n  - id: ', start + 1);
  return { start, end: next === -1 ? text.length : next + 1 };
}

export async function editedDataDir(): Promise<string> {
  const dir = path.join(await scratchDir('edited-data'), 'data');
  await cp(defaultDataDir, dir, { recursive: true });
  await edit(path.join(dir, 'figures-forces.yaml'), (text) => {
    const { start, end } = recordBlock(text, editedFigure);
    const block = text.slice(start, end).replace('value: 39000', 'value: 40000').replace('أن 39 ألف جندي', 'أن 40 ألف جندي');
    return text.slice(0, start) + block + text.slice(end);
  });
  await edit(path.join(dir, 'events.yaml'), (text) => {
    const { start, end } = recordBlock(text, 'ev_obama_elected');
    const block = text
      .slice(start, end)
      .replace('id: ev_obama_elected', `id: ${addedEvent}`)
      .replace(/description_ar: .*/, `description_ar: ${addedEventText} رئيساً.`);
    return text.slice(0, end) + block + text.slice(end);
  });
  await edit(path.join(dir, 'positions.yaml'), (text) => {
    const { start, end } = recordBlock(text, removedPosition);
    return text.slice(0, start) + text.slice(end);
  });
  return dir;
}
