/**
 * A story and a step of it for a page, or the page's 404: one reading for the site's story pages, prerendered
 * from the server's graphs (src/lib/server/graphs.ts), and those of graphs the browser reads itself
 * (story-pages.ts).
 */
import { error } from '@sveltejs/kit';
import type { KnowledgeGraph } from '../graph/build';
import { type StoryDetails, storyDetails, storyStep } from '../graph/story-query';

/** Story `id` of `graph`, its steps read; a 404 when there is no such graph or story. */
export function storyOr404(graph: KnowledgeGraph | undefined, id: string): StoryDetails {
	const details = graph ? storyDetails(graph, id) : null;
	if (!details) error(404, `This graph has no story “${id}”.`);
	return details;
}

/**
 * Step `step` of `story` (its address segment: 1 for the first) with the view it starts from and the entity it
 * focuses; a 404 when the story has no such step.
 */
export function stepOr404(story: StoryDetails, step: string): NonNullable<ReturnType<typeof storyStep>> {
	const found = storyStep(story, step);
	if (!found) error(404, `The story “${story.title}” has no step ${step.slice(0, 20)}.`);
	return found;
}
