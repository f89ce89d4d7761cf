import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { tradeKnowledgeKey } from './trade-knowledge.ts';

export interface EmergencyChange {
  triggers?: string[];
  safetyInstruction?: string;
  enabled?: boolean;
}

export function useUpdateEmergency(tradeCategoryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ emergencyId, body }: { emergencyId: string; body: EmergencyChange }) =>
      unwrap(api.PATCH('/api/trade-categories/{tradeCategoryId}/knowledge/emergencies/{emergencyId}', { params: { path: { tradeCategoryId, emergencyId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tradeKnowledgeKey(tradeCategoryId) }),
  });
}
