/**
 * The site's public address, from SITE_URL at build time (e.g. https://graphs.example.org), without a trailing
 * slash; empty when unset, and then links that must be absolute (sitemap, og:url) fall back to paths.
 */
export function siteUrl(): string {
	return (process.env.SITE_URL ?? '').replace(/\/+$/, '');
}
