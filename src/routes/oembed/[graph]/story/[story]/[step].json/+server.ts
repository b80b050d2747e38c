import { embedTitle } from '$lib/explorer/embed-snippet';
import { storyEmbedHref } from '$lib/links';
import { OEMBED_SIZES } from '$lib/oembed';
import { findStoryStep } from '$lib/server/graphs';
import { storyStepEntries } from '$lib/server/prerender';
import { oembedFile, whenSiteUrl } from '../../../../oembed-file';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = whenSiteUrl(storyStepEntries);

/** A story's step, `/<graph>/story/<story>/<n>`: the story in a frame, open at that step. */
export const GET: RequestHandler = ({ params }) => {
	const { story, index } = findStoryStep(params.graph, params.story, params.step);
	return oembedFile(
		storyEmbedHref(params.graph, story.id, index + 1),
		embedTitle('', { story: story.title, step: story.steps[index]?.title }),
		OEMBED_SIZES.story
	);
};
