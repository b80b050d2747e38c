/**
 * `npm run preview`: serves the built site (`build/`) the way a static host does: `/a/b` is `a/b.html`,
 * unknown paths get `404.html` with status 404, and the response headers of `build/_headers` (Content-Security-Policy
 * with the framing rules, nosniff, referrer policy) apply as on Netlify or Cloudflare Pages: by the requested path,
 * every matching rule, equal names comma-joined. Also used by the browser tests.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type HeaderRule, headersFor, parseHeadersFile } from '../lib/server/headers';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.woff2': 'font/woff2'
};

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/** The file that answers `pathname` inside `root`, or undefined. Never leaves `root`. */
export function resolveStaticPath(root: string, pathname: string): string | undefined {
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return undefined;
	}
	if (decoded.includes('\0')) return undefined;
	const base = resolve(root);
	const candidates = decoded.endsWith('/')
		? [join(decoded, 'index.html')]
		: [decoded, `${decoded}.html`, join(decoded, 'index.html')];
	for (const candidate of candidates) {
		const file = resolve(base, `.${candidate}`);
		if (file !== base && !file.startsWith(base + sep)) continue;
		if (existsSync(file) && statSync(file).isFile()) return file;
	}
	return undefined;
}

/** The rules of `root/_headers`, none if there is no such file. */
function readHeaderRules(root: string): HeaderRule[] {
	const file = join(root, '_headers');
	return existsSync(file) ? parseHeadersFile(readFileSync(file, 'utf8')) : [];
}

/** Serves `root` on `host:port` (port 0 picks a free one). */
export function startServer(root: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
	const rules = readHeaderRules(root);
	const server: Server = createServer((request, response) => {
		const { pathname } = new URL(request.url ?? '/', 'http://localhost');
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405, { allow: 'GET, HEAD' }).end();
			return;
		}
		// Hosts read _headers; they do not serve it.
		let file = pathname === '/_headers' ? undefined : resolveStaticPath(root, pathname);
		let status = 200;
		if (!file) {
			status = 404;
			file = resolveStaticPath(root, '/404.html');
			if (!file) {
				response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
				return;
			}
		}
		const immutable = pathname.startsWith('/_app/immutable/');
		response.writeHead(status, {
			...headersFor(rules, pathname),
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
		});
		if (request.method === 'HEAD') response.end();
		else createReadStream(file).pipe(response);
	});
	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			const { port: actual } = server.address() as AddressInfo;
			resolvePromise({
				url: `http://${host}:${actual}`,
				close: () => new Promise((done) => server.close(() => done()))
			});
		});
	});
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const root = resolve(process.env.BUILD_DIR ?? 'build');
	if (!existsSync(join(root, 'index.html'))) {
		console.error(`preview: ${root} has no site in it; run \`npm run build\` first`);
		process.exit(1);
	}
	const port = Number(process.env.PORT ?? 4173);
	startServer(root, port, process.env.HOST ?? '127.0.0.1').then(
		({ url }) => console.log(`Serving ${root} at ${url}`),
		(error: Error) => {
			console.error(`preview: cannot listen on port ${port}: ${error.message}`);
			process.exit(1);
		}
	);
}
