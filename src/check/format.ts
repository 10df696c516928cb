import type { StalenessReport } from './staleness.js';

/** Human-readable lines for the terminal: one per reason, then what a rebuild would replace. */
export function formatStalenessReport(report: StalenessReport, outDir: string): string {
  if (report.upToDate) return `${outDir} is up to date`;
  const lines = [`${outDir} is stale:`, ...report.reasons.map((reason) => `  ${reason.file}: ${reason.why}`)];
  if (report.staleOutputs.length > 0) lines.push(`stale outputs: ${report.staleOutputs.join(', ')}`);
  lines.push('run "briefs build" to rebuild');
  return lines.join('\n');
}
