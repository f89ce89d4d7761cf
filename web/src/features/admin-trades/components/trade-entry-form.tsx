import { Alert, Button, Group, Stack, Switch, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { type TradeEntryInput, useSaveTradeEntry } from '../api/save-trade-entry.ts';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function TradeEntryForm({ tradeCategoryId, entry, onDone }: { tradeCategoryId: string; entry?: TradeEntryInput & { id: string }; onDone: () => void }) {
  const save = useSaveTradeEntry(tradeCategoryId);
  const [question, setQuestion] = useState(entry?.question ?? '');
  const [answer, setAnswer] = useState(entry?.answer ?? '');
  const [alternatives, setAlternatives] = useState((entry?.alternatives ?? []).join('\n'));
  const [enabled, setEnabled] = useState(entry?.enabled ?? true);
  const fields = save.error instanceof ApiError ? save.error.fields : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ ...(entry ? { id: entry.id } : {}), body: { question: question.trim(), answer: answer.trim(), alternatives: lines(alternatives), enabled } }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.isError && <Alert color="red" role="alert">{errorText(save.error)}</Alert>}
        <Textarea label="Question" required autosize minRows={1} maxLength={500} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} error={fields.question} />
        <Textarea label="Answer" description="What the agent says; short enough to read out on a call" required autosize minRows={3} maxLength={2000} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} error={fields.answer} />
        <Textarea label="Other ways callers ask it" description="One per line" autosize minRows={2} value={alternatives} onChange={(e) => setAlternatives(e.currentTarget.value)} error={fields.alternatives} />
        <Switch label="Companies in this trade use it" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending} disabled={!question.trim() || !answer.trim()}>Save entry</Button>
        </Group>
      </Stack>
    </form>
  );
}
