/**
 * The folders of src/ and the direction they may import in (README "Architecture"). `npm test` runs
 * this (tests/architecture.test.ts), so an import against the direction fails CI.
 *
 * Each folder lists the folders it may import from; anything else under src/ is forbidden.
 * `paths` and `packageInfo` are the two files at the root of src/.
 */
const layers = {
  // Foundations: no project imports, or only the root files.
  paths: [],
  packageInfo: ['paths'],
  model: [],
  arabic: [],
  document: ['arabic'],
  fonts: ['paths'],
  // Pipeline steps: load → validate → derive → template → markup → typeset / site.
  load: ['model'],
  validate: ['model', 'load', 'fonts', 'arabic'],
  derive: ['model', 'arabic'],
  briefs: ['model', 'derive'],
  template: ['markup', 'document', 'arabic'],
  markup: ['document', 'arabic'],
  typeset: ['document', 'arabic', 'fonts'],
  site: ['document', 'arabic'],
  write: [],
  schema: ['model', 'load', 'paths'],
  check: ['load', 'template', 'write'],
  // Editions (issue 18): ids, the attached data, change lists; verify rebuilds a brief from it.
  editions: ['model', 'derive', 'write'],
  verify: ['editions', 'briefs', 'template', 'check', 'pipeline'],
  // Composition and the edges: they put the steps together.
  pipeline: ['model', 'arabic', 'document', 'load', 'validate', 'derive', 'briefs', 'template', 'markup', 'typeset', 'site', 'write', 'check', 'editions', 'paths', 'packageInfo'],
  preview: [],
  watch: ['model', 'document', 'load', 'briefs', 'pipeline', 'preview'],
  cli: ['model', 'arabic', 'document', 'fonts', 'load', 'validate', 'briefs', 'template', 'markup', 'typeset', 'write', 'check', 'pipeline', 'watch', 'verify', 'paths', 'packageInfo'],
  bench: ['model', 'arabic', 'document', 'fonts', 'validate', 'briefs', 'template', 'markup', 'typeset', 'pipeline', 'paths'],
};

/** The module(s) a layer name stands for, as a path pattern under src/. */
const where = (layer) => (layer === 'paths' || layer === 'packageInfo' ? `^src/${layer}\\.ts$` : `^src/${layer}/`);

module.exports = {
  forbidden: [
    ...Object.entries(layers).map(([layer, allowed]) => ({
      name: `layer-${layer}`,
      comment: `src/${layer} may import only from ${allowed.length ? allowed.join(', ') : 'nothing else in src/'} (README "Architecture")`,
      severity: 'error',
      from: { path: where(layer) },
      to: { path: '^src/', pathNot: [where(layer), ...allowed.map(where)] },
    })),
    {
      name: 'no-unknown-folder',
      comment: 'every folder of src/ has its place in the layers above (add it there and to the README)',
      severity: 'error',
      from: { path: '^src/', pathNot: Object.keys(layers).map(where) },
      to: {},
    },
    {
      name: 'no-unknown-folder-orphan',
      comment: 'every folder of src/ has its place in the layers above, also for a module that imports nothing',
      severity: 'error',
      from: { orphan: true, path: '^src/', pathNot: Object.keys(layers).map(where) },
      to: {},
    },
    {
      name: 'no-circular-between-folders',
      comment: 'folders form a stack: no import cycle may pass through two folders',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { circular: true, path: '^src/', pathNot: '^src/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
