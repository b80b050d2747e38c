/**
 * Whether the page may fetch a graph file from a URL: the site itself, or an origin of the build setting
 * OPEN_ORIGINS (src/lib/server/open-origins.js), matched as the Content-Security-Policy matches `connect-src`.
 */

/** The origins the build allows besides the site's own, as written in OPEN_ORIGINS. */
export const OPEN_ORIGINS: readonly string[] = __OPEN_ORIGINS__;

/** Whether `url` is on the site itself or on an origin `allowed` lists (`*` for any port or subdomain). */
export function mayFetch(url: URL, site: string, allowed: readonly string[] = OPEN_ORIGINS): boolean {
	if (url.origin === site) return true;
	return allowed.some((origin) => {
		const match = /^(https?):\/\/(\*\.)?([^:]+)(?::(\d+|\*))?$/.exec(origin);
		if (!match) return false;
		const [, scheme, anySub, host, port] = match;
		if (url.protocol !== `${scheme}:`) return false;
		const hostMatches = anySub ? url.hostname.endsWith(`.${host}`) : url.hostname === host;
		const wantedPort = port ?? '';
		const actualPort = url.port;
		return hostMatches && (wantedPort === '*' || wantedPort === actualPort);
	});
}
