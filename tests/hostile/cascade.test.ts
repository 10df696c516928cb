/**
 * One broken file is one problem (issue 14, item 12): the parser's follow-on complaints are counted, not
 * listed, and references into a file that failed to parse are not reported as dangling. A reference to
 * an id that exists nowhere is still reported.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/load/index.js';
import { validateDataset } from '../../src/validate/validateDataset.js';
import { defaultDataDir } from '../../src/paths.js';
import { scratchDir } from '../support/builtBriefs.js';

let data: string;

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const full = path.join(data, file);
  await writeFile(full, change(await readFile(full, 'utf8')));
}

const problems = async () => (await validateDataset(await loadDataset(data, { displayRoot: data }))).map((issue) => `${issue.file}:${issue.line}:${issue.column} ${issue.path ? `${issue.path}: ` : ''}${issue.message}`);

beforeEach(async () => {
  data = path.join(await scratchDir('cascade'), 'data');
  await cp(defaultDataDir, data, { recursive: true });
});

describe('a file that fails to parse', () => {
  it('with one duplicate key is one problem', async () => {
    await edit('events.yaml', (text) => text.replace("    date: { iso: '2001-09-11', precision: day }\n", "    date: { iso: '2001-09-11', precision: day }\n    date: { iso: '2001-09-11', precision: day }\n"));
    expect(await problems()).toEqual(['events.yaml:9:5 YAML syntax error: Map keys must be unique']);
  });

  it('with one tab is one problem, saying how many follow-on complaints it hides', async () => {
    await edit('events.yaml', (text) => text.replace("\n    date: { iso: '2001-09-11'", "\n\tdate: { iso: '2001-09-11'"));
    const found = await problems();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^events\.yaml:8:1 YAML syntax error: Tabs are not allowed as indentation \(fix this first: the parser's \d+ further complaints in this file follow from it\)$/);
  });

  it('does not hide a reference to an id that is defined nowhere', async () => {
    await edit('events.yaml', (text) => text.replace("\n    date: { iso: '2001-09-11'", "\n\tdate: { iso: '2001-09-11'"));
    await edit('outlook.yaml', (text) => text.replace('ev_iraq_parliament_approves_agreements', 'ev_no_such_event'));
    const found = await problems();
    expect(found).toHaveLength(2);
    expect(found[1]).toMatch(/^outlook\.yaml:\d+:\d+ outlook\[0\]\.related_events\[0\]: unknown event "ev_no_such_event"$/);
  });
});
