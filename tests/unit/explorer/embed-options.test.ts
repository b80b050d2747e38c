import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED, embedQuery, parseEmbedOptions } from '../../../src/lib/explorer/embed-options';
import { DEFAULT_VIEW } from '../../../src/lib/graph/view';

const parse = (query: string) => parseEmbedOptions(new URLSearchParams(query));

describe('embed options', () => {
	it('default to a caption, no search box, no legend, the system theme, no wheel zoom, clicks that move the frame', () => {
		expect(parse('')).toEqual({
			legend: false,
			panel: true,
			search: false,
			theme: 'auto',
			scroll: false,
			click: 'move',
			controls: true
		});
	});

	it('read every option', () => {
		expect(parse('legend=1&panel=0&search=1&theme=dark&scroll=1&click=open&controls=0')).toEqual({
			legend: true,
			panel: false,
			search: true,
			theme: 'dark',
			scroll: true,
			click: 'open',
			controls: false
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
		expect(parse('theme=&legend=&panel=&scroll=&click=&controls=')).toEqual(DEFAULT_EMBED);
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
		const embed = {
			...DEFAULT_EMBED,
			legend: true,
			theme: 'dark' as const,
			click: 'open' as const,
			controls: false
		};
		const query = embedQuery(view, embed);
		expect(query).toBe(
			'hide=country,person&depth=1&color=community&legend=1&theme=dark&click=open&controls=0'
		);
		expect(parse(query)).toEqual(embed);
	});
});
