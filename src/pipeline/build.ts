import { performance } from 'node:perf_hooks';
import type { BriefId } from '../briefs/registry.js';
import { briefIds, briefs } from '../briefs/registry.js';
import { loadValidDataset } from '../validate/index.js';
import type { WarmCaches } from './warmCaches.js';
import { createTemplateEngine } from '../template/index.js';
import { templatesDir } from '../paths.js';
import type { PendingFile } from '../write/atomicWrite.js';
import { fromNodeError } from '../write/fileSystemError.js';
import { commitOutput, preflight, type CommitOptions } from '../write/commitOutput.js';
import {
  composeManifest,
  parseManifest,
  serializeManifest,
  sha256,
  type BuiltFrom,
  type Manifest,
  type ManifestEntry,
} from '../write/manifest.js';
import { generatorName, generatorVersion } from '../packageInfo.js';
import type { Digits } from '../document/model.js';
import { renderBrief } from './renderBrief.js';
import { renderMarkupToHtml } from '../markup/index.js';
import { dataAsOfText } from '../derive/common.js';
import { fingerprintFiles, recordInputs } from '../check/index.js';
// Not through site/index.js: this thread needs nothing of the thumbnail renderer, which runs on the worker.
import { renderSiteForBuild, thumbnailWidth, type BuiltEdition } from '../site/siteForBuild.js';
import { startThumbnailer, type Thumbnailer } from '../site/thumbnailer.js';
import { timeStep, timeStepAsync } from './stepTimes.js';
import { publicUrlFromEnvironment } from '../site/siteForBuild.js';
import { editionContext } from '../editions/editionRecord.js';
import { compareDatasets } from '../editions/changes.js';
import { readPreviousEdition } from '../editions/previousEdition.js';
import { editionPagePath, editionView } from '../editions/editionView.js';

/** An explicit public URL (tests); undefined: the site reads BRIEFS_SITE_URL itself; null: none. */
function publicUrlOption(options: BuildOptions): string | undefined {
  return options.publicUrl ?? undefined;
}

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  briefs: readonly BriefId[];
  digits: Digits;
  /** Template folder (default: templates/); tests point it at a broken copy. */
  templatesDir?: string;
  /** Called after each brief is rendered (before anything is written). */
  onBrief?: (entry: BuiltBrief) => void;
  /** Called as each step starts, with a short line saying what the build is doing. */
  onStep?: (what: string) => void;
  /** Options of the write step (lock wait, testing aids). */
  write?: CommitOptions;
  /** The previous edition (a PDF with its data attached): the fact sheet and the site say what changed since. */
  previous?: string;
  /** The readers' site's public address (default: BRIEFS_SITE_URL); null: none, even if the variable is set. */
  publicUrl?: string | null;
  /** The generator as it signs the edition (tests build an "older" edition with another version). */
  generator?: { name: string; version: string };
  /** What a long-lived process keeps between builds (`briefs watch`): unchanged inputs are not parsed or compiled again. */
  warm?: WarmCaches;
  /**
   * Asked before each brief and before the write step: true when the inputs changed during the build
   * (`briefs watch` saw a save), so its output would already be stale. The build then stops with a
   * SupersededBuild and out/ is not touched; the caller builds again.
   */
  superseded?: () => boolean;
}

/** A build stopped because its inputs changed while it ran (BuildOptions.superseded); nothing was written. */
export class SupersededBuild extends Error {
  constructor() {
    super('the inputs changed during the build');
    this.name = 'SupersededBuild';
  }
}

export interface BuiltBrief extends ManifestEntry {
  milliseconds: number;
}

/** Where a build's time went, in milliseconds (each brief's own time is in its BuiltBrief). */
export interface BuildTimings {
  /** From the process's start to the build's first step: Node's start-up and module loading in a CLI run. */
  startup: number;
  /** Fingerprinting the inputs. */
  inputs: number;
  /** Loading and validating the data, and reading the templates. */
  data: number;
  /** The site: HTML editions, index, feed, and waiting for the last thumbnails. */
  site: number;
  /** Writing out/ (temporary files, then renames). */
  write: number;
}

export interface BuildSummary {
  outDir: string;
  manifest: Manifest;
  briefs: BuiltBrief[];
  timings: BuildTimings;
}

/**
 * load → validate → (derive → template → typeset per brief) → write.
 * Everything is rendered in memory first; out/ is only touched once every brief succeeded.
 */
export async function buildBriefs(options: BuildOptions): Promise<BuildSummary> {
  const clock = stepClock();
  options.onStep?.('fingerprinting the inputs');
  // Fingerprinted before reading: an input edited mid-build leaves out/ marked stale, never falsely fresh.
  const inputs = await timeStepAsync('inputs', () =>
    recordInputs({
      dataDir: options.dataDir,
      templatesDir: options.templatesDir ?? templatesDir,
      generatorVersion,
      digits: options.digits,
    }),
  );
  clock.lap('inputs');
  // The site lists every brief, so only a full build writes it; a partial build leaves it as it was.
  const fullBuild = briefIds.every((id) => options.briefs.includes(id));
  // Before any rendering: a folder where a known output goes fails now, not after every brief is typeset
  // (the write step checks every file again).
  const files = options.briefs.map((id) => briefs[id].file);
  await preflight(options.outDir, [...files, 'manifest.json', ...(fullBuild ? ['site/index.html', 'site/feed.xml', 'site/manifest.json', ...files.map((file) => `site/${file}`)] : [])], []).catch((error) => {
    throw fromNodeError(error);
  });
  // Started first, so the worker loads PDFium while the data is validated.
  const thumbnailer = fullBuild ? startThumbnailer() : undefined;
  try {
    return await renderAndWrite(options, inputs, fullBuild, thumbnailer, clock);
  } finally {
    await thumbnailer?.close();
  }
}

async function renderAndWrite(
  options: BuildOptions,
  inputs: Awaited<ReturnType<typeof recordInputs>>,
  fullBuild: boolean,
  thumbnailer: Thumbnailer | undefined,
  clock: StepClock,
): Promise<BuildSummary> {
  options.onStep?.('loading and validating the data');
  const dataset = await loadValidDataset(options.dataDir, { cache: options.warm?.data });
  const templates = timeStep('templates', () => createTemplateEngine(options.templatesDir ?? templatesDir, { cache: options.warm?.templates }));
  const previous = options.previous === undefined ? undefined : await readPreviousEdition(options.previous);
  const publicUrl = options.publicUrl === undefined ? (publicUrlFromEnvironment() ?? null) : options.publicUrl;
  const generator = options.generator ?? { name: generatorName, version: generatorVersion };
  const edition = editionContext({
    dataset,
    generator,
    digits: options.digits,
    templates: inputs.templates,
    dataFiles: inputs.data,
    siteUrl: publicUrl,
    changes: previous ? compareDatasets(previous, dataset) : null,
  });
  clock.lap('data');
  const files: PendingFile[] = [];
  const built: BuiltBrief[] = [];
  const editions: BuiltEdition[] = [];
  const builtFrom: BuiltFrom = {
    data: inputs.data,
    templates: inputs.templates,
    digits: options.digits,
    generatorVersion,
    asOf: dataset.as_of,
  };
  const stopIfSuperseded = () => {
    if (options.superseded?.()) throw new SupersededBuild();
  };
  for (const [index, id] of options.briefs.entries()) {
    stopIfSuperseded();
    const brief = briefs[id];
    options.onStep?.(`rendering ${brief.file} (${index + 1}/${options.briefs.length})`);
    const started = performance.now();
    const result = await renderBrief(brief, { dataset, templates, digits: options.digits, edition });
    const entry: BuiltBrief = {
      file: brief.file,
      brief: brief.id,
      title: brief.title,
      pages: result.pages,
      bytes: result.bytes.byteLength,
      sha256: sha256(result.bytes),
      asOf: dataset.as_of,
      generatorVersion,
      digits: options.digits,
      inputs: builtFrom,
      edition: edition.id,
      previousEdition: edition.changes?.previous.edition ?? null,
      milliseconds: performance.now() - started,
    };
    built.push(entry);
    files.push({ name: brief.file, bytes: result.bytes });
    // Only a full build writes the site (and has a thumbnailer).
    if (thumbnailer) {
      const thumbnail = thumbnailer.draw(result.bytes, thumbnailWidth);
      // Awaited by the site step; until then a failure must not count as unhandled.
      thumbnail.catch(() => {});
      // The HTML edition renders the same blocks the PDF was typeset from.
      editions.push({ id: brief.id, file: brief.file, title: brief.title, summary: brief.summary, pages: result.pages, sha256: entry.sha256, pdf: result.bytes, blocks: result.blocks, thumbnail });
    }
    options.onBrief?.(entry);
  }
  clock.lap();
  if (fullBuild) options.onStep?.('building the site');
  const site = fullBuild
    ? await timeStepAsync('site', () => renderSiteForBuild({
        editions,
        asOf: dataset.as_of,
        // The site says what the PDFs' footers say, inferred or lower-bound marks included.
        asOfText: dataAsOfText(dataset),
        digits: options.digits,
        generator: { name: generatorName, version: generatorVersion },
        renderBlocks: renderMarkupToHtml,
        ...(publicUrlOption(options) ? { publicUrl: publicUrlOption(options)! } : {}),
        edition: {
          id: edition.id,
          page: editionPagePath(edition.id),
          previous: edition.changes
            ? { id: edition.changes.previous.edition, asOf: edition.changes.previous.asOf, asOfText: edition.changes.previous.asOfText, page: editionPagePath(edition.changes.previous.edition) }
            : null,
          // The site's page and the feed print the change list from the same template as the fact sheet.
          changesHtml: edition.changes ? renderMarkupToHtml(templates.renderBlocks('changes', { edition: editionView(edition) }), { digits: options.digits, page: false }) : null,
        },
      }))
    : [];
  clock.lap('site');
  stopIfSuperseded();
  options.onStep?.(`writing ${options.outDir}`);
  let manifest: Manifest | undefined;
  // The previous manifest is read under the output folder's lock: two builds into one out/ merge in turn.
  await timeStepAsync('write', () => commitOutput(
    options.outDir,
    (previousText) => {
      const previous = parseManifest(previousText);
      manifest = composeManifest({
        generator: { name: generatorName, version: generatorVersion },
        previous,
        built: built.map(({ milliseconds: _milliseconds, ...entry }) => entry),
        site: fullBuild ? { inputs: builtFrom, files: Object.fromEntries(site.map((file) => [file.name, sha256(file.bytes)])) } : undefined,
        fullBuild,
        inputFiles: inputs.files,
        order: briefIds.map((id) => briefs[id].file),
        fingerprintFiles,
      });
      const manifestBytes = serializeManifest(manifest);
      const written: PendingFile[] = [...files, ...site, { name: 'manifest.json', bytes: manifestBytes }];
      // Published with the site, so CI can compare the PDFs' checksums with the last release's.
      if (fullBuild) written.push({ name: 'site/manifest.json', bytes: manifestBytes });
      // A full build's output is exactly what it wrote: files only the old manifest records go.
      const names = new Set(written.map((file) => file.name));
      const recordedBefore = fullBuild && previous ? [...previous.files.map((entry) => entry.file), ...Object.keys(previous.site?.files ?? {}), ...(previous.site ? ['site/manifest.json'] : [])] : [];
      return { files: written, remove: recordedBefore.filter((name) => !names.has(name)) };
    },
    options.write,
  ));
  clock.lap('write');
  return { outDir: options.outDir, manifest: manifest!, briefs: built, timings: clock.timings };
}

type StepClock = ReturnType<typeof stepClock>;

/** Times consecutive steps; `lap()` without a name closes a step timed elsewhere (the briefs). */
function stepClock() {
  const timings: BuildTimings = { startup: round(performance.now()), inputs: 0, data: 0, site: 0, write: 0 };
  let last = performance.now();
  return {
    timings,
    lap(step?: Exclude<keyof BuildTimings, 'startup'>) {
      const now = performance.now();
      if (step) timings[step] = round(now - last);
      last = now;
    },
  };
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 10) / 10;
}
