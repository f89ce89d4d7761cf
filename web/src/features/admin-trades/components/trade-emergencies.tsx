import { Badge, Button, Card, Group, Stack, Switch, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Empty } from '../../../components/page-states.tsx';
import { errorText } from '../../../lib/api-error.ts';
import { useUpdateEmergency } from '../api/save-emergency.ts';
import type { TradeKnowledge } from '../api/trade-knowledge.ts';

type Emergency = TradeKnowledge['emergencies'][number];

function EmergencyCard({ tradeCategoryId, emergency }: { tradeCategoryId: string; emergency: Emergency }) {
  const update = useUpdateEmergency(tradeCategoryId);
  const [triggers, setTriggers] = useState(emergency.triggers.join('\n'));
  const [instruction, setInstruction] = useState(emergency.safetyInstruction);
  const save = (body: Parameters<typeof update.mutate>[0]['body']) => update.mutate({ emergencyId: emergency.id, body }, {
    onSuccess: () => notifications.show({ color: 'green', message: `${emergency.name} saved.` }),
    onError: (error) => notifications.show({ color: 'red', title: 'Could not save', message: errorText(error) }),
  });
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" mb="xs">
        <Group gap="xs"><Text fw={600}>{emergency.name}</Text><Badge color={emergency.severity === 'life_safety' ? 'red' : 'orange'}>{emergency.severity === 'life_safety' ? 'Life safety' : 'Urgent'}</Badge></Group>
        <Switch label="In use" checked={emergency.enabled} onChange={(e) => save({ enabled: e.currentTarget.checked })} />
      </Group>
      <Stack gap="xs">
        <Textarea label="Phrases that mean it" description="One per line" autosize minRows={2} value={triggers} onChange={(e) => setTriggers(e.currentTarget.value)} />
        <Textarea label="Safety instruction, read first word for word" autosize minRows={2} value={instruction} onChange={(e) => setInstruction(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button size="compact-sm" loading={update.isPending} onClick={() => save({ triggers: triggers.split('\n').map((t) => t.trim()).filter(Boolean), safetyInstruction: instruction.trim() })}>Save</Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function TradeEmergencies({ tradeCategoryId, emergencies }: { tradeCategoryId: string; emergencies: Emergency[] }) {
  if (emergencies.length === 0) return <Empty title="No emergencies defined for this trade" />;
  return <Stack>{emergencies.map((e) => <EmergencyCard key={e.id} tradeCategoryId={tradeCategoryId} emergency={e} />)}</Stack>;
}
