/** The diary's operations of the contract (spread into operations.ts). */
export const diaryOperations = {
} as const;
