import { describe, expect, it } from 'vitest';
import { chooseGraphFile } from '../../../src/lib/explorer/open-file';

const file = (name: string) => new File(['x'], name);

describe('chooseGraphFile', () => {
	it('takes the one graph file and hands the others over as its companions', () => {
		const edges = file('tea.edges.csv');
		const nodes = file('tea.nodes.csv');
		expect(chooseGraphFile([nodes, edges])).toEqual({ file: edges, companions: [nodes] });
		const gexf = file('Les Misérables.GEXF');
		expect(chooseGraphFile([gexf])).toEqual({ file: gexf, companions: [] });
	});

	it('refuses several graphs at once, naming them', () => {
		const problem = chooseGraphFile([file('a.gexf'), file('b.graphml')]);
		expect(problem).toMatchObject({ code: 'file.unknown-format', file: 'a.gexf, b.graphml' });
		expect('message' in problem && problem.message).toMatch(/open one at a time/);
	});

	it('asks for the relationships file when only a nodes file was chosen', () => {
		expect(chooseGraphFile([file('tea.nodes.csv')])).toMatchObject({
			code: 'format.structure',
			file: 'tea.nodes.csv'
		});
	});

	it('names the formats it reads for a file in none of them', () => {
		const problem = chooseGraphFile([file('photo.png')]);
		expect(problem).toMatchObject({ code: 'file.unknown-format', file: 'photo.png' });
		expect('message' in problem && problem.message).toMatch(/\.gexf.*\.graphml.*\.ttl/);
		expect(chooseGraphFile([])).toMatchObject({ code: 'file.unknown-format', file: 'no file' });
	});
});
