import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchGraphFile, fileName } from '../../../src/lib/explorer/remote-file';

let server: Server;
let site = '';

beforeAll(async () => {
	server = createServer((request, response) => {
		switch (request.url) {
			case '/graph.gexf':
				return response.writeHead(200, { 'content-type': 'application/gexf+xml' }).end('<gexf/>');
			case '/export?id=3':
				return response
					.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' })
					.end('Source,Target\na,b\n');
			case '/page':
				return response.writeHead(200, { 'content-type': 'text/html' }).end('<p>');
			case '/forbidden.gexf':
				return response.writeHead(403, 'Forbidden').end();
			case '/slow.gexf':
				return; // never answers
			default:
				return response.writeHead(404).end();
		}
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
	server.closeAllConnections();
	server.close();
});

describe('fetchGraphFile', () => {
	it('fetches a file of the site, named by its address or its media type', async () => {
		const gexf = await fetchGraphFile(`${site}/graph.gexf`, { site });
		expect(gexf.ok && gexf.file.name).toBe('graph.gexf');
		expect(gexf.ok && (await gexf.file.text())).toBe('<gexf/>');
		const csv = await fetchGraphFile(`${site}/export?id=3`, { site });
		expect(csv.ok && csv.file.name).toBe('export.csv');
	});

	it('says why, in words, when it cannot', async () => {
		const message = async (address: string, options = {}) => {
			const result = await fetchGraphFile(address, { site, ...options });
			return result.ok ? '' : result.message;
		};
		await expect(message('not a url')).resolves.toMatch(/is not a web address/);
		await expect(message('file:///etc/passwd')).resolves.toMatch(/file: addresses cannot be opened/);
		await expect(message('https://elsewhere.example/a.gexf')).resolves.toMatch(
			/opens graph files only from .*; https:\/\/elsewhere\.example is not among them/
		);
		await expect(message(`${site}/missing.gexf`)).resolves.toMatch(/404 Not Found/);
		await expect(message(`${site}/forbidden.gexf`)).resolves.toMatch(/answered 403 Forbidden/);
		await expect(message(`${site}/page`)).resolves.toMatch(/is a web page \(text\/html\)/);
		await expect(message(`${site}/slow.gexf`, { timeoutMs: 200 })).resolves.toMatch(
			/did not answer within 0.2 seconds/
		);
		const cancel = new AbortController();
		const cancelled = message(`${site}/slow.gexf`, { signal: cancel.signal });
		cancel.abort();
		await expect(cancelled).resolves.toBe('Cancelled.');
	});
});

describe('fileName', () => {
	it('keeps a name with a known extension, decoded, and adds one from the media type otherwise', () => {
		expect(fileName(new URL('https://x.org/data/Les%20Mis.gexf'), 'application/xml')).toBe('Les Mis.gexf');
		expect(fileName(new URL('https://x.org/data/tea.edges.csv'), 'text/plain')).toBe('tea.edges.csv');
		expect(fileName(new URL('https://x.org/api/graph'), 'application/graphml+xml')).toBe('graph.graphml');
		expect(fileName(new URL('https://x.org/'), 'text/turtle')).toBe('graph.ttl');
		expect(fileName(new URL('https://x.org/bad%E0%A4'), 'text/plain')).toBe('bad%E0%A4');
	});
});
