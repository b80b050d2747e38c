/**
 * The data view's table (src/lib/graph/table.ts): rows and typed columns of a graph's entities and relationships,
 * sorts that read numbers as numbers, dates as dates and text by collation with missing values last, stably and by
 * several keys, and filters by text, category values and ranges.
 */
import { describe, expect, it } from 'vitest';
import {
	type ColumnFilter,
	type SortKey,
	type TableRow,
	entityTable,
	filterRows,
	relationshipTable,
	sortRows
} from '../../../src/lib/graph/table';
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

	it('leaves the rows it was given as they were', () => {
		const before = keys(table.rows);
		sortRows(table.rows, table.columns, [down('data:score')]);
		expect(keys(table.rows)).toEqual(before);
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
