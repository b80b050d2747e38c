/**
 * Deterministic generator of synthetic knowledge graphs in the graph file format (graph-data/README.md), for
 * benchmarks and for measuring how the static build scales with the size of a graph.
 *
 * The same options always give the same graph, byte for byte: one seeded PRNG, no clock, no Math.random, and
 * every loop runs in a fixed order. Entities get realistic multi-word (some accented) labels, aliases, short
 * descriptions and precomputed positions; relationships are wired by preferential attachment (Price's model with
 * a pull towards the entity's own community), so a few hubs collect thousands of relationships at 100k entities.
 *
 * Run: npx tsx tests/bench/generate.ts --nodes 10000 --edges 50000 [--seed 1] [--id synthetic-10k] --out DIR
 * writes DIR/<id>.json (id default synthetic-<nodes>).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LAYOUT_RADIUS, defaultNodeSize } from '../../src/lib/graph/geometry';
import { seededRandom } from '../../src/lib/graph/random';
import { type GraphFile, graphIdSchema, isReservedName } from '../../src/lib/graph/schema';

/** What to generate. */
export interface GenerateOptions {
	/** Number of entities (a non-negative integer). */
	nodes: number;
	/** Number of relationships, exactly (a non-negative integer; needs at least one node when above 0). */
	edges: number;
	/** Seed of the PRNG (an integer, taken modulo 2^32); default 1. */
	seed?: number;
	/** The graph id, and so the file name; default `synthetic-<nodes>`. */
	id?: string;
}

type NodeEntry = GraphFile['nodes'][number];
type EdgeEntry = GraphFile['edges'][number];
type Evidence = NonNullable<EdgeEntry['attributes']['evidence']>[number];

// ---------------------------------------------------------------------------------------------------------------
// Randomness

/** The seeded generator of src/lib/graph/random.ts, with the helpers the generator needs. */
class Random {
	readonly next: () => number;

	constructor(seed: number) {
		this.next = seededRandom(seed);
	}

	/** An integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	pick<T>(list: readonly T[]): T {
		return list[this.int(list.length)] as T;
	}

	chance(p: number): boolean {
		return this.next() < p;
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Types of entities and relationships

const NODE_TYPES = {
	country: { label: 'Country', color: '#0072B2' },
	person: { label: 'Person', color: '#E69F00' },
	organisation: { label: 'Organisation', color: '#AA4499' },
	company: { label: 'Company', color: '#D55E00' },
	city: { label: 'City or place', color: '#6699CC' },
	commodity: { label: 'Commodity', color: '#117733' },
	sector: { label: 'Sector', color: '#56B4E9' },
	project: { label: 'Project', color: '#882255' },
	policy: { label: 'Policy', color: '#009E73' },
	event: { label: 'Event', color: '#EE3377' },
	concern: { label: 'Concern or risk', color: '#CC3311' },
	figure: { label: 'Figure', color: '#DDCC77' }
} as const;

type NodeType = keyof typeof NODE_TYPES;
const TYPE_LIST = Object.keys(NODE_TYPES) as NodeType[];
const TYPE_INDEX = new Map(TYPE_LIST.map((type, i) => [type, i]));

/** Types of the first entities, which preferential attachment makes the biggest hubs. */
const FIRST_TYPES: readonly NodeType[] = [
	'country',
	'commodity',
	'sector',
	'organisation',
	'city',
	'country',
	'company',
	'commodity'
];
/** Types an entity that starts a community has: the things a cluster of a real graph forms around. */
const FOUNDER_TYPES: readonly NodeType[] = [
	'country',
	'country',
	'commodity',
	'sector',
	'organisation',
	'city'
];
/** Relative frequency of each type among the other entities. */
const TYPE_WEIGHTS: Readonly<Record<NodeType, number>> = {
	country: 3,
	person: 20,
	organisation: 8,
	company: 14,
	city: 10,
	commodity: 5,
	sector: 3,
	project: 10,
	policy: 7,
	event: 8,
	concern: 6,
	figure: 6
};

type SourceId = 'trade-ledger' | 'registry' | 'news-digest';

/** Which types of entity an edge type connects, and the verb phrases it reads with there. */
interface EdgeRule {
	from: readonly NodeType[];
	to: readonly NodeType[];
	/** Verb phrases reading from source to target; the edge type's own when absent. */
	verbs?: readonly string[];
}

interface EdgeTypeSpec {
	label: string;
	/** Verb phrases an edge of this type may carry, reading from source to target. */
	verbs: readonly string[];
	rules: readonly EdgeRule[];
	/** The source its evidence usually comes from. */
	source: SourceId;
}

const EDGE_TYPES = {
	'located-in': {
		label: 'is located in',
		verbs: ['is located in', 'is based in', 'lies in'],
		rules: [
			{ from: ['city', 'company', 'organisation', 'project', 'event'], to: ['country'] },
			{ from: ['company', 'organisation', 'project', 'event'], to: ['city'] }
		],
		source: 'registry'
	},
	leads: {
		label: 'leads',
		verbs: ['leads', 'heads', 'runs'],
		rules: [{ from: ['person'], to: ['country', 'organisation', 'company', 'project', 'city'] }],
		source: 'registry'
	},
	'part-of': {
		label: 'is part of',
		verbs: ['is part of', 'falls under', 'belongs to'],
		rules: [
			{
				from: ['person', 'country', 'company', 'city'],
				to: ['organisation'],
				verbs: ['is a member of', 'belongs to', 'has joined']
			},
			{ from: ['project'], to: ['project', 'policy'] },
			{ from: ['policy'], to: ['policy'] },
			{ from: ['event'], to: ['event'] },
			{ from: ['commodity', 'sector'], to: ['sector'] },
			{ from: ['commodity'], to: ['commodity'] },
			{ from: ['city'], to: ['city'] }
		],
		source: 'registry'
	},
	produces: {
		label: 'produces',
		verbs: ['produces', 'exports', 'supplies'],
		rules: [{ from: ['country', 'company', 'city', 'project'], to: ['commodity'] }],
		source: 'trade-ledger'
	},
	buys: {
		label: 'buys',
		verbs: ['buys', 'imports', 'buys discounted'],
		rules: [{ from: ['country', 'company', 'person', 'organisation'], to: ['commodity'] }],
		source: 'trade-ledger'
	},
	'trades-with': {
		label: 'trades with',
		verbs: ['trades with', 'does business with', 'has a trade deal with'],
		rules: [{ from: ['country', 'company', 'city'], to: ['country', 'company', 'city'] }],
		source: 'trade-ledger'
	},
	'invests-in': {
		label: 'invests in',
		verbs: ['invests in', 'finances', 'holds a stake in'],
		rules: [{ from: ['company', 'organisation', 'country', 'person'], to: ['project', 'company', 'sector'] }],
		source: 'trade-ledger'
	},
	'operates-in': {
		label: 'operates in',
		verbs: ['operates in', 'is active in', 'competes in'],
		rules: [{ from: ['company', 'organisation', 'project', 'city'], to: ['sector'] }],
		source: 'registry'
	},
	regulates: {
		label: 'regulates',
		verbs: ['regulates', 'governs', 'restricts'],
		rules: [{ from: ['policy'], to: ['sector', 'commodity', 'company', 'project'] }],
		source: 'news-digest'
	},
	adopts: {
		label: 'adopts',
		verbs: ['adopts', 'enacts', 'has announced'],
		rules: [{ from: ['country', 'organisation', 'city'], to: ['policy'] }],
		source: 'news-digest'
	},
	'participates-in': {
		label: 'takes part in',
		verbs: ['takes part in', 'attends', 'hosts'],
		rules: [{ from: ['person', 'country', 'organisation', 'company', 'city'], to: ['event'] }],
		source: 'news-digest'
	},
	affects: {
		label: 'affects',
		verbs: ['affects', 'disrupts', 'weighs on'],
		rules: [
			{
				from: ['event', 'concern', 'policy'],
				to: ['country', 'sector', 'commodity', 'company', 'project', 'city']
			},
			{ from: ['event', 'policy'], to: ['concern'], verbs: ['affects', 'deepens', 'eases'] },
			{ from: ['event', 'concern'], to: ['policy'], verbs: ['affects', 'shapes', 'prompted'] }
		],
		source: 'news-digest'
	},
	raises: {
		label: 'raises',
		verbs: ['raises', 'warns of', 'is worried about'],
		rules: [{ from: ['person', 'organisation', 'country', 'company'], to: ['concern'] }],
		source: 'news-digest'
	},
	measures: {
		label: 'measures',
		verbs: ['measures', 'quantifies', 'puts a number on'],
		rules: [
			{
				from: ['figure'],
				to: ['commodity', 'sector', 'country', 'project', 'company', 'event', 'concern', 'city']
			}
		],
		source: 'trade-ledger'
	},
	cites: {
		label: 'cites',
		verbs: ['cites', 'quotes', 'points to'],
		rules: [{ from: ['person', 'organisation', 'country', 'company', 'policy'], to: ['figure'] }],
		source: 'trade-ledger'
	},
	supports: {
		label: 'supports',
		verbs: ['supports', 'backs', 'endorses'],
		rules: [{ from: ['person', 'country', 'organisation', 'company'], to: ['policy', 'project', 'person'] }],
		source: 'news-digest'
	},
	'partners-with': {
		label: 'partners with',
		verbs: ['partners with', 'cooperates with', 'is allied with'],
		rules: [{ from: ['country', 'organisation', 'company'], to: ['country', 'organisation', 'company'] }],
		source: 'news-digest'
	},
	'linked-to': {
		label: 'is linked to',
		verbs: ['is linked to', 'is associated with', 'is connected to'],
		rules: [],
		source: 'news-digest'
	}
} as const satisfies Record<string, EdgeTypeSpec>;

type EdgeType = keyof typeof EDGE_TYPES;
/** Used for pairs of types that no other edge type connects. */
const FALLBACK_EDGE_TYPE: EdgeType = 'linked-to';

interface EdgeChoice {
	type: EdgeType;
	verbs: readonly string[];
	/** The edge reads from the older entity to the newer one. */
	reversed: boolean;
}

/** For each ordered pair (newer type, older type), the edge types that can connect them, and in which direction. */
const PAIR_CHOICES: readonly (readonly EdgeChoice[])[] = (() => {
	const table: EdgeChoice[][] = Array.from({ length: TYPE_LIST.length ** 2 }, () => []);
	const at = (a: NodeType, b: NodeType) =>
		table[(TYPE_INDEX.get(a) ?? 0) * TYPE_LIST.length + (TYPE_INDEX.get(b) ?? 0)];
	for (const [type, spec] of Object.entries(EDGE_TYPES) as [EdgeType, EdgeTypeSpec][]) {
		for (const rule of spec.rules) {
			const verbs = rule.verbs ?? spec.verbs;
			for (const source of rule.from) {
				for (const target of rule.to) {
					at(source, target)?.push({ type, verbs, reversed: false });
					if (source !== target) at(target, source)?.push({ type, verbs, reversed: true });
				}
			}
		}
	}
	const fallback = { type: FALLBACK_EDGE_TYPE, verbs: EDGE_TYPES[FALLBACK_EDGE_TYPE].verbs, reversed: false };
	for (const choices of table) if (choices.length === 0) choices.push(fallback);
	return table;
})();

// ---------------------------------------------------------------------------------------------------------------
// Sources and evidence

const SOURCES: readonly { id: SourceId; title: string; note: string }[] = [
	{
		id: 'trade-ledger',
		title: 'Synthetic trade and investment ledger',
		note: 'Invented by the benchmark generator (tests/bench/generate.ts); not a real source.'
	},
	{
		id: 'registry',
		title: 'Synthetic registry of people, companies and organisations',
		note: 'Invented by the benchmark generator (tests/bench/generate.ts); not a real source.'
	},
	{
		id: 'news-digest',
		title: 'Synthetic news digest',
		note: 'Invented by the benchmark generator (tests/bench/generate.ts); not a real source.'
	}
];
const SOURCE_IDS: readonly SourceId[] = SOURCES.map((source) => source.id);

const DIGEST_SECTIONS = ['Politics', 'Economy', 'Energy', 'Defence', 'Markets', 'Regions', 'Analysis'];

function section(random: Random, source: SourceId): string {
	switch (source) {
		case 'trade-ledger':
			return `Table ${1 + random.int(60)}`;
		case 'registry':
			return `Volume ${1 + random.int(12)}, part ${1 + random.int(30)}`;
		case 'news-digest':
			return `${random.pick(DIGEST_SECTIONS)}, issue ${1 + random.int(250)}`;
	}
}

const CLAIM_FRAMES: readonly ((s: string, verb: string, t: string, year: number) => string)[] = [
	(s, verb, t) => `${s} ${verb} ${t}.`,
	(s, verb, t) => `Records show that ${s} ${verb} ${t}.`,
	(s, verb, t) => `${s} ${verb} ${t}, according to officials.`,
	(s, verb, t) => `Analysts note that ${s} ${verb} ${t}.`,
	(s, verb, t, year) => `Reports from ${year} say that ${s} ${verb} ${t}.`
];

// ---------------------------------------------------------------------------------------------------------------
// Names

const ONSETS = [
	'k',
	'r',
	'd',
	'v',
	'm',
	'sh',
	't',
	'l',
	'br',
	'g',
	'n',
	'p',
	's',
	'z',
	'b',
	'ch',
	'h',
	'j',
	'st'
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'o', 'ia', 'ou', 'ei'];
const CODAS = ['', '', '', 'n', 'r', 'l', 'sk', 'm', 'v', 'th', 'nd', 'st'];
const ACCENTED: Readonly<Record<string, readonly string[]>> = {
	a: ['á', 'ã', 'â', 'à'],
	e: ['é', 'ê', 'è'],
	i: ['í', 'î'],
	o: ['ó', 'õ', 'ô', 'ö'],
	u: ['ú', 'ü'],
	n: ['ñ', 'ń'],
	c: ['ç', 'č'],
	s: ['š', 'ş'],
	z: ['ž', 'ż'],
	l: ['ł']
};
/** Letters that Unicode normalisation does not take apart into a base letter and an accent. */
const TRANSLITERATION: Readonly<Record<string, string>> = {
	ł: 'l',
	Ł: 'L',
	ø: 'o',
	Ø: 'O',
	đ: 'd',
	Đ: 'D',
	ß: 'ss',
	æ: 'ae',
	Æ: 'AE',
	œ: 'oe',
	Œ: 'OE',
	ı: 'i',
	þ: 'th',
	'–': '-',
	'—': '-'
};

const FIRST_NAMES = [
	'Anil',
	'Olga',
	'Sergei',
	'Priya',
	'Dmitri',
	'Meera',
	'Ivan',
	'Lakshmi',
	'Nikolai',
	'Rahul',
	'Tatiana',
	'Arjun',
	'Elena',
	'Vikram',
	'Yulia',
	'Sunita',
	'Alexei',
	'Kavita',
	'Amara',
	'Kwame',
	'Fatima',
	'Hiroshi',
	'Mei',
	'Carlos',
	'Ingrid',
	'João',
	'María',
	'José',
	'François',
	'Zoë',
	'Søren',
	'Ayşe',
	'Łukasz',
	'Chloé',
	'Raúl',
	'Inês',
	'André',
	'Björn',
	'Jürgen',
	'Małgorzata'
];
const TITLES = ['President', 'Minister', 'Ambassador', 'General', 'Dr.', 'Governor', 'Chair'];
const ROLES = [
	'trade minister',
	'central banker',
	'chief executive',
	'diplomat',
	'energy analyst',
	'army general',
	'regional governor',
	'economist',
	'union leader',
	'journalist'
];
/** Real accented place names, each used once, before made-up ones. */
const PLANTED_CITIES = [
	'São Paulo',
	'Zürich',
	'Kraków',
	'Malmö',
	'Bogotá',
	'Reykjavík',
	'Düsseldorf',
	'Besançon',
	'Córdoba',
	'Gdańsk',
	'Łódź',
	'Nîmes',
	'Tromsø',
	'Göteborg',
	'Cancún',
	'Brașov'
];
const COUNTRY_FORMS: readonly ((w: string) => string)[] = [
	(w) => w,
	(w) => `${w}ia`,
	(w) => `Republic of ${w}`,
	(w) => `${w}istan`,
	(w) => `${w} Islands`,
	(w) => `North ${w}`,
	(w) => `Kingdom of ${w}`,
	(w) => `${w}land`,
	(w) => `United ${w} Emirates`
];
const PLACE_FORMS: readonly ((w: string) => string)[] = [
	(w) => w,
	(w) => `${w}pur`,
	(w) => `${w}grad`,
	(w) => `Port ${w}`,
	(w) => `San ${w}`,
	(w) => `${w} Bay`,
	(w) => `Lake ${w}`,
	(w) => `${w} Province`,
	(w) => `New ${w}`,
	(w) => `${w} City`
];
const ORG_KINDS = [
	'Atomic Energy',
	'Development',
	'Trade',
	'Security',
	'Fisheries',
	'Monetary',
	'Space Research',
	'Maritime',
	'Standards',
	'Export Credit'
];
const ORG_FORMS = ['Agency', 'Council', 'Institute', 'Commission', 'Bank', 'Forum', 'Authority', 'Union'];
const INDUSTRIES = [
	'Steel',
	'Shipping',
	'Petroleum',
	'Mining',
	'Logistics',
	'Fertilisers',
	'Aerospace',
	'Pharma',
	'Energy',
	'Grain',
	'Heavy Electricals',
	'Defence Systems'
];
const COMPANY_FORMS = ['Limited', 'Group', 'Holdings', 'JSC', 'S.A.', 'GmbH', 'AG', 'PLC', 'Corporation'];
const COMMODITIES: readonly (readonly [string, readonly string[]])[] = [
	['Crude Oil', ['Petroleum', 'Oil']],
	['Natural Gas', ['Gas']],
	['Liquefied Natural Gas', ['LNG']],
	['Coal', ['Thermal coal']],
	['Wheat', ['Grain']],
	['Sunflower Oil', ['Sunoil']],
	['Fertiliser', ['Fertilizer', 'Urea']],
	['Diamonds', ['Rough diamonds']],
	['Uranium', ['Yellowcake']],
	['Palladium', ['Pd']],
	['Nickel', ['Ni']],
	['Aluminium', ['Aluminum']],
	['Tea', ['Black tea']],
	['Rice', ['Paddy']],
	['Timber', ['Lumber']]
];
const GRADES = ['Refined', 'Raw', 'Grade A', 'Export', 'Spot', 'Urals', 'Brent', 'Arctic', 'Premium', 'Bulk'];
const SECTORS: readonly (readonly [string, string])[] = [
	['Nuclear Energy', 'Nuclear'],
	['Defence Manufacturing', 'Defence'],
	['Shipbuilding', 'Shipyards'],
	['Agriculture', 'Farming'],
	['Financial Services', 'Finance'],
	['Rail Transport', 'Railways'],
	['Pharmaceuticals', 'Pharma'],
	['Space Launch', 'Space'],
	['Fertiliser Production', 'Fertilisers'],
	['Telecommunications', 'Telecoms'],
	['Mining', 'Extraction'],
	['Tourism', 'Travel'],
	['Semiconductors', 'Chips'],
	['Renewable Energy', 'Renewables'],
	['Oil Refining', 'Refining']
];
const FACILITIES = [
	'Nuclear Power Plant',
	'Refinery',
	'Deep-Water Port',
	'Pipeline',
	'Rail Corridor',
	'Dam',
	'Steel Plant',
	'Shipyard',
	'LNG Terminal',
	'Free Trade Zone'
];
const POLICY_TOPICS = [
	'Energy Security',
	'Self-Reliance',
	'Export Promotion',
	'Sanctions',
	'Digital Trade',
	'Defence'
];
const POLICY_FORMS = [
	'Act',
	'Initiative',
	'Agreement',
	'Programme',
	'Treaty',
	'Doctrine',
	'Accord',
	'Mission'
];
const EVENT_FORMS: readonly ((w: string, year: number) => string)[] = [
	(w, year) => `${w} Summit ${year}`,
	(w, year) => `${w} Energy Forum ${year}`,
	(w, year) => `${year} ${w} Floods`,
	(w, year) => `${w} Trade Talks of ${year}`,
	(w, year) => `${w} Naval Exercise ${year}`,
	(w, year) => `${w} Election ${year}`
];
const CONCERN_FORMS: readonly ((w: string) => string)[] = [
	(w) => `Sanctions Exposure of ${w}`,
	(w) => `Currency Settlement Delays in ${w}`,
	(w) => `Supply Chain Risk for ${w}`,
	(w) => `Debt Burden of ${w}`,
	(w) => `Payment Problems with ${w}`,
	(w) => `Overdependence on ${w}`
];
const FIGURE_MONEY = [
	'in bilateral trade',
	'of annual investment',
	'in defence contracts',
	'of energy imports',
	'in loans'
];
const FIGURE_SHARES = [
	'crude imports',
	'fertiliser supply',
	'arms purchases',
	'grain exports',
	'port traffic'
];
const REGIONS = [
	'the north',
	'the south-east',
	'the western plains',
	'the eastern seaboard',
	'the highlands'
];

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function acronym(text: string): string {
	return text
		.split(/[\s–-]+/)
		.filter((part) => /^\p{Lu}/u.test(part))
		.map((part) => part.charAt(0))
		.join('');
}

/** A URL-safe slug of a label: ASCII letters and digits joined by "-", at most 80 characters. */
function slugify(text: string): string {
	return withoutAccents(text)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, 80)
		.replace(/^-+|-+$/g, '');
}

/** The text with accents dropped ("Sao Paulo", "Lodz"), as English sources often write it. */
function withoutAccents(text: string): string {
	return text.normalize('NFKD').replace(/[^\x20-\x7e]/g, (char) => TRANSLITERATION[char] ?? '');
}

interface Entity {
	label: string;
	description: string;
	aliases: string[];
}

/** Makes up entities: labels unique within one graph, aliases, descriptions. */
class Namer {
	private readonly labels = new Set<string>();
	private plantedCities = 0;

	constructor(private readonly random: Random) {}

	/** A pronounceable made-up word of 2–4 syllables, capitalised. */
	private word(): string {
		const random = this.random;
		const syllables = 2 + random.int(3);
		let text = '';
		for (let i = 0; i < syllables; i++) {
			text += random.pick(ONSETS) + random.pick(VOWELS) + (i === syllables - 1 ? random.pick(CODAS) : '');
		}
		return capitalise(text);
	}

	/** The word with one letter accented, as sources in other languages write it. */
	private accent(text: string): string {
		const chars = [...text];
		const positions = chars.flatMap((char, i) => (ACCENTED[char] ? [i] : []));
		if (positions.length === 0) return text;
		const at = this.random.pick(positions);
		chars[at] = this.random.pick(ACCENTED[chars[at] ?? ''] ?? ['']);
		return chars.join('');
	}

	private maybeAccent(text: string): string {
		return this.random.chance(0.12) ? this.accent(text) : text;
	}

	private year(): number {
		return 1990 + this.random.int(35);
	}

	/** A label no earlier entity has: a few fresh tries, then a number appended. */
	private unique(make: () => string): string {
		let label = make();
		for (let tries = 0; this.labels.has(label) && tries < 6; tries++) label = make();
		if (this.labels.has(label)) {
			let n = 2;
			while (this.labels.has(`${label} ${n}`)) n++;
			label = `${label} ${n}`;
		}
		this.labels.add(label);
		return label;
	}

	/** 0–3 distinct aliases out of the candidates, none equal to the label. */
	private aliases(label: string, candidates: readonly string[]): string[] {
		const wanted = this.random.pick([0, 0, 1, 1, 1, 2, 2, 3]);
		const out: string[] = [];
		for (const candidate of candidates) {
			if (out.length >= wanted) break;
			if (candidate.length > 0 && candidate !== label && !out.includes(candidate)) out.push(candidate);
		}
		return out;
	}

	entity(type: NodeType): Entity {
		const random = this.random;
		switch (type) {
			case 'country': {
				let root = '';
				const label = this.unique(() => {
					root = this.word();
					return random.pick(COUNTRY_FORMS)(root);
				});
				const capital = `${random.pick(['Port ', 'San ', 'New ', ''])}${this.maybeAccent(this.word())}`;
				return {
					label,
					description: `${random.pick(['A small', 'A large', 'A landlocked', 'A coastal', 'An island'])} country in ${random.pick(REGIONS)}.`,
					aliases: this.aliases(label, random.chance(0.5) ? [capital, root] : [root, capital, acronym(label)])
				};
			}
			case 'person': {
				let first = '';
				let last = '';
				const label = this.unique(() => {
					first = random.pick(FIRST_NAMES);
					last = this.maybeAccent(this.word());
					if (random.chance(0.1)) last = `${last}-${this.word()}`;
					return `${first} ${last}`;
				});
				return {
					label,
					description: `${capitalise(random.pick(ROLES))} born in ${this.year() - 40}.`,
					aliases: this.aliases(label, [
						last,
						`${first.charAt(0)}. ${last}`,
						`${random.pick(TITLES)} ${last}`
					])
				};
			}
			case 'organisation': {
				let root = '';
				const label = this.unique(() => {
					root = this.maybeAccent(this.word());
					const kind = random.pick(ORG_KINDS);
					const form = random.pick(ORG_FORMS);
					return random.chance(0.3) ? `International ${kind} ${form}` : `${root} ${kind} ${form}`;
				});
				return {
					label,
					description: `A public body founded in ${this.year() - 30}.`,
					aliases: this.aliases(label, [acronym(label), `the ${label.split(' ').pop() ?? ''}`])
				};
			}
			case 'company': {
				let root = '';
				const label = this.unique(() => {
					root = this.maybeAccent(this.word());
					return `${root} ${random.pick(INDUSTRIES)} ${random.pick(COMPANY_FORMS)}`;
				});
				return {
					label,
					description: `A ${random.pick(['state-owned', 'listed', 'family-owned', 'private'])} company.`,
					aliases: this.aliases(label, [root, acronym(label), `${root} Group`])
				};
			}
			case 'city': {
				const planted = PLANTED_CITIES[this.plantedCities++];
				const label = this.unique(() => planted ?? this.maybeAccent(random.pick(PLACE_FORMS)(this.word())));
				const plain = withoutAccents(label);
				return {
					label,
					description: `${random.pick(['A port city', 'A provincial capital', 'An industrial town', 'A border town'])} in ${random.pick(REGIONS)}.`,
					aliases: this.aliases(label, [plain, `Old ${this.word()}`, label.slice(0, 3).toUpperCase()])
				};
			}
			case 'commodity': {
				let name = '';
				let synonyms: readonly string[] = [];
				const label = this.unique(() => {
					const [commodity, others] = random.pick(COMMODITIES);
					name = commodity;
					synonyms = others;
					return random.chance(0.5)
						? `${random.pick(GRADES)} ${commodity}`
						: `${this.word()} ${random.pick(GRADES)} ${commodity}`;
				});
				return {
					label,
					description: `A traded grade of ${name.toLowerCase()}.`,
					aliases: this.aliases(label, [...synonyms, name])
				};
			}
			case 'sector': {
				let short = '';
				const label = this.unique(() => {
					const [name, abbreviation] = random.pick(SECTORS);
					short = abbreviation;
					return random.chance(0.3) ? name : `${this.word()} ${name} Industry`;
				});
				return {
					label,
					description: `An industry employing about ${1 + random.int(40)}0,000 people.`,
					aliases: this.aliases(label, [short, `the ${short.toLowerCase()} sector`])
				};
			}
			case 'project': {
				let root = '';
				const label = this.unique(() => {
					root = this.maybeAccent(this.word());
					return random.chance(0.2)
						? `${root}–${this.word()} ${random.pick(FACILITIES)}`
						: `${root} ${random.pick(FACILITIES)}`;
				});
				return {
					label,
					description: `An infrastructure project started in ${this.year()}.`,
					aliases: this.aliases(label, [acronym(label), root])
				};
			}
			case 'policy': {
				let short = '';
				const label = this.unique(() => {
					const root = this.word();
					short = `${root} ${random.pick(POLICY_FORMS)}`;
					return `${root} ${random.pick(POLICY_TOPICS)} ${short.slice(root.length + 1)}${random.chance(0.4) ? ` ${this.year()}` : ''}`;
				});
				return {
					label,
					description: `A policy announced in ${this.year()}.`,
					aliases: this.aliases(label, [acronym(label), short])
				};
			}
			case 'event': {
				let root = '';
				const label = this.unique(() => {
					root = this.maybeAccent(this.word());
					return random.pick(EVENT_FORMS)(root, this.year());
				});
				return {
					label,
					description: `${random.pick(['A meeting', 'A crisis', 'A gathering', 'An incident'])} that made the news.`,
					aliases: this.aliases(label, [label.replace(/ ?\d{4} ?/, ' ').trim(), `the ${root} meeting`])
				};
			}
			case 'concern': {
				const label = this.unique(() => random.pick(CONCERN_FORMS)(this.word()));
				return {
					label,
					description: `A risk raised by ${random.pick(['officials', 'analysts', 'investors', 'diplomats'])}.`,
					aliases: this.aliases(label, [acronym(label)])
				};
			}
			case 'figure': {
				let short = '';
				const label = this.unique(() => {
					const amount = (1 + random.int(990) / 10).toFixed(1);
					const roll = random.int(3);
					if (roll === 0) {
						short = `$${amount}bn`;
						return `$${amount} billion ${random.pick(FIGURE_MONEY)} (${this.year()})`;
					}
					if (roll === 1) {
						short = `${amount}%`;
						return `${amount}% share of ${this.word()} ${random.pick(FIGURE_SHARES)}`;
					}
					short = `${amount} Mt`;
					return `${amount} million tonnes of ${random.pick(COMMODITIES)[0].toLowerCase()} a year`;
				});
				return {
					label,
					description: `A figure quoted in ${random.pick(['official statistics', 'the trade press', 'a ministry report'])}.`,
					aliases: this.aliases(label, [short])
				};
			}
		}
	}
}

/** Node keys: slugs of the labels, unique, never a name of Object.prototype. */
class KeyMaker {
	private readonly used = new Set<string>();

	make(label: string, type: NodeType): string {
		const base = slugify(label) || type;
		let key = base;
		for (let n = 2; this.used.has(key) || isReservedName(key); n++) key = `${base}-${n}`;
		this.used.add(key);
		return key;
	}
}

// ---------------------------------------------------------------------------------------------------------------
// The graph

/** Attractiveness offset of Price's model: P(target) ∝ in-degree + ATTRACTIVENESS. */
const ATTRACTIVENESS = 2;
/** Share of an entity's relationships that stay inside its community. */
const LOCALITY = 0.5;
/** Chance that a relationship is a self-loop. */
const SELF_LOOP_CHANCE = 0.0002;
/** About this many communities per square root of the entity count. */
const COMMUNITIES_PER_ROOT = 0.4;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

function checkOptions(options: GenerateOptions): { nodes: number; edges: number; seed: number; id: string } {
	const { nodes, edges, seed = 1 } = options;
	if (!Number.isSafeInteger(nodes) || nodes < 0)
		throw new RangeError(`nodes must be an integer ≥ 0, not ${nodes}`);
	if (!Number.isSafeInteger(edges) || edges < 0)
		throw new RangeError(`edges must be an integer ≥ 0, not ${edges}`);
	if (nodes === 0 && edges > 0) throw new RangeError('edges need at least one node');
	if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, not ${seed}`);
	const id = options.id ?? `synthetic-${nodes}`;
	if (!graphIdSchema.safeParse(id).success) {
		throw new RangeError(`id must be a graph id (lowercase letters, digits and "-", ≤ 64), not "${id}"`);
	}
	return { nodes, edges, seed, id };
}

/**
 * How many relationships each entity starts: node 0 none (it has nobody older to point at), every other at least
 * one when there are enough, the rest spread with exponential weights; the counts sum to `edges` exactly.
 */
function outDegrees(random: Random, nodes: number, edges: number): Int32Array {
	const counts = new Int32Array(nodes);
	if (nodes === 0) return counts;
	if (nodes === 1) {
		counts[0] = edges;
		return counts;
	}
	const base = edges >= nodes - 1 ? 1 : 0;
	const rest = edges - base * (nodes - 1);
	const cumulative = new Float64Array(nodes);
	let total = 0;
	for (let i = 1; i < nodes; i++) {
		total += -Math.log(1 - random.next());
		cumulative[i] = total;
	}
	let given = 0;
	for (let i = 1; i < nodes; i++) {
		const upTo = i === nodes - 1 ? rest : Math.min(rest, Math.floor((rest * (cumulative[i] ?? 0)) / total));
		counts[i] = base + upTo - given;
		given = upTo;
	}
	return counts;
}

/** A growable list of integers. */
class IntList {
	data: Int32Array;
	length = 0;

	constructor(capacity = 4) {
		this.data = new Int32Array(Math.max(1, capacity));
	}

	push(value: number): void {
		if (this.length === this.data.length) {
			const grown = new Int32Array(this.data.length * 2);
			grown.set(this.data);
			this.data = grown;
		}
		this.data[this.length++] = value;
	}

	at(index: number): number {
		return this.data[index] ?? 0;
	}
}

/**
 * Generates a synthetic knowledge graph that passes `loadGraph` with no warnings. Deterministic: the same options
 * give an equal graph (and `JSON.stringify` gives the same bytes).
 */
export function generateGraph(options: GenerateOptions): GraphFile {
	const { nodes: n, edges: m, seed, id } = checkOptions(options);
	const random = new Random(seed);
	const namer = new Namer(random);
	const keyMaker = new KeyMaker();

	const typeWeights = TYPE_LIST.map((type) => TYPE_WEIGHTS[type]);
	const weightTotal = typeWeights.reduce((a, b) => a + b, 0);
	const weightedType = (): NodeType => {
		let roll = random.next() * weightTotal;
		for (let t = 0; t < TYPE_LIST.length; t++) {
			roll -= typeWeights[t] ?? 0;
			if (roll < 0) return TYPE_LIST[t] as NodeType;
		}
		return TYPE_LIST[TYPE_LIST.length - 1] as NodeType;
	};

	const out = outDegrees(random, n, m);
	const nodeEntries: NodeEntry[] = [];
	const edgeEntries: EdgeEntry[] = [];
	const typeOf = new Uint8Array(n);
	const labels: string[] = [];
	const keys: string[] = [];
	const degree = new Int32Array(n);
	const communityOf = new Int32Array(n);
	const members: IntList[] = [];
	const communityTargets: IntList[] = [];
	const targets = new IntList(Math.max(16, m));
	const newCommunityChance = Math.max(1, COMMUNITIES_PER_ROOT * Math.sqrt(n)) / Math.max(1, n);

	/** An older entity, chosen with probability ∝ (times chosen before + ATTRACTIVENESS). */
	const chooseTarget = (newest: number, community: number): number => {
		const pool = members[community];
		const pulls = communityTargets[community];
		if (pool && pulls && pool.length > 0 && random.chance(LOCALITY)) {
			const uniform = (ATTRACTIVENESS * pool.length) / (ATTRACTIVENESS * pool.length + pulls.length);
			return random.chance(uniform) ? pool.at(random.int(pool.length)) : pulls.at(random.int(pulls.length));
		}
		const uniform = (ATTRACTIVENESS * newest) / (ATTRACTIVENESS * newest + targets.length);
		return random.chance(uniform) ? random.int(newest) : targets.at(random.int(targets.length));
	};

	for (let i = 0; i < n; i++) {
		let community: number;
		let founder = false;
		if (i === 0 || random.chance(newCommunityChance)) {
			community = members.length;
			members.push(new IntList());
			communityTargets.push(new IntList());
			founder = true;
		} else {
			// Half join a community picked evenly, half one picked by size: sizes vary, none takes over.
			community = random.chance(0.5) ? random.int(members.length) : (communityOf[random.int(i)] ?? 0);
		}
		communityOf[i] = community;
		const type =
			i < FIRST_TYPES.length
				? (FIRST_TYPES[i] as NodeType)
				: founder
					? random.pick(FOUNDER_TYPES)
					: weightedType();
		typeOf[i] = TYPE_INDEX.get(type) ?? 0;
		const entity = namer.entity(type);
		const key = keyMaker.make(entity.label, type);
		labels.push(entity.label);
		keys.push(key);
		nodeEntries.push({
			key,
			attributes: {
				label: entity.label,
				type,
				description: entity.description,
				aliases: entity.aliases,
				x: 0,
				y: 0
			}
		});

		const count = out[i] ?? 0;
		for (let k = 0; k < count; k++) {
			const other = i === 0 || random.chance(SELF_LOOP_CHANCE) ? i : chooseTarget(i, community);
			if (other !== i) {
				targets.push(other);
				communityTargets[communityOf[other] ?? 0]?.push(other);
			}
			const choice = random.pick(
				PAIR_CHOICES[(typeOf[i] ?? 0) * TYPE_LIST.length + (typeOf[other] ?? 0)] ?? []
			);
			const [source, target] = choice.reversed ? [other, i] : [i, other];
			const spec: EdgeTypeSpec = EDGE_TYPES[choice.type];
			const verb = random.pick(choice.verbs);
			const year = 2000 + random.int(25);
			const claim = random.pick(CLAIM_FRAMES)(labels[source] ?? '', verb, labels[target] ?? '', year);
			const evidence: Evidence[] = [{ source: spec.source, section: section(random, spec.source) }];
			if (random.chance(0.15)) {
				const second = random.pick(SOURCE_IDS.filter((sourceId) => sourceId !== spec.source));
				evidence.push({ source: second, section: section(random, second) });
			}
			edgeEntries.push({
				key: `e${edgeEntries.length}`,
				source: keys[source] ?? '',
				target: keys[target] ?? '',
				attributes: { type: choice.type, label: verb, claim, evidence }
			});
			degree[source] = (degree[source] ?? 0) + 1;
			degree[target] = (degree[target] ?? 0) + 1;
		}
		members[community]?.push(i);
	}

	placeNodes(random, nodeEntries, degree, communityOf, members.length);

	return {
		attributes: {
			id,
			title: `Synthetic graph, ${thousands(n)} ${n === 1 ? 'entity' : 'entities'}`,
			description:
				`A synthetic knowledge graph generated for benchmarks by tests/bench/generate.ts (seed ${seed}): ` +
				`${thousands(n)} made-up entities and ${thousands(m)} made-up relationships ` +
				'wired by preferential attachment. Nothing in it is real.',
			sources: SOURCES.map((source) => ({ ...source })),
			nodeTypes: Object.fromEntries(TYPE_LIST.map((type) => [type, { ...NODE_TYPES[type] }])),
			edgeTypes: Object.fromEntries(
				(Object.keys(EDGE_TYPES) as EdgeType[]).map((type) => [type, { label: EDGE_TYPES[type].label }])
			)
		},
		options: { type: 'directed', multi: true, allowSelfLoops: true },
		nodes: nodeEntries,
		edges: edgeEntries
	};
}

/**
 * Positions without a force layout: communities on a sunflower spiral, biggest in the middle, each with an area
 * proportional to its size; inside one, its entities on a sunflower spiral too, by decreasing degree, each given
 * room by the size it is drawn at (`defaultNodeSize`), with a little jitter. Scaled into ±LAYOUT_RADIUS.
 */
function placeNodes(
	random: Random,
	nodes: NodeEntry[],
	degree: Int32Array,
	communityOf: Int32Array,
	communities: number
): void {
	const n = nodes.length;
	if (n === 0) return;
	const byCommunity: number[][] = Array.from({ length: communities }, () => []);
	for (let i = 0; i < n; i++) byCommunity[communityOf[i] ?? 0]?.push(i);
	const order = byCommunity
		.map((list, c) => ({ list, c }))
		.sort((a, b) => b.list.length - a.list.length || a.c - b.c);

	const xs = new Float64Array(n);
	const ys = new Float64Array(n);
	const spreadOf = (size: number) => 0.8 * Math.sqrt(size / n);
	const middle = spreadOf(order[0]?.list.length ?? 0);
	let placedArea = 0;
	order.forEach(({ list }, rank) => {
		const area = list.length / n;
		const spread = spreadOf(list.length);
		// Around the biggest community, clear of it; further out as the area placed so far grows.
		const centreRadius = rank === 0 ? 0 : Math.max(Math.sqrt(placedArea + area / 2), middle + spread);
		placedArea += area;
		const centreAngle = rank * GOLDEN_ANGLE;
		const [cx, cy] = [centreRadius * Math.cos(centreAngle), centreRadius * Math.sin(centreAngle)];
		const phase = random.next() * 2 * Math.PI;
		list.sort((a, b) => (degree[b] ?? 0) - (degree[a] ?? 0) || a - b);
		const room = list.map((i) => defaultNodeSize(degree[i] ?? 0) ** 2);
		const total = room.reduce((a, b) => a + b, 0);
		let before = 0;
		list.forEach((i, j) => {
			const own = room[j] ?? 0;
			const r = spread * Math.sqrt((before + own / 2) / total);
			const jitter = spread * Math.sqrt(own / total) * 0.35;
			const angle = j * GOLDEN_ANGLE + phase;
			xs[i] = cx + r * Math.cos(angle) + (random.next() - 0.5) * jitter;
			ys[i] = cy + r * Math.sin(angle) + (random.next() - 0.5) * jitter;
			before += own;
		});
	});

	let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
	for (let i = 0; i < n; i++) {
		const [x, y] = [xs[i] ?? 0, ys[i] ?? 0];
		[minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
	}
	const [midX, midY] = [(minX + maxX) / 2, (minY + maxY) / 2];
	const half = Math.max(maxX - minX, maxY - minY) / 2;
	const factor = half > 0 ? LAYOUT_RADIUS / half : 1;
	nodes.forEach((node, i) => {
		node.attributes.x = round(((xs[i] ?? 0) - midX) * factor);
		node.attributes.y = round(((ys[i] ?? 0) - midY) * factor);
	});
}

/** 12345 -> "12,345", without depending on the ICU data Node was built with. */
function thousands(value: number): string {
	return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function round(value: number): number {
	return Math.round(value * 100) / 100 || 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv: readonly string[]): GenerateOptions & { out: string } {
	const values = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i] ?? '';
		const value = argv[i + 1];
		if (!/^--(nodes|edges|seed|id|out)$/.test(flag) || value === undefined) {
			throw new Error(`unexpected argument ${flag}${value === undefined ? ' (without a value)' : ''}`);
		}
		values.set(flag.slice(2), value);
		i++;
	}
	const number = (name: string): number | undefined => {
		const text = values.get(name);
		if (text === undefined) return undefined;
		if (!/^-?\d+$/.test(text)) throw new Error(`--${name} must be an integer, not ${text}`);
		return Number(text);
	};
	const nodes = number('nodes');
	const edges = number('edges');
	const out = values.get('out');
	if (nodes === undefined || edges === undefined || out === undefined) {
		throw new Error('--nodes, --edges and --out are required');
	}
	return { nodes, edges, seed: number('seed'), id: values.get('id'), out };
}

function main(): void {
	let args: ReturnType<typeof parseArgs>;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
		console.error(
			'usage: npx tsx tests/bench/generate.ts --nodes N --edges M [--seed S] [--id ID] --out DIR'
		);
		process.exit(2);
	}
	const started = performance.now();
	const data = generateGraph(args);
	const generated = performance.now();
	const json = JSON.stringify(data);
	mkdirSync(args.out, { recursive: true });
	const file = resolve(join(args.out, `${data.attributes.id}.json`));
	writeFileSync(file, json);
	const written = performance.now();
	const bytes = Buffer.byteLength(json);
	console.log(file);
	console.log(
		`${data.nodes.length} nodes, ${data.edges.length} edges, ${(bytes / 1024 / 1024).toFixed(1)} MB (${bytes} bytes); ` +
			`generated in ${((generated - started) / 1000).toFixed(2)} s, ` +
			`serialised and written in ${((written - generated) / 1000).toFixed(2)} s`
	);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
