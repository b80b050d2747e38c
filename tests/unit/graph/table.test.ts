/**
 * The data view's table (src/lib/graph/table.ts): rows and typed columns of a graph's entities and relationships,
 * sorts that read numbers as numbers, dates as dates and text by collation with missing values last, stably and by
 * several keys, and filters by text, category values and ranges. The text sort is checked against the collator
 * itself, the plain way (a comparison of rows), on cases its fast path could get wrong and on random texts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	type Cell,
	type ColumnFilter,
	type SortKey,
	type TableColumn,
	type TableRow,
	columnValues,
	entityTable,
	filterRows,
	readableBound,
	relationshipTable,
	rowElements,
	sortRows
} from '../../../src/lib/graph/table';
import { type GraphMetrics, computeMetrics } from '../../../src/lib/graph/centrality';
import { tinyGraph } from '../helpers';

/**
 * Five entities (labels A–D and Zoë; `e` first in the graph's order) with a score, a date, a yes/no and a
 * country; `e` has none of them.
 */
function graph() {
	const built = tinyGraph(['a>b:likes', 'a>c:likes', 'b>c:funds', 'd>a:likes'], {}, ['e']);
	const data: Record<string, Record<string, string | number | boolean>> = {
		a: { score: 10, since: '2021-05-01', member: true, country: 'Kenya' },
		b: { score: 9, since: '2019', member: false, country: 'Éire' },
		c: { score: 100, since: '2021-01', member: true, country: 'india' },
		d: { score: -2.5, since: '2020-12-31', member: false, country: 'Kenya' }
	};
	for (const [key, values] of Object.entries(data)) built.setNodeAttribute(key, 'data', values);
	built.setNodeAttribute('e', 'label', 'Zoë');
	built.setEdgeAttribute('e2', 'modality', 'possible');
	// The kinds, as loading a graph infers them (attributes.ts, tested there).
	built.setAttribute('dataKinds', {
		nodes: [
			['score', 'number'],
			['since', 'date'],
			['member', 'boolean'],
			['country', 'category']
		],
		edges: []
	});
	return built;
}

const table = entityTable(graph());
const keys = (rows: readonly TableRow[]) => rows.map((row) => row.key);
const sorted = (...sortKeys: SortKey[]) => keys(sortRows(table.rows, table.columns, sortKeys));
const up = (column: string): SortKey => ({ column, descending: false });
const down = (column: string): SortKey => ({ column, descending: true });

/** The collator the table sorts text with. */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The order sortRows promises, written the plain way: rows compared by each key in turn (text by the collator,
 * numbers by value, a missing or empty value last either way), then by their position.
 */
function referenceOrder(rows: readonly TableRow[], sortKeys: readonly SortKey[]): string[] {
	const value = (row: TableRow, column: string): Cell =>
		row.cells[column] === '' ? null : (row.cells[column] ?? null);
	const indices = rows.map((_, i) => i);
	indices.sort((a, b) => {
		for (const { column, descending } of sortKeys) {
			const [x, y] = [value(rows[a] as TableRow, column), value(rows[b] as TableRow, column)];
			if (x === null || y === null) {
				if (x !== y) return x === null ? 1 : -1;
				continue;
			}
			const compared =
				typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
			if (compared !== 0) return descending ? -compared : compared;
		}
		return a - b;
	});
	return indices.map((i) => (rows[i] as TableRow).key);
}

describe('entityTable', () => {
	it('has a column for the label, type, relationships and every data attribute, typed', () => {
		expect(table.columns.map(({ id, kind }) => [id, kind])).toEqual([
			['label', 'text'],
			['type', 'category'],
			['relationships', 'number'],
			['data:score', 'number'],
			['data:since', 'date'],
			['data:member', 'boolean'],
			['data:country', 'category']
		]);
		expect(table.rows.find((row) => row.key === 'a')?.cells).toMatchObject({
			label: 'A',
			relationships: 3,
			'data:score': 10
		});
		expect(table.rows.find((row) => row.key === 'e')?.cells['data:score']).toBeNull();
	});
});

describe("entityTable with the graph's metrics", () => {
	it('adds neighbours, betweenness and community after the relationship count, named after its hub', () => {
		const built = graph();
		const metrics = computeMetrics(built);
		const withMetrics = entityTable(built, metrics);
		expect(withMetrics.columns.slice(2, 7).map(({ id, kind }) => [id, kind])).toEqual([
			['relationships', 'number'],
			['neighbours', 'number'],
			['betweenness', 'number'],
			['community', 'category'],
			['data:score', 'number']
		]);
		const a = withMetrics.rows.find((row) => row.key === 'a');
		// a's neighbours: b, c and d (d links to it); the only entity on paths between others (b–d, c–d).
		expect(a?.cells.neighbours).toBe(3);
		expect(a?.cells.betweenness).toBeGreaterThan(0);
		const community = metrics.community[metrics.keys.indexOf('a')] as number;
		const hub = metrics.communities[community]?.hub as string;
		expect(a?.cells.community).toBe(`around ${built.getNodeAttribute(hub, 'label')}`);
		expect(withMetrics.rows.find((row) => row.key === 'e')?.cells.neighbours).toBe(0);
	});

	it('has no betweenness column for a graph too big for it, and no metric columns without metrics', () => {
		const built = graph();
		const columns = (metrics: GraphMetrics | null) => entityTable(built, metrics).columns.map(({ id }) => id);
		expect(columns({ ...computeMetrics(built), betweenness: null })).not.toContain('betweenness');
		expect(columns({ ...computeMetrics(built), betweenness: null })).toContain('community');
		expect(columns(null)).not.toContain('neighbours');
	});
});

describe('relationshipTable', () => {
	it('reads each relationship as its entities, type, modality, claim and section', () => {
		const relationships = relationshipTable(graph());
		expect(relationships.columns.map((column) => column.id)).toEqual([
			'source',
			'type',
			'target',
			'modality',
			'claim',
			'section'
		]);
		expect(relationships.rows.find((row) => row.key === 'e2')?.cells).toEqual({
			source: 'B',
			type: 'funds',
			target: 'C',
			modality: 'possible',
			claim: 'b funds c.',
			section: 'Test'
		});
	});
});

describe('sortRows', () => {
	it.each([
		['numbers as numbers, not as text', [up('data:score')], ['d', 'b', 'a', 'c', 'e']],
		['numbers descending, missing still last', [down('data:score')], ['c', 'a', 'b', 'd', 'e']],
		['dates as dates, partial ones too', [up('data:since')], ['b', 'd', 'c', 'a', 'e']],
		['yes/no: no first', [up('data:member'), up('label')], ['b', 'd', 'a', 'c', 'e']],
		[
			'text by collation: case and accents do not count first',
			[up('data:country')],
			['b', 'c', 'a', 'd', 'e']
		],
		[
			'a second key breaks the first one’s ties',
			[down('data:country'), down('data:score')],
			['a', 'd', 'c', 'b', 'e']
		],
		['ties keep their order (stable)', [up('data:country')], ['b', 'c', 'a', 'd', 'e']],
		['labels with accents among plain ones', [down('label')], ['e', 'd', 'c', 'b', 'a']],
		['an unknown column changes nothing', [up('data:nothing')], ['e', 'a', 'b', 'c', 'd']]
	])('sorts %s', (_name, sortKeys, expected) => {
		expect(sorted(...sortKeys)).toEqual(expected);
	});

	it('sorts many distinct numbers, repeats and missing ones, both ways', () => {
		const columns: TableColumn[] = [{ id: 'n', name: 'N', kind: 'number' }];
		const rows = Array.from({ length: 3000 }, (_, i): TableRow => {
			const n = i % 11 === 0 ? null : ((i * 7919) % 2003) - 1000 + (i % 3) / 4;
			return { key: String(i), cells: { n } };
		});
		for (const sortKeys of [[up('n')], [down('n')]])
			expect(keys(sortRows(rows, columns, sortKeys))).toEqual(referenceOrder(rows, sortKeys));
	});

	it('leaves the rows it was given as they were', () => {
		const before = keys(table.rows);
		sortRows(table.rows, table.columns, [down('data:score')]);
		expect(keys(table.rows)).toEqual(before);
	});
});

/** A table of `values` in a text column `name`, and a number column `n` (the row's index modulo 3); keys `0`… */
function textTable(values: readonly (string | null)[]): { rows: TableRow[]; columns: TableColumn[] } {
	const columns: TableColumn[] = [
		{ id: 'name', name: 'Name', kind: 'text' },
		{ id: 'n', name: 'N', kind: 'number' }
	];
	const rows = values.map((value, i): TableRow => ({ key: String(i), cells: { name: value, n: i % 3 } }));
	return { rows, columns };
}

/** The keys of `values` (as textTable makes them) sorted by sortRows. */
const sortedText = (values: readonly (string | null)[], ...sortKeys: SortKey[]) => {
	const { rows, columns } = textTable(values);
	return keys(sortRows(rows, columns, sortKeys));
};

describe('sortRows on text, against the collator', () => {
	it.each<[string, (string | null)[], string[]]>([
		[
			'case and accents tie, and the tied keep their order',
			['éclair', 'Eclair', 'eclair', 'd', 'ECLAIRS'],
			['3', '0', '1', '2', '4']
		],
		['numbers as numbers', ['item 10', 'item 2', 'item 1', 'item 02'], ['2', '1', '3', '0']],
		[
			'numbers in the middle, zeros and decimals',
			['x1.10', 'x1.5', 'x0', 'x00', 'x', 'x 1', 'x-1'],
			['4', '5', '6', '2', '3', '1', '0']
		],
		[
			'scripts: Latin, Greek, Cyrillic, Hebrew, Arabic, Han',
			['東京', 'Москва', 'Ωmega', 'Zürich', 'Athens', 'العربية', 'Łódź', 'אבג'],
			['4', '6', '3', '2', '1', '7', '5', '0']
		],
		[
			'letters the collator reads as two (æ as ae, ß as ss)',
			['af', 'æb', 'ae', 'st', 'ß', 'sr', 'ss'],
			['2', '1', '0', '5', '4', '6', '3']
		],
		[
			'spaces and punctuation before letters, digits between',
			['ab', 'a b', 'a-b', 'a1', 'a_b', 'a.b', 'aa'],
			['1', '4', '2', '5', '3', '6', '0']
		],
		[
			'what the collator ignores, and accents written apart',
			['co\u00adop', 'coop', 'cooq', 'e\u0301', 'é', 'e'],
			['0', '1', '2', '3', '4', '5']
		],
		['empty and missing values last', ['b', '', null, 'a', 'B'], ['3', '0', '4', '1', '2']]
	])('sorts %s', (_name, values, expected) => {
		expect(sortedText(values, up('name'))).toEqual(expected);
		expect(sortedText(values, up('name'))).toEqual(referenceOrder(textTable(values).rows, [up('name')]));
	});

	it('sorts descending with missing values still last and ties in their order', () => {
		const values = ['b', '', 'éclair', null, 'a', 'Eclair', 'eclair'];
		expect(sortedText(values, down('name'))).toEqual(['2', '5', '6', '0', '4', '1', '3']);
		expect(sortedText(values, down('name'))).toEqual(referenceOrder(textTable(values).rows, [down('name')]));
	});

	it('breaks ties of text that the collator finds equal with the next key, either way', () => {
		const values = ['Eclair', 'b', 'éclair', 'eclair', 'B', 'ECLAIR'];
		// n is 0, 1, 2, 0, 1, 2
		expect(sortedText(values, up('name'), down('n'))).toEqual(['1', '4', '2', '5', '0', '3']);
		expect(sortedText(values, down('name'), up('n'))).toEqual(['0', '3', '2', '5', '1', '4']);
	});

	it('sorts numbers longer than the fast path takes, and many equal texts', () => {
		const values = ['n' + '9'.repeat(200), 'n' + '1'.repeat(201), 'n9', ...Array<string>(50).fill('Same')];
		expect(sortedText(values, up('name'))).toEqual(referenceOrder(textTable(values).rows, [up('name')]));
	});

	/** Pieces of text that the collator orders in ways a fast path can get wrong. */
	const PIECES = [
		...['a', 'A', 'á', 'Ä', 'ae', 'æ', 'Æ', 'b', 'e', 'é', 'E', 'e\u0301', 'o', 'ø', 'Ö', 'l', 'ł', 'Ł'],
		...['s', 'ss', 'ß', 'z', 'Ž', 'ș', 'þ', 'ı', 'i', 'I', 'İ', 'ĳ', 'ŉ'],
		...['0', '00', '1', '2', '10', '007', '9'],
		...[' ', '-', '–', '_', '.', ',', "'", '’', '"', '(', '\u00ad', '\t', '%', '$', '°'],
		...['Ω', 'ω', 'Я', 'я', '東', 'ع', '😀', 'item ']
	];
	const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 5 }).map((pieces) => pieces.join(''));

	it('sorts a few hundred random texts, both ways and with a second key, as the collator does', () => {
		fc.assert(
			fc.property(
				fc.array(fc.option(text, { freq: 20 }), { minLength: 200, maxLength: 400 }),
				fc.boolean(),
				(values, descending) => {
					const { rows, columns } = textTable(values);
					for (const sortKeys of [
						[{ column: 'name', descending }],
						[
							{ column: 'name', descending },
							{ column: 'n', descending: !descending }
						]
					]) {
						expect(keys(sortRows(rows, columns, sortKeys))).toEqual(referenceOrder(rows, sortKeys));
					}
				}
			),
			{ numRuns: 60, seed: 23 }
		);
	});

	it('sorts texts with only the characters of its fast path as the collator does', () => {
		const plain = [...'abcxyzABCXYZéÉüçñłŁøåæß0123456789 -_.,;:!?\'"()[]{}@*/\\&#%`^+<=>|~$–—‘’“”'];
		const word = fc.array(fc.constantFrom(...plain), { minLength: 1, maxLength: 8 }).map((c) => c.join(''));
		fc.assert(
			fc.property(fc.array(word, { minLength: 200, maxLength: 300 }), (values) => {
				const { rows, columns } = textTable(values);
				expect(keys(sortRows(rows, columns, [up('name')]))).toEqual(referenceOrder(rows, [up('name')]));
			}),
			{ numRuns: 60, seed: 24 }
		);
	});
});

describe('filterRows', () => {
	const filtered = (...filters: ColumnFilter[]) => keys(filterRows(table.rows, table.columns, filters));

	it.each<[string, ColumnFilter[], string[]]>([
		['text that contains words, folded', [{ column: 'data:country', contains: 'EIRE' }], ['b']],
		['category values', [{ column: 'data:country', values: ['Kenya', 'india'] }], ['a', 'c', 'd']],
		['a numeric range, both ends kept', [{ column: 'data:score', min: 9, max: 10 }], ['a', 'b']],
		['a range open at one end', [{ column: 'data:score', min: 10 }], ['a', 'c']],
		['a date range', [{ column: 'data:since', min: '2020-06-01', max: '2021-02-01' }], ['c', 'd']],
		['numeric bounds written as text (from an address)', [{ column: 'data:score', min: '10' }], ['a', 'c']],
		['a negative decimal bound written as text', [{ column: 'data:score', max: '-2.5' }], ['d']],
		['a year: all of it', [{ column: 'data:since', min: '2021', max: '2021' }], ['a', 'c']],
		['up to a month: all of it', [{ column: 'data:since', max: '2021-01' }], ['b', 'c', 'd']],
		['up to a day: all of it', [{ column: 'data:since', min: '2020-12-31', max: '2020-12-31' }], ['d']],
		[
			'several filters: all must pass',
			[
				{ column: 'data:country', values: ['Kenya'] },
				{ column: 'data:member', values: ['true'] }
			],
			['a']
		],
		['a missing value passes no filter', [{ column: 'data:score', min: -100 }], ['a', 'b', 'c', 'd']],
		[
			'filters on unknown columns are ignored',
			[{ column: 'data:nothing', contains: 'x' }],
			['e', 'a', 'b', 'c', 'd']
		]
	])('keeps %s', (_name, filters, expected) => {
		expect(filtered(...filters)).toEqual(expected);
	});
});

describe('filterRows on dates', () => {
	const dates = [
		'2023-12-31',
		'2024-01-01',
		'2024-03-31',
		'2024-04-01',
		'2024-06-30',
		'2024-12-31T23:30:00Z',
		'2025-01-01'
	];
	const table = {
		columns: [{ id: 'when', name: 'When', kind: 'date' }] satisfies TableColumn[],
		rows: dates.map((when): TableRow => ({ key: when, cells: { when } }))
	};
	const kept = (min?: string, max?: string) =>
		keys(filterRows(table.rows, table.columns, [{ column: 'when', min, max }]));

	it('reads an upper bound written as a year or a month as the end of it', () => {
		expect(kept(undefined, '2024')).toEqual(dates.slice(0, 6));
		expect(kept(undefined, '2024-03')).toEqual(dates.slice(0, 3));
		expect(kept(undefined, '2024-02')).toEqual(dates.slice(0, 2));
	});

	it('reads a lower bound written as a year or a month as its start', () => {
		expect(kept('2024')).toEqual(dates.slice(1));
		expect(kept('2024-04')).toEqual(dates.slice(3));
	});

	it('keeps the whole of a day, a month or a year given as both bounds', () => {
		expect(kept('2024-03-31', '2024-03-31')).toEqual(['2024-03-31']);
		expect(kept('2024-06', '2024-06')).toEqual(['2024-06-30']);
		expect(kept('2024', '2024')).toEqual(dates.slice(1, 6));
	});

	it('reads a bound with a time as that moment', () => {
		expect(kept(undefined, '2024-12-31T23:00:00Z')).toEqual(dates.slice(0, 5));
	});
});

describe('rowElements', () => {
	const built = graph();
	it('takes an entity row as the entity, and a relationship row as it and its two ends', () => {
		const people = entityTable(built).rows.filter((row) => ['a', 'e'].includes(row.key));
		expect(rowElements(built, 'entities', people)).toEqual({ nodes: new Set(['a', 'e']), edges: new Set() });
		const funds = relationshipTable(built).rows.filter((row) => row.cells.type === 'funds');
		expect(funds.map((row) => row.key)).toHaveLength(1);
		expect(rowElements(built, 'relationships', funds)).toEqual({
			nodes: new Set(['b', 'c']),
			edges: new Set(funds.map((row) => row.key))
		});
	});
});

describe('columnValues', () => {
	it('counts each value of a column, commonest first, then by collation, without missing ones', () => {
		expect(columnValues(table.rows, 'data:country')).toEqual([
			['Kenya', 2],
			['Éire', 1],
			['india', 1]
		]);
		expect(columnValues(table.rows, 'data:country', 2)).toHaveLength(2);
		expect(columnValues(table.rows, 'data:member')).toEqual([
			['false', 2],
			['true', 2]
		]);
	});
});

describe('dates with a time but no zone', () => {
	it('reads them as UTC, as dates alone are, wherever the reader is', () => {
		const rows: TableRow[] = [
			{ key: 'late', cells: { at: '2024-03-15T23:30' } },
			{ key: 'spaced', cells: { at: '2024-03-15 00:30' } },
			{ key: 'next', cells: { at: '2024-03-16' } },
			{ key: 'zoned', cells: { at: '2024-03-15T23:30+02:00' } }
		];
		const columns = [{ id: 'at', name: 'At', kind: 'date' as const }];
		const up = sortRows(rows, columns, [{ column: 'at', descending: false }]).map((row) => row.key);
		expect(up).toEqual(['spaced', 'zoned', 'late', 'next']);
		const on15 = filterRows(rows, columns, [{ column: 'at', min: '2024-03-15', max: '2024-03-15' }]);
		expect(on15.map((row) => row.key)).toEqual(['late', 'spaced', 'zoned']);
	});
});

describe('sortRows on the same rows again', () => {
	it('sorts the other way and by other keys as it sorted the first time', () => {
		const rows = table.rows.slice();
		const once = (...sortKeys: SortKey[]) => keys(sortRows(rows, table.columns, sortKeys));
		const fresh = (...sortKeys: SortKey[]) => keys(sortRows(table.rows.slice(), table.columns, sortKeys));
		for (const sortKeys of [
			[up('label')],
			[down('label')],
			[down('data:score'), up('label')],
			[up('data:since')]
		])
			expect(once(...sortKeys)).toEqual(fresh(...sortKeys));
	});
});

describe('readableBound', () => {
	it('says whether a range filter reads a bound, as filterRows reads it', () => {
		expect(readableBound('number', '10')).toBe(true);
		expect(readableBound('number', '-2.5')).toBe(true);
		expect(readableBound('number', '1,000')).toBe(false);
		expect(readableBound('date', '2024-03')).toBe(true);
		expect(readableBound('date', 'March')).toBe(false);
		expect(readableBound('number', '')).toBe(true);
		expect(readableBound('date', undefined)).toBe(true);
		// An unreadable bound filters nothing.
		const rows = [{ key: 'a', cells: { n: 5 } }];
		const columns = [{ id: 'n', name: 'N', kind: 'number' as const }];
		expect(filterRows(rows, columns, [{ column: 'n', min: '1,000' }])).toEqual(rows);
	});
});
