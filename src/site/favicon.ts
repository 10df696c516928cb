/**
 * The site's icon: a page with lines of text on the briefs' accent colour. Drawn as SVG, so it is
 * sharp at every size and needs no font (an Arabic letter would depend on the reader's fonts).
 */
export const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="12" fill="#7a1f2b"/>
<path d="M18 10h20l10 10v34H18z" fill="#fff"/>
<path d="M38 10v10h10" fill="#e9cfd3"/>
<path d="M24 28h18M24 35h18M24 42h12" stroke="#7a1f2b" stroke-width="3.5" stroke-linecap="round"/>
</svg>
`;
