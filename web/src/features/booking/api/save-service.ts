import { api, unwrap, type paths } from '../../../lib/api-client.ts';
import { setupSaved, useChangeMutation } from './change-mutation.ts';

export type ServiceChange = NonNullable<paths['/api/companies/{companyId}/services/{serviceId}']['patch']['requestBody']>['content']['application/json'];
type NewService = NonNullable<paths['/api/companies/{companyId}/services']['post']['requestBody']>['content']['application/json'];

/** Adds a service (no id) or changes one. */
export function useSaveService(companyId: string) {
  return useChangeMutation(
    companyId,
    'services',
    ({ id, body }: { id: string | null; body: ServiceChange }) => id
      ? unwrap(api.PATCH('/api/companies/{companyId}/services/{serviceId}', { params: { path: { companyId, serviceId: id } }, body }))
      : unwrap(api.POST('/api/companies/{companyId}/services', { params: { path: { companyId } }, body: body as NewService })),
    setupSaved('Service saved'),
  );
}
