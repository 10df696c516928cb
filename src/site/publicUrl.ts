/**
 * The site's public address: the folder readers open it from, e.g. a GitHub Pages project site
 * "https://owner.github.io/repo/". Feeds, canonical links and link previews need absolute addresses;
 * the pages themselves keep relative links, so a downloaded copy still works from file://.
 */
export function parsePublicUrl(text: string, setting = 'the site’s public URL'): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error(`${setting}: "${text}" is not an absolute URL (expected e.g. https://owner.github.io/coalition-briefs/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${setting}: "${text}" must be an http(s) address`);
  if (url.search !== '' || url.hash !== '') throw new Error(`${setting}: "${text}" must not have a query or a fragment`);
  if (url.username !== '' || url.password !== '') throw new Error(`${setting}: "${text}" must not hold credentials`);
  // A folder: "…/repo" and "…/repo/" are the same site, and relative names resolve inside it.
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The absolute address of one of the site's files; the index is the folder itself. */
export function publicAddress(base: string, name: string): string {
  return name === 'index.html' ? base : new URL(name, base).href;
}
