import { describe, expect, it } from 'vitest';
import { EMBED_SIZES, embedSnippet } from '../../../src/lib/explorer/embed-snippet';

describe('embed snippet', () => {
	it('is an iframe of the given size with the view URL and a title', () => {
		const [medium, , full] = EMBED_SIZES;
		expect(embedSnippet('https://g.example/embed/a/b?depth=1&legend=1', 'B — A', medium)).toBe(
			'<iframe src="https://g.example/embed/a/b?depth=1&amp;legend=1" title="B — A" width="600" height="400" ' +
				'style="border:0;max-width:100%" loading="lazy"></iframe>'
		);
		expect(embedSnippet('https://g.example/embed/a', 'A', full)).toContain('width="100%" height="450"');
	});

	it('escapes quotes and markup in the title', () => {
		const snippet = embedSnippet('https://g.example/embed/a', '"><script>alert(1)</script>', EMBED_SIZES[0]);
		expect(snippet).not.toContain('<script>');
		expect(snippet).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
	});
});
