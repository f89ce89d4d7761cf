import { Alert, Button, Group } from '@mantine/core';
import { errorText } from '../../../../lib/api-error.ts';

/** Save and undo for a section's draft; owners only (the page hides it for staff). */
export function SaveBar({ dirty, saving, error, onSave, onReset, label = 'Save' }: {
  dirty: boolean; saving: boolean; error: unknown; onSave: () => void; onReset: () => void; label?: string;
}) {
  return (
    <>
      {error != null && <Alert color="red" role="alert" title="Not saved" mt="sm">{errorText(error)}</Alert>}
      <Group gap="xs" mt="sm">
        <Button onClick={onSave} loading={saving} disabled={!dirty}>{label}</Button>
        <Button variant="default" onClick={onReset} disabled={!dirty || saving}>Undo changes</Button>
      </Group>
    </>
  );
}
