/**
 * The catalog (briefs/catalog.ts) names the briefs for the commands that do not build them; the
 * registry is the catalog with each brief's derive function. The CLI loads the catalog only, so a
 * command that builds nothing does not load the data model and the derivations.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { briefCatalog, briefIds } from '../../src/briefs/catalog.js';
import { briefs } from '../../src/briefs/registry.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// A loader hook that prints the URL of every ES module the process loads.
const hook = `data:text/javascript,${encodeURIComponent(
  "export async function load(url, context, next) { if (url.startsWith('file:')) process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); }",
)}`;
const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hook)});`)}`;

/** The ES modules the compiled CLI loads for a command. */
function modulesLoaded(args: string[]): string[] {
  const run = spawnSync(process.execPath, ['--import', register, path.join(root, 'bin/briefs.js'), ...args], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stderr.split('\n').filter((line) => line.startsWith('LOADED ')).map((line) => line.slice('LOADED '.length));
}

describe('the brief catalog', () => {
  it('is the registry without its derive functions', () => {
    expect(Object.keys(briefs)).toEqual([...briefIds]);
    for (const id of briefIds) {
      const { derive, ...named } = briefs[id];
      expect(typeof derive).toBe('function');
      expect(named).toEqual(briefCatalog[id]);
    }
  });

  it('is what --version and list load: no derivation, no data model, no zod', () => {
    for (const args of [['--version'], ['list']]) {
      const modules = modulesLoaded(args);
      expect(modules.some((url) => url.endsWith('/dist/briefs/catalog.js')), args.join(' ')).toBe(true);
      expect(modules.filter((url) => /\/dist\/(derive|model)\/|\/dist\/briefs\/registry\.js$|\/node_modules\/zod\//.test(url)), args.join(' ')).toEqual([]);
    }
  });
});
