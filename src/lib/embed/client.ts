/**
 * The embed pages' only script (they are prerendered with `csr = false`, so SvelteKit's client does not load):
 * mounts the embed in place of its server-rendered copy, with the data the server rendered it from. Bundled into
 * the site by the `embedClient` plugin in vite.config.ts, which names it; the embed layout links it.
 */
import { mount } from 'svelte';
import Embed from './Embed.svelte';

const root = document.getElementById('embed');
const data = root?.dataset.embed;
if (root && data) {
	root.replaceChildren();
	mount(Embed, { target: root, props: { ...JSON.parse(data), search: location.search, inFrame: true } });
}
