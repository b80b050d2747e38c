/**
 * The options of an embedded view (`/embed/<graph>[/<entity>]?…`), read leniently from its query string like the
 * view options (src/lib/graph/view.ts): anything unknown or malformed falls back to the default. The snippet
 * that reproduces a view is in embed-snippet.ts (only the explorer's dialog needs it; the embed does not load it).
 */
import { type ViewOptions, viewQuery } from '../graph/view';

export type EmbedTheme = 'auto' | 'light' | 'dark';

export interface EmbedOptions {
	/** Show the legend (`legend=1`); off by default. */
	legend: boolean;
	/** Show the caption of the focused entity (`panel=0` hides it); on by default. */
	panel: boolean;
	/**
	 * Show a search box (`search=1`), whose matches stand out on the canvas; off by default: an embed shows a
	 * chosen view, and a default embed stays within its weight budget without the search code.
	 */
	search: boolean;
	/** `theme=light|dark`; `auto` (the default) follows the reader's system. */
	theme: EmbedTheme;
	/** Zoom with the mouse wheel (`scroll=1`); off by default so that the host page keeps scrolling. */
	scroll: boolean;
	/** What a click on an entity does: move within the frame (default) or `click=open` the explorer in a tab. */
	click: 'move' | 'open';
	/**
	 * A story's step controls (Previous and Next, and the arrow keys; `controls=0` hides them): a host page that
	 * drives the steps itself (docs/embedding.md) may not want the reader to step on their own.
	 */
	controls: boolean;
}

export const DEFAULT_EMBED: EmbedOptions = {
	legend: false,
	panel: true,
	search: false,
	theme: 'auto',
	scroll: false,
	click: 'move',
	controls: true
};

const flag = (value: string | null, fallback: boolean): boolean =>
	value === '1' || value === 'true' ? true : value === '0' || value === 'false' ? false : fallback;

export function parseEmbedOptions(params: URLSearchParams): EmbedOptions {
	const theme = params.get('theme');
	return {
		legend: flag(params.get('legend'), DEFAULT_EMBED.legend),
		panel: flag(params.get('panel'), DEFAULT_EMBED.panel),
		search: flag(params.get('search'), DEFAULT_EMBED.search),
		theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
		scroll: flag(params.get('scroll'), DEFAULT_EMBED.scroll),
		click: params.get('click') === 'open' ? 'open' : 'move',
		controls: flag(params.get('controls'), DEFAULT_EMBED.controls)
	};
}

/** The query string (without `?`) of a view and embed options: only what differs from the defaults. */
export function embedQuery(view: ViewOptions, embed: EmbedOptions): string {
	const params = new URLSearchParams(viewQuery(view));
	if (embed.legend !== DEFAULT_EMBED.legend) params.set('legend', embed.legend ? '1' : '0');
	if (embed.panel !== DEFAULT_EMBED.panel) params.set('panel', embed.panel ? '1' : '0');
	if (embed.search !== DEFAULT_EMBED.search) params.set('search', embed.search ? '1' : '0');
	if (embed.theme !== DEFAULT_EMBED.theme) params.set('theme', embed.theme);
	if (embed.scroll !== DEFAULT_EMBED.scroll) params.set('scroll', embed.scroll ? '1' : '0');
	if (embed.click !== DEFAULT_EMBED.click) params.set('click', embed.click);
	if (embed.controls !== DEFAULT_EMBED.controls) params.set('controls', embed.controls ? '1' : '0');
	return params.toString().replaceAll('%2C', ',');
}
