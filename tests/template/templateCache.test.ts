/** Compiled templates kept between builds (briefs watch): reused while unchanged, never stale. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTemplateCache, createTemplateEngine } from '../../src/template/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefs-template-cache-'));
  await mkdir(path.join(dir, 'partials'));
  await writeFile(path.join(dir, 'brief.hbs'), 'brief: {{> line}}');
  await writeFile(path.join(dir, 'partials', 'line.hbs'), 'line {{value}}');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the template cache', () => {
  it('reuses the engine while the folder holds the same unchanged files', () => {
    const cache = createTemplateCache();
    const first = createTemplateEngine(dir, { cache });
    expect(first.render('brief', { value: 1 })).toBe('brief: line 1');
    expect(createTemplateEngine(dir, { cache })).toBe(first);
  });

  it('compiles a brief template or a partial again once its text changed', async () => {
    const cache = createTemplateCache();
    expect(createTemplateEngine(dir, { cache }).render('brief', { value: 1 })).toBe('brief: line 1');
    await writeFile(path.join(dir, 'partials', 'line.hbs'), 'row {{value}}');
    expect(createTemplateEngine(dir, { cache }).render('brief', { value: 2 })).toBe('brief: row 2');
    await writeFile(path.join(dir, 'brief.hbs'), 'changed: {{> line}}');
    expect(createTemplateEngine(dir, { cache }).render('brief', { value: 3 })).toBe('changed: row 3');
  });

  it('starts afresh when a template file is added or removed', async () => {
    const cache = createTemplateCache();
    const first = createTemplateEngine(dir, { cache });
    await writeFile(path.join(dir, 'partials', 'extra.hbs'), 'extra');
    await writeFile(path.join(dir, 'brief.hbs'), '{{> line}} {{> extra}}');
    const second = createTemplateEngine(dir, { cache });
    expect(second).not.toBe(first);
    expect(second.render('brief', { value: 4 })).toBe('line 4 extra');
  });

  it('still reports an error in a changed template, at its file and line', async () => {
    const cache = createTemplateCache();
    createTemplateEngine(dir, { cache }).render('brief', { value: 1 });
    await writeFile(path.join(dir, 'partials', 'line.hbs'), 'line\n{{#if value}}');
    expect(() => createTemplateEngine(dir, { cache }).render('brief', { value: 1 })).toThrow(/partials\/line\.hbs:2/);
  });
});
