/**
 * A graph's stories as their pages read them (graph-data/README.md, "Stories"): the list, one story with every
 * step's entities and relationships, a step's address, and the outline a story's frame needs. Apart from
 * query.ts so that pages which show no story (an entity's, an embed of one) do not carry this code.
 */
import type { KnowledgeGraph } from './build';
import { type EntityRef, type Relation, entityRef, relationOf } from './query';
import type { Evidence, StoryView } from './schema';

/** A story's step in an address (`…/story/<story>/<n>`): its number, from 1, with no leading zero. */
export const STEP_SEGMENT = /^[1-9][0-9]{0,2}$/;

/**
 * A step's view (graph-data/README.md, "Stories") as the view parameters its pages start from (view.ts reads
 * them). Type keys are URL-safe (schema.ts), so they are written as they are.
 */
export function storyViewQuery(view: StoryView | undefined): string {
	const parts: string[] = [];
	if (view?.hide?.length) parts.push(`hide=${view.hide.join(',')}`);
	if (view?.hideRel?.length) parts.push(`hideRel=${view.hideRel.join(',')}`);
	if (view?.depth !== undefined) parts.push(`depth=${view.depth}`);
	if (view?.stated) parts.push('stated=1');
	return parts.join('&');
}

/** One step of a story, as its page shows it: the text, the entities it is about and its relationships. */
export interface StoryStepDetails {
	title: string;
	text: string;
	/** The view parameters the step starts from (view.ts storyViewQuery), and the entity it focuses. */
	view: string;
	focus: string | null;
	evidence: Evidence[];
	entities: EntityRef[];
	relations: Relation[];
}

/** A story of the graph with every step read (`null`: the graph has no story `id`). */
export interface StoryDetails {
	id: string;
	title: string;
	description: string;
	steps: StoryStepDetails[];
}

/**
 * What a frame needs of a story (the story embed): each step's title, text and the keys it highlights; the
 * relationships' sentences and the evidence stay on the explorer's step pages.
 */
export interface StoryOutline {
	id: string;
	title: string;
	description: string;
	steps: {
		title: string;
		text: string;
		entities: string[];
		relationships: string[];
		view: string;
		focus: string | null;
	}[];
}

export function storyOutline(story: StoryDetails): StoryOutline {
	return {
		id: story.id,
		title: story.title,
		description: story.description,
		steps: story.steps.map((step) => ({
			title: step.title,
			text: step.text,
			entities: step.entities.map((entity) => entity.key),
			relationships: step.relations.map((relation) => relation.edge),
			view: step.view,
			focus: step.focus
		}))
	};
}

/**
 * Step `segment` of `story` (the step's address segment: "1" for the first) with the view it starts from and
 * the entity it focuses; null when the story has no such step. The server's pages and the browser's (graphs
 * opened there) both read a step's address with it.
 */
export function storyStep(
	story: StoryDetails,
	segment: string
): { story: StoryDetails; index: number; view: string; focus: string | null } | null {
	const index = STEP_SEGMENT.test(segment) ? Number(segment) - 1 : -1;
	const step = story.steps[index];
	return step ? { story, index, view: step.view, focus: step.focus } : null;
}

/** The graph's stories: id, title, description and number of steps, in the file's order. */
export function storiesOf(
	graph: KnowledgeGraph
): { id: string; title: string; description: string; steps: number }[] {
	return (graph.getAttribute('stories') ?? []).map((story) => ({
		id: story.id,
		title: story.title,
		description: story.description ?? '',
		steps: story.steps.length
	}));
}

/** Story `id` of the graph, its steps' entities and relationships read (those the graph lacks left out). */
export function storyDetails(graph: KnowledgeGraph, id: string): StoryDetails | null {
	const story = (graph.getAttribute('stories') ?? []).find((each) => each.id === id);
	if (!story) return null;
	return {
		id: story.id,
		title: story.title,
		description: story.description ?? '',
		steps: story.steps.map((step) => ({
			title: step.title,
			text: step.text,
			view: storyViewQuery(step.view),
			focus: step.view?.focus !== undefined && graph.hasNode(step.view.focus) ? step.view.focus : null,
			evidence: step.evidence ?? [],
			entities: step.entities.filter((key) => graph.hasNode(key)).map((key) => entityRef(graph, key)),
			relations: (step.relationships ?? [])
				.filter((edge) => graph.hasEdge(edge))
				.map((edge) =>
					relationOf(
						graph,
						edge,
						entityRef(graph, graph.source(edge)),
						entityRef(graph, graph.target(edge)),
						'out'
					)
				)
		}))
	};
}
