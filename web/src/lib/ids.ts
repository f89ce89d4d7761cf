const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs are UUIDs: anything else is a page that does not exist, asked of nobody. */
export const isUuid = (s: string | undefined): s is string => UUID.test(s ?? '');
