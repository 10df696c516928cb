/** The views the templates read: what each brief selects from the dataset, and in what order. */
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveCasualties } from '../../src/derive/casualties.js';
import { deriveFactsheet } from '../../src/derive/factsheet.js';
import { deriveHistory } from '../../src/derive/history.js';
import { deriveTroops } from '../../src/derive/troops.js';
import { deriveWithdrawal } from '../../src/derive/withdrawal.js';
import type { Dataset } from '../../src/model/index.js';
import { defaultDataDir } from '../../src/paths.js';
import { loadValidDataset } from '../../src/validate/index.js';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadValidDataset(defaultDataDir);
});

function isoOf(date: { known: boolean; iso?: string }): string {
  return date.known ? date.iso! : '9999';
}

describe('history', () => {
  it('places every event exactly once: in one era, or among the undated', () => {
    const view = deriveHistory(dataset);
    const shown = [...view.eras.flatMap((era) => era.events), ...view.undated].map((event) => event.id);
    expect([...shown].sort()).toEqual(dataset.events.map((event) => event.id).sort());
  });

  it('keeps each era in date order and the eras in sequence', () => {
    const view = deriveHistory(dataset);
    const years = view.eras.map((era) => era.events.map((event) => isoOf(event.date).slice(0, 4)));
    for (const era of years) expect(era).toEqual([...era].sort());
    for (let index = 1; index < years.length; index++) expect(years[index]![0]! >= years[index - 1]!.at(-1)!).toBe(true);
  });

  it('marks what was only announced or planned, and leaves what happened unmarked', () => {
    const events = deriveHistory(dataset).eras.flatMap((era) => era.events);
    for (const event of events) {
      const status = dataset.events.find((record) => record.id === event.id)!.status;
      expect(event.status === null).toBe(status === 'occurred');
    }
  });
});

describe('troops', () => {
  it('lists every troop figure with what it counts and whose forces', () => {
    const view = deriveTroops(dataset);
    const troopFigures = dataset.figures.filter((figure) => figure.metric.startsWith('troops_'));
    expect(view.troops.map((row) => row.id).sort()).toEqual(troopFigures.map((figure) => figure.id).sort());
    for (const row of view.troops) {
      expect(row.kind).not.toMatch(/^troops_/);
      expect(row.claimant).toMatch(/\p{Script=Arabic}/u);
    }
  });
});

describe('casualties', () => {
  it("keeps the coalition's admissions apart from other estimates, oldest first", () => {
    const view = deriveCasualties(dataset);
    expect(view.admissions.length).toBeGreaterThanOrEqual(3);
    expect(view.admissions.map((figure) => isoOf(figure.asOf))).toEqual(view.admissions.map((figure) => isoOf(figure.asOf)).sort());
    expect(view.otherEstimates.every((figure) => !view.admissions.some((admission) => admission.id === figure.id))).toBe(true);
  });

  it("charts every numeric death and strike figure with the source's qualifier, never as a bare count", () => {
    const view = deriveCasualties(dataset);
    // What the data says, read straight from the figures: each single number with its qualifier (or none).
    const expected = (metrics: readonly string[]) =>
      dataset.figures
        .filter((figure) => metrics.includes(figure.metric) && typeof figure.value === 'number')
        .map((figure) => `${figure.value as number} ${figure.qualifier ?? '(none)'}`)
        .sort();
    const charted = (bars: typeof view.deathsChart) =>
      bars.flatMap((bar) => (bar.ranged ? [] : [`${bar.value} ${bar.qualifier ?? '(none)'}`])).sort();
    expect(charted(view.deathsChart)).toEqual(expected(['civilian_deaths', 'deaths_unspecified']));
    expect(charted(view.strikesChart)).toEqual(expected(['airstrikes']));
    // e.g. the Observatory's "أكثر من 4 آلاف" for Mosul: the data has qualified figures to lose
    expect(charted(view.deathsChart)).toContain('4000 أكثر من');
  });

  it('shows every dispute about deaths or strikes with at least two claimants', () => {
    for (const dispute of deriveCasualties(dataset).disputes) {
      expect(new Set(dispute.figures.map((figure) => figure.claimant)).size).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('withdrawal', () => {
  it('shows every view on the future, grouped by stance', () => {
    const view = deriveWithdrawal(dataset);
    const shown = view.stanceGroups.flatMap((group) => group.positions).length;
    expect(shown).toBe(dataset.positions.filter((position) => position.topic === 'future').length);
  });
});

describe('fact sheet at a glance', () => {
  it('shows only current figures, each with its claimant, at most two claimants per metric', () => {
    const glance = deriveFactsheet(dataset).atAGlance;
    expect(glance.length).toBeGreaterThanOrEqual(6);
    for (const figure of glance) {
      expect(figure.superseded).toBe(false);
      expect(figure.claimant).not.toBe('');
    }
    const perMetric = new Map<string, number>();
    for (const figure of glance) perMetric.set(figure.metric, (perMetric.get(figure.metric) ?? 0) + 1);
    expect(Math.max(...perMetric.values())).toBeLessThanOrEqual(2);
  });
});
