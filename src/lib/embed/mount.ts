/**
 * What the embed pages' scripts share (client.ts, story-client.ts; they are prerendered with `csr = false`, so
 * SvelteKit's client does not load): mount the embed in place of its server-rendered copy, with the data the
 * server rendered it from and what the script hands in.
 */
import { type ComponentProps, mount } from 'svelte';
import Embed from './Embed.svelte';

type Rendered = Omit<ComponentProps<typeof Embed>, 'search' | 'inFrame' | 'storyKit' | 'entityPanel'>;

export function mountEmbed(
	given: Partial<Pick<ComponentProps<typeof Embed>, 'storyKit' | 'entityPanel'>>
): void {
	const root = document.getElementById('embed');
	const data = root?.dataset.embed;
	if (!root || !data) return;
	const props = JSON.parse(data) as Rendered;
	root.replaceChildren();
	mount(Embed, { target: root, props: { ...props, ...given, search: location.search, inFrame: true } });
}
