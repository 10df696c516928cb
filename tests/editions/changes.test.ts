/**
 * What changed since the previous edition: a test edits a figure, adds an event and removes a
 * position, builds against the previous edition (its PDF, whose attachment carries its data), and
 * finds each in the fact sheet's text, the site's edition page and the feed entries.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildSummary } from '../../src/pipeline/build.js';
import { compareDatasets, changeCount } from '../../src/editions/changes.js';
import { loadValidDataset } from '../../src/validate/index.js';
import { defaultDataDir } from '../../src/paths.js';
import { main } from '../../src/cli/main.js';
import { buildAllInto, scratchDir } from '../support/builtBriefs.js';
import { captureOutput } from '../support/captureOutput.js';
import { addedEvent, addedEventText, editedDataDir, editedFigure, removedPosition } from '../support/editedData.js';
import { pdftotextPages } from '../support/pdfText.js';

const publicUrl = 'https://example.github.io/coalition-briefs/';
const heading = 'ما الذي تغيّر منذ الإصدار السابق';

describe('compareDatasets', () => {
  it('lists nothing between a dataset and itself', async () => {
    const dataset = await loadValidDataset(defaultDataDir);
    const changes = compareDatasets({ dataset, edition: 'aaaa2222' }, dataset);
    expect(changeCount(changes)).toBe(0);
    expect(changes.previous).toMatchObject({ edition: 'aaaa2222', asOf: dataset.as_of });
    expect(changes.previous.asOfText).toContain('2023');
  });

  it('finds the changed figure (old and new value), the added event and the removed position, and nothing else', async () => {
    const before = await loadValidDataset(defaultDataDir);
    const after = await loadValidDataset(await editedDataDir());
    const changes = compareDatasets({ dataset: before, edition: 'aaaa2222' }, after);
    expect(changes.figures.map((change) => [change.change, (change.after ?? change.before)!.id])).toEqual([['changed', editedFigure]]);
    expect(changes.figures[0]!.before!.value).toBe(39000);
    expect(changes.figures[0]!.after!.value).toBe(40000);
    expect(changes.eventsAdded.map((event) => event.id)).toEqual([addedEvent]);
    expect(changes.positions.map((change) => [change.change, (change.after ?? change.before)!.id])).toEqual([['removed', removedPosition]]);
    expect(changes.actorNames['barack_obama']).toBe('باراك أوباما');
    expect(changes.actorNames['mustafa_saadoun']).toBeDefined();
  });
});

describe('briefs build --previous', () => {
  let previous: BuildSummary;
  let next: BuildSummary;
  let unchanged: BuildSummary;

  beforeAll(async () => {
    previous = await buildAllInto(await scratchDir('changes-previous'), { publicUrl });
    const previousPdf = path.join(previous.outDir, 'factsheet.pdf');
    next = await buildAllInto(await scratchDir('changes-next'), { publicUrl, dataDir: await editedDataDir(), previous: previousPdf });
    unchanged = await buildAllInto(await scratchDir('changes-same'), { publicUrl, previous: previousPdf });
  });

  async function factsheetText(summary: BuildSummary): Promise<string> {
    // Without poppler's bidi embedding marks, whitespace folded.
    return pdftotextPages(await readFile(path.join(summary.outDir, 'factsheet.pdf')))
      .join('\n')
      .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
      .replace(/\s+/g, ' ');
  }

  it('records the previous edition in the manifest', () => {
    expect(next.manifest.edition).not.toBe(previous.manifest.edition);
    expect(next.manifest.files.every((entry) => entry.previousEdition === previous.manifest.edition)).toBe(true);
  });

  it('prints each change in the fact sheet, in its own section', async () => {
    const text = await factsheetText(next);
    const expectIn = (pattern: string | RegExp) => expect(typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text), String(pattern)).toBe(true);
    expectIn(heading);
    // (poppler moves the Latin id around the punctuation beside it: the words and the id are checked apart.)
    expectIn('مقارنةً بالإصدار');
    expectIn(`${previous.manifest.edition}`);
    // The changed figure: what it was, then what it is, each with its claimant.
    expectIn(/تغيّر\s?:\s?جنود أميركيون/u);
    // (Compared without spaces: poppler puts the space on the other side of a number.)
    const bare = text.replace(/\s/g, '');
    const was = bare.indexOf('كان39ألفعنصربحسبباراكأوباما');
    const now = bare.indexOf('وصار40ألفعنصربحسبباراكأوباما');
    expect(was).toBeGreaterThan(-1);
    expect(now).toBeGreaterThan(was);
    expectIn(addedEventText);
    expectIn(/حُذف موقف\s?:\s?مصطفى سعدون/u);
  });

  it('says "no change" when the data did not change', async () => {
    const text = await factsheetText(unchanged);
    expect(text.includes(heading)).toBe(true);
    expect(text.includes('لا تغيير')).toBe(true);
    expect(unchanged.manifest.edition).toBe(previous.manifest.edition);
  });

  it('has no change section when no previous edition is given', async () => {
    expect((await factsheetText(previous)).includes(heading)).toBe(false);
  });

  it('lists the changes on the site\'s edition page, which the cover\'s QR code points to', async () => {
    const page = await readFile(path.join(next.outDir, 'site', `edition-${next.manifest.edition}.html`), 'utf8');
    const text = DomUtils.textContent(parseDocument(page)).replace(/\s+/g, ' ');
    expect(text).toContain(heading);
    expect(text).toMatch(/كان 39 ألف عنصر بحسب باراك أوباما/u);
    expect(text).toMatch(/وصار 40 ألف عنصر/u);
    expect(text).toContain(addedEventText);
    expect(text).toContain('حُذف موقف: مصطفى سعدون');
    // The previous edition's page says it was superseded, and by which edition.
    const old = await readFile(path.join(next.outDir, 'site', `edition-${previous.manifest.edition}.html`), 'utf8');
    expect(old).toContain(`edition-${next.manifest.edition}.html`);
    // The index links to it.
    expect(await readFile(path.join(next.outDir, 'site', 'index.html'), 'utf8')).toContain(`href="edition-${next.manifest.edition}.html"`);
  });

  it('gives every feed entry the change list as its content', async () => {
    const feed = parseDocument(await readFile(path.join(next.outDir, 'site', 'feed.xml'), 'utf8'), { xmlMode: true });
    const entries = DomUtils.getElementsByTagName('entry', feed.children);
    expect(entries.length).toBe(5);
    for (const entry of entries) {
      const content = DomUtils.getElementsByTagName('content', [entry])[0]!;
      expect(content.attribs['type']).toBe('html');
      const html = DomUtils.textContent(content);
      const text = DomUtils.textContent(parseDocument(html)).replace(/\s+/g, ' ');
      expect(text).toMatch(/وصار 40 ألف عنصر/u);
      expect(text).toContain(addedEventText);
      expect(text).toContain('حُذف موقف: مصطفى سعدون');
    }
  });

  it('CLI: --previous naming a file that does not exist, or a PDF without edition data, is a usage error', async () => {
    const io = captureOutput();
    expect(await main(['build', '--out', await scratchDir('changes-cli'), '--previous', '/nonexistent/old.pdf'], io)).toBe(2);
    expect(io.stderr.at(-1)).toBe('briefs build: --previous /nonexistent/old.pdf: no such file');
  });
});
