/**
 * The addresses of a story's frame (`/embed/<graph>/story/<story>[/<n>]`): which step an address names, so that a
 * link or the back button can move between steps inside the frame. Apart from frame-address.ts, which every
 * embed loads, because only a story's frame needs it (story-navigator.svelte.ts).
 */
import { framePath } from './frame-address';

/**
 * The step of story `story` (0 for its cover, 1 for the first step) that `href` names as an address of graph
 * `graphId`'s story embed with the query string `search`; undefined for any other address. The number as the
 * pages write it (story-query.ts STEP_SEGMENT: from 1, no leading zero, at most 999).
 */
export function frameStep(
	href: string,
	origin: string,
	graphId: string,
	search: string,
	story: string
): number | undefined {
	const path = framePath(href, origin, graphId, search);
	if (path === `story/${story}`) return 0;
	const step = path?.startsWith(`story/${story}/`) ? path.slice(`story/${story}/`.length) : '';
	const n = Number(step);
	return Number.isInteger(n) && n >= 1 && n <= 999 && String(n) === step ? n : undefined;
}
