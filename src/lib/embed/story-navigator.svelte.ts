/**
 * A story's frame (`/embed/<graph>/story/<story>[/<step>]`): the embed's navigator (frame-navigator.svelte.ts)
 * moving between the story's steps, each an address, as the base moves between entities. An entity clicked on
 * the canvas (or chosen by the host page) shows its caption in place of the step without leaving the step's
 * address, and its links open the explorer in a new tab: the frame stays on the story. The step stands out on the
 * canvas, framed; ← and → step. Loaded only by story frames (story-kit.ts), for the embed's weight budget.
 */
import type { Explorer } from '$lib/explorer/explorer.svelte';
import type { EmbedOptions } from '$lib/explorer/embed-options';
import { embedTitle } from '$lib/explorer/embed-snippet';
import { frameStep } from '$lib/explorer/story-address';
import { stepDirection } from '$lib/explorer/step-keys';
import type { StoryOutline } from '$lib/graph/story-query';
import { hrefWithView, viewOver } from '$lib/graph/view';
import { storyEmbedHref, storyHref } from '$lib/links';
import { FrameNavigator, type FramePlace, type HistoryMove } from './frame-navigator.svelte';

export class StoryNavigator extends FrameNavigator {
	#step = $state(0);
	/** The step shown; undefined on the cover. */
	#shown = $derived.by(() => this.outline.steps[this.#step - 1]);
	override readonly target = '_blank' as const;

	/**
	 * `outline`: the story; `step`: the step the address names (0: the cover). `onStep`: told of each step shown
	 * after the first, with its title (the story's for the cover). Call while a component initialises (it adds the canvas's highlight for the component's life).
	 */
	constructor(
		explorer: Explorer,
		search: string,
		options: EmbedOptions,
		inFrame: boolean,
		onEntity: (key: string) => void,
		private readonly outline: StoryOutline,
		step: number,
		onStep: (step: number, title: string) => void
	) {
		super(explorer, null, search, options, inFrame, onEntity);
		this.#step = step;
		// The step's entities and relationships stand out, framed, the rest faded; an entity opened takes its place.
		explorer.highlightWhile(() => {
			const graph = explorer.graph;
			const shown = this.#shown;
			if (!graph || !shown || this.entity) return null;
			// Fresh sets each time, never changed: a highlight is a value (render/display.ts), not state.
			return {
				// eslint-disable-next-line svelte/prefer-svelte-reactivity
				nodes: new Set(shown.entities.filter((key) => graph.hasNode(key))),
				// eslint-disable-next-line svelte/prefer-svelte-reactivity
				edges: new Set(shown.relationships.filter((edge) => graph.hasEdge(edge))),
				frame: true
			};
		});
		let told = step;
		$effect(() => {
			if (this.#step === told) return;
			told = this.#step;
			onStep(told, this.#shown?.title ?? this.outline.title);
		});
	}

	override get story(): StoryOutline {
		return this.outline;
	}
	override get step(): number {
		return this.#step;
	}
	/** What the frame shows: the step's title and the story's (the cover: the story's alone). */
	override get title(): string {
		const step = this.#shown?.title;
		return embedTitle(this.outline.title, step ? { story: this.outline.title, step } : {});
	}

	override get focus(): string | null {
		return this.entity ? null : (this.#shown?.focus ?? null);
	}

	/** The step's own view, with the parameters of the frame's address over it. */
	override viewQuery(): string {
		return viewOver(this.#shown?.view ?? '', this.search).toString();
	}

	/** The same view in the explorer: the entity, else the story's step (or its overview for the cover). */
	override explorerUrl(key: string | null): string {
		if (key !== null) return super.explorerUrl(key);
		const { graphId, options } = this.explorer;
		return hrefWithView(storyHref(graphId, this.outline.id, this.#step || undefined), options);
	}

	/** This frame's address for step `step` (0: the cover), keeping the embed's options. */
	stepUrl(step: number): string {
		return storyEmbedHref(this.explorer.graphId, this.outline.id, step) + this.search;
	}

	/** Shows entity `key` in place of the step (null: the step again), keeping the step's address. */
	override select(key: string | null): boolean {
		const details = key === null ? null : this.detailsOf(key);
		if (key !== null && !details) return false;
		this.entity = details;
		return true;
	}

	override showStep(step: number, move: HistoryMove): boolean {
		if (!Number.isSafeInteger(step) || step < 0 || step > this.outline.steps.length) return false;
		if (!this.inFrame) {
			location.assign(this.stepUrl(step));
			return true;
		}
		if (step !== this.#step) this.record(this.stepUrl(step), move);
		this.#step = step;
		this.entity = null;
		return true;
	}

	/** ← and → move between steps, unless the reader is typing or the controls are hidden (`controls=0`). */
	override onkeydown(event: KeyboardEvent): void {
		const direction = stepDirection(event);
		if (direction === 0 || !this.options.controls) return;
		event.preventDefault();
		this.showStep(this.#step + direction, 'push');
	}

	protected override placeOf(href: string): FramePlace | undefined {
		const step = frameStep(href, location.origin, this.explorer.graphId, this.search, this.outline.id);
		return step === undefined ? undefined : { step };
	}
}
