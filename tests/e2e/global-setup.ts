/**
 * Once per browser-test run: find (or install) Chromium and serve the built site on a free port.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../src/cli/serve';
import { findChromium } from './chromium';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		chromium: string;
	}
}

export default async function setup(project: TestProject) {
	const root = resolve(process.env.BUILD_DIR ?? 'build');
	if (!existsSync(join(root, 'index.html'))) {
		throw new Error(
			`The browser tests run against the built site, and ${root} has none: run \`npm run build\` first.`
		);
	}
	project.provide('chromium', findChromium());
	const server = await startServer(root);
	project.provide('baseURL', server.url);
	return () => server.close();
}
