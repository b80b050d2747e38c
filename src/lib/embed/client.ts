/**
 * The script of the embed pages of a graph or an entity (vite.config.ts names it; the embed layout links it):
 * mounts the embed with the entity's caption.
 */
import EntityPanel from '$lib/components/EntityPanel.svelte';
import { mountEmbed } from './mount';

mountEmbed({ entityPanel: EntityPanel });
