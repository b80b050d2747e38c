import { describe, expect, it } from 'vitest';
import { chooseGraphFile, openGraphFiles } from '../../../src/lib/explorer/open-file';

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

describe('openGraphFiles before the worker', () => {
	it('refuses a file over the size cap without reading it', async () => {
		const big = new File(['<gexf/>'], 'huge.gexf');
		Object.defineProperty(big, 'size', { value: 300 * 1024 * 1024 });
		let read = false;
		big.arrayBuffer = async () => {
			read = true;
			return new ArrayBuffer(0);
		};
		const result = await openGraphFiles([big]);
		expect(result).toMatchObject({ ok: false, problems: [{ code: 'file.too-big', file: 'huge.gexf' }] });
		expect(!result.ok && result.problems[0]?.message).toBe(
			'is 300 MB; the explorer opens files of up to 256 MB'
		);
		expect(read).toBe(false);
	});

	it('says so when the file cannot be read from the disk half-way', async () => {
		const broken = new File(['<gexf>'], 'broken.gexf');
		broken.arrayBuffer = () =>
			Promise.reject(new DOMException('The file changed on disk', 'NotReadableError'));
		const result = await openGraphFiles([broken]);
		expect(result).toMatchObject({ ok: false, problems: [{ code: 'file.unreadable', file: 'broken.gexf' }] });
		expect(!result.ok && result.problems[0]?.message).toMatch(
			/could not be read from your disk .*changed on disk/
		);
	});

	it('keeps nothing when cancelled before the reading starts', async () => {
		const cancel = new AbortController();
		cancel.abort();
		await expect(
			openGraphFiles([new File(['<gexf/>'], 'a.gexf')], { signal: cancel.signal })
		).resolves.toEqual({
			ok: false,
			problems: [],
			cancelled: true
		});
	});
});
