/**
 * The embed's message API (docs/embedding.md, "Driving an embed from the host page"): what the page that frames
 * an embed may ask of it with `postMessage`, and what the frame tells that page. Every message is a plain object
 * whose `type` starts with `graph:`; anything else is someone else's message and is ignored without a word.
 *
 * Messages are checked before anything acts on them: a known type, only its own fields, each of its kind and
 * within its size (an entity key, a list of types), so that a hostile or careless page can neither crash the
 * frame nor keep it busy: past the browser's copy of the message (and its list of field names, which the check
 * counts), the work is bounded whatever the message holds. The frame acts on messages from its parent only
 * (Embed.svelte checks `event.source`).
 */
import { LIMITS } from '$lib/graph/rules';

const PREFIX = 'graph:';
/** Entity keys and type ids are at most this long (src/lib/graph/schema.ts allows less). */
export const MAX_KEY_LENGTH = 200;
/** A filter lists at most this many types. */
export const MAX_LIST = 100;
/** The highest step a message may name: the most steps a story may have (src/lib/graph/rules.ts). */
export const MAX_STEP = LIMITS.storySteps;

/** What the host page may ask. */
export type HostMessage =
	/** Show step `step` of the story (1 for the first; 0 for its cover). */
	| { type: 'graph:show-step'; step: number }
	/** Select entity `entity` (its caption, its neighbourhood framed), or none with null. */
	| { type: 'graph:select'; entity: string | null }
	/** Set the filters given (those left out stay as they are): types hidden, depth around the selection, stated only. */
	| {
			type: 'graph:set-filters';
			hide?: string[];
			hideRel?: string[];
			depth?: number | null;
			stated?: boolean;
	  }
	/** Frame what the view is about: the step's entities, the selection's neighbourhood, or the whole graph. */
	| { type: 'graph:fit' }
	/** Say `graph:ready` (again) once the graph is loaded: for a page whose listener came after the first. */
	| { type: 'graph:hello' };

/** What the frame tells its host. */
export type FrameMessage =
	| {
			type: 'graph:ready';
			graph: string;
			/** The selected entity's key, or null. */
			entity: string | null;
			/** The story shown, with its number of steps and the step shown (0: its cover); nulls without one. */
			story: string | null;
			steps: number | null;
			step: number | null;
	  }
	| { type: 'graph:entity-click'; entity: string; label: string }
	| { type: 'graph:step'; story: string; step: number; steps: number; title: string }
	/** A message of ours that the frame could not act on, and why. */
	| { type: 'graph:error'; message: string };

export type ReadMessage = HostMessage | { error: string } | null;

const isKey = (value: unknown): value is string =>
	typeof value === 'string' && value.length > 0 && value.length <= MAX_KEY_LENGTH;

/** Whether `value` is a list of at most MAX_LIST keys (checked before any entry is read). */
const isKeyList = (value: unknown): value is string[] =>
	Array.isArray(value) && value.length <= MAX_LIST && value.every(isKey);

/** The object's own field names, or null when it has more than `most` (counting stops there). */
function fieldsOf(data: object, most: number): string[] | null {
	const fields: string[] = [];
	for (const field in data) {
		if (!Object.hasOwn(data, field)) continue;
		if (fields.length === most) return null;
		fields.push(field);
	}
	return fields;
}

/** Each type's fields besides `type`, and the check of each. */
const SHAPES: Record<string, Record<string, (value: unknown) => boolean>> = {
	'graph:show-step': {
		step: (value) => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_STEP
	},
	'graph:select': { entity: (value) => value === null || isKey(value) },
	'graph:set-filters': {
		hide: isKeyList,
		hideRel: isKeyList,
		depth: (value) => value === null || (Number.isSafeInteger(value) && (value as number) >= 1),
		stated: (value) => typeof value === 'boolean'
	},
	'graph:fit': {},
	'graph:hello': {}
};

/** The fields each type must have. */
const REQUIRED: Record<string, string[]> = { 'graph:show-step': ['step'], 'graph:select': ['entity'] };

/**
 * The host message `data` is, checked: null when it is not a message of this API (not an object with a `type`
 * starting with `graph:`), `{ error }` when it is one but malformed, saying what is wrong.
 */
export function readHostMessage(data: unknown): ReadMessage {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
	const type = (data as { type?: unknown }).type;
	if (typeof type !== 'string' || !type.startsWith(PREFIX) || type.length > 40) return null;
	const shape = SHAPES[type];
	if (!shape || !Object.hasOwn(SHAPES, type)) return { error: `unknown message type “${type}”` };
	// Its own fields, `type` and one more (to name it below); counting stops beyond.
	const fields = fieldsOf(data, Object.keys(shape).length + 2);
	if (!fields) return { error: `${type} has more fields than it takes (${Object.keys(shape).join(', ')})` };
	for (const field of fields) {
		if (field === 'type') continue;
		const check = Object.hasOwn(shape, field) ? shape[field] : undefined;
		if (!check) return { error: `${type} takes no field “${field.slice(0, 40)}”` };
		if (!check((data as Record<string, unknown>)[field]))
			return { error: `${type}: “${field}” is not valid` };
	}
	for (const field of REQUIRED[type] ?? [])
		if (!fields.includes(field)) return { error: `${type} needs “${field}”` };
	return data as HostMessage;
}

/**
 * The view's query string `query` (src/lib/graph/view.ts) with the filters a `graph:set-filters` message gives
 * in place of its own; those it leaves out stay. The view options' reader checks the values against the graph.
 */
export function withFilters(
	query: string,
	message: Extract<HostMessage, { type: 'graph:set-filters' }>
): URLSearchParams {
	const params = new URLSearchParams(query);
	// Each type once: a list the view reads back within its length limit (view.ts).
	if (message.hide) params.set('hide', [...new Set(message.hide)].join(','));
	if (message.hideRel) params.set('hideRel', [...new Set(message.hideRel)].join(','));
	if (message.depth !== undefined) params.set('depth', message.depth === null ? '' : String(message.depth));
	if (message.stated !== undefined) params.set('stated', message.stated ? '1' : '0');
	return params;
}
