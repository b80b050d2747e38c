/**
 * The site's public address, from SITE_URL at build time (e.g. https://graphs.example.org), without a trailing
 * slash; empty when unset, and then links that must be absolute (sitemap, og:url) fall back to paths. A build
 * constant rather than page data, so that pages need no server data file.
 */
export const siteUrl: string = __SITE_URL__;
