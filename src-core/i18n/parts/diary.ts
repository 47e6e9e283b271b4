import { part } from './part';

/** Messages of the diary (kk, ru, en). */
export const diary = part({
}, {
}, {
});
