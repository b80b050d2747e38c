import { describe, expect, it } from 'vitest';
import { EMBED_SIZES, embedSnippet, embedTitle } from '../../src/lib/explorer/embed-snippet';
import { embedHref, entityHref, graphHref, oembedHref, storyEmbedHref, storyHref } from '../../src/lib/links';
import { OEMBED_SIZES, oembedResponse } from '../../src/lib/oembed';
import { iframeOf, oembedProblems } from '../oembed-spec';

const SITE = 'https://graphs.example.org';

describe('oEmbed responses', () => {
	it.each([
		{
			page: 'a graph',
			embed: embedHref('india-russia'),
			title: 'India and Russia after the Modi–Putin talks',
			size: OEMBED_SIZES.view
		},
		{
			page: 'an entity',
			embed: embedHref('india-russia', 'kudankulam-nuclear-power-plant'),
			title: 'Kudankulam Nuclear Power Plant — India and Russia after the Modi–Putin talks',
			size: OEMBED_SIZES.view
		},
		{
			page: 'a story',
			embed: storyEmbedHref('india-russia', 'talks-section-by-section'),
			title: 'The Modi–Putin talks, section by section — India and Russia after the Modi–Putin talks',
			size: OEMBED_SIZES.story
		},
		{
			page: 'a step of a story',
			embed: storyEmbedHref('india-russia', 'talks-section-by-section', 3),
			title: 'Russia Looks to India to Offset Western Isolation — The Modi–Putin talks, section by section',
			size: OEMBED_SIZES.story
		},
		{
			page: 'a title with markup and quotes',
			embed: embedHref('markup', 'tricky'),
			title: `"><script>alert(1)</script> & 'Tom' — <b>Markup</b>`,
			size: OEMBED_SIZES.view
		},
		{
			page: 'an http site',
			embed: embedHref('a'),
			title: 'A',
			size: OEMBED_SIZES.view,
			site: 'http://127.0.0.1:4173'
		}
	])(
		'for $page is a valid rich response whose html is the "Embed this view" snippet',
		({ embed, title, size, ...rest }) => {
			const site = rest.site ?? SITE;
			const response = oembedResponse({ site, embed, title, size });
			expect(oembedProblems(response)).toEqual([]);
			expect(response).toEqual({
				version: '1.0',
				type: 'rich',
				html: embedSnippet(site + embed, title, size),
				width: size.width,
				height: size.height,
				title,
				provider_name: 'Knowledge Graph Explorer',
				provider_url: `${site}/`
			});
			// The title reaches the HTML escaped, and reads back as it was.
			const iframe = iframeOf(response.html);
			expect(iframe).toMatchObject({ src: site + embed, title });
			expect(response.html.match(/<[a-z]/g)).toEqual(['<i']);
			// No thumbnail: the site has no pictures, and the spec wants all three fields or none.
			expect(Object.keys(response).filter((key) => key.startsWith('thumbnail'))).toEqual([]);
		}
	);

	it('write the snippet an editor would paste, character for character', () => {
		const response = oembedResponse({
			site: SITE,
			embed: storyEmbedHref('india-russia', 'talks-section-by-section', 3),
			title: embedTitle('India and Russia', { story: 'The talks', step: 'Trade' }),
			size: OEMBED_SIZES.story
		});
		expect(response.html).toBe(
			'<iframe src="https://graphs.example.org/embed/india-russia/story/talks-section-by-section/3" ' +
				'title="Trade — The talks" width="800" height="500" style="border:0;max-width:100%" loading="lazy"></iframe>'
		);
		expect(response.title).toBe('Trade — The talks');
	});

	it('frame a graph or an entity at 600 × 400 and a story at 800 × 500', () => {
		expect(OEMBED_SIZES.view).toMatchObject({ width: 600, height: 400 });
		expect(OEMBED_SIZES.story).toMatchObject({ width: 800, height: 500 });
	});

	it.each(['', '/', 'graphs.example.org', '//graphs.example.org', 'ftp://graphs.example.org'])(
		'refuse a site address that is not absolute (%j): oEmbed needs absolute URLs',
		(site) => {
			expect(() =>
				oembedResponse({ site, embed: embedHref('a'), title: 'A', size: OEMBED_SIZES.view })
			).toThrow(/SITE_URL/);
		}
	);

	it('cannot be made at full width, which has no width in pixels', () => {
		const full = EMBED_SIZES[2];
		// @ts-expect-error the full-width size has `width: null`, which oEmbed's rich type does not allow
		const response = oembedResponse({ site: SITE, embed: embedHref('a'), title: 'A', size: full });
		expect(oembedProblems(response)).toContain('width must be a whole number of pixels');
	});
});

describe('the oEmbed file of a page', () => {
	it.each([
		[graphHref('india-russia'), '/oembed/india-russia.json'],
		[
			entityHref('india-russia', 'kudankulam-nuclear-power-plant'),
			'/oembed/india-russia/kudankulam-nuclear-power-plant.json'
		],
		[
			storyHref('india-russia', 'talks-section-by-section'),
			'/oembed/india-russia/story/talks-section-by-section.json'
		],
		[
			storyHref('india-russia', 'talks-section-by-section', 2),
			'/oembed/india-russia/story/talks-section-by-section/2.json'
		]
	])('of %s is %s', (page, file) => {
		expect(oembedHref(page)).toBe(file);
	});
});

describe('the oEmbed validator', () => {
	const valid = oembedResponse({
		site: SITE,
		embed: embedHref('india-russia', 'india'),
		title: 'India — India and Russia',
		size: OEMBED_SIZES.view
	});
	const iframe = (attributes: string) => `<iframe ${attributes}></iframe>`;

	it.each<[string, Record<string, unknown>, string]>([
		['no version', { version: undefined }, 'version must be the string "1.0"'],
		['a number for the version', { version: 1 }, 'version must be the string "1.0"'],
		['another type', { type: 'video' }, 'type must be "rich"'],
		['no width', { width: undefined }, 'width must be a whole number of pixels'],
		['a width in text', { width: '600' }, 'width must be a whole number of pixels'],
		['a fractional height', { height: 400.5 }, 'height must be a whole number of pixels'],
		['no html', { html: undefined }, 'html is required'],
		['a title that is not text', { title: 3 }, 'title must be text'],
		['a relative provider_url', { provider_url: '/' }, 'provider_url must be an absolute URL'],
		['a negative cache_age', { cache_age: -1 }, 'cache_age must be a whole number of seconds'],
		['a thumbnail without its size', { thumbnail_url: `${SITE}/a.png` }, 'go together'],
		['a thumbnail size without its URL', { thumbnail_width: 10, thumbnail_height: 10 }, 'go together'],
		['two iframes', { html: valid.html + valid.html }, 'exactly one iframe'],
		['a script', { html: '<script>alert(1)</script>' }, 'exactly one iframe'],
		['an unescaped title', { html: valid.html.replace('title="', 'title="<b>"') }, 'exactly one iframe'],
		['a stray ampersand', { html: valid.html.replace('title="', 'title="R&D ') }, 'exactly one iframe'],
		[
			'a relative src',
			{ html: iframe('src="/embed/a" title="A" width="600" height="400"') },
			'absolute http(s) URL'
		],
		[
			'a javascript: src',
			{ html: iframe('src="javascript:alert(1)" title="A" width="600" height="400"') },
			'absolute'
		],
		[
			'a src that is not an embed',
			{ html: iframe(`src="${SITE}/a" title="A" width="600" height="400"`) },
			'lead to /embed/'
		],
		[
			'an iframe of another size',
			{ html: valid.html.replace('width="600"', 'width="100%"') },
			'the response says 600×400'
		],
		[
			'an iframe named otherwise',
			{ html: valid.html.replace('title="India', 'title="Russia') },
			"is not the response's title"
		]
	])('finds %s', (_, change, problem) => {
		const broken = Object.fromEntries(
			Object.entries({ ...valid, ...change }).filter(([, value]) => value !== undefined)
		);
		expect(oembedProblems(broken).join('\n')).toContain(problem);
	});

	it('finds nothing wrong with a complete thumbnail or a cache age', () => {
		const withExtras = {
			...valid,
			cache_age: 3600,
			thumbnail_url: `${SITE}/a.png`,
			thumbnail_width: 60,
			thumbnail_height: 40
		};
		expect(oembedProblems(withExtras)).toEqual([]);
	});

	it('refuses what is not an object', () => {
		for (const value of [null, [], 'rich', 1]) expect(oembedProblems(value)).toEqual(['not a JSON object']);
	});
});
