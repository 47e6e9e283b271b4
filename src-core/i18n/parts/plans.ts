import { part } from './part';

/** Messages of the plans (kk, ru, en). */
export const plans = part({
}, {
}, {
});
