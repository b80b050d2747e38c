/**
 * Which other sites the browser may fetch graph files from (`/open?url=…`): the build setting OPEN_ORIGINS, a
 * comma-separated list of origins (`https://data.example.org`), each optionally with any port
 * (`http://127.0.0.1:*`) or any subdomain (`https://*.example.org`). The default is none: only the site itself.
 *
 * The list goes two places: the Content-Security-Policy's `connect-src` (csp.js), which is what the browser
 * enforces, and the page (`__OPEN_ORIGINS__`, vite.config.ts), which checks an address against it first so that a
 * reader gets a plain message rather than a refused request. The security trade-off is in docs/deploying.md.
 *
 * Plain JavaScript because `svelte.config.js` imports it (through csp.js) before anything can compile TypeScript.
 */

/**
 * An origin as CSP writes one: scheme, host (optionally `*.` before it), optional port or `*`; the groups are the
 * scheme, the `*.`, the host and the port.
 */
const ORIGIN = /^(https?):\/\/(\*\.)?([a-z0-9.-]+)(?::(\d{1,5}|\*))?$/;

/**
 * The origins of OPEN_ORIGINS; throws, naming it, on an entry that is not an origin (a path, a bare `*`).
 * @param {string | undefined} setting
 * @returns {string[]}
 */
export function openOrigins(setting = process.env.OPEN_ORIGINS) {
	return (setting ?? '')
		.split(',')
		.map((entry) => entry.trim().toLowerCase().replace(/\/+$/, ''))
		.filter(Boolean)
		.map((entry) => {
			if (!ORIGIN.test(entry))
				throw new Error(
					`OPEN_ORIGINS: “${entry}” is not an origin such as https://data.example.org, http://127.0.0.1:* or https://*.example.org`
				);
			// A default port is no port: browsers leave it out of an origin (https://a.org:443 is https://a.org).
			return entry.replace(/^(https:\/\/[^/]+):443$|^(http:\/\/[^/]+):80$/, '$1$2');
		});
}

/**
 * Whether `url` is on the site itself (`site`, an origin) or on an origin `allowed` lists, as `openOrigins` gives
 * them, matched as the Content-Security-Policy matches `connect-src` (`*` for any port or subdomain).
 * @param {URL} url
 * @param {string} site
 * @param {readonly string[]} allowed
 * @returns {boolean}
 */
export function mayFetch(url, site, allowed) {
	if (url.origin === site) return true;
	return allowed.some((origin) => {
		const match = ORIGIN.exec(origin);
		if (!match) return false;
		const [, scheme, anySubdomain, host, port = ''] = match;
		if (url.protocol !== `${scheme}:`) return false;
		const hostMatches = anySubdomain ? url.hostname.endsWith(`.${host}`) : url.hostname === host;
		return hostMatches && (port === '*' || port === url.port);
	});
}
