import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { entriesKey } from './list-entries.ts';

export type ImportFormat = 'csv' | 'json';

/** All or nothing: a bad row rejects the whole file (VALIDATION_FAILED with details.rows). */
export function importKnowledge(companyId: string, text: string, format: ImportFormat, mode: 'append' | 'replace') {
  const params = { path: { companyId }, query: { mode } };
  if (format === 'csv') {
    return unwrap(api.POST('/api/companies/{companyId}/knowledge/import', { params, body: text, headers: { 'content-type': 'text/csv' }, bodySerializer: (b) => b as string }));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const body = Array.isArray(parsed) ? { entries: parsed } : (parsed as { entries: unknown[] });
  return unwrap(api.POST('/api/companies/{companyId}/knowledge/import', { params, body }));
}

export function useImportKnowledge(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { text: string; format: ImportFormat; mode: 'append' | 'replace' }) => importKnowledge(companyId, input.text, input.format, input.mode),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: entriesKey(companyId) }),
  });
}
