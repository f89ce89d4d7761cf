import { Alert, Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { dayLabel } from '../../../lib/local-day.ts';
import { Link, useNavigate } from 'react-router';
import { LoadError, Loading } from '../../../components/page-states.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { useCompany } from '../../../lib/company-context.ts';
import { useCreateBooking } from '../api/create-booking.ts';
import type { Slot } from '../api/get-availability.ts';
import { useServices } from '../api/list-services.ts';
import { useTechnicians } from '../api/list-technicians.ts';
import { SlotPicker, slotLabel } from './slot-picker.tsx';
import { ANY, TechnicianChoice } from './technician-choice.tsx';

const newKey = () => crypto.randomUUID();

/** Book by hand: a service and a zip give real open times; pick one and say who it is for. */
export default function NewBookingPage() {
  const company = useCompany();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const services = useServices(company.id);
  const technicians = useTechnicians(company.id);
  const create = useCreateBooking(company.id);
  const [serviceId, setServiceId] = useState('');
  const [zip, setZip] = useState('');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [technicianId, setTechnicianId] = useState(ANY);
  const [contact, setContact] = useState({ name: '', phone: '', address: '', notes: '' });
  // One key per booking being made: a double click or a retry after a dropped answer is one booking.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [missing, setMissing] = useState<Record<string, string>>({});

  if (services.isPending) return <Loading label="Loading services" />;
  if (services.isError) return <LoadError error={services.error} retry={() => void services.refetch()} />;

  const fieldError = (name: string) => missing[name] ?? (create.error instanceof ApiError ? create.error.fields[name] : undefined);
  const taken = create.error instanceof ApiError && create.error.code === 'SLOT_TAKEN';
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!slot) problems.slot = 'Pick a time';
    if (!contact.name.trim()) problems['contact.name'] = 'Enter a name';
    if (!contact.phone.trim()) problems['contact.phone'] = 'Enter a phone number';
    setMissing(problems);
    if (!slot || Object.keys(problems).length) return;
    create.mutate({
      idempotencyKey,
      body: {
        serviceId, zip: zip.trim(), start: slot.start,
        contact: { name: contact.name.trim(), phone: contact.phone.trim() },
        ...(contact.address.trim() ? { address: contact.address.trim() } : {}),
        ...(contact.notes.trim() ? { notes: contact.notes.trim() } : {}),
        ...(technicianId !== ANY && slot.technicianIds.includes(technicianId) ? { technicianId } : {}),
      },
    }, {
      onSuccess: (booking) => navigate(`/companies/${company.id}/bookings/${booking.id}`),
      onError: (error) => {
        setIdempotencyKey(newKey());
        if (error instanceof ApiError && error.code === 'SLOT_TAKEN') {
          setSlot(null);
          void queryClient.invalidateQueries({ queryKey: ['companies', company.id, 'availability'] });
        }
      },
    });
  };
  const pickService = (id: string) => { setServiceId(id); setSlot(null); };
  const pickZip = (value: string) => { setZip(value); setSlot(null); };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/companies/${company.id}/schedule`} size="sm">← Schedule</Anchor>
      <PageHeader title="New booking" description={`Times in ${company.timeZone}`} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">What and where</Title>
            <Group align="flex-start" gap="md" wrap="wrap">
              <Select label="Service" required data={services.data.filter((s) => s.active).map((s) => ({ value: s.id, label: `${s.name} (${s.durationMinutes} min)` }))} value={serviceId || null} onChange={(v) => pickService(v ?? '')} w={300} error={fieldError('serviceId')} />
              <TextInput label="Zip code" required value={zip} onChange={(e) => pickZip(e.currentTarget.value)} w={140} inputMode="numeric" maxLength={10} error={fieldError('zip')} />
            </Group>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">When</Title>
            {taken && <Alert color="yellow" role="alert" mb="sm" title="That time was just taken">Someone booked that time a moment ago, so nothing was booked. The times below are fresh: pick another.</Alert>}
            <SlotPicker companyId={company.id} timeZone={company.timeZone} serviceId={serviceId} zip={zip} value={slot} onChange={setSlot} />
            {missing.slot && <Alert color="red" mt="sm" role="alert">{missing.slot}</Alert>}
            {slot && technicians.data && <TechnicianChoice slot={slot} technicians={technicians.data} value={technicianId} onChange={setTechnicianId} />}
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">Who</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Contact name" required maxLength={200} value={contact.name} onChange={(e) => setContact({ ...contact, name: e.currentTarget.value })} error={fieldError('contact.name')} />
              <TextInput label="Phone" required type="tel" maxLength={40} value={contact.phone} onChange={(e) => setContact({ ...contact, phone: e.currentTarget.value })} error={fieldError('contact.phone')} />
              <TextInput label="Address" maxLength={500} value={contact.address} onChange={(e) => setContact({ ...contact, address: e.currentTarget.value })} error={fieldError('address')} />
              <Textarea label="Notes" maxLength={5000} autosize minRows={1} value={contact.notes} onChange={(e) => setContact({ ...contact, notes: e.currentTarget.value })} error={fieldError('notes')} />
            </SimpleGrid>
          </Paper>
          {create.isError && !taken && <Alert color="red" role="alert" title="Not booked">{errorText(create.error)}</Alert>}
          <Group>
            <Button type="submit" loading={create.isPending}>{slot ? `Book ${dayLabel(slot.localDate)} ${slotLabel(slot)}` : 'Book'}</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
