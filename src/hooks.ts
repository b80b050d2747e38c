/**
 * Universal hooks. `reroute`: an address whose escapes do not decode (`/india-russia/%E0%A4%A`) would make
 * SvelteKit's router throw (it decodes every path with decodeURI) and leave the not-found page without its
 * search. Such an address is routed to the not-found page itself, which reads the address leniently.
 */
import type { Reroute } from '@sveltejs/kit';
import { resolve } from '$app/paths';

export const reroute: Reroute = ({ url }) => {
	try {
		decodeURI(url.pathname);
	} catch {
		return resolve('/404');
	}
};
