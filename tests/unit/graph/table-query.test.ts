/**
 * The data view's table state in the URL (src/lib/graph/table-query.ts): a table view written to a URL reads back
 * as the same view, with the view's own parameters kept; a hand-edited or hostile URL reads as a bounded table
 * view and never as an error; and the header clicks and column filters a reader applies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnFilter, SortKey, TableColumn } from '../../../src/lib/graph/table';
import {
	DEFAULT_TABLE_QUERY,
	TABLE_LIMITS,
	TABLE_PARAMS,
	type TableQuery,
	isTableParam,
	readTableQuery,
	setFilter,
	tableColumns,
	toggleSort,
	writeTableQuery
} from '../../../src/lib/graph/table-query';
import { VIEW_PARAMS } from '../../../src/lib/graph/view';

const read = (query: string) => readTableQuery(new URLSearchParams(query));
const write = (query: Partial<TableQuery>, params = '') =>
	writeTableQuery({ ...DEFAULT_TABLE_QUERY, ...query }, new URLSearchParams(params)).toString();
const up = (column: string): SortKey => ({ column, descending: false });
const down = (column: string): SortKey => ({ column, descending: true });
const many = (count: number, param: (i: number) => string) =>
	Array.from({ length: count }, (_, i) => param(i)).join('&');
const LONG = 'x'.repeat(TABLE_LIMITS.param + 1);

/** The example of issue 23: every part of a table query. */
const EXAMPLE: TableQuery = {
	tab: 'relationships',
	columns: ['label', 'data:score'],
	sort: [down('data:score'), up('label')],
	filters: [
		{ column: 'label', contains: 'text' },
		{ column: 'type', values: ['Person', 'Organisation'] },
		{ column: 'data:score', min: '10', max: '20' }
	],
	search: 'text',
	show: true,
	narrow: false
};
const EXAMPLE_QUERY =
	'tab=relationships&col=label&col=data%3Ascore&sort=-data%3Ascore&sort=label&q=text&has.label=text' +
	'&in.type=Person&in.type=Organisation&min.data%3Ascore=10&max.data%3Ascore=20&show=1&narrow=0';

describe('the table parameters', () => {
	it('are apart from the view parameters', () => {
		for (const name of VIEW_PARAMS) expect(isTableParam(name)).toBe(false);
	});

	it('are the fixed names and the filters of any column', () => {
		for (const name of TABLE_PARAMS) expect(isTableParam(name)).toBe(true);
		for (const name of ['has.label', 'in.type', 'min.data:score', 'max.data:a.b', 'has.', 'in.-x'])
			expect(isTableParam(name)).toBe(true);
		for (const name of ['hide', 'hideVal', 'Tab', 'cols', 'has', 'in', 'minimum', 'theme', 'data:score', ''])
			expect(isTableParam(name)).toBe(false);
	});
});

describe('writeTableQuery', () => {
	it('writes every part of a query in a fixed order', () => {
		expect(write(EXAMPLE)).toBe(EXAMPLE_QUERY);
	});

	it('writes no parameter for the default table, and keeps the others as they were', () => {
		expect(write({})).toBe('');
		expect(write({}, 'hide=person,thing&depth=2&color=data:sector&hideVal=a&theme=dark')).toBe(
			'hide=person%2Cthing&depth=2&color=data%3Asector&hideVal=a&theme=dark'
		);
	});

	it('replaces the table parameters it had, wherever they were, and keeps the view’s in their order', () => {
		const before =
			'col=old&hide=person&sort=-old&has.old=1&depth=2&in.old=3&tab=relationships&min.old=1&show=1&' +
			'narrow=0&q=old&stated=1';
		expect(write({}, before)).toBe('hide=person&depth=2&stated=1');
		expect(write({ sort: [up('label')], show: true }, before)).toBe(
			'hide=person&depth=2&stated=1&sort=label&show=1'
		);
	});

	it('returns a new copy, leaving the parameters it was given as they were', () => {
		const params = new URLSearchParams('hide=person&col=old');
		const written = writeTableQuery(EXAMPLE, params);
		expect(written).not.toBe(params);
		expect(params.toString()).toBe('hide=person&col=old');
	});

	it('leaves out what is empty: no column list, blank text, no values, no bound', () => {
		expect(
			write({
				columns: [],
				filters: [
					{ column: 'label', contains: '  ' },
					{ column: 'type', values: [] },
					{ column: 'data:a', min: '', max: ' ' },
					{ column: 'data:b', min: Number.NaN },
					{ column: 'data:c' }
				]
			})
		).toBe('');
	});

	it('writes a bound that is a number as text, which reads back as text', () => {
		expect(write({ filters: [{ column: 'data:score', min: -2.5, max: 10 }] })).toBe(
			'min.data%3Ascore=-2.5&max.data%3Ascore=10'
		);
		expect(read('min.data:score=-2.5&max.data:score=10').filters).toEqual([
			{ column: 'data:score', min: '-2.5', max: '10' }
		]);
	});
});

describe('readTableQuery', () => {
	it('reads every part of a query', () => {
		expect(read(EXAMPLE_QUERY)).toEqual(EXAMPLE);
		// As a person would type it, with the colons and the space as they are.
		expect(read('sort=-data:score&q=two words&has.label=a+b').sort).toEqual([down('data:score')]);
		expect(read('q=two words&has.label=a+b')).toMatchObject({
			search: 'two words',
			filters: [{ column: 'label', contains: 'a b' }]
		});
	});

	it('reads the default table from no parameter, or from the view’s alone', () => {
		expect(read('')).toEqual(DEFAULT_TABLE_QUERY);
		expect(read('hide=person&depth=2&size=degree&color=community&hideVal=x&stated=1')).toEqual(
			DEFAULT_TABLE_QUERY
		);
	});

	it('returns arrays of its own, never the default’s', () => {
		const query = read('');
		expect(query.sort).not.toBe(DEFAULT_TABLE_QUERY.sort);
		expect(query.filters).not.toBe(DEFAULT_TABLE_QUERY.filters);
	});

	it.each<[string, string, Partial<TableQuery>]>([
		// The tab: only `relationships` is the other one; the first says.
		['an unknown tab', 'tab=edges', { tab: 'entities' }],
		['a tab in another case', 'tab=Relationships', { tab: 'entities' }],
		['two tabs', 'tab=relationships&tab=entities', { tab: 'relationships' }],
		['an explicit default tab', 'tab=entities', { tab: 'entities' }],
		// Columns.
		['a repeated column', 'col=label&col=data:score&col=label', { columns: ['label', 'data:score'] }],
		['empty and "-" columns', 'col=&col=-x&col=type', { columns: ['type'] }],
		['only malformed columns', 'col=&col=-label', { columns: null }],
		[
			'too many columns',
			many(260, (i) => `col=data:${i}`),
			{ columns: [...Array(250).keys()].map((i) => `data:${i}`) }
		],
		['a too long column', `col=${LONG}&col=label`, { columns: ['label'] }],
		['commas kept in a column', 'col=data:a,b', { columns: ['data:a,b'] }],
		// Sort keys.
		['a descending key', 'sort=-type', { sort: [down('type')] }],
		['empty and malformed keys', 'sort=&sort=-&sort=--x&sort=-%20x', { sort: [down(' x')] }],
		['a repeated key', 'sort=label&sort=-label&sort=type', { sort: [up('label'), up('type')] }],
		[
			'too many keys',
			many(12, (i) => `sort=-data:${i}`),
			{ sort: [...Array(10).keys()].map((i) => down(`data:${i}`)) }
		],
		['a too long key', `sort=-${LONG}`, { sort: [] }],
		// Search and flags.
		['a too long search', `q=${LONG}`, { search: '' }],
		['two searches', 'q=a&q=b', { search: 'a' }],
		['show with another value', 'show=true', { show: false }],
		['narrow with another value', 'narrow=no', { narrow: true }],
		['show and narrow', 'show=1&narrow=0', { show: true, narrow: false }]
	])('%s', (_case, query, expected) => {
		expect(read(query)).toEqual({ ...DEFAULT_TABLE_QUERY, ...expected });
	});

	it.each<[string, string, ColumnFilter[]]>([
		['a text filter', 'has.label=Ada', [{ column: 'label', contains: 'Ada' }]],
		['blank text', 'has.label=%20%20&has.type=', []],
		['a repeated text filter', 'has.label=a&has.label=b', [{ column: 'label', contains: 'a' }]],
		['text kept as typed', 'has.label=%20a%20', [{ column: 'label', contains: ' a ' }]],
		['a too long text', `has.label=${LONG}`, []],
		[
			'values, repeated and empty ones dropped',
			'in.type=Person&in.type=&in.type=Organisation&in.type=Person',
			[{ column: 'type', values: ['Person', 'Organisation'] }]
		],
		['a too long value', `in.type=${'v'.repeat(201)}&in.type=ok`, [{ column: 'type', values: ['ok'] }]],
		[
			'a value of the longest length',
			`in.type=${'v'.repeat(200)}`,
			[{ column: 'type', values: ['v'.repeat(200)] }]
		],
		[
			'too many values',
			many(120, (i) => `in.type=v${i}`),
			[{ column: 'type', values: [...Array(100).keys()].map((i) => `v${i}`) }]
		],
		['a range', 'min.data:score=10&max.data:score=20', [{ column: 'data:score', min: '10', max: '20' }]],
		[
			'a range, max first',
			'max.data:score=20&min.data:score=10',
			[{ column: 'data:score', max: '20', min: '10' }]
		],
		['one bound', 'max.data:since=2021-05', [{ column: 'data:since', max: '2021-05' }]],
		['blank bounds', 'min.data:score=&max.data:score=%20', []],
		['a repeated bound', 'min.data:score=1&min.data:score=2', [{ column: 'data:score', min: '1' }]],
		[
			'the first kind of filter of a column',
			'has.type=a&in.type=b&min.type=1&in.label=x&has.label=y',
			[
				{ column: 'type', contains: 'a' },
				{ column: 'label', values: ['x'] }
			]
		],
		[
			'a malformed filter does not take its column',
			`in.type=${'v'.repeat(201)}&min.type=&has.type=a`,
			[{ column: 'type', contains: 'a' }]
		],
		[
			'filters in the order of their first parameter',
			'in.type=A&has.label=x&in.type=B',
			[
				{ column: 'type', values: ['A', 'B'] },
				{ column: 'label', contains: 'x' }
			]
		],
		['filters of malformed columns', 'has.=a&in.-x=b&min.-=1&max.--y=2', []],
		['a too long column', `has.${LONG}=a`, []],
		['a column with dots and colons', 'has.data:a.b=x', [{ column: 'data:a.b', contains: 'x' }]],
		[
			'too many filters',
			many(55, (i) => `has.data:${i}=x`) + '&in.data:0=y',
			[...Array(50).keys()].map((i) => ({ column: `data:${i}`, contains: 'x' }))
		]
	])('filters: %s', (_case, query, expected) => {
		expect(read(query).filters).toEqual(expected);
	});

	it('never throws, and stays within its limits, whatever the query', () => {
		const name = fc.oneof(
			fc.constantFrom(...TABLE_PARAMS, 'has.', 'in.', 'min.', 'max.', 'hide'),
			fc
				.constantFrom('has.', 'in.', 'min.', 'max.', 'col', 'sort')
				.chain((prefix) => fc.string({ maxLength: 4 }).map((rest) => prefix + rest))
		);
		const pair = fc.tuple(
			name,
			fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('-', '--', '1', '0', ''))
		);
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.array(pair, { maxLength: 300 })), (input) => {
				const query = readTableQuery(new URLSearchParams(input));
				expect(query.sort.length).toBeLessThanOrEqual(TABLE_LIMITS.sortKeys);
				expect(query.filters.length).toBeLessThanOrEqual(TABLE_LIMITS.filters);
				expect(query.columns?.length ?? 1).toBeGreaterThan(0);
				expect(new Set(query.filters.map((filter) => filter.column)).size).toBe(query.filters.length);
				expect(new Set(query.sort.map((key) => key.column)).size).toBe(query.sort.length);
				// What it read writes back and reads again as itself.
				expect(readTableQuery(writeTableQuery(query, new URLSearchParams()))).toEqual(query);
			}),
			{ numRuns: 300 }
		);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// Round trip

/** Text that URLs and our own parameters make tricky: separators, escapes, "-" and unicode, in any order. */
const tricky = fc.constantFrom(
	',',
	' ',
	'&',
	'=',
	'%',
	'%20',
	'%zz',
	'+',
	'-',
	'#',
	'?',
	'.',
	':',
	'/',
	';',
	'"',
	"'",
	'\n',
	'\t',
	'é',
	'e\u0301',
	'Ω',
	'中文',
	'👩‍💻',
	'has.',
	'in.',
	'min.',
	'data:',
	'col',
	'sort'
);
const text = fc
	.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), tricky), { maxLength: 8 })
	.map((parts) => parts.join(''));
const filled = text.filter((value) => value.trim() !== '');

/** Column ids as table.ts makes them: a fixed name, or `data:<name>` for any name, "-x" among them. */
const columnId = fc.oneof(
	fc.constantFrom(
		'label',
		'type',
		'relationships',
		'source',
		'target',
		'modality',
		'claim',
		'section',
		'data:-x'
	),
	text.map((name) => `data:${name}`)
);

const filter: fc.Arbitrary<ColumnFilter> = fc.oneof(
	fc.record({ column: columnId, contains: filled }),
	fc.record({
		column: columnId,
		values: fc.uniqueArray(
			text.filter((value) => value !== '' && value.length <= TABLE_LIMITS.value),
			{ minLength: 1, maxLength: 5 }
		)
	}),
	fc
		.record({ column: columnId, min: filled, max: filled }, { requiredKeys: ['column'] })
		.filter((range) => range.min !== undefined || range.max !== undefined)
);

/** Any table query that a URL can say (bounds of ranges are text; no filter is empty). */
const tableQuery: fc.Arbitrary<TableQuery> = fc.record({
	tab: fc.constantFrom('entities', 'relationships'),
	columns: fc.option(fc.uniqueArray(columnId, { minLength: 1, maxLength: 6 }), { nil: null }),
	sort: fc.uniqueArray(fc.record({ column: columnId, descending: fc.boolean() }), {
		maxLength: 4,
		selector: (key) => key.column
	}),
	filters: fc.uniqueArray(filter, { maxLength: 5, selector: (one) => one.column }),
	search: text,
	show: fc.boolean(),
	narrow: fc.boolean()
});

describe('property: a table query reads back from its URL', () => {
	it('through the parameters', () => {
		fc.assert(
			fc.property(tableQuery, (query) => {
				expect(readTableQuery(writeTableQuery(query, new URLSearchParams()))).toEqual(query);
			}),
			{ numRuns: 500 }
		);
	});

	it('through the text of the URL, with the view’s parameters before it kept as they were', () => {
		const view = 'hide=person,thing&depth=2&color=data:a b&hideVal=x&hideVal=y';
		fc.assert(
			fc.property(tableQuery, tableQuery, (before, query) => {
				const old = writeTableQuery(before, new URLSearchParams(view)).toString();
				const url = writeTableQuery(query, new URLSearchParams(old)).toString();
				const params = new URLSearchParams(url);
				expect(readTableQuery(params)).toEqual(query);
				const others = [...params].filter(([name]) => !isTableParam(name));
				expect(others).toEqual([...new URLSearchParams(view)]);
			}),
			{ numRuns: 300 }
		);
	});

	it('at the limits', () => {
		const ids = [...Array(TABLE_LIMITS.columns).keys()].map((i) => `data:${'-'.repeat(i)}`);
		const query: TableQuery = {
			...DEFAULT_TABLE_QUERY,
			columns: ids,
			sort: ids.slice(0, TABLE_LIMITS.sortKeys).map(down),
			filters: ids.slice(0, TABLE_LIMITS.filters).map((column) => ({
				column,
				values: [...Array(TABLE_LIMITS.values).keys()].map((i) => `${i}`.padEnd(TABLE_LIMITS.value, '='))
			})),
			search: 'q'.repeat(TABLE_LIMITS.param)
		};
		expect(
			readTableQuery(new URLSearchParams(writeTableQuery(query, new URLSearchParams()).toString()))
		).toEqual(query);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// State transitions

describe('tableColumns', () => {
	const all: TableColumn[] = [
		{ id: 'label', name: 'Label', kind: 'text' },
		{ id: 'type', name: 'Type', kind: 'category' },
		{ id: 'data:score', name: 'score', kind: 'number' }
	];
	const ids = (chosen: string[] | null) => tableColumns(all, chosen).map((column) => column.id);

	it.each<[string[] | null, string[]]>([
		[null, ['label', 'type', 'data:score']],
		[
			['data:score', 'label'],
			['data:score', 'label']
		],
		[['nosuch', 'type', 'data:nosuch'], ['type']],
		[
			['type', 'type', 'label'],
			['type', 'label']
		],
		[['nosuch'], ['label', 'type', 'data:score']],
		[[], ['label', 'type', 'data:score']]
	])('%j', (chosen, expected) => {
		expect(ids(chosen)).toEqual(expected);
	});

	it('returns a new array of the table’s own columns', () => {
		const every = tableColumns(all, null);
		expect(every).not.toBe(all);
		expect(every[0]).toBe(all[0]);
	});
});

describe('toggleSort', () => {
	it.each<[string, SortKey[], string, boolean, SortKey[]]>([
		['a click sorts by the column, ascending', [], 'a', false, [up('a')]],
		['then descending', [up('a')], 'a', false, [down('a')]],
		['then not at all', [down('a')], 'a', false, []],
		[
			'a click on the first key of several: it alone, descending',
			[up('a'), down('b')],
			'a',
			false,
			[down('a')]
		],
		['a click on the first key descending: no sort', [down('a'), up('b')], 'a', false, []],
		['a click on a later key: it alone, ascending', [up('a'), down('b')], 'b', false, [up('b')]],
		['a click on another column', [down('a')], 'b', false, [up('b')]],
		['a shift-click on no sort', [], 'a', true, [up('a')]],
		['a shift-click adds a key, last', [down('a')], 'b', true, [down('a'), up('b')]],
		[
			'a shift-click turns a key descending in place',
			[up('a'), up('b'), up('c')],
			'b',
			true,
			[up('a'), down('b'), up('c')]
		],
		['a shift-click removes a descending key', [up('a'), down('b'), up('c')], 'b', true, [up('a'), up('c')]],
		['a shift-click on the only key, descending', [down('a')], 'a', true, []]
	])('%s', (_case, sort, column, add, expected) => {
		const before = structuredClone(sort);
		expect(toggleSort(sort, column, add)).toEqual(expected);
		expect(sort).toEqual(before);
	});

	it('adds no key beyond the limit, but still turns the keys it has', () => {
		const full = [...Array(TABLE_LIMITS.sortKeys).keys()].map((i) => up(`c${i}`));
		expect(toggleSort(full, 'new', true)).toEqual(full);
		expect(toggleSort(full, 'c3', true)[3]).toEqual(down('c3'));
		expect(toggleSort(full, 'new', false)).toEqual([up('new')]);
	});
});

describe('setFilter', () => {
	const label: ColumnFilter = { column: 'label', contains: 'ada' };
	const type: ColumnFilter = { column: 'type', values: ['Person'] };
	const score: ColumnFilter = { column: 'data:score', min: 1 };

	it.each<[string, ColumnFilter[], ColumnFilter | { column: string }, ColumnFilter[]]>([
		['adds a new column’s filter, last', [label], type, [label, type]],
		[
			'replaces a column’s filter where it was',
			[label, type, score],
			{ column: 'type', values: ['Org'] },
			[label, { column: 'type', values: ['Org'] }, score]
		],
		[
			'of another kind, too',
			[label, type],
			{ column: 'label', min: 'a', max: 'm' },
			[{ column: 'label', min: 'a', max: 'm' }, type]
		],
		['removes it with a bare column', [label, type, score], { column: 'type' }, [label, score]],
		['removes it with blank text', [label, type], { column: 'label', contains: ' ' }, [type]],
		['removes it with no values', [label, type], { column: 'type', values: [] }, [label]],
		['removes it with blank bounds', [score], { column: 'data:score', min: '', max: ' ' }, []],
		[
			'leaves a blank bound out',
			[],
			{ column: 'data:score', min: '', max: 5 },
			[{ column: 'data:score', max: 5 }]
		],
		[
			'keeps text as typed',
			[],
			{ column: 'label', contains: ' new york' },
			[{ column: 'label', contains: ' new york' }]
		],
		['removes nothing that was not there', [label], { column: 'type' }, [label]]
	])('%s', (_case, filters, filter, expected) => {
		const before = structuredClone(filters);
		expect(setFilter(filters, filter)).toEqual(expected);
		expect(filters).toEqual(before);
	});

	it('adds no filter beyond the limit, but still replaces and removes', () => {
		const full: ColumnFilter[] = [...Array(TABLE_LIMITS.filters).keys()].map((i) => ({
			column: `c${i}`,
			contains: 'x'
		}));
		expect(setFilter(full, { column: 'new', contains: 'x' })).toEqual(full);
		expect(setFilter(full, { column: 'c0', contains: 'y' })[0]).toEqual({ column: 'c0', contains: 'y' });
		expect(setFilter(full, { column: 'c0' })).toHaveLength(TABLE_LIMITS.filters - 1);
	});
});
