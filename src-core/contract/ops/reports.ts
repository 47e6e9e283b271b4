/** The reports's operations of the contract (spread into operations.ts). */
export const reportsOperations = {
} as const;
