import { api, unwrap, type paths } from '../../../lib/api-client.ts';
import { setupSaved, useChangeMutation } from './change-mutation.ts';

export type TechnicianChange = NonNullable<paths['/api/companies/{companyId}/technicians/{technicianId}']['patch']['requestBody']>['content']['application/json'];
type NewTechnician = NonNullable<paths['/api/companies/{companyId}/technicians']['post']['requestBody']>['content']['application/json'];

/** Adds a technician (no id) or changes one. */
export function useSaveTechnician(companyId: string) {
  return useChangeMutation(
    companyId,
    'technicians',
    ({ id, body }: { id: string | null; body: TechnicianChange }) => id
      ? unwrap(api.PATCH('/api/companies/{companyId}/technicians/{technicianId}', { params: { path: { companyId, technicianId: id } }, body }))
      : unwrap(api.POST('/api/companies/{companyId}/technicians', { params: { path: { companyId } }, body: body as NewTechnician })),
    setupSaved('Technician saved'),
  );
}
