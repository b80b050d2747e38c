import { describe, expect, it } from 'vitest';
import {
	DEFAULT_EMBED,
	EMBED_SIZES,
	embedQuery,
	embedSnippet,
	parseEmbedOptions
} from '../../src/lib/embed/options';
import { DEFAULT_VIEW } from '../../src/lib/graph/view';

const parse = (query: string) => parseEmbedOptions(new URLSearchParams(query));

describe('embed options', () => {
	it('default to a caption, no legend, the system theme, no wheel zoom, clicks that move the frame', () => {
		expect(parse('')).toEqual({ legend: false, panel: true, theme: 'auto', scroll: false, click: 'move' });
	});

	it('read every option', () => {
		expect(parse('legend=1&panel=0&theme=dark&scroll=1&click=open')).toEqual({
			legend: true,
			panel: false,
			theme: 'dark',
			scroll: true,
			click: 'open'
		});
		expect(parse('legend=true&panel=false&theme=light').theme).toBe('light');
	});

	it('ignore malformed values instead of failing', () => {
		expect(parse('legend=yes&panel=<script>&theme=blue&scroll=2&click=javascript:alert(1)')).toEqual(
			DEFAULT_EMBED
		);
		expect(parse(`theme=${'x'.repeat(10_000)}`)).toEqual(DEFAULT_EMBED);
		expect(parse('theme=%3Cscript%3Ealert(1)%3C%2Fscript%3E&legend=%3Cscript%3E&scroll=%00')).toEqual(
			DEFAULT_EMBED
		);
		expect(parse('theme=&legend=&panel=&scroll=&click=')).toEqual(DEFAULT_EMBED);
		expect(parse('theme=DARK&legend=TRUE&click=OPEN')).toEqual(DEFAULT_EMBED);
	});

	it('read the first of repeated values', () => {
		expect(parse('theme=dark&theme=%3Cscript%3E&panel=0&panel=1&click=open&click=move')).toEqual({
			...DEFAULT_EMBED,
			theme: 'dark',
			panel: false,
			click: 'open'
		});
		expect(parse('theme=%3Cscript%3E&theme=dark&legend=yes&legend=1')).toEqual(DEFAULT_EMBED);
	});

	it('write only what differs from the defaults, and read back the same options', () => {
		expect(embedQuery(DEFAULT_VIEW, DEFAULT_EMBED)).toBe('');
		const view = {
			...DEFAULT_VIEW,
			hiddenTypes: new Set(['person', 'country']),
			depth: 1,
			color: 'community' as const
		};
		const embed = { ...DEFAULT_EMBED, legend: true, theme: 'dark' as const, click: 'open' as const };
		const query = embedQuery(view, embed);
		expect(query).toBe('hide=country,person&depth=1&color=community&legend=1&theme=dark&click=open');
		expect(parse(query)).toEqual(embed);
	});
});

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
