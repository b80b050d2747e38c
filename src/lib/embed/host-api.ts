/**
 * What an embed does with its host page's messages (messages.ts; docs/embedding.md): loaded by the embed with the
 * first message of this API, so that frames whose pages never send one (most of them) do not carry this code.
 */
import type { Explorer } from '$lib/explorer/explorer.svelte';
import { parseViewOptions, viewQuery } from '$lib/graph/view';
import type { FrameNavigator } from './frame-navigator.svelte';
import { type FrameMessage, type HostMessage, readHostMessage, withFilters } from './messages';

export interface Frame {
	explorer: Explorer;
	navigator: FrameNavigator;
	tell(message: FrameMessage): void;
}

/** Checks `data`, a message from the parent page, and does what it asks; says what was wrong, if anything. */
export function answer(data: unknown, frame: Frame): void {
	const message = readHostMessage(data);
	if (message === null) return;
	const problem = 'error' in message ? message.error : act(message, frame);
	if (problem) frame.tell({ type: 'graph:error', message: problem });
}

/** Does what `message` asks; returns why it could not, or null. */
function act(message: HostMessage, { explorer, navigator }: Frame): string | null {
	const graph = explorer.graph;
	switch (message.type) {
		case 'graph:show-step':
			if (!navigator.story) return 'this frame shows no story';
			// In place of the current address: steps the host shows must not pile up in the reader's history.
			return navigator.showStep(message.step, 'replace') ? null : `the story has no step ${message.step}`;
		case 'graph:select':
			if (!graph) return 'the graph is not loaded yet: wait for graph:ready';
			return navigator.select(message.entity, 'replace')
				? null
				: `the graph has no entity “${message.entity}”`;
		case 'graph:set-filters':
			if (!graph) return 'the graph is not loaded yet: wait for graph:ready';
			// The view options' own reader checks the values against the graph (unknown types are left out).
			explorer.options = parseViewOptions(withFilters(viewQuery(explorer.options), message), graph);
			return null;
		case 'graph:fit':
			explorer.fitView?.();
			return null;
	}
}
