import { describe, expect, it } from 'vitest';
import { at, issuesOf } from './fixtureIssues.js';

// The rules issue 13 added so the next edit cannot print something other than what the data says:
// one fixture per rule, the complete list of issues word for word (as in rules.test.ts).

describe('what the briefs can print', () => {
  it('refuses a number with more decimals than the briefs print (800.126 → «800.13», 0.000001 → «0»)', async () => {
    const f = 'unprintable-numbers';
    expect(await issuesOf(f)).toEqual([
      `${at(f)}:20:12 figures[0].value: has more decimals than the briefs print (at most 2): 800.126 would print as "800.13"; write the number as the source gives it, or in a larger unit`,
      `${at(f)}:31:19 figures[1].value.min: has more decimals than the briefs print (at most 2): 0.000001 would print as "0"; write the number as the source gives it, or in a larger unit`,
    ]);
  });

  it('refuses a date the templates cannot print (year 0000) at the data line, not in a template', async () => {
    const f = 'unprintable-date';
    expect(await issuesOf(f)).toEqual([`${at(f)}:23:19 figures[0].as_of.iso: is not a real date (0000-01-05)`]);
  });
});

describe('supersession chains', () => {
  it('refuse a loop (no figure left current) and a figure superseded twice (two current figures)', async () => {
    const f = 'supersession-loop';
    expect(await issuesOf(f)).toEqual([
      `${at(f)}:27:17 figures[0].supersedes: closes a supersession loop (fig_2017_11 supersedes fig_2019_03 supersedes fig_2018_08 supersedes fig_2017_11): no figure of the chain is left current; the newest figure must not be superseded`,
      `${at(f)}:89:17 figures[5].supersedes: figure "fig_obs_old" is already superseded by "fig_obs_a"; a chain has one current figure, so supersede "fig_obs_a" instead`,
    ]);
  });
});

describe('the dataset as_of', () => {
  it('comes after everything that already happened: occurred events, figures, publication dates', async () => {
    const f = 'after-as-of';
    const asOf = `${at(f)}:2:8`;
    expect(await issuesOf(f)).toEqual([
      `${at(f)}:8:23 sources[0].published.iso: says the article was published on 2021-08-23, after the dataset's as_of (2019-12-31, ${asOf}); correct the date or move as_of`,
      `${at(f)}:23:19 figures[0].as_of.iso: dates the figure 2020-01 (inferred), after the dataset's as_of (2019-12-31, ${asOf}); correct the date or move as_of`,
      `${at(f)}:41:18 events[0].date.iso: is an event that occurred on 2020-03-01, after the dataset's as_of (2019-12-31, ${asOf}); mark it "planned" or "expected" if it has not happened yet, or correct the date or move as_of`,
    ]);
  });
});
