/**
 * Benchmark behind the choice of the entity-search library (src/lib/graph/search.ts).
 * Takes 100,000 deterministic entity names with aliases from the synthetic graph generator, then for each candidate library measures the index
 * build time, the latency of every keystroke of a fixed typing script (p50/p95/max), the minified+gzipped size of
 * its import, and whether it finds the product spec's examples. The last row is the shipped search.ts itself.
 *
 * Run: npx tsx tests/bench/search-libraries.ts [entity count]
 *   NODE_OPTIONS=--expose-gc adds heap figures; ONLY=<name> runs the candidates whose name contains it.
 * minisearch is a dependency of the app; the other candidates are loaded only if installed, e.g.
 *   npm install --no-save @leeoniya/ufuzzy@1.0.19 fuse.js@7.5.0 flexsearch@0.8.212
 * and reported as "not installed" otherwise (the next plain `npm install` removes them again).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createSearchIndex, normalizeName, searchCorpus } from '../../src/lib/graph/search';

/** One entity as the libraries compared here index it: its names. */
interface SearchEntry {
	key: string;
	label: string;
	type: string;
	aliases: readonly string[];
}
import { generateGraph } from './generate';
import { keystrokes, percentile } from './stats';

const ENTITY_COUNT = Number(process.argv[2] ?? 100_000);
const TIMED_PASSES = 3;
const LIMIT = 10;
/** Stop timing a slow library after this many milliseconds of keystrokes (it is clearly out anyway). */
const TIME_CAP_MS = 20_000;

// ---------------------------------------------------------------------------------------------------------------
// Deterministic data

/** The entities the product spec names, planted among the generated ones with their real aliases. */
const KNOWN: readonly SearchEntry[] = [
	{ key: 'india', label: 'India', type: 'country', aliases: ['New Delhi', 'Republic of India', 'Bharat'] },
	{ key: 'russia', label: 'Russia', type: 'country', aliases: ['Russian Federation', 'Moscow'] },
	{
		key: 'united-states',
		label: 'United States',
		type: 'country',
		aliases: ['USA', 'United States of America', 'Washington']
	},
	{
		key: 'kudankulam-npp',
		label: 'Kudankulam Nuclear Power Plant',
		type: 'facility',
		aliases: ['KKNPP', 'Kudankulam']
	},
	{ key: 'vladimir-putin', label: 'Vladimir Putin', type: 'person', aliases: ['President Putin'] },
	{ key: 'narendra-modi', label: 'Narendra Modi', type: 'person', aliases: ['Prime Minister Modi'] },
	{ key: 'make-in-india', label: 'Make in India', type: 'policy', aliases: [] },
	{ key: 'sao-tome', label: 'São Tomé and Príncipe', type: 'country', aliases: ['São Tomé'] },
	{ key: 'rosatom', label: 'Rosatom', type: 'organization', aliases: ['State Atomic Energy Corporation'] },
	{ key: 'crude-oil', label: 'Crude oil', type: 'commodity', aliases: ['Petroleum'] },
	{ key: 'brahmos', label: 'BrahMos Aerospace', type: 'organization', aliases: ['BrahMos'] }
];

/**
 * `count` entities: the synthetic graph generator's names and aliases (tests/bench/generate.ts, fixed seed), with
 * the spec's entities planted evenly among them.
 */
function generateEntries(count: number): SearchEntry[] {
	const knownKeys = new Set(KNOWN.map((entry) => entry.key));
	const generated = generateGraph({ nodes: Math.max(0, count - KNOWN.length), edges: 0, seed: 20240611 })
		.nodes.filter(({ key }) => !knownKeys.has(key))
		.map(({ key, attributes: { label, type, aliases } }) => ({ key, label, type, aliases }));
	const entries: SearchEntry[] = [];
	const every = Math.max(1, Math.floor(count / KNOWN.length));
	let known = 0;
	for (const entry of generated) {
		if (entries.length % every === every - 1 && known < KNOWN.length)
			entries.push(KNOWN[known++] as SearchEntry);
		entries.push(entry);
	}
	while (known < KNOWN.length) entries.push(KNOWN[known++] as SearchEntry);
	return entries;
}

/** Each query is typed one character at a time; every prefix is one keystroke. */
const TYPING_SCRIPT = [
	'india',
	'delhi',
	'washington',
	'kudan',
	'KUDAN',
	'putin',
	'vladmir putin',
	'rusia',
	'indai',
	'make in',
	'sao tome',
	'São Tomé',
	'crude oil',
	'nuclear power plant',
	'rosatom'
];

/** The spec's examples: the query, the key that must be found. */
const QUALITY: readonly (readonly [string, string])[] = [
	['India', 'india'],
	['Delhi', 'india'],
	['Washington', 'united-states'],
	['kudan', 'kudankulam-npp'],
	['KUDAN', 'kudankulam-npp'],
	['putin', 'vladimir-putin'],
	['rusia', 'russia'],
	['indai', 'india'],
	['make in', 'make-in-india'],
	['sao tome', 'sao-tome'],
	['São Tomé', 'sao-tome'],
	['SAO TOMÉ', 'sao-tome'],
	['brahmos', 'brahmos']
];

// ---------------------------------------------------------------------------------------------------------------
// Candidates

interface Hit {
	key: string;
	match: string;
}

type Searcher = (query: string, limit: number) => Hit[];

interface Candidate {
	name: string;
	/** The npm package, for its version and the "not installed" message. */
	pkg: string;
	/** What the app would write to import it, bundled to measure its weight. */
	importCode: string;
	/** How it is configured here, for the table's notes. */
	config: string;
	build(entries: readonly SearchEntry[]): Promise<Searcher>;
}

/** Imports a package that may not be installed; the specifier is a variable so type-checking does not need it. */
async function load<T>(specifier: string): Promise<T> {
	const module = (await import(specifier)) as { default?: T } & T;
	return module.default ?? module;
}

/** Every name of every entity, flattened, with the entity it belongs to. */
function flatten(entries: readonly SearchEntry[]): { names: string[]; owner: number[] } {
	const names: string[] = [];
	const owner: number[] = [];
	entries.forEach((entry, i) => {
		for (const name of [entry.label, ...entry.aliases]) {
			names.push(name);
			owner.push(i);
		}
	});
	return { names, owner };
}

/** Keeps the first hit of each entity, in order, up to `limit`. */
function firstPerEntity(
	entries: readonly SearchEntry[],
	hits: Iterable<{ entity: number; match: string }>,
	limit: number
): Hit[] {
	const seen = new Set<number>();
	const out: Hit[] = [];
	for (const hit of hits) {
		if (seen.has(hit.entity)) continue;
		seen.add(hit.entity);
		const entry = entries[hit.entity];
		if (entry) out.push({ key: entry.key, match: hit.match });
		if (out.length >= limit) break;
	}
	return out;
}

interface MiniSearchLike {
	addAll(documents: readonly object[]): void;
	search(
		query: string,
		options: object
	): { id: number; match: Record<string, string[]>; terms: string[]; score: number }[];
}
type MiniSearchClass = new (options: object) => MiniSearchLike;

interface UFuzzyLike {
	search(
		haystack: string[],
		needle: string,
		outOfOrder?: number,
		infoThresh?: number
	): [number[] | null, { idx: number[] } | null, number[] | null];
}
type UFuzzyClass = (new (options: object) => UFuzzyLike) & { latinize(text: string): string };

type FuseClass = new (
	list: readonly object[],
	options: object
) => {
	search(
		query: string,
		options: { limit: number }
	): { refIndex: number; matches?: { key?: string; value?: string }[] }[];
};

interface FlexSearchModule {
	Index: new (options: object) => {
		add(id: number, text: string): void;
		search(query: string, options: object): number[];
	};
}

const wordsOf = (text: string) => normalizeName(text).split(/[^\p{L}\p{N}]+/u);

/** MiniSearch's results as hits: the label if a label term matched, else the alias holding a matched term. */
function miniSearchHits(
	entries: readonly SearchEntry[],
	results: ReturnType<MiniSearchLike['search']>,
	limit: number
): Hit[] {
	return firstPerEntity(
		entries,
		results.map((result) => {
			const entry = entries[result.id] as SearchEntry;
			const inLabel = Object.values(result.match).some((fields) => fields.includes('label'));
			const alias = entry.aliases.find((a) => result.terms.some((t) => wordsOf(a).includes(t)));
			return { entity: result.id, match: inLabel || !alias ? entry.label : alias };
		}),
		limit
	);
}

/** Both MiniSearch candidates index labels and aliases alike, normalized as the app does. */
async function miniSearchIndex(entries: readonly SearchEntry[]) {
	const MiniSearch = await load<MiniSearchClass>('minisearch');
	const index = new MiniSearch({
		fields: ['label', 'aliases'],
		extractField: (doc: { id: number; entry: SearchEntry }, field: string) =>
			field === 'id' ? doc.id : field === 'label' ? doc.entry.label : doc.entry.aliases.join('\n'),
		processTerm: (term: string) => normalizeName(term) || null
	});
	index.addAll(entries.map((entry, id) => ({ id, entry })));
	return index;
}

/** The search options both MiniSearch candidates share; they differ in how they treat prefixes. */
const MINISEARCH_OPTIONS = {
	fuzzy: (term: string) => (term.length < 4 ? false : term.length < 6 ? 1 : 2),
	maxFuzzy: 2,
	combineWith: 'AND',
	boost: { label: 2 }
};

const candidates: Candidate[] = [
	{
		name: 'MiniSearch',
		pkg: 'minisearch',
		importCode: "import MiniSearch from 'minisearch'; globalThis.x = MiniSearch;",
		config: 'prefix, fuzzy 1 (4–5 chars) / 2 (6+), AND, label boost 2',
		async build(entries) {
			const index = await miniSearchIndex(entries);
			const options = {
				prefix: true,
				...MINISEARCH_OPTIONS
			};
			return (query, limit) => miniSearchHits(entries, index.search(query, options), limit);
		}
	},
	{
		name: 'MiniSearch (tuned)',
		pkg: 'minisearch',
		importCode: "import MiniSearch from 'minisearch'; globalThis.x = MiniSearch;",
		config: 'as above, but prefix only for the last term and only from 3 characters',
		async build(entries) {
			const index = await miniSearchIndex(entries);
			const options = {
				prefix: (term: string, i: number, terms: string[]) => i === terms.length - 1 && term.length >= 3,
				...MINISEARCH_OPTIONS
			};
			return (query, limit) => miniSearchHits(entries, index.search(query, options), limit);
		}
	},
	{
		name: 'uFuzzy',
		pkg: '@leeoniya/ufuzzy',
		importCode: "import uFuzzy from '@leeoniya/ufuzzy'; globalThis.x = uFuzzy;",
		config: 'intraMode 1 (one error per term), word-start terms, info/sort when ≤1000 hits',
		async build(entries) {
			const UFuzzy = await load<UFuzzyClass>('@leeoniya/ufuzzy');
			const { names, owner } = flatten(entries);
			const haystack = names.map(normalizeName);
			const fuzzy = new UFuzzy({
				intraMode: 1,
				intraIns: 1,
				intraSub: 1,
				intraTrn: 1,
				intraDel: 1,
				interLft: 2
			});
			return (query, limit) => {
				const [idxs, info, order] = fuzzy.search(haystack, normalizeName(query), 0, 1000);
				if (!idxs) return [];
				const ranked = info && order ? order.map((i) => info.idx[i] as number) : idxs;
				return firstPerEntity(
					entries,
					ranked.map((i) => ({ entity: owner[i] as number, match: names[i] as string })),
					limit
				);
			};
		}
	},
	{
		name: 'Fuse.js',
		pkg: 'fuse.js',
		importCode: "import Fuse from 'fuse.js'; globalThis.x = Fuse;",
		config: 'threshold 0.3, ignoreLocation, ignoreDiacritics, label weight 2',
		async build(entries) {
			const Fuse = await load<FuseClass>('fuse.js');
			const fuse = new Fuse(entries, {
				keys: [
					{ name: 'label', weight: 2 },
					{ name: 'aliases', weight: 1 }
				],
				threshold: 0.3,
				ignoreLocation: true,
				ignoreDiacritics: true,
				includeMatches: true
			});
			return (query, limit) =>
				fuse.search(query, { limit }).map((result) => {
					const entry = entries[result.refIndex] as SearchEntry;
					return { key: entry.key, match: result.matches?.[0]?.value ?? entry.label };
				});
		}
	},
	{
		name: 'FlexSearch',
		pkg: 'flexsearch',
		importCode: "import { Index } from 'flexsearch'; globalThis.x = Index;",
		config: "Index per name, tokenize 'forward', encoder LatinBalance, suggest",
		async build(entries) {
			const { Index } = await load<FlexSearchModule>('flexsearch');
			const { names, owner } = flatten(entries);
			const index = new Index({ tokenize: 'forward', encoder: 'LatinBalance' });
			names.forEach((name, i) => index.add(i, name));
			return (query, limit) =>
				firstPerEntity(
					entries,
					index
						.search(query, { limit: limit * 4, suggest: true })
						.map((i) => ({ entity: owner[i] as number, match: names[i] as string })),
					limit
				);
		}
	},
	{
		name: 'search.ts (shipped)',
		pkg: '',
		importCode:
			"import { createSearchIndex } from './src/lib/graph/search.ts'; globalThis.x = createSearchIndex;",
		config: 'the module as the app uses it: library + ranking tiers',
		async build(entries) {
			const nodes = entries.map(({ key, label, type, aliases }) => ({
				key,
				attributes: { label, type, aliases }
			}));
			const index = createSearchIndex(searchCorpus({ nodeTypes: {}, edgeTypes: {} }, nodes, []));
			return (query, limit) => index.search(query, limit).entities.map(({ key, match }) => ({ key, match }));
		}
	}
];

// ---------------------------------------------------------------------------------------------------------------
// Measuring

const root = fileURLToPath(new URL('../..', import.meta.url));

function version(pkg: string): string | undefined {
	if (!pkg) return 'local';
	try {
		// Read the manifest by path: some packages' "exports" do not expose package.json.
		const file = `${root}/node_modules/${pkg}/package.json`;
		return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
	} catch {
		return undefined;
	}
}

/** Minified + gzipped bytes of what importing the candidate adds to a browser bundle. */
function gzipSize(importCode: string): number | string {
	const result = spawnSync(
		'npx',
		[
			'--no-install',
			'esbuild',
			'--bundle',
			'--minify',
			'--format=esm',
			'--platform=browser',
			'--log-level=error'
		],
		{ cwd: root, input: importCode, maxBuffer: 64 * 1024 * 1024 }
	);
	if (result.status !== 0) return `esbuild failed: ${result.stderr.toString().trim().split('\n')[0] ?? ''}`;
	return gzipSync(result.stdout, { level: 9 }).length;
}

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
	gc?.();
	return process.memoryUsage().heapUsed / 1024 / 1024;
};

interface Row {
	name: string;
	version: string;
	buildMs: number;
	heapMb?: number;
	p50: number;
	p95: number;
	max: number;
	slowest: string;
	keystrokes: number;
	gzip: number | string;
	quality: string;
	small: string;
	config: string;
}

/** How many of the spec's examples are in the top 10, with the rank of those not first and a wrong `match`. */
function checkQuality(search: Searcher): string {
	const misses: string[] = [];
	let found = 0;
	for (const [query, key] of QUALITY) {
		const rank = search(query, LIMIT).findIndex((hit) => hit.key === key);
		if (rank === -1) misses.push(`"${query}" missed`);
		else {
			found++;
			if (rank > 0) misses.push(`"${query}" #${rank + 1}`);
		}
	}
	const delhi = search('Delhi', LIMIT).find((hit) => hit.key === 'india');
	if (delhi && delhi.match !== 'New Delhi') misses.push(`Delhi match="${delhi.match}"`);
	return `${found}/${QUALITY.length}${misses.length ? `; ${misses.join(', ')}` : ''}`;
}

async function measure(candidate: Candidate, entries: readonly SearchEntry[]): Promise<Row | string> {
	const installed = version(candidate.pkg);
	if (!installed) return `${candidate.name}: not installed (npm install --no-save ${candidate.pkg})`;
	const before = heapMb();
	const start = performance.now();
	const search = await candidate.build(entries);
	const buildMs = performance.now() - start;
	const after = heapMb();

	const typed = keystrokes(TYPING_SCRIPT);
	for (const query of typed) search(query, LIMIT); // warm-up pass, not timed
	const times: { ms: number; query: string }[] = [];
	const began = performance.now();
	for (let pass = 0; pass < TIMED_PASSES && performance.now() - began < TIME_CAP_MS; pass++) {
		for (const query of typed) {
			const t0 = performance.now();
			search(query, LIMIT);
			times.push({ ms: performance.now() - t0, query });
		}
	}
	const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
	const slowest = times.reduce((a, b) => (b.ms > a.ms ? b : a));

	const quality = checkQuality(search);
	// The same examples on a graph of just the spec's entities, as in the shipped graph: no look-alikes.
	const small = checkQuality(await candidate.build(KNOWN));

	return {
		name: candidate.name,
		version: installed,
		buildMs,
		heapMb: gc ? after - before : undefined,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		max: percentile(sorted, 100),
		slowest: slowest.query,
		keystrokes: times.length,
		gzip: gzipSize(candidate.importCode),
		quality,
		small,
		config: candidate.config
	};
}

function table(rows: readonly Row[]): string {
	const header = [
		'library',
		'version',
		'build ms',
		'heap MB',
		'p50 ms',
		'p95 ms',
		'max ms',
		'slowest keystroke',
		'gzip B',
		'spec examples in top 10 at 100k (rank if not #1)',
		'same, on the 11 spec entities alone'
	];
	const lines = rows.map((r) => [
		r.name,
		r.version,
		r.buildMs.toFixed(0),
		r.heapMb === undefined ? '-' : r.heapMb.toFixed(0),
		r.p50.toFixed(2),
		r.p95.toFixed(2),
		r.max.toFixed(2),
		JSON.stringify(r.slowest),
		String(r.gzip),
		r.quality,
		r.small
	]);
	const out = [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`);
	return out.join('\n');
}

async function main(): Promise<void> {
	const entries = generateEntries(ENTITY_COUNT);
	const names = entries.reduce((n, e) => n + 1 + e.aliases.length, 0);
	console.log(
		`${entries.length} entities, ${names} names; ${keystrokes(TYPING_SCRIPT).length} keystrokes per pass, ` +
			`${TIMED_PASSES} timed passes; node ${process.version}`
	);
	console.log(
		`sample: ${entries
			.slice(0, 6)
			.map((e) => `${e.label}${e.aliases.length ? ` (${e.aliases.join(', ')})` : ''}`)
			.join('; ')}\n`
	);
	const rows: Row[] = [];
	const only = process.env.ONLY?.toLowerCase();
	for (const candidate of candidates) {
		if (only && !candidate.name.toLowerCase().includes(only)) continue;
		const row = await measure(candidate, entries);
		if (typeof row === 'string') console.log(row);
		else {
			rows.push(row);
			console.log(`${row.name}: done (${row.keystrokes} keystrokes timed)`);
		}
	}
	console.log(`\n${table(rows)}\n`);
	for (const row of rows) console.log(`${row.name}: ${row.config}`);
}

await main();
