/**
 * The RDF reader (src/lib/graph/formats/rdf.ts): Turtle and N-Triples to graph data, rule by rule on small
 * fixtures (tests/fixtures/formats/rdf, README beside them says where the real ones come from), problems as
 * their printed lines; then properties: any input gets a well-formed answer and leaves Object.prototype alone,
 * and graphs written by n3's Writer as Turtle and as N-Triples read back with what they hold.
 */
import fc from 'fast-check';
import { DataFactory, type Quad, Writer } from 'n3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rdfReader, readRdf } from '../../../../src/lib/graph/formats/rdf';
import type { ReadGraph, ReadResult } from '../../../../src/lib/graph/formats/reader';
import { PROBLEM_CODES, formatProblem } from '../../../../src/lib/graph/problems';

const FIXTURES = 'tests/fixtures/formats/rdf';
const RUNS = 500;
const TIMEOUT = 60_000;
const DIRECTED = { type: 'directed', multi: true, allowSelfLoops: true };
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

const utf8 = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}`);

/** The graph of a reading that must succeed, without warnings unless `warnings` says which. */
function graphOf(result: ReadResult, warnings: string[] = []): ReadGraph {
	if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
	expect((result.warnings ?? []).map(formatProblem)).toEqual(warnings);
	// A reader's value is `unknown` to its callers; this one's is a ReadGraph, which expectWellFormed checks.
	return result.value as ReadGraph;
}

/** The printed problems of a reading that must fail. */
function problemsOf(result: ReadResult): string[] {
	expect(result.ok).toBe(false);
	return result.ok ? [] : result.problems.map(formatProblem);
}

const node = (graph: ReadGraph, key: string) => graph.nodes.find((entry) => entry.key === key)?.attributes;
const edgesOf = (graph: ReadGraph) =>
	graph.edges.map(({ source, target, attributes }) => `${source} -${String(attributes?.type)}-> ${target}`);

describe('rdfReader', () => {
	it('claims .ttl and .nt files', () => {
		expect(rdfReader.id).toBe('rdf');
		expect(rdfReader.name).toBe('RDF (Turtle, N-Triples)');
		expect(rdfReader.extensions).toEqual(['.ttl', '.nt']);
		expect(rdfReader.read('<http://e/a> <http://e/b> <http://e/c> .', 'g.nt')).toEqual(
			readRdf('<http://e/a> <http://e/b> <http://e/c> .', 'g.nt')
		);
	});
});

describe('decoding', () => {
	const text = '@prefix ex: <http://example.org/> .\nex:tea ex:label "Thé" .';

	it('reads text and UTF-8 bytes alike, with or without a byte-order mark', () => {
		const expected = readRdf(text, 'g.ttl');
		expect(graphOf(expected).nodes).toEqual([
			{ key: 'http://example.org/tea', attributes: { 'ex:label': 'Thé' } }
		]);
		for (const input of [utf8(text), `\uFEFF${text}`, utf8(`\uFEFF${text}`)]) {
			expect(readRdf(input, 'g.ttl')).toEqual(expected);
		}
	});

	it('refuses bytes that are not UTF-8', () => {
		expect(problemsOf(readRdf(new Uint8Array([0x3c, 0xff, 0x3e]), 'g.nt'))).toEqual([
			'g.nt: is not valid UTF-8 text (first bad byte at offset 1); save it as UTF-8'
		]);
	});

	it.each(['', ' \n\t', '\uFEFF'])('%j is an empty file', (empty) => {
		expect(problemsOf(readRdf(empty, 'g.ttl'))).toEqual([
			'g.ttl: is empty; Turtle states triples such as <a> <knows> <b> .'
		]);
		expect(problemsOf(readRdf(empty, 'g.nt'))).toEqual([
			'g.nt: is empty; N-Triples states triples such as <a> <knows> <b> .'
		]);
	});
});

describe('entities, names and values, from the fixtures', () => {
	it('prefixes.ttl: predicates shortened with the longest prefix that covers them, or left whole', () => {
		expect(graphOf(readRdf(fixture('prefixes.ttl'), 'prefixes.ttl'))).toEqual({
			attributes: {},
			options: DIRECTED,
			nodes: [
				{
					key: 'http://example.org/people/alice',
					attributes: {
						type: 'Person',
						'vocab:age': 34,
						':nickname': 'Al',
						'http://example.org/nested/path': 'deep',
						'http://other.example/score': 7
					}
				},
				{ key: 'http://example.org/people/bob', attributes: { type: 'Person', 'ex:age': 41 } }
			],
			edges: [
				{
					source: 'http://example.org/people/alice',
					target: 'http://example.org/people/bob',
					attributes: { type: 'vocab:knows', label: 'knows' }
				}
			]
		});
	});

	it('languages.ttl: English, then no language, then any; other names are aliases', () => {
		const graph = graphOf(readRdf(fixture('languages.ttl'), 'languages.ttl'));
		expect(graph.nodes).toEqual([
			{
				key: 'http://example.org/cologne',
				attributes: {
					label: 'Cologne',
					description: 'City on the Rhine',
					aliases: ['Köln', 'Colonia', 'Colonia Agrippina'],
					'rdfs:comment': 'Stadt am Rhein'
				}
			},
			// No language tag beats German; other languages alphabetically (de before it).
			{
				key: 'http://example.org/munich',
				attributes: { label: 'Munich', aliases: ['München', 'Monaco di Baviera'] }
			},
			{ key: 'http://example.org/vienna', attributes: { label: 'Wien', aliases: ['Vienne'] } },
			// The order of predicates comes first: foaf:name before dcterms:title, whatever their languages.
			{ key: 'http://example.org/bern', attributes: { label: 'Bern', aliases: ['Berne'] } },
			{
				key: 'http://example.org/zurich',
				attributes: { label: 'Zürich', description: 'City', 'skos:definition': 'A city in Switzerland' }
			},
			// A blank label is no label: import makes one from the key.
			{ key: 'http://example.org/basel', attributes: { 'ex:population': 170000 } },
			{
				key: 'http://example.org/geneva',
				attributes: { label: 'Geneva', description: 'Stadt', 'rdfs:comment': 'Ville' }
			}
		]);
	});

	it('blank-nodes.ttl: labelled and anonymous blank nodes; lists as one edge or value per member', () => {
		const graph = graphOf(readRdf(fixture('blank-nodes.ttl'), 'blank-nodes.ttl'));
		expect(graph.nodes).toEqual([
			{ key: 'http://example.org/alice', attributes: {} },
			{ key: '_:bob', attributes: { label: 'Bob', type: 'Person' } },
			{ key: '_:[1]', attributes: { label: 'Carol' } },
			{ key: '_:[2]', attributes: { label: 'Nobody' } },
			{ key: 'http://example.org/team', attributes: { 'ex:scores': '1; 2; 3' } }
		]);
		expect(edgesOf(graph)).toEqual([
			'http://example.org/alice -foaf:knows-> _:bob',
			'_:[1] -foaf:knows-> _:bob',
			'http://example.org/alice -foaf:knows-> _:[1]',
			'http://example.org/team -ex:members-> http://example.org/alice',
			'http://example.org/team -ex:members-> _:bob'
		]);
	});

	it('blank nodes are named the same on every reading (n3 counts across parses)', () => {
		const once = readRdf(fixture('blank-nodes.ttl'), 'blank-nodes.ttl');
		expect(readRdf(fixture('blank-nodes.ttl'), 'blank-nodes.ttl')).toEqual(once);
	});

	it('datatypes.ttl: xsd numbers as numbers when finite and exact, xsd:boolean as booleans, else text', () => {
		expect(graphOf(readRdf(fixture('datatypes.ttl'), 'datatypes.ttl')).nodes).toEqual([
			{
				key: 'http://example.org/thing',
				attributes: {
					'ex:integer': 42,
					'ex:decimal': 3.14,
					'ex:double': 6.02e23,
					'ex:int': -7,
					'ex:unsignedByte': 255,
					'ex:float': 1.5,
					'ex:padded': 12,
					'ex:infinite': 'INF',
					'ex:notANumber': 'NaN',
					'ex:notNumber': 'twelve',
					'ex:huge': '123456789012345678901234567890',
					'ex:yes': true,
					'ex:no': false,
					'ex:maybe': 'perhaps',
					'ex:date': '2024-02-29',
					'ex:dateTime': '2024-02-29T12:00:00Z',
					'ex:plain': 'text',
					'ex:tagged': 'texte',
					'ex:custom': 'x',
					// Several values in file order, each once.
					'ex:many': '3; 1; 2',
					'ex:mixed': 'a; 2'
				}
			}
		]);
	});

	it('types.ttl: local names unless two classes share one; generic types last; classes are no entities', () => {
		const graph = graphOf(readRdf(fixture('types.ttl'), 'types.ttl'));
		expect(graph.nodes).toEqual([
			{
				key: 'http://example.org/alice',
				attributes: { type: 'foaf:Person', types: 'schema:Person, Author, NamedIndividual' }
			},
			{ key: 'http://example.org/bob', attributes: { type: 'Author' } },
			{ key: 'http://example.org/thing', attributes: { type: 'Thing' } },
			{ key: 'http://example.org/acme', attributes: { type: 'Organization' } }
		]);
		expect(edgesOf(graph)).toEqual(['http://example.org/acme -ex:employs-> http://example.org/bob']);
	});

	it('simple.nt: N-Triples has no prefixes, so names are full IRIs; a property labels its edges', () => {
		expect(graphOf(readRdf(fixture('simple.nt'), 'simple.nt'))).toEqual({
			attributes: {},
			options: DIRECTED,
			nodes: [
				{
					key: 'http://example.org/alice',
					attributes: {
						label: 'Alice',
						type: 'http://xmlns.com/foaf/0.1/Person',
						'http://example.org/age': 34
					}
				},
				{ key: 'http://example.org/acme', attributes: { label: 'ACME Électrique 😀', type: 'Organization' } },
				{ key: '_:b0', attributes: { type: 'http://schema.org/Person' } },
				{ key: 'http://example.org/memberOf', attributes: { label: 'is a member of' } }
			],
			edges: [
				{
					source: 'http://example.org/alice',
					target: 'http://example.org/acme',
					attributes: { type: 'http://example.org/memberOf', label: 'is a member of' }
				},
				{
					source: '_:b0',
					target: 'http://example.org/acme',
					attributes: { type: 'http://example.org/worksFor', label: 'works for' }
				}
			]
		});
	});
});

describe('real files', () => {
	it('dbpedia-sample.nt (a DBpedia extract): literals typed, language tags dropped, edges by property', () => {
		const graph = graphOf(readRdf(fixture('dbpedia-sample.nt'), 'dbpedia-sample.nt'));
		expect(graph.nodes).toHaveLength(10);
		expect(node(graph, 'http://dbpedia.org/resource/Autism')).toEqual({
			label: 'Autism',
			'http://dbpedia.org/ontology/diseasesdb': '1142',
			'http://dbpedia.org/ontology/icd10': 'F84.0',
			'http://dbpedia.org/ontology/icd9': '299.00',
			'http://dbpedia.org/ontology/omim': 209850,
			'http://dbpedia.org/ontology/medlineplus': '001526',
			'http://dbpedia.org/ontology/emedicineSubject': 'med',
			'http://dbpedia.org/ontology/emedicineTopic': '3202',
			'http://dbpedia.org/ontology/meshId': 'D001321'
		});
		// An xsd:gYear is a date: text.
		expect(node(graph, 'http://dbpedia.org/resource/Aristotle')).toEqual({
			label: 'Aristotle',
			'http://dbpedia.org/ontology/birthYear': '0384'
		});
		expect(node(graph, 'http://dbpedia.org/resource/Parmenides')).toEqual({});
		expect(graph.edges).toHaveLength(9);
		expect(graph.edges[3]).toEqual({
			source: 'http://dbpedia.org/resource/Aristotle',
			target: 'http://dbpedia.org/resource/Parmenides',
			attributes: { type: 'http://dbpedia.org/ontology/influencedBy', label: 'influenced by' }
		});
	});

	it('wikibase-Q2-labels.nt (Wikibase RDF): one label, aliases in English first, the rest by language', () => {
		const graph = graphOf(readRdf(fixture('wikibase-Q2-labels.nt'), 'wikibase-Q2-labels.nt'));
		expect(node(graph, 'http://acme.test/Q2')).toEqual({
			label: 'Berlin',
			type: 'Item',
			description: 'German city',
			aliases: ['Berlin, Germany', 'Land Berlin', 'Берлин'],
			// The description in another language stays an attribute of its predicate.
			'http://schema.org/description': 'столица и одновременно земля Германии'
		});
		expect(node(graph, 'http://data.acme.test/Q2')).toEqual({
			type: 'Dataset',
			'http://schema.org/dateModified': '2014-11-04T03:11:05Z',
			'http://schema.org/softwareVersion': '0.0.1',
			'http://schema.org/version': 42
		});
		expect(edgesOf(graph)).toEqual([
			'http://data.acme.test/Q2 -http://creativecommons.org/ns#license-> http://creativecommons.org/publicdomain/zero/1.0/',
			'http://data.acme.test/Q2 -http://schema.org/about-> http://acme.test/Q2'
		]);
	});

	it('foaf-card.ttl (a WebID profile): relative IRIs resolved against the file, anonymous blank nodes', () => {
		const graph = graphOf(readRdf(fixture('foaf-card.ttl'), 'people/foaf-card.ttl'));
		expect(graph.nodes.map((entry) => entry.key)).toEqual([
			'file:///foaf-card.ttl#me',
			'mailto:jos.deroo@ugent.be',
			'https://josd.github.io/images/jdroo.jpg',
			'https://josd.github.io/',
			'https://josdroo.pod.knows.idlab.ugent.be/',
			'_:[1]',
			'_:[2]'
		]);
		expect(node(graph, 'file:///foaf-card.ttl#me')).toEqual({
			type: 'Person',
			'foaf:givenName': 'Jos',
			'foaf:familyName': 'De Roo',
			'vcard:title': 'R&D Engineer'
		});
		expect(node(graph, '_:[2]')).toEqual({
			type: 'GitHubAccount',
			'foaf:accountName': 'josd',
			'foaf:accountServiceHomepage': 'https://github.com/josd/'
		});
		expect(graph.edges.map(({ attributes }) => attributes)).toContainEqual({
			type: 'knows:hasAvailabilityCalendar',
			label: 'has availability calendar'
		});
	});

	it('owlapi-card.ttl (written by the OWL API): owl:NamedIndividual is not the type', () => {
		const graph = graphOf(readRdf(fixture('owlapi-card.ttl'), 'owlapi-card.ttl'));
		expect(graph.attributes).toEqual({});
		expect(node(graph, 'http://w3id.org/people/jpcik/me')).toEqual({
			label: 'Jean-Paul Calbimonte',
			type: 'Person',
			types: 'NamedIndividual',
			'foaf:family_name': 'Calbimonte',
			'foaf:givenname': 'Jean-Paul',
			'foaf:nick': 'jpcik'
		});
		expect(node(graph, 'http://aislab.hevs.ch/#this')).toEqual({
			label: 'Applied Intelligent Systems Lab (AISLAB)',
			type: 'Group',
			types: 'NamedIndividual'
		});
		// Declared properties are subjects, so entities, typed by their class.
		expect(node(graph, 'http://xmlns.com/foaf/0.1/nick')).toEqual({ type: 'AnnotationProperty' });
		expect(edgesOf(graph)).toContain(
			'http://aislab.hevs.ch/#this -foaf:member-> http://w3id.org/people/jpcik/me'
		);
	});

	it("vann.ttl (an ontology with SPARQL-style prefixes): the owl:Ontology's label and comment name the graph", () => {
		const graph = graphOf(readRdf(fixture('vann.ttl'), 'vann.ttl'));
		expect(graph.attributes).toEqual({
			title: 'Vocabulary annotation ontology',
			description:
				'The vocabulary annotation ontology is used to describe an ontology and the terms it defines.'
		});
		expect(node(graph, 'http://purl.org/vocab/vann/')).toEqual({
			label: 'Vocabulary annotation ontology',
			type: 'Ontology',
			description:
				'The vocabulary annotation ontology is used to describe an ontology and the terms it defines.',
			'vann:preferredNamespacePrefix': 'vann',
			'vann:preferredNamespaceUri': 'http://purl.org/vocab/vann/',
			'dcterms:issued': '2005-04-01'
		});
		expect(node(graph, '_:[1]')).toEqual({ label: 'Ian Davis' });
		expect(edgesOf(graph)).toContain(
			'http://purl.org/vocab/vann/changes -rdfs:subPropertyOf-> http://www.w3.org/2000/01/rdf-schema#seeAlso'
		);
		expect(graph.nodes).toHaveLength(12);
	});

	it('vann-undeclared-prefix.ttl (an earlier version of the same file) uses foaf: without declaring it', () => {
		expect(problemsOf(readRdf(fixture('vann-undeclared-prefix.ttl'), 'vann.ttl'))).toEqual([
			'vann.ttl: is not valid Turtle: the prefix "foaf:" is not declared (add @prefix foaf: <…> . before its first use) at line 29, column 9'
		]);
	});

	it('turtle-syntax-bad-missing-ns-dot-end.ttl (W3C test suite): a prefix name may not end with "."', () => {
		const name = 'turtle-syntax-bad-missing-ns-dot-end.ttl';
		expect(problemsOf(readRdf(fixture(name), name))).toEqual([
			`${name}: is not valid Turtle: unexpected "invalid.:" at line 2, column 9`
		]);
	});
});

describe('relationships', () => {
	const read = (body: string, file = 'g.ttl') =>
		graphOf(
			readRdf(
				`@prefix ex: <http://example.org/> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n${body}`,
				file
			)
		);

	it('are labelled by the property: its rdfs:label in the file, else its local name as words', () => {
		const graph = read(
			'ex:a ex:memberOf ex:b ; ex:has_part ex:b ; ex:hasISBN ex:b ; ex:P31 ex:b ; ex:knows ex:b ; ex:Knows ex:b ;\n' +
				'  <http://example.org/path/> ex:b ; ex:likes ex:b .\n' +
				'ex:likes rdfs:label "aime"@fr, "is fond of"@en .'
		);
		expect(graph.edges.map(({ attributes }) => attributes?.label)).toEqual([
			'member of',
			'has part',
			'has ISBN',
			'P31',
			'knows',
			'knows',
			'http://example.org/path/',
			'is fond of'
		]);
	});

	it('are directed, kept once each, and may loop', () => {
		const graph = read('ex:a ex:knows ex:b, ex:b, ex:a .\nex:b ex:knows ex:a .\nex:a ex:knows ex:b .');
		expect(edgesOf(graph)).toEqual([
			'http://example.org/a -ex:knows-> http://example.org/b',
			'http://example.org/a -ex:knows-> http://example.org/a',
			'http://example.org/b -ex:knows-> http://example.org/a'
		]);
		expect(graph.options).toEqual(DIRECTED);
	});

	it('rdf:type with a blank node is a relationship, with a literal an attribute', () => {
		const graph = read('ex:a a [ rdfs:label "Some class" ] ; a "Person" .');
		expect(graph.nodes).toEqual([
			// n3 gives the triples of a nested blank node first.
			{ key: '_:[1]', attributes: { label: 'Some class' } },
			{ key: 'http://example.org/a', attributes: { [RDF_TYPE]: 'Person' } }
		]);
		expect(edgesOf(graph)).toEqual([`http://example.org/a -${RDF_TYPE}-> _:[1]`]);
	});

	it('an RDF list that is not well formed stays the triples it is', () => {
		const graph = read(
			'@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n' +
				'ex:a ex:list _:l .\n_:l rdf:first ex:b ; rdf:rest ex:c .'
		);
		expect(edgesOf(graph)).toEqual([
			'http://example.org/a -ex:list-> _:l',
			'_:l -rdf:first-> http://example.org/b',
			'_:l -rdf:rest-> http://example.org/c'
		]);
	});

	it('nested lists give their members too', () => {
		const graph = read('ex:a ex:p ( ex:b ( ex:c "x" ) ) .');
		expect(edgesOf(graph)).toEqual([
			'http://example.org/a -ex:p-> http://example.org/b',
			'http://example.org/a -ex:p-> http://example.org/c'
		]);
		expect(node(graph, 'http://example.org/a')).toEqual({ 'ex:p': 'x' });
	});
});

describe("the graph's own attributes", () => {
	const read = (body: string) =>
		graphOf(
			readRdf(
				'@prefix dcterms: <http://purl.org/dc/terms/> .\n@prefix dcat: <http://www.w3.org/ns/dcat#> .\n' +
					'@prefix void: <http://rdfs.org/ns/void#> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n' +
					`@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n@prefix ex: <http://example.org/> .\n${body}`,
				'g.ttl'
			)
		).attributes;

	it('come from the one dcat:Dataset or void:Dataset, title and description in English first', () => {
		expect(
			read(
				'ex:d a dcat:Dataset ; dcterms:title "Teehandel"@de, "Tea trade"@en ; dcterms:description "Who sells tea" .'
			)
		).toEqual({ title: 'Tea trade', description: 'Who sells tea' });
		expect(read('ex:d a void:Dataset ; rdfs:label "Tea" ; rdfs:comment "About tea" .')).toEqual({
			title: 'Tea',
			description: 'About tea'
		});
	});

	it('come from the owl:Ontology before any dataset, and from none when there are two of a kind', () => {
		expect(
			read('ex:o a owl:Ontology ; rdfs:label "Onto" .\nex:d a dcat:Dataset ; dcterms:title "Data" .')
		).toEqual({
			title: 'Onto'
		});
		expect(
			read('ex:d a dcat:Dataset ; dcterms:title "One" .\nex:e a void:Dataset ; dcterms:title "Two" .')
		).toEqual({});
		expect(read('ex:a ex:p ex:b .')).toEqual({});
	});
});

describe('problems', () => {
	it.each([
		[
			'a statement without its final "."',
			'g.ttl',
			'@prefix ex: <http://e/> .\nex:a ex:b ex:c\nex:d ex:e ex:f .\n',
			'g.ttl: is not valid Turtle: expected ".", ";" or "," (a statement before it may be missing its final ".") at line 3, column 1'
		],
		[
			'an undeclared prefix',
			'g.ttl',
			'ex:a ex:b ex:c .\n',
			'g.ttl: is not valid Turtle: the prefix "ex:" is not declared (add @prefix ex: <…> . before its first use) at line 1, column 1'
		],
		[
			'a string not closed',
			'g.ttl',
			'@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b "unterminated .\n',
			'g.ttl: is not valid Turtle: a string is not closed, or holds a line break or a bad escape at line 3, column 11'
		],
		[
			'an IRI with a space',
			'g.ttl',
			'@prefix ex: <http://e/> .\nex:a ex:b <http://x y> .',
			'g.ttl: is not valid Turtle: an IRI is not closed, or holds a space or another character IRIs cannot have at line 2, column 11'
		],
		[
			'a file cut in the middle of a statement',
			'g.ttl',
			'@prefix ex: <http://e/> .\nex:a ex:b ex:c ,\n',
			'g.ttl: is not valid Turtle: the file ends in the middle of a statement (is it truncated, or a "." missing?) at line 3, column 1'
		],
		[
			'a literal as subject',
			'g.ttl',
			'@prefix ex: <http://e/> .\n"lit" ex:b ex:c .',
			'g.ttl: is not valid Turtle: a literal can only be an object, not a subject or a predicate at line 2, column 1'
		],
		[
			'a relative IRI in N-Triples',
			'g.nt',
			'<http://a> <http://b> <c> .',
			'g.nt: is not valid N-Triples: IRIs in N-Triples must be absolute (<http://…>) at line 1, column 23'
		],
		[
			'a prefixed name in N-Triples',
			'g.nt',
			'<http://a> <http://b> "x"@en .\n<http://a> <http://b> ex:c .',
			'g.nt: is not valid N-Triples: unexpected "ex:c" at line 2, column 23'
		],
		[
			'a control character',
			'g.ttl',
			'\u0000',
			'g.ttl: is not valid Turtle: unexpected "\\u0000" at line 1, column 1'
		],
		[
			'an error after CRLF line ends and a tab',
			'g.ttl',
			'@prefix ex: <http://e/> .\r\nex:a ex:b ex:c .\r\n\tex:a ex:b ex:c ex:d .\r\n',
			'g.ttl: is not valid Turtle: expected ".", ";" or "," (a statement before it may be missing its final ".") at line 3, column 17'
		]
	])('%s: one rdf.syntax problem, located', (_, file, text, line) => {
		const result = readRdf(text, file);
		expect(problemsOf(result)).toEqual([line]);
		expect(result.ok ? [] : result.problems.map((problem) => problem.code)).toEqual(['rdf.syntax']);
	});

	it('reports the first error of the file, not a bad token further down', () => {
		const text = '@prefix ex: <http://e/> .\nex:a ex:b ex:c\nex:d ex:e ex:f .\nex:g ex:h "not closed\n';
		expect(problemsOf(readRdf(text, 'g.ttl'))).toEqual([
			'g.ttl: is not valid Turtle: expected ".", ";" or "," (a statement before it may be missing its final ".") at line 3, column 1'
		]);
	});

	it('a file with no triples has nothing to show', () => {
		expect(problemsOf(readRdf('# only a comment\n@prefix ex: <http://e/> .\n', 'g.ttl'))).toEqual([
			'g.ttl: has no triples (statements such as <a> <knows> <b> .), so there is nothing to show'
		]);
	});

	it('statements about statements (RDF 1.2) are skipped with a warning; only them, nothing to show', () => {
		const text = 'PREFIX ex: <http://e/>\nex:a ex:b <<( ex:a ex:b ex:c )>> .\nex:a ex:b ex:c .';
		const graph = graphOf(readRdf(text, 'g.ttl'), [
			'warning: g.ttl: skipped 1 triple that states something about a triple (RDF 1.2 triple terms), which the explorer does not show'
		]);
		expect(edgesOf(graph)).toEqual(['http://e/a -ex:b-> http://e/c']);
		expect(
			problemsOf(readRdf('PREFIX ex: <http://e/>\nex:a ex:b <<( ex:a ex:b ex:c )>> .', 'g.ttl'))
		).toEqual(['g.ttl: has no resource to show: every triple was skipped']);
	});

	it('more triples, or entities, than the limit: format.too-many', () => {
		const text = '<http://e/a> <http://e/p> <http://e/b> .\n<http://e/c> <http://e/p> <http://e/d> .\n';
		expect(problemsOf(readRdf(text, 'g.nt', { maxElements: 1 }))).toEqual([
			'g.nt: has more than 1 triples; the explorer reads at most 1'
		]);
		expect(problemsOf(readRdf(text, 'g.nt', { maxElements: 3 }))).toEqual([
			'g.nt: has more than 3 entities; the explorer reads at most 3'
		]);
		expect(readRdf(text, 'g.nt', { maxElements: 4 }).ok).toBe(true);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const CODES = new Set(['file.empty', 'file.not-utf8', 'rdf.syntax', 'format.structure', 'format.too-many']);

/** A graph with keys, values and references as reader.ts describes them, or one located error problem. */
function expectWellFormed(result: ReadResult, text?: string): void {
	expect(typeof result.ok).toBe('boolean');
	if (!result.ok) {
		expect(result.problems).toHaveLength(1);
		const [problem] = result.problems;
		expect(CODES.has(problem?.code ?? '')).toBe(true);
		expect(problem?.severity).toBe('error');
		if (problem) expect(formatProblem(problem)).not.toMatch(/[\r\n\u2028\u2029]/);
		if (problem?.line !== undefined) {
			expect(Number.isInteger(problem.line) && problem.line > 0).toBe(true);
			if (text !== undefined) expect(problem.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
		}
		if (problem?.column !== undefined)
			expect(Number.isInteger(problem.column) && problem.column > 0).toBe(true);
		return;
	}
	for (const warning of result.warnings ?? []) {
		expect(warning.code).toBe('format.skipped');
		expect(warning.severity).toBe(PROBLEM_CODES['format.skipped']);
	}
	const graph = result.value as ReadGraph;
	expect(graph.options).toEqual(DIRECTED);
	expect(Object.keys(graph.attributes ?? {}).every((key) => ['title', 'description'].includes(key))).toBe(
		true
	);
	const keys = new Set(graph.nodes.map((entry) => entry.key));
	expect(keys.size).toBe(graph.nodes.length);
	expect(graph.nodes.length).toBeGreaterThan(0);
	for (const { key, attributes = {} } of graph.nodes) {
		expect(typeof key === 'string' && key !== '').toBe(true);
		expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
		for (const [name, value] of Object.entries(attributes)) {
			if (name === 'aliases') {
				expect(Array.isArray(value) && value.every((alias) => typeof alias === 'string')).toBe(true);
			} else {
				expect(['string', 'boolean'].includes(typeof value) || Number.isFinite(value)).toBe(true);
			}
		}
	}
	for (const { source, target, attributes } of graph.edges) {
		expect(keys.has(source) && keys.has(target)).toBe(true);
		expect(typeof attributes?.type === 'string' && attributes.type !== '').toBe(true);
		expect(typeof attributes?.label === 'string' && attributes.label !== '').toBe(true);
	}
}

const VALID = [
	'prefixes.ttl',
	'languages.ttl',
	'blank-nodes.ttl',
	'datatypes.ttl',
	'types.ttl',
	'simple.nt',
	'vann.ttl',
	'foaf-card.ttl',
	'dbpedia-sample.nt'
].map((name) => ({ name, text: fixture(name).toString('utf8') }));

/** What Turtle is made of, and what breaks it. */
const TURTLE_BITS = fc.constantFrom(
	...'.;,[]()<>"\'@^_:#\\ \n\t\rabcxyz019-+eE'.split(''),
	'"""',
	'<<(',
	')>>',
	'{|',
	'|}',
	'@prefix ',
	'PREFIX ',
	'ex:',
	'_:b',
	'\uFEFF',
	'\u2028',
	'é',
	'\ud800',
	'\u0000',
	'__proto__'
);

/** A valid file with a few characters inserted, overwritten or cut, and maybe cut short. */
const mutatedFile = fc
	.record({
		file: fc.nat(VALID.length - 1),
		edits: fc.array(fc.record({ at: fc.nat(), bit: TURTLE_BITS, insert: fc.boolean() }), {
			minLength: 1,
			maxLength: 4
		}),
		end: fc.option(fc.nat(), { nil: undefined })
	})
	.map(({ file, edits, end }) => {
		const { name, text: original } = VALID[file] as (typeof VALID)[number];
		let text = original;
		for (const { at, bit, insert } of edits) {
			const where = at % (text.length + 1);
			text = text.slice(0, where) + bit + text.slice(insert ? where : where + 1);
		}
		return { name, text: end === undefined ? text : text.slice(0, end % (text.length + 1)) };
	});

describe('property: any input gets a well-formed answer, never an exception', () => {
	it('arbitrary text, as Turtle and as N-Triples', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string({ unit: 'binary', maxLength: 300 }),
					fc.string({ unit: TURTLE_BITS, maxLength: 80 })
				),
				(text) => {
					expectWellFormed(readRdf(text, 'p.ttl'), text);
					expectWellFormed(readRdf(text, 'p.nt'), text);
				}
			),
			{ numRuns: RUNS }
		);
	});

	it('arbitrary bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
				expectWellFormed(readRdf(bytes, 'p.ttl'));
			}),
			{ numRuns: RUNS }
		);
	});

	it(
		'valid files with characters inserted, overwritten or cut',
		() => {
			let accepted = 0;
			fc.assert(
				fc.property(mutatedFile, ({ name, text }) => {
					const result = readRdf(text, name);
					expectWellFormed(result, text);
					if (result.ok) accepted++;
				}),
				{ numRuns: RUNS }
			);
			// Not vacuous: some edits land in comments or strings, most break the file.
			expect(accepted).toBeGreaterThan(RUNS * 0.02);
			expect(accepted).toBeLessThan(RUNS * 0.95);
		},
		TIMEOUT
	);
});

const HOSTILE = [
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'valueOf',
	'hasOwnProperty',
	'polluted'
];
const OBJECT_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

function expectPrototypeUnchanged(): void {
	expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_NAMES);
	expect(Object.getPrototypeOf(Object.prototype)).toBeNull();
	expect('polluted' in {}).toBe(false);
	expect(({} as Record<string, unknown>).value).toBeUndefined();
}

describe('property: no file changes Object.prototype', () => {
	it('names that are properties of Object.prototype are attribute names like any other', () => {
		const text =
			'@prefix ex: <http://example.org/> .\n@prefix constructor: <http://example.org/c/> .\n' +
			'ex:__proto__ ex:__proto__ "value" ; ex:constructor 1 ; constructor:toString ex:constructor ;\n' +
			'  <__proto__> "relative" .\n_:__proto__ ex:prototype _:constructor .';
		const graph = graphOf(readRdf(text, '__proto__.ttl'));
		expectWellFormed({ ok: true, value: graph });
		expect(graph.nodes.map((entry) => entry.key)).toEqual([
			'http://example.org/__proto__',
			'http://example.org/constructor',
			'_:__proto__',
			'_:constructor'
		]);
		const attributes = node(graph, 'http://example.org/__proto__') ?? {};
		expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
		expect(Object.keys(attributes)).toEqual(['ex:__proto__', 'ex:constructor', 'file:///__proto__']);
		expect(attributes['ex:__proto__']).toBe('value');
		expect(graph.edges.map(({ attributes: edge }) => edge)).toEqual([
			{ type: 'constructor:toString', label: 'to string' },
			{ type: 'ex:prototype', label: 'prototype' }
		]);
		expectPrototypeUnchanged();
	});

	it('holds for any mix of hostile names as prefixes, subjects, predicates and objects', () => {
		const name = fc.constantFrom(...HOSTILE);
		const resource = fc.oneof(
			name.map((local) => `ex:${local}`),
			name.map((local) => `_:${local}`),
			name.map((local) => `<${local}>`),
			name.map((local) => `<http://example.org/${local}>`)
		);
		const predicate = fc.oneof(
			name.map((local) => `ex:${local}`),
			name.map((local) => `constructor:${local}`),
			name.map((local) => `toString:${local}`),
			name.map((local) => `<${local}>`)
		);
		const object = fc.oneof(
			resource,
			name.map((local) => `"${local}"`),
			fc.constant('1')
		);
		const statement = fc.tuple(resource, predicate, object).map((terms) => `${terms.join(' ')} .`);
		const prefixes =
			'@prefix ex: <http://example.org/> .\n@prefix constructor: <http://example.org/c/> .\n' +
			'@prefix toString: <http://example.org/> .\n';
		fc.assert(
			fc.property(fc.array(statement, { minLength: 1, maxLength: 6 }), name, (statements, file) => {
				const text = prefixes + statements.join('\n');
				const result = readRdf(text, `${file}.ttl`);
				expectWellFormed(result, text);
				expect(result.ok).toBe(true);
				expectPrototypeUnchanged();
			}),
			{ numRuns: RUNS }
		);
	});
});

// Round trip: graphs written by n3's Writer read back with their entities, names, values and relationships.

const EX = 'http://example.org/';
const { namedNode, literal, quad } = DataFactory;

const nonBlank = fc
	.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
	.filter((text) => text.trim() !== '');
const entityArbitrary = fc.record({
	label: fc.option(fc.record({ text: nonBlank, language: fc.constantFrom('', 'en', 'fr', 'pt-BR') }), {
		nil: undefined
	}),
	type: fc.option(fc.constantFrom('Person', 'Place', 'Organisation'), { nil: undefined }),
	text: fc.option(fc.string({ unit: 'grapheme', maxLength: 20 }), { nil: undefined }),
	count: fc.option(fc.integer(), { nil: undefined }),
	// -0 reads back as 0, which is the same number to everyone but Object.is.
	ratio: fc.option(
		fc.double({ noNaN: true, noDefaultInfinity: true }).map((number) => (number === 0 ? 0 : number)),
		{ nil: undefined }
	),
	flag: fc.option(fc.boolean(), { nil: undefined }),
	date: fc.option(
		fc
			.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
			.map((date) => date.toISOString().slice(0, 10)),
		{ nil: undefined }
	)
});
type GeneratedEntity = typeof entityArbitrary extends fc.Arbitrary<infer T> ? T : never;
const PREDICATES = ['knows', 'memberOf', '__proto__', 'constructor'];

const graphArbitrary = fc.array(entityArbitrary, { minLength: 1, maxLength: 6 }).chain((entities) =>
	fc.record({
		entities: fc.constant(entities),
		links: fc.array(
			fc.record({
				from: fc.nat(entities.length - 1),
				to: fc.nat(entities.length - 1),
				predicate: fc.constantFrom(...PREDICATES)
			}),
			{ maxLength: 10 }
		)
	})
);

function quadsOf(
	entities: GeneratedEntity[],
	links: { from: number; to: number; predicate: string }[]
): Quad[] {
	const quads: Quad[] = [];
	const typed = (value: string, datatype: string) => literal(value, namedNode(XSD + datatype));
	entities.forEach((entity, index) => {
		const subject = namedNode(`${EX}e${index}`);
		const add = (predicate: string, object: Quad['object']) =>
			quads.push(quad(subject, namedNode(predicate), object));
		if (entity.label) {
			const { text, language } = entity.label;
			add(
				'http://www.w3.org/2000/01/rdf-schema#label',
				language === '' ? literal(text) : literal(text, language)
			);
		}
		if (entity.type) add(RDF_TYPE, namedNode(EX + entity.type));
		if (entity.text !== undefined) add(`${EX}text`, literal(entity.text));
		if (entity.count !== undefined) add(`${EX}count`, typed(String(entity.count), 'integer'));
		if (entity.ratio !== undefined) add(`${EX}ratio`, typed(String(entity.ratio), 'double'));
		if (entity.flag !== undefined) add(`${EX}flag`, typed(String(entity.flag), 'boolean'));
		if (entity.date !== undefined) add(`${EX}date`, typed(entity.date, 'date'));
	});
	for (const { from, to, predicate } of links) {
		quads.push(quad(namedNode(`${EX}e${from}`), namedNode(EX + predicate), namedNode(`${EX}e${to}`)));
	}
	return quads;
}

function written(quads: Quad[], format: 'Turtle' | 'N-Triples'): string {
	const writer = new Writer(format === 'Turtle' ? { format, prefixes: { ex: EX } } : { format });
	writer.addQuads(quads);
	let text = '';
	writer.end((error, result: string) => {
		if (error) throw error;
		text = result;
	});
	return text;
}

describe("property: graphs written by n3's Writer read back with what they hold", () => {
	it.each([
		['Turtle', 'round-trip.ttl', (local: string) => `ex:${local}`],
		['N-Triples', 'round-trip.nt', (local: string) => EX + local]
	] as const)(
		'as %s',
		(format, file, name) => {
			fc.assert(
				fc.property(graphArbitrary, ({ entities, links }) => {
					const quads = quadsOf(entities, links);
					const graph = graphOf(readRdf(written(quads, format), file));
					expectWellFormed({ ok: true, value: graph });

					const present = new Set(quads.flatMap(({ subject, object }) => [subject.value, object.value]));
					const expectedNodes = entities.flatMap((entity, index) => {
						const key = `${EX}e${index}`;
						if (!present.has(key)) return [];
						const attributes: Record<string, unknown> = {};
						if (entity.label) attributes.label = entity.label.text;
						if (entity.type) attributes.type = entity.type;
						if (entity.text !== undefined) attributes[name('text')] = entity.text;
						if (entity.count !== undefined) attributes[name('count')] = entity.count;
						if (entity.ratio !== undefined) attributes[name('ratio')] = entity.ratio;
						if (entity.flag !== undefined) attributes[name('flag')] = entity.flag;
						if (entity.date !== undefined) attributes[name('date')] = entity.date;
						return [{ key, attributes }];
					});
					const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
					expect([...graph.nodes].sort(byKey)).toEqual(expectedNodes.sort(byKey));

					const expectedEdges = new Set(
						links.map(({ from, to, predicate }) => `${EX}e${from} -${name(predicate)}-> ${EX}e${to}`)
					);
					expect(new Set(edgesOf(graph))).toEqual(expectedEdges);
					expect(graph.edges).toHaveLength(expectedEdges.size);
				}),
				{ numRuns: RUNS }
			);
		},
		TIMEOUT
	);
});
