/**
 * The script of a story's embed pages (vite.config.ts names it; the embed layout links it): mounts the embed with
 * the story's navigator and caption. An entity's caption loads when the reader first opens one.
 */
import * as storyKit from './story-kit';
import { mountEmbed } from './mount';

mountEmbed({ storyKit });
