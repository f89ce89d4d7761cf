/**
 * The names of the fields an input sets (those not undefined). The audit log records which
 * fields changed, never their values: personal details must not outlive their record there.
 */
export const changedFields = (input: object): string[] => Object.entries(input).filter(([, v]) => v !== undefined).map(([k]) => k);
