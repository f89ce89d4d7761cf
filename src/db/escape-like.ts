/** Escapes LIKE/ILIKE wildcards so a person's search text matches itself. */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
