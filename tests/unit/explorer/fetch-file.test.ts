/**
 * Graph files that do not arrive: each failure has its kind (the server's answer, the connection, the file
 * itself), and the reader is told which in plain words.
 */
import { describe, expect, it } from 'vitest';
import {
	GraphLoadError,
	asGraphLoadError,
	describeLoadError,
	fetchFile,
	readJson
} from '../../../src/lib/explorer/fetch-file';

const answering =
	(response: Response): typeof fetch =>
	() =>
		Promise.resolve(response);

describe('fetchFile', () => {
	it('should hand back a response the server answered with success', async () => {
		const response = await fetchFile('/g.json', answering(new Response('{}')));
		expect(response.ok).toBe(true);
	});

	it('should fail with kind http and the status when the server answers with an error', async () => {
		const failure = await fetchFile('/g.json', answering(new Response('', { status: 503 }))).catch((e) => e);
		expect(failure).toBeInstanceOf(GraphLoadError);
		expect(failure).toMatchObject({ kind: 'http', status: 503 });
	});

	it('should fail with kind network when no answer comes', async () => {
		const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
		await expect(fetchFile('/g.json', offline)).rejects.toMatchObject({ kind: 'network' });
	});
});

describe('readJson', () => {
	it('should fail with kind parse for a file cut short', async () => {
		await expect(readJson(new Response('{"nodes": ['), '/g.json')).rejects.toMatchObject({ kind: 'parse' });
		await expect(readJson(new Response('{"a": 1}'), '/g.json')).resolves.toEqual({ a: 1 });
	});
});

describe('asGraphLoadError and describeLoadError', () => {
	it("should keep a load error's kind, take fetch's TypeError for the network and anything else for the file", () => {
		const http = new GraphLoadError('http', 'answered 500', 500);
		expect(asGraphLoadError(http)).toBe(http);
		expect(asGraphLoadError(new TypeError('NetworkError')).kind).toBe('network');
		expect(asGraphLoadError(new Error('Unexpected end of JSON input')).kind).toBe('parse');
		expect(asGraphLoadError('odd').kind).toBe('parse');
	});

	it('should say each kind in plain words', () => {
		expect(describeLoadError(new GraphLoadError('http', ''))).toBe('the server answered with an error.');
		expect(describeLoadError(new GraphLoadError('network', ''))).toBe('the connection to the server failed.');
		expect(describeLoadError(new GraphLoadError('parse', ''))).toBe(
			'its file arrived incomplete or damaged.'
		);
	});
});
