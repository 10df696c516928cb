import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BriefId } from '../briefs/registry.js';
import { briefIds, briefs } from '../briefs/registry.js';
import { loadValidDataset } from '../validate/index.js';
import { createTemplateEngine } from '../template/index.js';
import { templatesDir } from '../paths.js';
import { writeFilesAtomically, type PendingFile } from '../write/atomicWrite.js';
import {
  mergeManifestEntries,
  parsePreviousManifest,
  serializeManifest,
  sha256,
  type Manifest,
  type ManifestEntry,
} from '../write/manifest.js';
import { generatorName, generatorVersion } from '../packageInfo.js';
import type { Digits } from '../typeset/document.js';
import { renderBrief } from './renderBrief.js';

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  briefs: readonly BriefId[];
  digits: Digits;
  /** Template folder (default: templates/); tests point it at a broken copy. */
  templatesDir?: string;
  /** Called after each brief is rendered (before anything is written). */
  onBrief?: (entry: BuiltBrief) => void;
}

export interface BuiltBrief extends ManifestEntry {
  milliseconds: number;
}

export interface BuildSummary {
  outDir: string;
  manifest: Manifest;
  briefs: BuiltBrief[];
}

/**
 * load → validate → (derive → template → typeset per brief) → write.
 * Everything is rendered in memory first; out/ is only touched once every brief succeeded.
 */
export async function buildBriefs(options: BuildOptions): Promise<BuildSummary> {
  const dataset = await loadValidDataset(options.dataDir);
  const templates = createTemplateEngine(options.templatesDir ?? templatesDir);
  const files: PendingFile[] = [];
  const built: BuiltBrief[] = [];
  for (const id of options.briefs) {
    const brief = briefs[id];
    const started = performance.now();
    const result = await renderBrief(brief, { dataset, templates, digits: options.digits });
    const entry: BuiltBrief = {
      file: brief.file,
      brief: brief.id,
      title: brief.title,
      pages: result.pages,
      bytes: result.bytes.byteLength,
      sha256: sha256(result.bytes),
      asOf: dataset.as_of,
      generatorVersion,
      milliseconds: performance.now() - started,
    };
    built.push(entry);
    files.push({ name: brief.file, bytes: result.bytes });
    options.onBrief?.(entry);
  }
  const previous = parsePreviousManifest(await readFile(path.join(options.outDir, 'manifest.json'), 'utf8').catch(() => undefined));
  const manifest: Manifest = {
    generator: { name: generatorName, version: generatorVersion },
    asOf: dataset.as_of,
    digits: options.digits,
    files: mergeManifestEntries(
      previous?.files ?? [],
      built.map(({ milliseconds: _milliseconds, ...entry }) => entry),
      briefIds.map((id) => briefs[id].file),
    ),
  };
  files.push({ name: 'manifest.json', bytes: serializeManifest(manifest) });
  await writeFilesAtomically(options.outDir, files);
  return { outDir: options.outDir, manifest, briefs: built };
}
