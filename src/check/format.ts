import type { StalenessReport } from './staleness.js';

/** Human-readable lines for the terminal: one per reason, then what a rebuild would replace. */
export function formatStalenessReport(report: StalenessReport, outDir: string): string {
  if (report.upToDate) return `${outDir} is up to date`;
  const lines = [`${outDir} is stale:`, ...report.reasons.map((reason) => `  ${reason.file}: ${reason.why}`)];
  if (report.staleOutputs.length > 0) lines.push(`stale outputs: ${summarizeOutputs(report.staleOutputs).join(', ')}`);
  lines.push('run "briefs build" to rebuild');
  return lines.join('\n');
}

/** Top-level files by name; a folder's files (the site's thirty-odd) as one "site/ (N files)". */
function summarizeOutputs(files: readonly string[]): string[] {
  const folders = new Map<string, number>();
  const summary: string[] = [];
  for (const file of files) {
    const slash = file.indexOf('/');
    if (slash === -1) summary.push(file);
    else folders.set(file.slice(0, slash + 1), (folders.get(file.slice(0, slash + 1)) ?? 0) + 1);
  }
  for (const [folder, count] of folders) summary.push(count === 1 ? files.find((file) => file.startsWith(folder))! : `${folder} (${count} files)`);
  return summary;
}
