/**
 * The flagship graph (graph-data/india-russia.json): it loads cleanly and still states the facts a reader of the
 * source article would look for first.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/lib/graph/load';

const bytes = readFileSync(new URL('../../graph-data/india-russia.json', import.meta.url));
const result = loadGraph(bytes, 'india-russia.json');

function loaded() {
	if (!result.ok)
		throw new Error(`india-russia.json does not load:\n${JSON.stringify(result.problems, null, 2)}`);
	return result.graph;
}

/** Attributes of every edge from `source` to `target` with the given type. */
function edgesOfType(source: string, target: string, type: string) {
	const graph = loaded();
	return graph
		.outEdges(source, target)
		.map((edge) => graph.getEdgeAttributes(edge))
		.filter((attributes) => attributes.type === type);
}

describe('flagship graph india-russia', () => {
	it('loads without problems or warnings', () => {
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.warnings).toEqual([]);
	});

	it('describes itself and cites the article without inventing its publisher, URL or date', () => {
		const attributes = loaded().getAttributes();
		expect(attributes.id).toBe('india-russia');
		expect(attributes.sources).toHaveLength(1);
		const [source] = attributes.sources;
		expect(source?.id).toBe('article');
		expect(source?.publisher).toBeUndefined();
		expect(source?.url).toBeUndefined();
		expect(source?.date).toBeUndefined();
	});

	it('has between 60 and 90 entities and between 130 and 180 relationships', () => {
		const graph = loaded();
		expect(graph.order).toBeGreaterThanOrEqual(60);
		expect(graph.order).toBeLessThanOrEqual(90);
		expect(graph.size).toBeGreaterThanOrEqual(130);
		expect(graph.size).toBeLessThanOrEqual(180);
	});

	it.each([
		['kudankulam-nuclear-power-plant', 'tamil-nadu', 'located-in', /located in/],
		['us-pressure', 'india', 'pressures', /scale back/],
		['united-states', 'us-pressure', 'exerts', /applies/],
		['india', 'us-pressure', 'resists', /holds firm/],
		['india', 'russia', 'buys', /crude oil/],
		['trade-imbalance', 'russia', 'favours', /favours/],
		['narendra-modi', 'vladimir-putin', 'meets', /talks with/],
		['narendra-modi', 'modi-putin-talks', 'participates-in', /took part in/],
		['vladimir-putin', 'modi-putin-talks', 'participates-in', /took part in/],
		['india', 'western-sanctions', 'resists', /refuses to join/],
		['trade-volume-65-billion', 'india-russia-trade', 'measures', /value/]
	])('%s → %s: a "%s" edge whose label matches %s, citing the article', (source, target, type, label) => {
		const edges = edgesOfType(source, target, type);
		expect(edges).toHaveLength(1);
		const [edge] = edges;
		expect(edge?.label).toMatch(label);
		expect(edge?.evidence?.map((evidence) => evidence.source)).toContain('article');
	});

	it.each(['defence', 'energy', 'technology', 'manufacturing', 'regional-security'])(
		'the Modi–Putin talks covered %s',
		(topic) => {
			expect(edgesOfType('modi-putin-talks', topic, 'covers')).toHaveLength(1);
		}
	);

	it('keeps the trade figure as the article gives it', () => {
		const graph = loaded();
		expect(graph.hasNode('trade-volume-65-billion')).toBe(true);
		const { label, description, type } = graph.getNodeAttributes('trade-volume-65-billion');
		expect(type).toBe('figure');
		const text = `${label} ${description}`;
		for (const fact of ['$65 billion', 'record high', 'last year']) expect(text).toContain(fact);
	});

	it.each([
		['india', 'New Delhi'],
		['india', 'Indian'],
		['russia', 'Moscow'],
		['russia', 'Russian'],
		['united-states', 'Washington'],
		['united-states', 'U.S.'],
		['china', 'Beijing'],
		['narendra-modi', 'Modi'],
		['vladimir-putin', 'Putin']
	])('%s has the alias "%s"', (key, alias) => {
		expect(loaded().getNodeAttribute(key, 'aliases')).toContain(alias);
	});
});

describe('flagship graph: claims as the article makes them (modality)', () => {
	const modality = (source: string, target: string, type: string) =>
		edgesOfType(source, target, type).map((attributes) => attributes.modality ?? 'stated');

	it('holds the expansion of Kudankulam as possible: it is "on the agenda"', () => {
		expect(modality('modi-putin-talks', 'kudankulam-nuclear-power-plant', 'covers')).toEqual(['possible']);
	});

	it('holds the long-term LNG agreements as intended: talks on them are advancing', () => {
		expect(modality('long-term-lng-supply-agreements', 'lng', 'covers')).toEqual(['intended']);
		expect(modality('india', 'long-term-lng-supply-agreements', 'pursues')).toEqual(['intended']);
	});

	it('attributes national interest as the guide of India’s choices to India’s government, which argues it', () => {
		expect(edgesOfType('india', 'national-interest', 'guided-by')).toEqual([
			expect.objectContaining({ modality: 'attributed', attributedTo: 'india' })
		]);
	});

	it('states the trade imbalance favouring Russia as a fact, as the article does', () => {
		expect(modality('trade-imbalance', 'russia', 'favours')).toEqual(['stated']);
	});

	it.each([
		['india', 'national-security', 'guided-by', 'india'],
		['india', 'economic-stability', 'guided-by', 'india'],
		['india', 'russia', 'views-as', 'india'],
		['russia', 'india', 'views-as', 'russia'],
		['vladimir-putin', 'india-russia-partnership', 'views-as', 'vladimir-putin'],
		// The commitments are the article's reading of what the talks signal.
		['india', 'india-russia-partnership', 'pursues', 'modi-putin-talks'],
		['russia', 'india-russia-partnership', 'pursues', 'modi-putin-talks'],
		// India's reasons for resisting U.S. pressure.
		['us-india-relations', 'differences-over-russia', 'mitigates', 'india'],
		['the-west', 'russia', 'cannot-match', 'india']
	])(
		'attributes %s → %s (%s) to %s, whose view or reading the article reports',
		(source, target, type, speaker) => {
			expect(edgesOfType(source, target, type)).toEqual([
				expect.objectContaining({ modality: 'attributed', attributedTo: speaker })
			]);
		}
	);

	it.each([
		['modi-putin-talks', 'economic-cooperation', 'pursues', 'intended'],
		['russia', 'make-in-india', 'partners-with', 'intended'],
		['india', 'arctic-energy-projects', 'pursues', 'intended'],
		['india', 'trade-imbalance', 'mitigates', 'intended'],
		['the-west', 'western-isolation-of-russia', 'exerts', 'intended'],
		['defence-diversification', 'russia', 'challenges', 'possible'],
		['russia', 'india-defence-capabilities', 'supports', 'possible'],
		['geopolitical-volatility', 'india-russia-partnership', 'challenges', 'possible']
	])('holds %s → %s (%s) as %s, from the article’s wording', (source, target, type, expected) => {
		expect(modality(source, target, type)).toEqual([expected]);
	});

	it('says no more than the article: positioned, not a partner; a floor, not a record value; reverberation, not a shift', () => {
		expect(edgesOfType('russia', 'make-in-india', 'partners-with')[0]?.label).toMatch(/positioned/);
		expect(edgesOfType('trade-volume-65-billion', 'india-russia-trade', 'measures')[0]?.label).not.toMatch(
			/record value/
		);
		const eurasia = loaded()
			.outEdges('modi-putin-talks', 'eurasia')
			.map((edge) => loaded().getEdgeAttribute(edge, 'label'));
		expect(eurasia.join(' ')).not.toMatch(/shifts the balance/);
	});

	it('files Europe’s phasing out of Russian supplies as such, not as buying', () => {
		expect(edgesOfType('europe', 'russia', 'buys')).toEqual([]);
		expect(edgesOfType('europe', 'russia', 'phases-out')).toHaveLength(1);
	});

	it('cites the article’s sections by their exact headings, and "Lead" for the text before the first', () => {
		const sections = new Set([
			'Lead',
			'India’s Strategic Autonomy on Display',
			'Russia Looks to India to Offset Western Isolation',
			'Trade Between India and Russia Is Surging',
			'Defense Cooperation Remains a Cornerstone',
			'Energy Ties Are Deepening Beyond Oil',
			'The U.S. Pressure Campaign: India Holds Its Line',
			'Geopolitical Implications: A Shifting Balance in Eurasia',
			'Areas of Concern and Challenges Ahead',
			'Conclusion: A Strategic Bond Strengthened by Necessity and Opportunity'
		]);
		const graph = loaded();
		const cited = graph.mapEdges((_edge, attributes) => attributes.evidence ?? []).flat();
		expect(cited.length).toBeGreaterThanOrEqual(graph.size);
		expect(cited.filter((evidence) => !sections.has(evidence.section))).toEqual([]);
	});

	it('names a speaker for every attributed relationship', () => {
		const graph = loaded();
		const speakerless = graph.filterEdges(
			(_edge, attributes) =>
				attributes.modality === 'attributed' && !graph.hasNode(attributes.attributedTo ?? '')
		);
		expect(speakerless).toEqual([]);
	});
});
