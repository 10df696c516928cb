import type { SiteFont } from './types.js';

/**
 * One stylesheet for every page. Fonts come from the site's own fonts/ folder (Amiri, as in the PDFs),
 * then the reader's system Arabic fonts: no request ever leaves the site.
 */
export function siteStylesheet(fonts: readonly SiteFont[]): string {
  const faces = fonts
    .map(
      (font) => `@font-face {
  font-family: '${font.family}';
  font-style: normal;
  font-weight: ${font.weight};
  font-display: swap;
  src: url('fonts/${font.file}') format('woff2');
  unicode-range: ${font.unicodeRange};
}`,
    )
    .join('\n');
  return `${faces}
:root {
  --ink: #1d2430;
  --muted: #5b6573;
  --rule: #d9dee5;
  --accent: #7a1f2b;
  --accent-soft: #f6eef0;
  --paper: #ffffff;
  --page: #f4f5f7;
  font-family: 'Amiri', 'Noto Naskh Arabic', 'Noto Sans Arabic', 'Geeza Pro', 'Arabic Typesetting', 'Traditional Arabic', 'Tahoma', 'DejaVu Sans', serif;
  font-size: 112.5%;
  line-height: 1.7;
  color: var(--ink);
  background: var(--page);
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
h1, h2, h3 { line-height: 1.35; }
.site-header { padding: 1rem 0 0.5rem; border-bottom: 3px solid var(--accent); margin-bottom: 1.25rem; }
.site-header h1 { margin: 0 0 0.25rem; font-size: 1.9rem; }
.lead { font-size: 1.1rem; margin: 0.25rem 0; }
.meta { color: var(--muted); font-size: 0.95rem; margin: 0.25rem 0; }
/* Keep a count with its unit; the date may wrap, or a phone's narrow column would overflow. */
.nowrap { white-space: nowrap; }
.briefs { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; }
.brief {
  display: flex; gap: 1rem; align-items: flex-start;
  background: var(--paper); border: 1px solid var(--rule); border-radius: 0.5rem; padding: 1rem;
}
.brief .thumb { flex: 0 0 auto; }
.brief img {
  display: block; width: 9rem; height: auto; border: 1px solid var(--rule);
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); background: #fff;
}
.brief-text { flex: 1 1 auto; min-width: 0; }
.brief h2 { margin: 0 0 0.25rem; font-size: 1.35rem; }
.brief h2 a { color: var(--ink); text-decoration: none; }
.brief h2 a:hover { text-decoration: underline; }
.summary { margin: 0.25rem 0; }
.actions { margin: 0.5rem 0 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.button {
  display: inline-block; padding: 0.3rem 0.9rem; border-radius: 0.35rem; border: 1px solid var(--accent);
  text-decoration: none; background: var(--paper);
}
.button.primary { background: var(--accent); color: #fff; }
.site-footer { margin-top: 2rem; padding-top: 0.75rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.9rem; }
@media (max-width: 34rem) {
  body { padding: 0.75rem; }
  .site-header h1 { font-size: 1.5rem; }
  /* Phones: a small thumbnail beside the text, so several briefs fit on one screen. */
  .brief { gap: 0.75rem; padding: 0.75rem; }
  .brief img { width: 5.5rem; }
  .brief h2 { font-size: 1.15rem; }
  .button { padding: 0.2rem 0.7rem; }
}

/* The HTML edition: the brief's blocks as the markup layer renders them. */
.edition-nav { font-size: 0.95rem; }
.edition-header { border-bottom: 3px solid var(--accent); margin-bottom: 1rem; }
.brief-body { background: var(--paper); border: 1px solid var(--rule); border-radius: 0.5rem; padding: 1rem 1.5rem; overflow-wrap: break-word; }
.brief-body h1 { font-size: 1.8rem; color: var(--accent); }
.brief-body h2 { font-size: 1.4rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; margin-top: 2rem; }
.brief-body h3 { font-size: 1.15rem; }
.brief-body table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.95rem; }
.brief-body th, .brief-body td { border: 1px solid var(--rule); padding: 0.3rem 0.5rem; text-align: start; vertical-align: top; }
.brief-body th { background: var(--accent-soft); }
.brief-body sup, .brief-body .cite { font-size: 0.7em; line-height: 0; }
.brief-body aside, .brief-body .box { border-inline-start: 4px solid var(--accent); background: var(--accent-soft); padding: 0.5rem 1rem; margin: 1rem 0; border-radius: 0.25rem; }
.brief-body .muted { color: var(--muted); }
.brief-body .lead { font-size: 1.12rem; }
.brief-body .note { font-size: 0.9rem; color: var(--muted); }
.brief-body .box-title { margin: 0.25rem 0; }
.brief-body .box-neutral { border-inline-start-color: var(--muted); background: var(--page); }
.brief-body .page-break { display: none; }

.cover { text-align: center; padding: 1rem 0 1.5rem; border-bottom: 1px solid var(--rule); margin-bottom: 1rem; }
.brief-body .cover h1 { font-size: 2rem; margin: 0.5rem 0; }
.cover-subtitle { font-size: 1.25rem; margin: 0.25rem 0; }
.cover-line { color: var(--muted); margin: 0.15rem 0; }
.toc { background: var(--page); border-radius: 0.35rem; padding: 0.25rem 1rem 0.5rem; margin: 1rem 0; }
.brief-body .toc h2 { font-size: 1.15rem; border: 0; margin: 0.5rem 0 0.25rem; }
.toc ol { margin: 0; }

.key-figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: 0.75rem; margin: 1rem 0; }
.key-figure { display: flex; flex-direction: column; text-align: center; background: var(--accent-soft); border-radius: 0.5rem; padding: 0.6rem 0.5rem; }
/* Values are short phrases ("ما يقرب من 2500 عنصر"), not bare numbers: sized to wrap at most once or twice. */
.key-figure-value { margin: 0; font-size: 1.4rem; font-weight: 700; line-height: 1.35; color: var(--accent); }
.key-figure-label { margin: 0.25rem 0 0; font-size: 0.9rem; line-height: 1.5; }

.chart { margin: 1.5rem 0; }
.chart figcaption { font-weight: 700; margin-bottom: 0.5rem; }
.chart-unit { font-weight: 400; color: var(--muted); }
.chart-bars { list-style: none; margin: 0; padding: 0; }
/* Fixed label and value columns: every row is its own grid, and the bars must share one scale. */
.chart-row { display: grid; grid-template-columns: 11rem minmax(0, 1fr) 6.5rem; gap: 0.75rem; align-items: center; padding: 0.2rem 0; border-bottom: 1px dotted var(--rule); }
.chart-label { line-height: 1.35; }
.chart-note { display: block; color: var(--muted); font-size: 0.85em; }
.chart-track { display: block; height: 0.9rem; background: var(--page); border-radius: 2px; }
/*
 * Bars are borders, not backgrounds: browsers drop backgrounds when printing with default settings,
 * but always print borders. A range is an outlined box (hatched on screen and where the printer keeps
 * colours), so it still reads as a range on paper without its hatching.
 */
.chart-bar { display: block; height: 0; border-block-start: 0.9rem solid var(--accent); }
.chart-range {
  height: 100%; border: 2px solid var(--accent);
  background: repeating-linear-gradient(135deg, var(--accent) 0 4px, #d9a3ab 4px 8px);
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
/* A qualified value ("ما لا يقل عن 1061") wraps inside its fixed column rather than run past the page. */
.chart-value { text-align: end; font-variant-numeric: tabular-nums; }
/* A bare number is an LTR island, whose end is the other side: its start is the page's end. */
.chart-value[dir="ltr"] { text-align: start; }
.brief-body bdi, .brief-body .ltr { unicode-bidi: isolate; }

@media (max-width: 34rem) {
  .brief-body { padding: 0.75rem; }
  .brief-body table { font-size: 0.9rem; }
  .brief-body th, .brief-body td { padding: 0.25rem 0.4rem; }
  /*
   * Tables of three columns or more (a figure: claimant, figure, scope, date, method) read as cards:
   * one card per row, each cell under its column's name. The header row stays for screen readers.
   */
  .brief-body table:has(> thead > tr > :nth-child(3)) { display: block; border: 0; }
  .brief-body table:has(> thead > tr > :nth-child(3)) colgroup { display: none; }
  .brief-body table:has(> thead > tr > :nth-child(3)) thead {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
  }
  .brief-body table:has(> thead > tr > :nth-child(3)) tbody { display: block; }
  .brief-body table:has(> thead > tr > :nth-child(3)) tr {
    display: block; margin: 0 0 0.6rem; padding: 0.35rem 0.6rem;
    border: 1px solid var(--rule); border-inline-start: 3px solid var(--accent); border-radius: 0.35rem; background: var(--paper);
  }
  .brief-body table:has(> thead > tr > :nth-child(3)) td,
  .brief-body table:has(> thead > tr > :nth-child(3)) tbody th {
    /* The column's name in a gutter at the start; the cell's text flows beside it as usual. */
    display: block; position: relative; border: 0; padding: 0.15rem 5.5em 0.15rem 0; padding-inline: 5.5em 0;
    text-align: start !important; background: none;
  }
  .brief-body table:has(> thead > tr > :nth-child(3)) [data-label]::before {
    content: attr(data-label); position: absolute; inset-inline-start: 0; inline-size: 5em;
    color: var(--muted); font-size: 0.85em; font-weight: 400; line-height: 2;
  }
  .brief-body table:has(> thead > tr > :nth-child(3)) tr > :first-child {
    font-weight: 700; border-block-end: 1px dotted var(--rule); padding-block-end: 0.3rem; margin-block-end: 0.15rem;
  }
  .chart-row { grid-template-columns: 6rem minmax(0, 1fr) 5.5rem; gap: 0.5rem; font-size: 0.9rem; }
  .key-figures { grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr)); gap: 0.5rem; }
  .key-figure-value { font-size: 1.2rem; }
}

/* Paper: the document alone, in black on white, its charts kept, nothing to click. */
@page { size: A4; margin: 15mm; }
@media print {
  :root { background: #fff; font-size: 11pt; }
  body { max-width: none; padding: 0; }
  .edition-nav, .site-footer { display: none; }
  .site-header, .edition-header { border-bottom-width: 2px; }
  .brief-body { border: 0; border-radius: 0; padding: 0; }
  a { color: var(--ink); }
  /* White on the accent colour would print as white on white. */
  .button, .button.primary { background: none; color: var(--ink); border: 1px solid var(--ink); }
  .brief { border: 1px solid var(--rule); break-inside: avoid; }
  .brief img { box-shadow: none; }
  .key-figure { border: 1px solid var(--rule); }
  .chart-track { background: none; border-block-end: 1px solid var(--rule); }
  h1, h2, h3, h4, figcaption, .box-title { break-after: avoid; }
  tr, .chart-row, .key-figure, .cover { break-inside: avoid; }
  .toc a { text-decoration: none; }
}
`;
}
