import { part } from './part';

/** Messages of the class teacher's views (kk, ru, en). */
export const classTeacher = part({
}, {
}, {
});
