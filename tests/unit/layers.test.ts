/**
 * The lint rule that keeps the layers pointing one way (eslint.config.js): an import against the direction is an
 * error in `npm run lint`, one along it is not.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restricted(file: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: file });
	return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers', () => {
	it('should refuse an import up the layers', async () => {
		const cases: [string, string][] = [
			['src/lib/graph/x.ts', "import { a } from '../render/display';"],
			['src/lib/graph/x.ts', "import { a } from '$lib/explorer/navigator';"],
			['src/lib/graph/x.ts', "import { a } from 'svelte';"],
			['src/lib/render/x.ts', "import { a } from '$lib/explorer/explorer.svelte';"],
			['src/lib/explorer/x.ts', "import { a } from '$lib/components/GraphView.svelte';"],
			['src/lib/explorer/x.ts', "import { goto } from '$app/navigation';"],
			['src/lib/explorer/x.ts', "import Sigma from 'sigma';"],
			['src/lib/components/x.ts', "import { a } from '$lib/embed/frame-navigator.svelte';"],
			['src/lib/embed/x.ts', "import { page } from '$app/state';"]
		];
		for (const [file, code] of cases) {
			expect(await restricted(file, `${code}\nexport { a };`), `${file}: ${code}`).toHaveLength(1);
		}
	});

	it('should accept an import down the layers', async () => {
		const cases: [string, string][] = [
			['src/lib/render/x.ts', "import { a } from '../graph/view';"],
			['src/lib/explorer/x.ts', "import { a } from '$lib/render/display';"],
			['src/lib/components/x.ts', "import { a } from '$lib/explorer/navigator';"],
			['src/lib/embed/x.ts', "import { a } from '$lib/components/GraphView.svelte';"],
			['src/lib/render/x.ts', "import Sigma from 'sigma';"]
		];
		for (const [file, code] of cases) {
			expect(await restricted(file, `${code}\nexport { a };`), `${file}: ${code}`).toEqual([]);
		}
	});
});
