import { part } from './part';

/** Messages of the library's, the plans' and the lesson plan's screens (kk, ru, en). */
export const library = part({
}, {
}, {
});
