/**
 * The data attributes of a graph (every attribute of an entity or relationship that the format does not name:
 * a URL, a country, a score, a date) as columns with a kind inferred from all their values, the way Gephi Lite
 * types them: number, boolean, date, URL, colour, category or text. Inferred once, when a graph is loaded (load.ts);
 * the kinds travel with the graph (data-kinds.ts), from which the panel, the entity pages and the legend read them.
 */
import type { KnowledgeGraph } from './build';
import { LIMITS, hexColour, isCalendarDate, isHttpUrl } from './rules';
import type { Data, DataKind, DataKinds, DataValue } from './schema';

export type { DataKind };

export interface DataColumn {
	name: string;
	kind: DataKind;
	/** How many elements have a value. */
	count: number;
	/** For a category: its values, commonest first (ties in text order). */
	values?: { value: string; count: number }[];
	/** For numbers: the smallest and the largest value. */
	min?: number;
	max?: number;
}

/** The columns of a list of data records. */
export function columnsOf(records: readonly (Data | undefined)[]): DataColumn[] {
	const values = new Map<string, DataValue[]>();
	for (const data of records) {
		if (!data) continue;
		for (const name of Object.keys(data)) {
			const value = data[name] as DataValue;
			const list = values.get(name);
			if (list) list.push(value);
			else values.set(name, [value]);
		}
	}
	return [...values].map(([name, list]) => column(name, list));
}

function column(name: string, values: readonly DataValue[]): DataColumn {
	const count = values.length;
	if (values.every((value) => typeof value === 'number')) {
		// A loop, not Math.min(...values): a spread of a million arguments overflows the stack.
		let [min, max] = [Infinity, -Infinity];
		for (const value of values as number[]) [min, max] = [Math.min(min, value), Math.max(max, value)];
		return { name, kind: 'number', count, min, max };
	}
	if (values.every((value) => typeof value === 'boolean')) return { name, kind: 'boolean', count };
	const texts = values.map(String);
	if (values.every((value) => typeof value === 'string')) {
		if (texts.every(isHttpUrl)) return { name, kind: 'url', count };
		if (texts.every(isColourText)) return { name, kind: 'colour', count };
		if (texts.every(isDateText)) return { name, kind: 'date', count };
	}
	const counts = new Map<string, number>();
	for (const text of texts) {
		counts.set(text, (counts.get(text) ?? 0) + 1);
		if (counts.size > LIMITS.categories || text.length > LIMITS.categoryLength)
			return { name, kind: 'text', count };
	}
	// A category repeats: values most of which are met once are names or notes, not categories.
	if (counts.size >= count || counts.size > Math.max(2, count * 0.6)) return { name, kind: 'text', count };
	const categories = [...counts]
		.map(([value, n]) => ({ value, count: n }))
		.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'en'));
	return { name, kind: 'category', count, values: categories };
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function isColourText(text: string): boolean {
	return hexColour(text) !== undefined;
}

/** A date written `YYYY-MM-DD` (or `YYYY-MM`), or a date and time in ISO 8601. A bare year is a number. */
function isDateText(text: string): boolean {
	return (text.length > 4 && isCalendarDate(text)) || DATE_TIME.test(text);
}

/** The kinds of the graph's data attributes, as its `dataKinds` attribute carries them (data-kinds.ts). */
export function inferDataKinds(graph: KnowledgeGraph): DataKinds {
	const pairs = (records: (Data | undefined)[]) =>
		columnsOf(records).map(({ name, kind }): [string, DataKind] => [name, kind]);
	return {
		nodes: pairs(graph.mapNodes((_key, attributes) => attributes.data)),
		edges: pairs(graph.mapEdges((_key, attributes) => attributes.data))
	};
}

/**
 * `graph` with the kinds of its data attributes in its `dataKinds` attribute (none when it has no data): inferred
 * here, once, when a graph is loaded, they travel with it to the pages (data-kinds.ts).
 */
export function withDataKinds(graph: KnowledgeGraph): KnowledgeGraph {
	const kinds = inferDataKinds(graph);
	if (kinds.nodes.length + kinds.edges.length > 0) graph.setAttribute('dataKinds', kinds);
	else graph.removeAttribute('dataKinds');
	return graph;
}
