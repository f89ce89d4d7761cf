import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { errorText } from '../../../lib/api-error.ts';
import { useUpdateBookingSettings } from '../api/booking-settings.ts';

/** Zips as pasted: any separators; kept as text so leading zeros survive (02134). */
export const parseZips = (text: string): string[] => [...new Set(text.split(/[^0-9-]+/).map((z) => z.trim()).filter(Boolean))];

export function AreaStep({ companyId, serviceArea, onDone }: { companyId: string; serviceArea: string[]; onDone: () => void }) {
  const [text, setText] = useState(serviceArea.join(', '));
  const update = useUpdateBookingSettings(companyId);
  const zips = parseZips(text);
  return (
    <Stack gap="xs">
      {update.isError && <Alert color="red" role="alert">{errorText(update.error)}</Alert>}
      <Textarea label="Zip codes you serve" description={`Paste them with any separators · ${zips.length} zip codes`} autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      <Group justify="flex-end"><Button loading={update.isPending} disabled={zips.length === 0} onClick={() => update.mutate({ serviceArea: zips }, { onSuccess: onDone })}>Save area and continue</Button></Group>
    </Stack>
  );
}
