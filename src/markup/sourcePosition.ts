/** Turns string offsets into 1-based line and column numbers, and quotes the line for error messages. */
export class SourcePosition {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly source: string) {
    for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) {
      this.lineStarts.push(index + 1);
    }
  }

  locate(offset: number): { line: number; column: number; excerpt: string } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    const lineStart = this.lineStarts[low] ?? 0;
    const lineEnd = this.source.indexOf('\n', lineStart);
    const text = this.source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
    return { line: low + 1, column: offset - lineStart + 1, excerpt: excerptAround(text, offset - lineStart) };
  }
}

const EXCERPT_WIDTH = 100;

function excerptAround(line: string, column: number): string {
  const trimmed = line.trim();
  if (trimmed.length <= EXCERPT_WIDTH) return trimmed;
  const start = Math.max(0, Math.min(column - EXCERPT_WIDTH / 2, line.length - EXCERPT_WIDTH));
  return `${start > 0 ? '…' : ''}${line.slice(start, start + EXCERPT_WIDTH)}${start + EXCERPT_WIDTH < line.length ? '…' : ''}`;
}
