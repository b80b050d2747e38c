// The baseline of open-bench.ts, bundled for the page: graphology-gexf's own browser parser, nothing else.
import Graph from 'graphology';
import { parse } from 'graphology-gexf/browser';

(window as unknown as { __parseGexf: (text: string) => number }).__parseGexf = (text) =>
	parse(Graph, text).order;
