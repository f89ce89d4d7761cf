import { Anchor, Button, Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { LoadError, Loading, NotFound } from '../../../components/page-states.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { useConfirmBooking } from '../api/confirm-booking.ts';
import { useBooking } from '../api/get-booking.ts';
import { BookingDetails } from './booking-details.tsx';
import { isActive } from './booking-status.tsx';
import { CancelBookingButton } from './cancel-booking-button.tsx';
import { ReschedulePanel } from './reschedule-panel.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function BookingPage() {
  const { bookingId = '' } = useParams();
  if (!UUID.test(bookingId)) return <NotFound />;
  return <BookingView bookingId={bookingId} />;
}

function BookingView({ bookingId }: { bookingId: string }) {
  const company = useCompany();
  const booking = useBooking(company.id, bookingId);
  const confirm = useConfirmBooking(company.id, bookingId);
  const [rescheduling, setRescheduling] = useState(false);

  if (booking.isPending) return <Loading label="Loading the booking" />;
  if (booking.isError) return <LoadError error={booking.error} retry={() => void booking.refetch()} />;
  const b = booking.data;
  const back = `/companies/${company.id}/schedule?date=${b.localDate}`;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={back} size="sm">← Schedule for this day</Anchor>
      <PageHeader
        title={`${b.serviceName} for ${b.customerName}`}
        description={b.label}
        actions={isActive(b.status) && (
          <>
            {b.status === 'held' && <Button color="green" loading={confirm.isPending} onClick={() => confirm.mutate(undefined)}>Confirm request</Button>}
            {!rescheduling && <Button variant="default" onClick={() => setRescheduling(true)}>Reschedule</Button>}
            <CancelBookingButton booking={b} companyId={company.id} />
          </>
        )}
      />
      <Paper withBorder p="md"><BookingDetails booking={b} companyId={company.id} timeZone={company.timeZone} /></Paper>
      {rescheduling && isActive(b.status) && <ReschedulePanel booking={b} companyId={company.id} timeZone={company.timeZone} onDone={() => setRescheduling(false)} />}
    </Stack>
  );
}
