/**
 * Opening a graph file, as a page shows it: from files the reader chose (open-file.ts) or from an address
 * (remote-file.ts), one at a time (a second opening cancels the first), with the stage under way, a Cancel, and why
 * it failed. The home page's "Open a graph file" and /open use it with OpeningStatus.svelte.
 */
import type { Problem } from '$lib/graph/problems';
import { openGraphFiles } from './open-file';
import { fetchGraphFile } from './remote-file';

/** Why an opening failed: what it opened, and a message (the fetch) or the file's problems. */
export interface OpeningFailure {
	what: string;
	message?: string;
	problems: Problem[];
}

export class Opening {
	/** The stage under way ("Reading the file" …), or null when nothing is being opened. */
	stage = $state<string | null>(null);
	failure = $state.raw<OpeningFailure | null>(null);
	#controller: AbortController | null = null;

	/** Opens `files`, or the file at `url`; the id of the graph opened, or null (failed, cancelled or superseded). */
	async open(source: { files: File[] } | { url: string }): Promise<string | null> {
		this.#controller?.abort();
		const controller = new AbortController();
		this.#controller = controller;
		const { signal } = controller;
		this.failure = null;
		let files: File[];
		let url: string | undefined;
		if ('url' in source) {
			url = source.url;
			this.stage = 'Fetching the file';
			const fetched = await fetchGraphFile(url, { signal });
			if (signal.aborted) return null;
			if (!fetched.ok) return this.#fail({ what: url, message: fetched.message, problems: [] });
			files = [fetched.file];
		} else files = source.files;
		this.stage = 'Reading the file';
		const result = await openGraphFiles(files, { signal, url, onStage: (stage) => (this.stage = stage) });
		if (signal.aborted) return null;
		this.#controller = null;
		this.stage = null;
		if (result.ok) return result.id;
		if (result.cancelled) return null;
		return this.#fail({ what: files.map((file) => file.name).join(', '), problems: result.problems });
	}

	/** Stops the opening under way; nothing is kept. */
	cancel(): void {
		this.#controller?.abort();
		this.#controller = null;
		this.stage = null;
	}

	#fail(failure: OpeningFailure): null {
		this.#controller = null;
		this.stage = null;
		this.failure = failure;
		return null;
	}
}
