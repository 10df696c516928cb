export { buildSite, siteNames, siteTitle, siteDescription } from './buildSite.js';
export { renderFirstPageThumbnail, type Png } from './thumbnail.js';
export { loadSiteFonts, type SiteFonts } from './loadSiteFonts.js';
export { editionId, feedId, atomDate } from './feedIds.js';
export type { SiteBrief, SiteFile, SiteFont, SiteInput, BlocksToHtml } from './types.js';
export { renderSiteForBuild, thumbnailWidth, type BuiltEdition, type SiteBuildInput } from './siteForBuild.js';
export { startThumbnailer, type Thumbnailer } from './thumbnailer.js';
