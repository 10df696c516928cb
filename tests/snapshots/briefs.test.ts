/**
 * Layout snapshots: every brief, read back the way readers' tools read it, must look exactly like the
 * committed reference — its text lines (text, position, font, size) and its pages as images.
 *
 * After an intended change: `npm run test:update` rewrites both kinds; review with `git diff` (layout
 * dumps) and by looking at the page images, then commit. A failing run leaves what it rendered in
 * tests/snapshots/__output__/ (git-ignored).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefIds } from '../../src/briefs/registry.js';
import {
  defaultRenderInputs,
  renderBriefPdf,
  snapshotOf,
  type BriefSnapshot,
  type RenderInputs,
} from '../support/briefSnapshots.js';
import { compareLayout } from '../support/layoutCompare.js';
import { comparePageImages } from '../support/pageImageCompare.js';
import {
  outputDir,
  readLayoutReference,
  readPageReferences,
  repoPath,
  snapshotUpdateMode,
  writeLayoutOutput,
  writePageOutput,
  writePageReferences,
} from '../support/snapshotFiles.js';

let inputs: RenderInputs;

beforeAll(async () => {
  inputs = await defaultRenderInputs();
});

describe.each(briefIds)('the %s brief', (brief) => {
  let snapshot: BriefSnapshot;

  beforeAll(async () => {
    snapshot = await snapshotOf(await renderBriefPdf(brief, inputs));
  });

  it('has the committed layout: each line’s text, position, font and size', async () => {
    const reference = readLayoutReference(brief);
    const output = path.join(outputDir, 'layout', `${brief}.txt`);
    rmSync(output, { force: true });
    if (reference !== undefined && snapshotUpdateMode() !== 'all') {
      const differences = compareLayout(reference, snapshot.layout);
      if (differences.length > 0) {
        writeLayoutOutput(brief, snapshot.layout);
        expect.fail(
          [
            `${brief}: the layout changed (${differences.length} differences):`,
            ...differences.slice(0, 40).map((d) => `  ${d}`),
            ...(differences.length > 40 ? [`  … and ${differences.length - 40} more`] : []),
            `new dump: ${repoPath(output)}; compare: git diff --no-index tests/snapshots/layout/${brief}.txt ${repoPath(output)}`,
            'if the change is intended: npm run test:update',
          ].join('\n'),
        );
      }
    }
    // Records the dump under `vitest -u` (and a missing one locally); in CI a missing dump fails here.
    await expect(snapshot.layout).toMatchFileSnapshot(`layout/${brief}.txt`);
  });

  it('looks like the committed page images', () => {
    const mode = snapshotUpdateMode();
    const references = readPageReferences(brief);
    rmSync(path.join(outputDir, 'pages', brief), { recursive: true, force: true });
    if (mode === 'all' || (mode === 'new' && references.length === 0)) {
      writePageReferences(brief, snapshot.pages);
      return;
    }
    expect(references.length, `${brief}: no reference images; run npm run test:update`).toBeGreaterThan(0);
    const differences = comparePageImages(references, snapshot.pages);
    if (differences.length > 0) {
      const dir = writePageOutput(brief, differences);
      expect.fail(
        [
          `${brief}: ${differences.length} pages look different:`,
          ...differences.map((d) => `  ${d.message}`),
          `new pages and diffs (changed pixels in red): ${repoPath(dir)}/; references: tests/snapshots/pages/${brief}/`,
          'if the change is intended: npm run test:update',
        ].join('\n'),
      );
    }
  });
});

describe('the snapshots are stable', () => {
  it('reading the same PDF twice gives the same dump and the same page images', async () => {
    const pdf = await renderBriefPdf('troops', inputs);
    const [first, second] = [await snapshotOf(pdf), await snapshotOf(pdf)];
    expect(second.layout).toBe(first.layout);
    expect(second.pages.every((png, i) => png.equals(first.pages[i]!))).toBe(true);
  });

  it('holds nothing from the machine it ran on: no paths, no clock', async () => {
    const { layout } = await snapshotOf(await renderBriefPdf('troops', inputs));
    expect(layout).not.toMatch(/\/(tmp|home|work|root)\//);
    expect(layout).not.toContain(new Date().toISOString().slice(0, 10));
  });
});
