/**
 * What only a story's frame needs (its navigator and its caption), in one module that the embed's script loads
 * for story pages alone (client.ts) and the server's layout imports for every page it renders.
 */
export { StoryNavigator } from './story-navigator.svelte';
export { default as StoryCaption } from './StoryCaption.svelte';
