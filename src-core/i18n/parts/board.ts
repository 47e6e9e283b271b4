import { part } from './part';

/** Messages of the board (kk, ru, en). */
export const board = part({
}, {
}, {
});
