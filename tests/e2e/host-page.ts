/**
 * A page on another origin (another port on 127.0.0.1) that embeds the site in an iframe, as an article would.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostPage {
	url: string;
	close(): Promise<void>;
}

/** An article page whose body is `body` (HTML), with text above and enough below it to scroll. */
export function startHostPage(body: string): Promise<HostPage> {
	return serveHostDocument(`<!doctype html><html><head><meta charset="utf-8"><title>Host article</title></head>
<body style="margin:0;font-family:sans-serif"><h1 style="margin:8px">An article</h1>${body}
<p style="height:2000px">More of the article.</p></body></html>`);
}

/** A whole HTML document (the docs' example pages) served as the host page. */
export function serveHostDocument(html: string): Promise<HostPage> {
	const server: Server = createServer((_request, response) => {
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			resolve({
				url: `http://127.0.0.1:${port}/`,
				close: () =>
					new Promise((done) => {
						server.close(() => done());
						// The browser keeps connections alive; close() alone would wait for them.
						server.closeAllConnections();
					})
			});
		});
	});
}
