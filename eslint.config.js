import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layers of src/lib, and what each may not import. Imports point one way:
 * graph ← render ← explorer ← components ← hosts (routes, embed), with server and api beside the hosts
 * (docs/architecture.md has the picture). Only render imports sigma; only hosts and server-side code import
 * SvelteKit's `$app` modules (the embed never does: it runs without SvelteKit's client).
 */
/** @param {string[]} names */
const lib = (...names) => `(^\\$lib/|(^|/)\\.\\./)(${names.join('|')})(/|\\.|$)`;
const SIGMA = { regex: '^(sigma|@sigma/)', message: 'only src/lib/render imports sigma.' };
const APP = { regex: '^\\$app/', message: "SvelteKit's client modules belong to the hosts (src/routes)." };
/**
 * @param {string[]} files
 * @param {string[]} layers the layers (folders of src/lib, or its modules) these files may not import
 * @param {{ regex: string, message: string }[]} more other imports they may not make
 * @returns {import('eslint').Linter.Config}
 */
const layer = (files, layers, ...more) => ({
	files,
	rules: {
		'no-restricted-imports': [
			'error',
			{
				patterns: [
					{
						regex: lib(...layers),
						message: `layers point one way (docs/architecture.md): this one may not import ${layers.join(', ')}.`
					},
					...more
				]
			}
		]
	}
});
const LAYERS = [
	layer(
		['src/lib/graph/**'],
		['render', 'explorer', 'components', 'embed', 'api', 'server', 'links', 'site'],
		SIGMA,
		APP,
		{ regex: '^svelte(/|$)', message: 'the graph layer is framework-free.' }
	),
	layer(['src/lib/render/**'], ['explorer', 'components', 'embed', 'api', 'server'], APP, {
		regex: '^svelte(/|$)',
		message: 'the render layer is framework-free.'
	}),
	layer(['src/lib/explorer/**'], ['components', 'embed', 'api', 'server'], SIGMA, APP),
	layer(['src/lib/components/**'], ['embed', 'server'], SIGMA, APP),
	// The page head reads the page's address: the one component that is not part of the graph view.
	layer(['src/lib/components/PageMeta.svelte'], ['embed', 'server'], SIGMA),
	layer(['src/lib/embed/**'], ['server'], SIGMA, APP),
	layer(['src/lib/server/**', 'src/lib/api/**'], ['render', 'components', 'embed'], SIGMA),
	layer(['src/routes/**'], ['render'], SIGMA)
];

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Internal hrefs and goto() targets come from $lib/links (under the base path) or the current URL.
			'svelte/no-navigation-without-resolve': ['error', { ignoreLinks: true, ignoreGoto: true }]
		}
	},
	...LAYERS,
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		// svelte-check type-checks these, build constants (src/app.d.ts) included, as tsc does the .ts files.
		rules: { 'no-undef': 'off' }
	}
);
