import { formatIssue, type ValidationIssue } from '../model/index.js';

/**
 * Thrown when the data has problems. The message lists every issue, one readable line each
 * (the CLI prints it as is); `.issues` keeps them structured for tools and tests.
 */
export class DataError extends Error {
  override name = 'DataError';
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`the data has ${count}:\n${issues.map(formatIssue).join('\n')}`);
    this.issues = issues;
  }
}
