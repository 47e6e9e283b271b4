import { part } from './part';

/** Messages of the reports (kk, ru, en). */
export const reports = part({
}, {
}, {
});
