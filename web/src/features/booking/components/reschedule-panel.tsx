import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { dayLabel } from '../../../lib/local-day.ts';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import type { Slot } from '../api/get-availability.ts';
import type { Booking } from '../api/list-bookings.ts';
import { useTechnicians } from '../api/list-technicians.ts';
import { useRescheduleBooking } from '../api/reschedule-booking.ts';
import { SlotPicker, slotLabel } from './slot-picker.tsx';
import { ANY, TechnicianChoice } from './technician-choice.tsx';

/** Move a booking to a time picked from real availability for its service and zip. */
export function ReschedulePanel({ booking, companyId, timeZone, onDone }: { booking: Booking; companyId: string; timeZone: string; onDone: () => void }) {
  const [slot, setSlot] = useState<Slot | null>(null);
  const [technicianId, setTechnicianId] = useState(booking.technicianId);
  const technicians = useTechnicians(companyId);
  const reschedule = useRescheduleBooking(companyId, booking.id);
  const queryClient = useQueryClient();
  const taken = reschedule.error instanceof ApiError && reschedule.error.code === 'SLOT_TAKEN';

  const submit = () => {
    if (!slot) return;
    const tech = slot.technicianIds.includes(technicianId) ? technicianId : ANY;
    reschedule.mutate({ start: slot.start, ...(tech !== ANY ? { technicianId: tech } : {}) }, {
      onSuccess: onDone,
      onError: (error) => {
        // Someone took the time first: show fresh times and let the person pick again.
        if (error instanceof ApiError && error.code === 'SLOT_TAKEN') {
          setSlot(null);
          void queryClient.invalidateQueries({ queryKey: ['companies', companyId, 'availability'] });
        }
      },
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reschedule-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="reschedule-title">Pick a new time</Title>
        {reschedule.isError && (
          <Alert color={taken ? 'yellow' : 'red'} role="alert" title={taken ? 'That time was just taken' : 'Not moved'}>
            {taken ? 'Another booking took that time a moment ago, so nothing was changed. The times below are fresh: pick another.' : errorText(reschedule.error)}
          </Alert>
        )}
        <SlotPicker companyId={companyId} timeZone={timeZone} serviceId={booking.serviceId} zip={booking.zip} value={slot} onChange={setSlot} />
        {slot && technicians.data && <TechnicianChoice slot={slot} technicians={technicians.data} value={technicianId} onChange={setTechnicianId} />}
        <Group gap="xs">
          <Button onClick={submit} disabled={!slot} loading={reschedule.isPending}>{slot ? `Move to ${dayLabel(slot.localDate)} ${slotLabel(slot)}` : 'Pick a time first'}</Button>
          <Button variant="default" onClick={onDone}>Keep the current time</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
