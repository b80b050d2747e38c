/**
 * Whether the page may fetch a graph file from a URL: the site itself, or an origin of the build setting
 * OPEN_ORIGINS, by the one reading of that setting that the Content-Security-Policy also takes
 * (src/lib/open-origins.js).
 */
import { mayFetch as mayFetchFrom } from '../open-origins.js';

/** The origins the build allows besides the site's own, as written in OPEN_ORIGINS. */
export const OPEN_ORIGINS: readonly string[] = __OPEN_ORIGINS__;

/** Whether `url` is on the site itself or on an origin `allowed` lists (`*` for any port or subdomain). */
export function mayFetch(url: URL, site: string, allowed: readonly string[] = OPEN_ORIGINS): boolean {
	return mayFetchFrom(url, site, allowed);
}
