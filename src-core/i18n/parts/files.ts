import { part } from './part';

/** Messages of the files: uploads, the resource library (ЦОР), the desktop client's cache (kk, ru, en). */
export const files = part({
}, {
}, {
});
