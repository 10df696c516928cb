/**
 * The two snapshots of a brief — its layout dump and its page images — and their comparison with the
 * committed references. The snapshot tests and the mutation tests both go through here, so a mutation
 * that "bites" bites exactly the comparison the snapshot tests make.
 */
import { briefs, type BriefId } from '../../src/briefs/registry.js';
import type { Dataset } from '../../src/model/index.js';
import { defaultDataDir, templatesDir } from '../../src/paths.js';
import { renderBrief } from '../../src/pipeline/renderBrief.js';
import { createTemplateEngine, type TemplateEngine } from '../../src/template/index.js';
import type { Digits } from '../../src/document/model.js';
import { loadValidDataset } from '../../src/validate/index.js';
import { compareLayout } from './layoutCompare.js';
import { layoutDump } from './layoutDump.js';
import { comparePageImages, type PageImageDifference } from './pageImageCompare.js';
import { renderPageImages } from './pageImages.js';
import { readLayoutReference, readPageReferences } from './snapshotFiles.js';
import { recordInputs } from '../../src/check/index.js';
import { editionContext } from '../../src/editions/editionRecord.js';
import { generatorName, generatorVersion } from '../../src/packageInfo.js';

export interface BriefSnapshot {
  /** The layout dump, read back from the PDF with pdf.js. */
  layout: string;
  /** One greyscale PNG per page, rendered with MuPDF. */
  pages: Buffer[];
}

export interface SnapshotReferences {
  /** undefined: no reference recorded yet. */
  layout: string | undefined;
  pages: (Buffer | undefined)[];
}

export interface SnapshotDifferences {
  layout: string[];
  pages: PageImageDifference[];
}

export async function snapshotOf(pdf: Uint8Array): Promise<BriefSnapshot> {
  return { layout: await layoutDump(pdf), pages: renderPageImages(pdf) };
}

export function committedReferences(brief: BriefId): SnapshotReferences {
  return { layout: readLayoutReference(brief), pages: readPageReferences(brief) };
}

/** What differs from the references; both lists are empty when a reader would see no change. */
export function compareSnapshot(references: SnapshotReferences, snapshot: BriefSnapshot): SnapshotDifferences {
  return {
    layout: compareLayout(references.layout ?? '', snapshot.layout),
    pages: comparePageImages(references.pages, snapshot.pages),
  };
}

export interface RenderInputs {
  dataset: Dataset;
  templates: TemplateEngine;
  digits: Digits;
  /** The fingerprints the edition id is made from besides the dataset (as `briefs build` records them). */
  editionInputs?: { templates: string; dataFiles: string };
}

/** The bundled data and templates, as `briefs build` uses them by default (without a public URL). */
export async function defaultRenderInputs(): Promise<RenderInputs> {
  const recorded = await recordInputs({ dataDir: defaultDataDir, templatesDir, generatorVersion, digits: 'latn' });
  return {
    dataset: await loadValidDataset(defaultDataDir),
    templates: createTemplateEngine(templatesDir),
    digits: 'latn',
    editionInputs: { templates: recorded.templates, dataFiles: recorded.data },
  };
}

/**
 * One brief's PDF through the public pipeline (derive → template → markup → typeset), in memory, as
 * `briefs build` makes it: with its edition (footer id, attached data) made from these inputs.
 */
export async function renderBriefPdf(brief: BriefId, inputs: RenderInputs): Promise<Uint8Array> {
  const { editionInputs, ...context } = inputs;
  const edition = editionInputs
    ? editionContext({ dataset: inputs.dataset, generator: { name: generatorName, version: generatorVersion }, digits: inputs.digits, ...editionInputs, siteUrl: null, changes: null })
    : undefined;
  return (await renderBrief(briefs[brief], { ...context, ...(edition ? { edition } : {}) })).bytes;
}
