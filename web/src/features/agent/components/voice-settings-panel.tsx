import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import type { VoiceSettings, VoiceSettingsDocument } from '../api/get-voice-settings.ts';
import { useSaveVoiceSettings } from '../api/save-voice-settings.ts';
import { GreetingPreviewButton } from './greeting-preview-button.tsx';

const PROVIDERS = [
  { value: 'elevenlabs', label: 'ElevenLabs voice' },
  { value: 'twilio', label: "Phone network's built-in voice" },
];
const MODES = [
  { value: 'default', label: "The platform's default" },
  { value: 'gather', label: 'Turn by turn (most compatible)' },
  { value: 'relay', label: 'Streaming through Twilio (callers can interrupt)' },
  { value: 'stream', label: 'Streaming with our own speech (Deepgram and ElevenLabs; callers can interrupt)' },
];
const FRACTIONS = [
  { key: 'stability', label: 'Stability', min: 0, max: 1 },
  { key: 'similarityBoost', label: 'Similarity', min: 0, max: 1 },
  { key: 'style', label: 'Style', min: 0, max: 1 },
  { key: 'speed', label: 'Speed', min: 0.7, max: 1.2 },
] as const;

/** The agent's voice, and a preview of the saved greeting in it. */
export function VoiceSettingsPanel({ companyId, document, editable }: { companyId: string; document: VoiceSettingsDocument; editable: boolean }) {
  const [draft, setDraft] = useState<VoiceSettings>(document.settings);
  const save = useSaveVoiceSettings(companyId);
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const err = (name: string) => fields[`settings.${name}`];
  const disabled = !editable || save.isPending;
  const key = document.elevenLabsApiKey;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, {
      onSuccess: (saved) => { setDraft(saved.settings); notifications.show({ color: 'green', title: 'Voice saved', message: 'Calls speak with this voice now.' }); },
      onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: errorText(error) }),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Voice settings">
      <Stack>
        {save.isError && <Alert color="red" role="alert">{errorText(save.error)}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Voice" data={PROVIDERS} allowDeselect={false} disabled={disabled} error={err('provider')} value={draft.provider} onChange={(v) => v && setDraft({ ...draft, provider: v as VoiceSettings['provider'] })} />
          <TextInput label="Voice id" description={draft.provider === 'twilio' ? 'e.g. Polly.Joanna-Neural' : 'An ElevenLabs voice id'} disabled={disabled} error={err('voiceId')} maxLength={64} value={draft.voiceId} onChange={(e) => setDraft({ ...draft, voiceId: e.currentTarget.value })} />
        </SimpleGrid>
        <Select
          label="How calls are carried" data={MODES} allowDeselect={false} disabled={disabled} error={err('mode')} value={draft.mode}
          description="Streaming answers start within about a second and let the caller cut in; turn by turn waits for each whole answer."
          onChange={(v) => v && setDraft({ ...draft, mode: v as VoiceSettings['mode'] })}
        />
        {draft.provider === 'elevenlabs' && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {FRACTIONS.map((f) => (
                <NumberInput
                  key={f.key} label={f.label} min={f.min} max={f.max} step={0.05} decimalScale={2} disabled={disabled} error={err(f.key)}
                  value={draft[f.key]} onChange={(v) => setDraft({ ...draft, [f.key]: typeof v === 'number' ? v : Number.NaN })}
                />
              ))}
            </SimpleGrid>
            <TextInput label="Model" disabled={disabled} error={err('modelId')} maxLength={64} value={draft.modelId} onChange={(e) => setDraft({ ...draft, modelId: e.currentTarget.value })} />
            <Switch
              label="Use the company's own ElevenLabs key"
              description={key.set ? `Key set · …${key.last4 ?? ''}` : 'No key of your own is set (Settings → Secrets); the platform key is used if there is one.'}
              disabled={disabled} checked={draft.useOwnKey} onChange={(e) => setDraft({ ...draft, useOwnKey: e.currentTarget.checked })}
            />
          </>
        )}
        <GreetingPreviewButton companyId={companyId} which="openHours" unsavedText={null} />
        <Group>
          {editable && <Button type="submit" loading={save.isPending} disabled={JSON.stringify(draft) === JSON.stringify(document.settings)}>Save voice</Button>}
          {!editable && <Text size="sm" c="dimmed">Only an owner can change the voice.</Text>}
        </Group>
      </Stack>
    </form>
  );
}
