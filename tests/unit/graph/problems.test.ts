/**
 * Problems (src/lib/graph/problems.ts): the list of codes, and how a problem is printed on one line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	GraphDataError,
	PROBLEM_CODES,
	type Problem,
	fileProblem,
	formatProblem,
	formatProblems,
	isProblemCode,
	quote,
	showKey
} from '../../../src/lib/graph/problems';

const problem = (rest: Partial<Problem>): Problem => ({
	severity: 'error',
	code: 'value.type',
	file: 'tea.json',
	message: 'must be a string, not the number 42',
	...rest
});

describe('PROBLEM_CODES', () => {
	const codes = Object.keys(PROBLEM_CODES);

	it('are lowercase `family.name`, each with a severity', () => {
		for (const code of codes) expect(code).toMatch(/^[a-z]+\.[a-z]+(-[a-z0-9]+)*$/);
		expect(Object.entries(PROBLEM_CODES).filter(([, severity]) => severity === 'warning')).toEqual([
			['format.skipped', 'warning'],
			['import.guessed', 'warning'],
			['import.added-node', 'warning'],
			['import.value', 'warning'],
			['field.unknown', 'warning']
		]);
	});

	it('each have a one-line doc comment in problems.ts', () => {
		const source = readFileSync('src/lib/graph/problems.ts', 'utf8');
		for (const code of codes) expect(source).toMatch(new RegExp(`\\t/\\*\\* [^\\n]+ \\*/\\n\\t'${code}': `));
	});

	it('isProblemCode knows them and nothing else', () => {
		for (const code of codes) expect(isProblemCode(code)).toBe(true);
		for (const other of ['file', 'value.types', 'toString', '__proto__', 42, undefined])
			expect(isProblemCode(other)).toBe(false);
	});
});

describe('fileProblem', () => {
	it('is about the file as a whole, with the severity of its code', () => {
		expect(fileProblem('tea.json', 'file.empty', 'is empty')).toEqual({
			severity: 'error',
			code: 'file.empty',
			file: 'tea.json',
			message: 'is empty'
		});
		expect(fileProblem('tea.json', 'json.syntax', 'is not valid JSON: x', { line: 3, column: 7 })).toEqual({
			severity: 'error',
			code: 'json.syntax',
			file: 'tea.json',
			message: 'is not valid JSON: x',
			line: 3,
			column: 7
		});
	});
});

describe('formatProblem', () => {
	it.each<[Partial<Problem>, string]>([
		[{ where: undefined }, 'tea.json: must be a string, not the number 42'],
		[{ field: 'nodes' }, 'tea.json › nodes: must be a string, not the number 42'],
		[{ where: 'node kenya' }, 'tea.json › node kenya › must be a string, not the number 42'],
		[
			{ where: 'node kenya', field: 'label' },
			'tea.json › node kenya › label: must be a string, not the number 42'
		],
		[
			{ severity: 'warning', code: 'field.unknown', where: 'graph', field: 'license', message: 'is dropped' },
			'warning: tea.json › graph › license: is dropped'
		],
		[
			{ code: 'json.syntax', message: 'is not valid JSON: Unterminated string', line: 18, column: 27 },
			'tea.json: is not valid JSON: Unterminated string at line 18, column 27'
		],
		[{ code: 'json.syntax', message: 'is not valid JSON', line: 4 }, 'tea.json: is not valid JSON at line 4']
	])('%j', (rest, line) => expect(formatProblem(problem(rest))).toBe(line));
});

describe('formatProblems', () => {
	it('prints at most `limit` problems, then a count of the rest', () => {
		const problems = Array.from({ length: 5 }, (_, i) => problem({ where: `node n${i}` }));
		expect(formatProblems(problems, 3)).toEqual([
			'tea.json › node n0 › must be a string, not the number 42',
			'tea.json › node n1 › must be a string, not the number 42',
			'tea.json › node n2 › must be a string, not the number 42',
			'… and 2 more problems in tea.json'
		]);
		expect(formatProblems(problems.slice(0, 4), 3).at(-1)).toBe('… and 1 more problem in tea.json');
	});
});

describe('GraphDataError', () => {
	it('carries every problem, and prints them as its message', () => {
		const problems = [problem({ where: 'node kenya', field: 'label' }), problem({ code: 'file.empty' })];
		const error = new GraphDataError(problems);
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('GraphDataError');
		expect(error.problems).toBe(problems);
		expect(error.message).toBe(problems.map(formatProblem).join('\n'));
	});
});

describe('showKey and quote', () => {
	it('print plain keys as they are and anything else escaped, quoted and shortened', () => {
		expect(showKey('kenya-exports-tea')).toBe('kenya-exports-tea');
		expect(showKey('__proto__')).toBe('"__proto__"');
		expect(showKey('a\nb')).toBe('"a\\nb"');
		expect(showKey('k'.repeat(100))).toBe(`"${'k'.repeat(57)}…"`);
		expect(quote('drink')).toBe('"drink"');
		expect(quote('x'.repeat(61))).toBe(`"${'x'.repeat(57)}…"`);
	});
});
