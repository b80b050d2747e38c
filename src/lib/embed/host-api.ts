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
	/** Says `graph:ready` to the parent if the graph is loaded (else it will, once it is). */
	hello(): void;
}

/** Checks `data`, a message from the parent page, and does what it asks; says what was wrong, if anything. */
export function answer(data: unknown, frame: Frame): void {
	const message = readHostMessage(data);
	if (message === null) return;
	let problem: string | null = 'error' in message ? message.error : null;
	if (!('error' in message)) {
		try {
			problem = act(message, frame);
		} catch (error) {
			problem = `the frame could not do ${message.type}: ${error instanceof Error ? error.message : String(error)}`;
		}
	}
	if (problem) frame.tell({ type: 'graph:error', message: problem });
}

/** The first type of `given` that the graph's `known` types lack, if any. */
const unknownType = (given: readonly string[] | undefined, known: Record<string, unknown>) =>
	given?.find((type) => !Object.hasOwn(known, type));

/** Does what `message` asks; returns why it could not, or null. */
function act(message: HostMessage, { explorer, navigator, hello }: Frame): string | null {
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
		case 'graph:set-filters': {
			if (!graph) return 'the graph is not loaded yet: wait for graph:ready';
			const { nodeTypes, edgeTypes } = graph.getAttributes();
			const unknown = unknownType(message.hide, nodeTypes) ?? unknownType(message.hideRel, edgeTypes);
			if (unknown !== undefined) return `the graph has no type “${unknown}”`;
			explorer.options = parseViewOptions(withFilters(viewQuery(explorer.options), message), graph);
			return null;
		}
		case 'graph:fit':
			if (!explorer.fitView) return 'the graph is not drawn (yet, or without WebGL)';
			explorer.fitView();
			return null;
		case 'graph:hello':
			hello();
			return null;
	}
}
