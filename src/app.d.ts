// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/** SITE_URL at build time, without a trailing slash; empty when unset (vite.config.ts). */
	const __SITE_URL__: string;
	namespace App {
		interface Error {
			message: string;
		}
	}
}

export {};
