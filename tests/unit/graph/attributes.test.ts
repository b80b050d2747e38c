/** The kinds of data attributes, inferred from all their values (src/lib/graph/attributes.ts). */
import { describe, expect, it } from 'vitest';
import { columnsOf } from '../../../src/lib/graph/attributes';
import { formatDataValue } from '../../../src/lib/graph/data-format';

const kindOf = (...values: (string | number | boolean)[]) =>
	columnsOf(values.map((value) => ({ a: value })))[0]?.kind;

describe('columnsOf', () => {
	it.each([
		[[1, 2.5, -3], 'number'],
		[[true, false], 'boolean'],
		[['2024-01-05', '2023-12', '2024-01-05T10:00:00Z'], 'date'],
		[['https://a.example', 'http://b.example/x'], 'url'],
		[['javascript:alert(1)', 'https://a.example', 'https://b.example'], 'text'],
		[['#ff0000', 'rgb(0,0,0)'], 'colour'],
		[['Kenya', 'India', 'Kenya', 'India'], 'category'],
		[['Ada', 'Bo', 'Cy', 'Di'], 'text'],
		[[1, 'one', 1, 'one'], 'category'],
		[['2024', '2025', '2024', '2025'], 'category']
	] as const)('%j is %s', (values, kind) => expect(kindOf(...values)).toBe(kind));

	it('lists columns in order of first appearance, categories commonest first, numbers with their range', () => {
		expect(
			columnsOf([{ b: 'x', n: 3 }, undefined, { a: 1, b: 'y', n: 1 }, { b: 'y', n: 2 }, { b: 'y' }])
		).toEqual([
			{
				name: 'b',
				kind: 'category',
				count: 4,
				values: [
					{ value: 'y', count: 3 },
					{ value: 'x', count: 1 }
				]
			},
			{ name: 'n', kind: 'number', count: 3, min: 1, max: 3 },
			{ name: 'a', kind: 'number', count: 1, min: 1, max: 1 }
		]);
	});

	it('calls text with more than 50 values text, however often they repeat', () => {
		const values = Array.from({ length: 200 }, (_, i) => ({ a: `v${i % 51}` }));
		expect(columnsOf(values)[0]?.kind).toBe('text');
	});
});

describe('formatDataValue', () => {
	it.each([
		[1234567.891, 'number', '1,234,567.891'],
		[1956, 'number', '1956'],
		[true, 'boolean', 'yes'],
		[false, 'boolean', 'no'],
		[2024, 'category', '2024'],
		['Kenya', 'category', 'Kenya']
	] as const)('%j as %s reads %j', (value, kind, text) => expect(formatDataValue(value, kind)).toBe(text));
});
