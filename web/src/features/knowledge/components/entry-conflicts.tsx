import { Alert, Anchor, Group, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { EntryConflicts } from '../api/list-conflicts.ts';

// Where each topic is set in the booking setup (its tabs).
const SETUP_TAB = { hours: 'hours', area: 'area', price: 'services', windows: 'windows' } as const;
const TOPIC = { hours: 'Opening hours', area: 'Service area', price: 'Prices', windows: 'Arrival windows' } as const;

/** What an entry says that the booking setup contradicts, with a way to fix either side. */
export function EntryConflictsNote({ companyId, found, onEdit }: { companyId: string; found: EntryConflicts; onEdit: () => void }) {
  const topics = [...new Set(found.conflicts.map((c) => c.topic))];
  return (
    <Alert color="orange" variant="light" title="Disagrees with your booking setup" p="xs" data-testid="entry-conflict">
      <Text size="xs" mb={4}>The agent answers these from the booking setup, so callers hear something else than this answer says.</Text>
      <List size="xs" spacing={4}>
        {found.conflicts.map((c, i) => (
          <List.Item key={i}><Text span size="xs" fw={600}>{TOPIC[c.topic]}:</Text> this answer says {c.says}; the booking setup says: {c.configured}</List.Item>
        ))}
      </List>
      <Group gap="sm" mt={6}>
        <Anchor component="button" type="button" size="xs" onClick={onEdit}>Edit this answer</Anchor>
        {topics.map((t) => (
          <Anchor key={t} component={Link} size="xs" to={`/companies/${companyId}/booking-setup?tab=${SETUP_TAB[t]}`}>Change the {TOPIC[t].toLowerCase()} setting</Anchor>
        ))}
      </Group>
    </Alert>
  );
}
