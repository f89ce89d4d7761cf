import { ApiError } from '../../../lib/api-error.ts';

/** Downloads the entries in the import format (a file the browser saves). */
export async function exportKnowledge(companyId: string, format: 'csv' | 'json'): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/companies/${companyId}/knowledge/export?format=${format}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '');
  }
  if (!response.ok) throw ApiError.from(response.status, await response.json().catch(() => undefined));
  const blob = format === 'csv' ? await response.blob() : new Blob([JSON.stringify(await response.json(), null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: `knowledge.${format}` });
  link.click();
  URL.revokeObjectURL(url);
}
