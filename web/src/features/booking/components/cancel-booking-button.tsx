import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useCancelBooking } from '../api/cancel-booking.ts';
import type { Booking } from '../api/list-bookings.ts';

/** Cancelling frees the slot and cannot be undone, so it asks first. */
export function CancelBookingButton({ booking, companyId }: { booking: Booking; companyId: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const cancel = useCancelBooking(companyId, booking.id);
  return (
    <>
      <Button color="red" variant="light" onClick={open}>Cancel booking</Button>
      <Modal opened={opened} onClose={close} title="Cancel this booking?">
        <Stack gap="sm">
          <Text size="sm">{booking.serviceName} for {booking.customerName}, {booking.label}. The time becomes free for other callers.</Text>
          <Textarea label="Reason (optional)" maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>Keep it</Button>
            <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate(reason.trim() ? { reason: reason.trim() } : {}, { onSuccess: close })}>Yes, cancel it</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
