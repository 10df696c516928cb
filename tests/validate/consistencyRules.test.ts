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
  it('may be inferred, and then says why', async () => {
    const f = 'as-of-inferred';
    expect(await issuesOf(f)).toEqual([`${at(f)}:3:17 as_of_inferred: is true, so as_of_reasoning must say why as_of is what it is`]);
  });

  it('may be a lower bound ("that month or later"): then it is the month\'s last day, and says why; so does a record date', async () => {
    const f = 'as-of-not-before';
    expect(await issuesOf(f)).toEqual([
      `${at(f)}:4:8 as_of: is 2023-10-15, but as_of_not_before prints it as the month 2023-10: as_of must be that month's last day`,
      `${at(f)}:5:19 as_of_not_before: is true, so as_of_reasoning must say why the data is no earlier than that month`,
      `${at(f)}:12:27 sources[0].published_not_before.reasoning: is required when a date is only a lower bound (not_before)`,
    ]);
  });

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

describe('attribution', () => {
  it("agrees with the claimant: unattributed is the article's own narration, described is an unnamed party, inferred says why", async () => {
    const f = 'attribution';
    const described = 'an actor the source describes without naming (kind anonymous_person or political_group)';
    expect(await issuesOf(f)).toEqual([
      `${at(f)}:28:15 figures[0].claimant: must be the publisher of the cited source (a media actor standing for the unknown publisher) for an unattributed figure: the article names no one, so the claim is the article's (got "command")`,
      `${at(f)}:29:13 figures[0].method: must be "publisher_narration" for an unattributed figure (the article names no one who counted)`,
      `${at(f)}:42:18 figures[1].attribution: must be "unattributed" when the method is "publisher_narration" (got "named")`,
      `${at(f)}:55:18 figures[2].attribution: is "described", so the claimant or speaker must be ${described}`,
      `${at(f)}:67:18 figures[3].attribution: cannot be "named": "official" is an anonymous_person; use "described"`,
      `${at(f)}:79:18 figures[4].attribution: is "inferred", so note_ar must say why the claimant is who it is`,
      `${at(f)}:83:14 positions[0].speaker: must be the publisher of the cited source ("paper") for an unattributed position (got "blocs")`,
      `${at(f)}:98:18 outlook[0].attribution: cannot be "named": its holders are anonymous_person actors; use "described"`,
    ]);
  });

  it("ties an event's reporter to the sentence as a figure's claimant is (judged, coherent, explained when inferred), and names it once", async () => {
    const f = 'event-attribution';
    expect(await issuesOf(f)).toEqual([
      `${at(f)}:20:18 events[0].reported_by: needs an attribution (named, described, inferred or unattributed): how is the reporter tied to the quoted sentences?`,
      `${at(f)}:29:18 events[1].attribution: cannot be "named": "official" is an anonymous_person; use "described"`,
      `${at(f)}:37:18 events[2].reported_by: must be the publisher of the cited source ("paper") for an unattributed event (got "command")`,
      `${at(f)}:47:18 events[3].attribution: is "inferred", so note_ar must say why the reporter is who it is`,
      `${at(f)}:55:18 events[4].attribution: is set, but no reported_by says who reports the event; remove it, or add reported_by`,
      `${at(f)}:61:21 events[5].description_ar: names the reporter «قيادة العمليات», which the briefs print beside it from reported_by; say it once: take it out of the description`,
    ]);
  });

  it('is required on every figure, position and outlook', async () => {
    const f = 'attribution-missing';
    expect(await issuesOf(f)).toEqual([
      `${at(f)}:14:5 figures[0].attribution: is required`,
      `${at(f)}:26:5 positions[0].attribution: is required`,
      `${at(f)}:36:5 outlook[0].attribution: is required`,
    ]);
  });
});

describe('numbers in our own text', () => {
  it('are never grouped (a dot is a decimal point), except where a note quotes the source in «…»', async () => {
    const f = 'number-style';
    const rule = 'our text writes numbers ungrouped with a dot only as a decimal point';
    expect(await issuesOf(f)).toEqual([
      `${at(f)}:22:14 figures[0].note_ar: writes "3.322.145" grouped; ${rule} ("3322145"), or quotes the source's writing in «…»`,
      `${at(f)}:29:21 figures[1].description_ar: writes "1,061" grouped; ${rule} ("1061"), or quotes the source's writing in «…»`,
    ]);
  });
});
