import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorText } from '../../../lib/api-error.ts';
import { type GreetingKind, useGreetingPreview } from '../api/get-greeting-preview.ts';

const NAMES: Record<GreetingKind, string> = { openHours: 'opening-hours greeting', afterHours: 'after-hours greeting' };

function speakInBrowser(text: string): boolean {
  if (!('speechSynthesis' in window)) return false;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  return true;
}

/**
 * Plays a greeting as callers hear it: the saved greeting's ElevenLabs clip when the company
 * has one, otherwise the browser's own voice. Unsaved text has no clip yet, so the browser speaks it.
 */
export function GreetingPreviewButton({ companyId, which, unsavedText }: { companyId: string; which: GreetingKind; unsavedText: string | null }) {
  const preview = useGreetingPreview(companyId);
  const [how, setHow] = useState<string | null>(null);

  const play = () => {
    if (unsavedText !== null) {
      setHow(speakInBrowser(unsavedText) ? "Unsaved text, spoken by your browser's voice." : 'This browser cannot speak text.');
      return;
    }
    preview.mutate(which, {
      onSuccess: ({ text, audioPath }) => {
        if (audioPath) {
          setHow('The ElevenLabs clip callers hear.');
          new Audio(audioPath).play().catch(() => setHow('The clip could not be played in this browser.'));
        } else {
          setHow(speakInBrowser(text) ? "Spoken by your browser's voice: no ElevenLabs voice is set up." : 'This browser cannot speak text.');
        }
      },
      onError: (error) => notifications.show({ color: 'red', title: 'No preview', message: errorText(error) }),
    });
  };

  return (
    <Group gap="xs">
      {/* Listening changes nothing: staff may use it too. */}
      <Button type="button" size="compact-sm" variant="light" onClick={play} loading={preview.isPending}>
        Hear the {NAMES[which]}
      </Button>
      {how && <Text size="xs" c="dimmed" role="status">{how}</Text>}
    </Group>
  );
}
