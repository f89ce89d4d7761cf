import { Button, Collapse, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { OUTCOMES } from '../../../components/outcome-badge.tsx';
import { hasFilters, type CallFilters } from './call-filters.ts';

const outcomeOptions = [{ value: '', label: 'Any outcome' }, ...Object.entries(OUTCOMES).map(([value, { label }]) => ({ value, label }))];
const channelOptions = [{ value: '', label: 'Any channel' }, { value: 'phone', label: 'Phone' }, { value: 'web', label: 'Test chat' }, { value: 'widget', label: 'Website chat' }];
const emergencyOptions = [{ value: '', label: 'All calls' }, { value: 'true', label: 'Emergencies only' }, { value: 'false', label: 'No emergencies' }];

/** The log's filters; each change goes to the URL (and back to the first page). */
export function CallsFilterBar({ filters, onChange }: { filters: CallFilters; onChange: (next: Partial<CallFilters>) => void }) {
  const [caller, setCaller] = useState(filters.caller);
  const pushCaller = useDebouncedCallback((value: string) => onChange({ caller: value }), 300);
  const set = (patch: Partial<CallFilters>) => onChange(patch);
  // On a phone the filters fold away behind one button, so the calls come first.
  const wide = useMediaQuery('(min-width: 48em)', undefined, { getInitialValueInEffect: false });
  const [open, { toggle }] = useDisclosure(false);
  const active = [filters.outcome, filters.channel, filters.emergency, filters.caller, filters.from, filters.to].filter(Boolean).length;

  const fields = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm" mb="md">
      <TextInput
        label="Caller"
        placeholder="Name or number"
        value={caller}
        onChange={(e) => {
          setCaller(e.currentTarget.value);
          pushCaller(e.currentTarget.value);
        }}
      />
      <NativeSelect label="Outcome" data={outcomeOptions} value={filters.outcome ?? ''} onChange={(e) => set({ outcome: (e.currentTarget.value || undefined) as CallFilters['outcome'] })} />
      <NativeSelect label="Emergency" data={emergencyOptions} value={filters.emergency ?? ''} onChange={(e) => set({ emergency: (e.currentTarget.value || undefined) as CallFilters['emergency'] })} />
      <NativeSelect label="Channel" data={channelOptions} value={filters.channel ?? ''} onChange={(e) => set({ channel: (e.currentTarget.value || undefined) as CallFilters['channel'] })} />
      <TextInput type="date" label="From" value={filters.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value || undefined })} />
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput type="date" label="To" style={{ flex: 1 }} value={filters.to ?? ''} min={filters.from} onChange={(e) => set({ to: e.currentTarget.value || undefined })} />
        {hasFilters(filters) && (
          <Button variant="subtle" onClick={() => {
            setCaller('');
            onChange({ caller: '', outcome: undefined, channel: undefined, emergency: undefined, from: undefined, to: undefined });
          }}>Clear</Button>
        )}
      </Group>
    </SimpleGrid>
  );
  if (wide) return fields;
  return (
    <>
      <Button variant="default" mb="sm" onClick={toggle} aria-expanded={open} aria-controls="call-filters">
        {open ? 'Hide filters' : `Filters${active ? ` (${active} on)` : ''}`}
      </Button>
      <Collapse expanded={open} id="call-filters">{fields}</Collapse>
    </>
  );
}
