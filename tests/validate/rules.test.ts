import { describe, expect, it } from 'vitest';
import { at, issuesOf } from './fixtureIssues.js';

// One fixture per rule (tests/fixtures/data/<rule>/). Each expects the complete list of issues,
// word for word, so a message that changes or a rule that starts firing elsewhere shows up here.

describe('validateDataset rules', () => {
  it('accepts a small dataset that uses every record kind', async () => {
    expect(await issuesOf('valid')).toEqual([]);
  });

  it('rejects an id used twice anywhere in the dataset', async () => {
    expect(await issuesOf('duplicate-id')).toEqual([
      `${at('duplicate-id')}:17:9 figures[0].id: duplicate id "coalition" (first used at ${at('duplicate-id')}:10:9)`,
    ]);
  });

  it('rejects references that do not resolve or name the wrong kind of record', async () => {
    expect(await issuesOf('unknown-reference')).toEqual([
      `${at('unknown-reference')}:24:15 figures[0].claimant: unknown actor "nobody"`,
      `${at('unknown-reference')}:26:17 figures[0].supersedes: unknown figure "fig_missing"`,
      `${at('unknown-reference')}:33:25 events[0].actors[1]: "src_a" is a source, not an actor`,
      `${at('unknown-reference')}:37:19 events[0].evidence[0].source: unknown source "src_missing"`,
      `${at('unknown-reference')}:46:11 positions[0].via[0]: unknown actor "some_outlet"`,
      `${at('unknown-reference')}:56:22 outlook[0].related_events[0]: unknown event "ev_missing"`,
    ]);
  });

  it('rejects a date that is not in the calendar', async () => {
    expect(await issuesOf('unreal-date')).toEqual([
      `${at('unreal-date')}:23:19 figures[0].as_of.iso: is not a real date (2014-02-30)`,
    ]);
  });

  it('rejects a precision that does not match the date, and an inferred date without reasoning', async () => {
    expect(await issuesOf('date-precision')).toEqual([
      `${at('date-precision')}:23:41 figures[0].as_of.precision: does not match the date "2014-09" (which has month precision)`,
      `${at('date-precision')}:34:12 figures[1].as_of.reasoning: is required when a date is inferred`,
    ]);
  });

  it('rejects a range whose min is above its max', async () => {
    expect(await issuesOf('range-reversed')).toEqual([
      `${at('range-reversed')}:20:19 figures[0].value.min: must be ≤ max (12 > 5)`,
    ]);
  });

  it('rejects a period that ends before it starts', async () => {
    expect(await issuesOf('period-reversed')).toEqual([
      `${at('period-reversed')}:26:21 figures[0].period.from: must not be after period.to (2018 > 2016-05)`,
    ]);
  });

  it('rejects a dispute with fewer than two figures', async () => {
    expect(await issuesOf('dispute-one-figure')).toEqual([
      `${at('dispute-one-figure')}:32:14 disputes[0].figures: must group at least two figures`,
    ]);
  });

  it('rejects a dispute whose figures all come from one claimant', async () => {
    expect(await issuesOf('dispute-same-claimant')).toEqual([
      `${at('dispute-same-claimant')}:43:14 disputes[0].figures: needs figures from at least two different claimants (all are from "coalition")`,
    ]);
  });

  it('rejects a dispute that groups figures of another metric', async () => {
    expect(await issuesOf('dispute-mixed-metrics')).toEqual([
      `${at('dispute-mixed-metrics')}:43:22 disputes[0].figures[1]: figure "fig_b" has metric "member_states", not "civilian_deaths"`,
    ]);
  });

  it('rejects an empty quote and one longer than a short phrase', async () => {
    expect(await issuesOf('empty-quote')).toEqual([
      `${at('empty-quote')}:27:40 figures[0].evidence[0].quote: must not be empty`,
      `${at('empty-quote')}:38:40 figures[1].evidence[0].quote: is too long (31 words; at most 30)`,
    ]);
  });

  it('rejects negative and infinite numbers', async () => {
    expect(await issuesOf('bad-numbers')).toEqual([
      `${at('bad-numbers')}:20:12 figures[0].value: must be ≥ 0 (got -3)`,
      `${at('bad-numbers')}:31:12 figures[1].value: must be a finite number (got Infinity)`,
    ]);
  });

  it('reports a missing required field at its record and a misspelt field at its key', async () => {
    expect(await issuesOf('missing-and-unknown-fields')).toEqual([
      `${at('missing-and-unknown-fields')}:17:5 figures[0].method: is required`,
      `${at('missing-and-unknown-fields')}:25:5 figures[0].methd: unknown field`,
    ]);
  });

  it('rejects a value outside a closed list, naming the value given', async () => {
    expect(await issuesOf('bad-enum')).toEqual([
      `${at('bad-enum')}:18:13 figures[0].metric: must be a metric listed in data/README.md (got "troops")`,
    ]);
  });

  it('keeps a supersession chain coherent', async () => {
    expect(await issuesOf('supersession')).toEqual([
      `${at('supersession')}:17:5 figures[0].status: must be "superseded" because figure "fig_new" supersedes it`,
      `${at('supersession')}:49:13 figures[2].status: is "superseded" but no figure supersedes it`,
    ]);
  });

  it('requires the dataset as_of', async () => {
    expect(await issuesOf('missing-as-of')).toEqual([
      'tests/fixtures/data/missing-as-of:1:1 as_of: is missing: add "as_of: YYYY-MM-DD" to dataset.yaml',
    ]);
  });

  it('keeps dataset facts in one file', async () => {
    expect(await issuesOf('two-as-of')).toEqual([
      `${at('two-as-of', 'b.yaml')}:2:1 dataset facts (as_of, title_ar, note) must be in one file only (already in ${at('two-as-of', 'a.yaml')})`,
    ]);
  });

  it('reports YAML syntax errors in a truncated file with their position', async () => {
    expect(await issuesOf('truncated-yaml')).toEqual([
      `${at('truncated-yaml', 'figures.yaml')}:6:38 YAML syntax error: Missing closing 'quote`,
      `${at('truncated-yaml', 'figures.yaml')}:6:38 YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }`,
    ]);
  });

  it('reports a file that is not UTF-8 at the first bad byte', async () => {
    expect(await issuesOf('not-utf8')).toEqual([
      `${at('not-utf8', 'notes.yaml')}:5:17 is not valid UTF-8 (byte 0xE9 at offset 92); save the file as UTF-8`,
    ]);
  });

  it('refuses a YAML alias bomb quickly instead of exhausting memory', async () => {
    expect(await issuesOf('alias-bomb')).toEqual([
      `${at('alias-bomb')}:2:1 cannot be read as data (Excessive alias count indicates a resource exhaustion attack)`,
    ]);
  });

  it('reports files of the wrong shape: empty, unknown keys, lists where mappings belong', async () => {
    expect(await issuesOf('file-shapes')).toEqual([
      `${at('file-shapes', 'empty.yaml')}:1:1 is empty`,
      `${at('file-shapes', 'extra.yaml')}:2:1 figurs: unknown top-level key (expected one of: as_of, as_of_inferred, as_of_not_before, as_of_reasoning, title_ar, note, sources, actors, events, figures, disputes, positions, outlook)`,
      `${at('file-shapes', 'extra.yaml')}:3:9 events: must be a list of records (each starting with "- id: …")`,
      `${at('file-shapes', 'list.yaml')}:2:1 must be a mapping with keys such as sources, actors, events, figures, disputes, positions, outlook`,
    ]);
  });

  it('reports every problem at once, in file and line order', async () => {
    expect(await issuesOf('many-problems')).toEqual([
      `${at('many-problems')}:20:19 figures[0].value.min: must be ≤ max (9 > 1)`,
      `${at('many-problems')}:24:15 figures[0].claimant: unknown actor "nobody"`,
      `${at('many-problems')}:34:19 figures[1].as_of.iso: is not a real date (2019-13)`,
    ]);
  });
});
