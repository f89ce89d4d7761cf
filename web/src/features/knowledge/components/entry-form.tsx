import { Alert, Button, Group, Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import type { EntryInput } from '../api/save-entry.ts';

const lines = (text: string) => text.split('\n').map((s) => s.trim()).filter((s) => s !== '');

/** The checks the API makes on an entry, so most mistakes show before saving. */
export function checkEntry(input: EntryInput): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!input.question.trim()) problems.question = 'is required';
  else if (input.question.length > 500) problems.question = 'must be at most 500 characters';
  if (!input.answer.trim()) problems.answer = 'is required';
  else if (input.answer.length > 2000) problems.answer = 'must be at most 2000 characters';
  if (input.alternatives.length > 20 || input.alternatives.some((a) => a.length > 500)) problems.alternatives = 'at most 20 phrasings of at most 500 characters each';
  if (input.tags.length > 20 || input.tags.some((t) => t.length > 40)) problems.tags = 'at most 20 tags of at most 40 characters each';
  return problems;
}

// An API field such as `alternatives.3` belongs to its input.
const fieldErrors = (error: unknown): Record<string, string> => {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.split('.')[0]!, v]));
};

type Props = {
  title: string;
  initial: EntryInput;
  /** Only the question and answer (answering an unanswered question). */
  simple?: boolean;
  error: unknown;
  pending: boolean;
  onClose: () => void;
  onSubmit: (input: EntryInput) => void;
};

export function EntryFormModal({ title, initial, simple, error, pending, onClose, onSubmit }: Props) {
  const [question, setQuestion] = useState(initial.question);
  const [answer, setAnswer] = useState(initial.answer);
  const [alternatives, setAlternatives] = useState(initial.alternatives.join('\n'));
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [enabled, setEnabled] = useState(initial.enabled);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(error), ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { question: question.trim(), answer: answer.trim(), alternatives: lines(alternatives), tags: tags.split(',').map((t) => t.trim()).filter(Boolean), enabled };
    const problems = checkEntry(input);
    setChecked(problems);
    if (Object.keys(problems).length === 0) onSubmit(input);
  };

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {(error || Object.keys(checked).length > 0) && <Alert color="red" role="alert">{errorText(error ?? new ApiError(400, 'VALIDATION_FAILED', ''))}</Alert>}
          <TextInput label="Question" required maxLength={500} value={question} error={errors.question} onChange={(e) => setQuestion(e.currentTarget.value)} data-autofocus />
          <Textarea label="Answer" description="What the agent says: short enough to read out on a call" required autosize minRows={3} maxLength={2000} value={answer} error={errors.answer} onChange={(e) => setAnswer(e.currentTarget.value)} />
          {!simple && (
            <>
              <Textarea label="Other ways callers ask it" description="One per line" autosize minRows={2} value={alternatives} error={errors.alternatives} onChange={(e) => setAlternatives(e.currentTarget.value)} />
              <TextInput label="Tags" description="Separated by commas" value={tags} error={errors.tags} onChange={(e) => setTags(e.currentTarget.value)} />
              <Switch label="The agent uses this entry" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={pending}>Save entry</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
