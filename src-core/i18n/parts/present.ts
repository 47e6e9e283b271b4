import { part } from './part';

/** Messages of the presentation: slides from resources, the presenter view, the board saved to the lesson (kk, ru, en). */
export const present = part({
}, {
}, {
});
