/**
 * The boundary with pdfmake and pdfkit: one module, checked against the versions it was written
 * for, and the only place that replaces anything of theirs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkVersions, SUPPORTED } from '../../src/typeset/pdfmakeAdapter.js';
import { packageRoot } from '../../src/paths.js';
import { typesetDocument } from '../../src/typeset/index.js';
import { sampleDocument } from './fixtures/sampleDocument.js';

const require = createRequire(import.meta.url);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

describe('pdfmakeAdapter', () => {
  it('accepts the installed pdfmake and pdfkit', () => {
    expect(() => checkVersions()).not.toThrow();
  });

  it('stops with a message naming the unexpected version and where to look', () => {
    expect(() => checkVersions({ pdfmake: '0.3.12', pdfkit: SUPPORTED.pdfkit })).toThrow(
      /unsupported pdfmake 0\.3\.12 \(expected 0\.3\.11\): src\/typeset\/pdfmakeAdapter\.ts hooks/,
    );
    expect(() => checkVersions({ pdfmake: SUPPORTED.pdfmake, pdfkit: '0.18.0' })).toThrow(/pdfkit 0\.18\.0 \(expected 0\.19\.1\)/);
  });

  it('is the only source file that assigns to a prototype or to a font method of pdfmake, pdfkit or fontkit', () => {
    // What the engine once replaced: encode, layoutCache, provideFont, alignLine, renderLine, layout, postscriptName.
    const replacement = /\.prototype\.\w+\s*=(?!=)|\.(encode|layout|layoutCache|provideFont|alignLine|renderLine|postscriptName)\s*=(?!=)|defineProperty\(/;
    const offenders = sourceFiles(path.join(packageRoot, 'src'))
      .filter((file) => !file.endsWith(path.join('typeset', 'pdfmakeAdapter.ts')))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${path.relative(packageRoot, file)}:${i + 1}` }))
          .filter(({ line }) => replacement.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
    const adapter = readFileSync(path.join(packageRoot, 'src', 'typeset', 'pdfmakeAdapter.ts'), 'utf8');
    // One hook: the line hook. The page composition needs none (composition.ts).
    expect(adapter.match(/\.prototype\.\w+\s*=(?!=)/g)).toEqual(['.prototype.renderLine =']);
  });

  it('is the only place a method is put on an object (a prototype or an instance, such as a writer\'s addLine)', () => {
    const methodAssignment = /\.[A-Za-z_$][\w$]*\s*=\s*(async\s+)?(function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)|Object\.assign\(\s*[\w$.]+\.prototype|Object\.setPrototypeOf\(/;
    const found = sourceFiles(path.join(packageRoot, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => methodAssignment.test(line))
        .map((line) => `${path.relative(packageRoot, file)}: ${line.trim().slice(0, 60)}`),
    );
    expect(found).toEqual([expect.stringMatching(/^src\/typeset\/pdfmakeAdapter\.ts: Renderer\.prototype\.renderLine = function/)]);
  });

  it('assigns nothing to a name of a pdfkit or pdfmake document method, on a prototype or on a document (pdfkit\'s XMP step is no longer replaced)', () => {
    // Every method pdfkit's PDFDocument has (its mixins included, not Node's stream methods) and every
    // method pdfmake's PDFDocument adds, read from the installed packages.
    const pdfmakeRequire = createRequire(require.resolve('pdfmake'));
    const PdfkitDocument = pdfmakeRequire('pdfkit') as { prototype: object };
    const PdfmakeDocument = (require('pdfmake/js/PDFDocument') as { default: { prototype: object } }).default;
    const methods = new Set<string>();
    const collect = (proto: object) => {
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, name)!.value === 'function') methods.add(name);
      }
    };
    for (let proto = PdfkitDocument.prototype; proto !== Readable.prototype; proto = Object.getPrototypeOf(proto) as object) collect(proto);
    collect(PdfmakeDocument.prototype);
    expect(methods).toContain('endMetadata');
    expect(methods).toContain('provideFont');
    const names = [...methods].map((name) => name.replace(/\$/g, '\\$')).join('|');
    const assignment = new RegExp(`(?:\\.|\\[['"])(?:${names})(?:['"]\\])?\\s*(?:=(?!=)|\\?\\?=|\\|\\|=|&&=)|Object\\.assign\\(\\s*(?:doc|pdf|document)\\b`);
    const found = sourceFiles(path.join(packageRoot, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => assignment.test(line))
        .map((line) => `${path.relative(packageRoot, file)}: ${line.trim().slice(0, 40)}`),
    );
    // Fields of the engine's own objects that happen to share a method's name (text, font).
    expect(found).toEqual([
      'src/load/loadDataset.ts: loaded.text = decoded.ok ? decoded.text ',
      'src/markup/inline.ts: last.text = last.text.slice(0, -1);',
      'src/typeset/shaper.ts: this.font = new hb.Font(new hb.Face(new ',
    ]);
  });

  it('leaves pdfkit\'s and pdfmake\'s document prototypes as installed after rendering a document', async () => {
    const pdfmakeRequire = createRequire(require.resolve('pdfmake'));
    const prototypes = [pdfmakeRequire('pdfkit') as { prototype: object }, (require('pdfmake/js/PDFDocument') as { default: { prototype: object } }).default].map(
      (cls) => cls.prototype,
    );
    const methodsOf = () =>
      prototypes.map((proto) => new Map(Object.getOwnPropertyNames(proto).map((name) => [name, Object.getOwnPropertyDescriptor(proto, name)!.value as unknown])));
    const before = methodsOf();
    const result = await typesetDocument(sampleDocument('arab'));
    expect(result.pages).toBeGreaterThan(0);
    const after = methodsOf();
    for (const [i, methods] of before.entries()) {
      expect([...after[i]!.keys()]).toEqual([...methods.keys()]);
      for (const [name, value] of methods) expect(after[i]!.get(name), name).toBe(value);
    }
  });
});
