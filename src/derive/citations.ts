/**
 * Citation numbering: every source has one number, its place in data/sources, the same in every
 * brief; a figure cites the numbers of its evidence, and a brief ends with the numbered list.
 */
import type { Citation, Dataset } from '../model/index.js';
import { actorName, dateView, type DateView } from './common.js';

/** Numbered sources: the number is the source's place in data/sources (stable across briefs). */
export class Citations {
  private readonly numbers: ReadonlyMap<string, number>;

  constructor(private readonly dataset: Dataset) {
    this.numbers = new Map(dataset.sources.map((source, index) => [source.id, index + 1]));
  }

  of(evidence: readonly Citation[]): number[] {
    const numbers = evidence.map((citation) => this.numbers.get(citation.source));
    return [...new Set(numbers.filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  }

  /** The numbered source list printed at the end of a brief. */
  list(): SourceView[] {
    return this.dataset.sources.map((source, index) => ({
      number: index + 1,
      publisher: source.publisher === 'unknown' ? null : actorName(this.dataset, source.publisher),
      title: source.title === 'unknown' ? null : source.title,
      published: dateView(source.published),
    }));
  }
}

export interface SourceView {
  number: number;
  publisher: string | null;
  title: string | null;
  published: DateView;
}

