import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { afterEach, describe, expect, test } from 'vitest';
import { createTemplateEngine, TemplateError } from '../../src/template/index.js';
import { MarkupError } from '../../src/markup/index.js';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'templates');

const figure = {
  claimant: 'التحالف',
  qualifier: 'أكثر من',
  value: 34000,
  unit: 'غارة',
  sources: [3, 1],
  date: '2017-11-05',
  precision: 'day',
};
const context = { title: 'تاريخ التحالف', intro: 'مقدمة', figures: [figure], figure: {} };

/** The message of the error rendering throws, checked to be of the given class. */
function renderError(name: string, errorClass: typeof TemplateError | typeof MarkupError = TemplateError): string {
  const engine = createTemplateEngine(fixtures);
  try {
    engine.renderBlocks(name, context);
  } catch (error) {
    expect(error).toBeInstanceOf(errorClass);
    return (error as Error).message;
  }
  throw new Error(`expected ${name} to fail`);
}

describe('rendering', () => {
  test('a brief with partials and helpers renders to markup and blocks', () => {
    const engine = createTemplateEngine(fixtures);
    expect(engine.render('brief', context)).toBe(
      '<h1 toc>تاريخ التحالف</h1>\n<p>مقدمة</p>\n<ul>\n' +
        '  <li>التحالف: أكثر من 34 ألف غارة<cite>1، 3</cite> (5\u00A0نوفمبر/تشرين\u00A0الثاني 2017)\n</li>\n</ul>\n',
    );
    expect(engine.renderBlocks('brief', context)).toEqual([
      { kind: 'heading', level: 1, content: [{ text: 'تاريخ التحالف' }], toc: true },
      { kind: 'paragraph', content: [{ text: 'مقدمة' }] },
      {
        kind: 'list',
        ordered: false,
        items: [
          [
            { text: 'التحالف: أكثر من 34 ألف غارة' },
            { text: '1، 3', cite: true },
            // The date's day stays with its month, and the month's two words together (no-break spaces).
            { text: ' (5\u00A0نوفمبر/تشرين\u00A0الثاني 2017)' },
          ],
        ],
      },
    ]);
  });

  test('brief templates are listed by name; partials are not briefs', () => {
    const engine = createTemplateEngine(fixtures);
    expect(engine.templateNames).toContain('brief');
    expect(engine.templateNames).not.toContain('header-band');
  });

  test('the environment is isolated: helpers and partials do not leak into the global Handlebars', () => {
    createTemplateEngine(fixtures).render('brief', context);
    expect(Handlebars.helpers['quantity']).toBeUndefined();
    expect(Handlebars.partials['header-band']).toBeUndefined();
  });

  describe('with a scratch copy of the templates', () => {
    let scratch: string | undefined;
    afterEach(() => {
      if (scratch !== undefined) fs.rmSync(scratch, { recursive: true, force: true });
    });

    test('each template is read and compiled once per engine', () => {
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'briefs-templates-'));
      const dir = path.join(scratch, 'templates');
      fs.cpSync(fixtures, dir, { recursive: true });
      const engine = createTemplateEngine(dir);
      const first = engine.render('brief', context);
      fs.writeFileSync(path.join(dir, 'brief.hbs'), '<p>changed</p>');
      fs.writeFileSync(path.join(dir, 'partials', 'header-band.hbs'), '<h1>changed</h1>');
      expect(engine.render('brief', context)).toBe(first);
      expect(createTemplateEngine(dir).render('brief', context)).toBe('<p>changed</p>');
    });

    test('a templates folder without partials works', () => {
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'briefs-templates-'));
      fs.writeFileSync(path.join(scratch, 'only.hbs'), '<p>{{arDate date}}</p>');
      expect(createTemplateEngine(scratch).renderBlocks('only', { date: '2014-09' })).toEqual([
        { kind: 'paragraph', content: [{ text: 'سبتمبر/أيلول 2014' }] },
      ]);
    });
  });
});

describe('errors name the template file and line', () => {
  test('a missing field (strict mode)', () => {
    expect(renderError('missing-field')).toBe('templates/missing-field.hbs:3:5: missing field "figure.valeu"');
  });

  test('a missing field inside a partial names the partial', () => {
    const engine = createTemplateEngine(fixtures);
    let caught: unknown;
    try {
      engine.render('missing-field-in-partial', { title: 'x', claimant: 'التحالف', figure: { value: 1 } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TemplateError);
    expect(caught).toMatchObject({
      file: 'templates/partials/uses-missing-field.hbs',
      line: 2,
      column: 20,
      reason: 'missing field "figure.vallue"',
      message: 'templates/partials/uses-missing-field.hbs:2:20: missing field "figure.vallue"',
    });
  });

  test('a missing field in a helper argument (which plain Handlebars strict mode lets through)', () => {
    expect(renderError('helper-argument-typo')).toBe('templates/helper-argument-typo.hbs:2:14: missing field "figure.qualifer"');
  });

  test('helper arguments may be null, and {{#if}} may test a field that is absent', () => {
    const engine = createTemplateEngine(fixtures);
    const blocks = engine.renderBlocks('helper-arguments', { figure: { qualifier: null, value: 2500, unit: 'جندي' } });
    expect(blocks).toEqual([{ kind: 'paragraph', content: [{ text: '2500 جندي' }] }]);
  });

  test('a missing templates folder', () => {
    expect(() => createTemplateEngine(path.join(fixtures, 'nowhere'))).toThrow(
      `nowhere: templates folder not found: ${path.join(fixtures, 'nowhere')}`,
    );
  });

  test('a block left open names where it opens', () => {
    expect(renderError('unclosed-block')).toBe(
      'templates/unclosed-block.hbs:2:1: {{#each}} is not closed (no {{/each}} before the end of the file)',
    );
  });

  test('a broken partial names the partial', () => {
    expect(renderError('uses-broken-partial')).toBe(
      'templates/partials/broken.hbs:2:1: {{#if}} is not closed (no {{/if}} before the end of the file)',
    );
  });

  test('a syntax error names the line', () => {
    expect(renderError('syntax-error')).toBe(
      "templates/syntax-error.hbs:2: syntax error: Expecting 'CLOSE', 'OPEN_SEXPR', 'ID', 'STRING', 'NUMBER', 'BOOLEAN', 'UNDEFINED', 'NULL', 'DATA', got 'CLOSE_UNESCAPED'",
    );
  });

  test('a missing partial is found before rendering', () => {
    expect(renderError('missing-partial')).toBe(
      'templates/missing-partial.hbs:3:1: partial "dispute-card" not found (looked for partials/dispute-card.hbs)',
    );
  });

  test('unescaped output is refused', () => {
    expect(renderError('triple-stash')).toBe(
      'templates/triple-stash.hbs:1:4: unescaped output ({{{…}}} or {{&…}}) is not allowed: data must go through escaping',
    );
  });

  test('a helper failure names the helper and the call', () => {
    expect(renderError('bad-helper-call')).toBe('templates/bad-helper-call.hbs:2:3: {{arDate}}: "2014-13-01" is not a calendar date');
  });

  test('an unknown helper', () => {
    expect(renderError('unknown-helper')).toBe('templates/unknown-helper.hbs:1:6: unknown helper "shout"');
  });

  test('an unknown template', () => {
    expect(() => createTemplateEngine(fixtures).render('../secrets', {})).toThrow(
      /^templates\/\.\.\/secrets\.hbs: no such template \(available: bad-helper-call, bad-markup, brief, /,
    );
  });

  test('bad markup in the output is a MarkupError naming the template, with the rendered line', () => {
    expect(renderError('bad-markup', MarkupError)).toBe(
      'templates/bad-markup.hbs: markup error at line 2, column 9: unknown element <img>\n  | <p>مقدمة<img src="x.png"></p>',
    );
  });
});

describe('templates stay strict (issue 14, items 16–17)', () => {
  /** An engine over a scratch folder holding `brief.hbs` and the given partials. */
  function scratchEngine(brief: string, partials: Record<string, string> = {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefs-strict-'));
    fs.writeFileSync(path.join(dir, 'brief.hbs'), brief);
    fs.mkdirSync(path.join(dir, 'partials'));
    for (const [name, source] of Object.entries(partials)) fs.writeFileSync(path.join(dir, 'partials', `${name}.hbs`), source);
    return createTemplateEngine(dir);
  }
  function failure(brief: string, partials: Record<string, string> = {}, view: object = { brief: { title: 'ع' }, items: [1] }): string {
    try {
      scratchEngine(brief, partials).render('brief', view);
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      return (error as Error).message.replace(/^[^/]+\//, '');
    }
    throw new Error('expected the template to fail');
  }

  test.each([
    ['<p>{{toString}}</p>', 'brief.hbs:1:4: "toString" is a built-in property of every object, not a field of the data'],
    ['<p>{{valueOf}}</p>', 'brief.hbs:1:4: "valueOf" is a built-in property of every object, not a field of the data'],
    ['<p>x</p>\n<p>{{hasOwnProperty}}</p>', 'brief.hbs:2:4: "hasOwnProperty" is a built-in property of every object, not a field of the data'],
    ['<p>{{brief.constructor}}</p>', 'brief.hbs:1:4: "brief.constructor" is a built-in property of every object, not a field of the data'],
    ['{{#if brief.__proto__}}<p>x</p>{{/if}}', 'brief.hbs:1:7: "brief.__proto__" is a built-in property of every object, not a field of the data'],
  ])('%s is refused: it would print a built-in, not data', (source, message) => {
    expect(failure(source)).toBe(message);
  });

  test('a formatting helper given more arguments than it takes', () => {
    expect(failure('<p>{{arDate "2014-01-05" "day" "extra" 42}}</p>')).toBe(
      'brief.hbs:1:4: {{arDate}} takes 1 or 2 arguments, got 4: use {{arDate date}} or {{arDate date precision}}',
    );
  });

  test('a formatting helper used as a block', () => {
    expect(failure('<p>{{#quantity 5}}inner{{/quantity}}</p>')).toBe(
      'brief.hbs:1:4: {{#quantity}} is not a block helper (its block would be dropped): write {{quantity …}}',
    );
  });

  test('#if with other than one argument names the line', () => {
    expect(failure('<p>x</p>\n{{#if}}<p>y</p>{{/if}}')).toBe('brief.hbs:2:1: {{#if}} takes exactly one argument, got 0');
    expect(failure('{{#unless a b}}<p>y</p>{{/unless}}', {}, { a: 1, b: 2 })).toBe('brief.hbs:1:1: {{#unless}} takes exactly one argument, got 2');
  });

  test('a partial that includes itself names the template, the line and the chain of partials', () => {
    expect(failure('<p>{{> outer}}</p>', { outer: '{{> loop}}', loop: '<b>x</b>\n{{> loop}}' })).toBe(
      'partials/loop.hbs:2:1: partial "loop" includes itself without end (brief.hbs → outer → loop → loop → …)',
    );
  });

  test('two partials that include each other', () => {
    expect(failure('{{> a}}', { a: '{{> b}}', b: '<i>b</i>{{> a}}' })).toBe(
      'partials/b.hbs:1:9: partial "a" includes itself without end (brief.hbs → a → b → a → …)',
    );
  });

  test('a partial may still recurse over data that ends (a tree)', () => {
    const engine = scratchEngine('{{> node tree}}', { node: '<b>{{name}}</b>{{#each children}}{{> node this}}{{/each}}' });
    const tree = { name: 'a', children: [{ name: 'b', children: [{ name: 'c', children: [] }] }] };
    expect(engine.render('brief', { tree })).toBe('<b>a</b><b>b</b><b>c</b>');
  });
});
