import { Select } from '@mantine/core';
import type { Slot } from '../api/get-availability.ts';
import type { Technician } from '../api/list-technicians.ts';

export const ANY = '';

/** Who takes a picked slot: any free technician (the server picks), or one of those free then. */
export function TechnicianChoice({ slot, technicians, value, onChange }: { slot: Slot; technicians: Technician[]; value: string; onChange: (id: string) => void }) {
  const free = technicians.filter((t) => slot.technicianIds.includes(t.id));
  return (
    <Select
      label="Technician"
      data={[{ value: ANY, label: 'Any free technician' }, ...free.map((t) => ({ value: t.id, label: t.name }))]}
      value={free.some((t) => t.id === value) ? value : ANY}
      onChange={(v) => onChange(v ?? ANY)}
      allowDeselect={false}
      w={260}
    />
  );
}
