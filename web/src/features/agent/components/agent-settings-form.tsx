import { Alert, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import type { AgentSettings, AgentSettingsDocument } from '../api/get-agent-settings.ts';
import { useSaveAgentSettings } from '../api/save-agent-settings.ts';
import { AFTER_HOURS, checkAgentSettings, DETAILS, LABELS, LANGUAGES, TONES } from './agent-fields.ts';
import { GreetingPreviewButton } from './greeting-preview-button.tsx';

type Props = { companyId: string; document: AgentSettingsDocument; editable: boolean; onReload: () => Promise<AgentSettingsDocument | undefined> };

/** The agent's settings as one form; a save is a new version, refused (409) if someone saved meanwhile. */
export function AgentSettingsForm({ companyId, document, editable, onReload }: Props) {
  const [draft, setDraft] = useState<AgentSettings>(document.settings);
  const [baseVersion, setBaseVersion] = useState(document.version);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const save = useSaveAgentSettings(companyId);
  const apiFields = save.error instanceof ApiError ? save.error.fields : {};
  const errors = { ...apiFields, ...checked };
  const conflict = save.error instanceof ApiError && save.error.code === 'CONFLICT';
  const dirty = JSON.stringify(draft) !== JSON.stringify(document.settings) || baseVersion !== document.version;

  const update = (patch: Partial<AgentSettings>) => setDraft((d) => ({ ...d, ...patch }));
  const locked = !editable || save.isPending;
  const field = (name: string) => ({ label: LABELS[name], error: errors[name], disabled: locked });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = checkAgentSettings(draft);
    setChecked(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate({ settings: draft, expectedVersion: baseVersion }, {
      onSuccess: (saved) => {
        setBaseVersion(saved.version);
        setDraft(saved.settings);
        notifications.show({ color: 'green', title: 'Agent settings saved', message: `Version ${saved.version} is what callers hear now.` });
      },
      onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: errorText(error) }),
    });
  };

  // After a lost edit: take their version (dropping ours), or keep ours and save over theirs.
  const reloadTheirs = async () => {
    const latest = await onReload();
    if (latest) { setDraft(latest.settings); setBaseVersion(latest.version); }
    save.reset();
  };
  const keepMine = async () => {
    const latest = await onReload();
    if (latest) setBaseVersion(latest.version);
    save.reset();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Agent settings">
        <Stack gap="lg">
          {conflict && (
            <Alert color="orange" title="Someone else saved the agent settings while you were editing" role="alert">
              <Text size="sm" mb="xs">Your edits were not saved, so theirs are not lost. Load their version, or keep your edits and save them over theirs.</Text>
              <Group gap="xs">
                <Button size="xs" variant="light" onClick={() => void reloadTheirs()}>Load their version</Button>
                <Button size="xs" variant="subtle" onClick={() => void keepMine()}>Keep my edits</Button>
              </Group>
            </Alert>
          )}
          {save.isError && !conflict && <Alert color="red" role="alert">{errorText(save.error)}</Alert>}
          {Object.keys(checked).length > 0 && <Alert color="red" role="alert">{errorText(new ApiError(400, 'VALIDATION_FAILED', ''))}</Alert>}

          <section aria-labelledby="agent-greeting">
            <Title order={2} size="h4" id="agent-greeting" mb="xs">Greeting</Title>
            <Stack gap="sm">
              <TextInput {...field('settings.agentName')} required maxLength={60} value={draft.agentName} onChange={(e) => update({ agentName: e.currentTarget.value })} />
              {(['openHours', 'afterHours'] as const).map((which) => (
                <Stack key={which} gap={4}>
                  <Textarea
                    {...field(`settings.greetings.${which}`)} required autosize minRows={2} maxLength={400}
                    description="May use {companyName} and {agentName}"
                    value={draft.greetings[which]}
                    onChange={(e) => { const v = e.currentTarget.value; setDraft((d) => ({ ...d, greetings: { ...d.greetings, [which]: v } })); }}
                  />
                  <GreetingPreviewButton companyId={companyId} which={which} unsavedText={draft.greetings[which] !== document.settings.greetings[which] ? draft.greetings[which] : null} />
                </Stack>
              ))}
            </Stack>
          </section>

          <section aria-labelledby="agent-behaviour">
            <Title order={2} size="h4" id="agent-behaviour" mb="xs">How the agent talks</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select {...field('settings.tone')} data={TONES} allowDeselect={false} value={draft.tone} onChange={(v) => v && update({ tone: v as AgentSettings['tone'] })} />
              <Select {...field('settings.language')} data={LANGUAGES} allowDeselect={false} value={draft.language} onChange={(v) => v && update({ language: v as AgentSettings['language'] })} />
            </SimpleGrid>
            <Stack gap="sm" mt="sm">
              <Textarea {...field('settings.businessDescription')} autosize minRows={2} maxLength={2000} value={draft.businessDescription} onChange={(e) => update({ businessDescription: e.currentTarget.value })} />
              <Textarea {...field('settings.instructions')} autosize minRows={3} maxLength={8000} value={draft.instructions} onChange={(e) => update({ instructions: e.currentTarget.value })} />
            </Stack>
          </section>

          <section aria-labelledby="agent-booking">
            <Title order={2} size="h4" id="agent-booking" mb="xs">Before booking</Title>
            <Checkbox.Group label={LABELS['settings.collectBeforeBooking']} error={errors['settings.collectBeforeBooking']} description="Asked in the order you tick them" value={draft.collectBeforeBooking} onChange={(v) => update({ collectBeforeBooking: v as AgentSettings['collectBeforeBooking'] })}>
              <Group mt="xs">{DETAILS.map((d) => <Checkbox key={d.value} value={d.value} label={d.label} disabled={locked} />)}</Group>
            </Checkbox.Group>
          </section>

          <section aria-labelledby="agent-transfers">
            <Title order={2} size="h4" id="agent-transfers" mb="xs">Transfers</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {(['main', 'emergencyOnCall'] as const).map((which) => (
                <TextInput
                  key={which} {...field(`settings.transferNumbers.${which}`)} type="tel" maxLength={40} placeholder="(312) 555-0100"
                  value={draft.transferNumbers[which] ?? ''}
                  onChange={(e) => { const v = e.currentTarget.value; setDraft((d) => ({ ...d, transferNumbers: { ...d.transferNumbers, [which]: v.trim() === '' ? null : v } })); }}
                />
              ))}
            </SimpleGrid>
            <Stack gap="xs" mt="sm">
              {(['callerAsksForPerson', 'emergency'] as const).map((which) => (
                <Switch
                  key={which} {...field(`settings.transferWhen.${which}`)} checked={draft.transferWhen[which]}
                  onChange={(e) => { const v = e.currentTarget.checked; setDraft((d) => ({ ...d, transferWhen: { ...d.transferWhen, [which]: v } })); }}
                />
              ))}
              <NumberInput
                {...field('settings.transferWhen.afterMisunderstandings')} description="0: never" min={0} max={10} allowDecimal={false} maw={320}
                value={draft.transferWhen.afterMisunderstandings}
                onChange={(v) => setDraft((d) => ({ ...d, transferWhen: { ...d.transferWhen, afterMisunderstandings: typeof v === 'number' ? v : Number.NaN } }))}
              />
            </Stack>
          </section>

          <section aria-labelledby="agent-after-hours">
            <Title order={2} size="h4" id="agent-after-hours" mb="xs">After hours and call length</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select {...field('settings.afterHours')} data={AFTER_HOURS} allowDeselect={false} value={draft.afterHours} onChange={(v) => v && update({ afterHours: v as AgentSettings['afterHours'] })} />
              <NumberInput {...field('settings.maxCallSeconds')} min={60} max={3600} step={60} allowDecimal={false} value={draft.maxCallSeconds} onChange={(v) => update({ maxCallSeconds: typeof v === 'number' ? v : Number.NaN })} />
            </SimpleGrid>
          </section>

          {editable && (
            <Group>
              <Button type="submit" loading={save.isPending} disabled={!dirty}>Save settings</Button>
              <Text size="sm" c="dimmed">{dirty ? 'Unsaved changes' : `Version ${document.version}`}</Text>
            </Group>
          )}
        </Stack>
    </form>
  );
}
