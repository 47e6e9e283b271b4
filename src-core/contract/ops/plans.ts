/** The calendar-thematic plans' operations of the contract (spread into operations.ts). */
export const plansOperations = {
} as const;
