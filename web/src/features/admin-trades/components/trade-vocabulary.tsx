import { Button, Group, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorText } from '../../../lib/api-error.ts';
import { useSaveVocabulary } from '../api/save-vocabulary.ts';
import type { TradeKnowledge } from '../api/trade-knowledge.ts';

type Group = TradeKnowledge['vocabulary'][number];
const terms = (text: string) => text.split(',').map((t) => t.trim()).filter(Boolean);

function VocabularyRow({ tradeCategoryId, group }: { tradeCategoryId: string; group?: Group }) {
  const save = useSaveVocabulary(tradeCategoryId);
  const [text, setText] = useState(group?.terms.join(', ') ?? '');
  const submit = () => save.mutate({ ...(group ? { id: group.id } : {}), terms: terms(text) }, {
    onSuccess: () => { if (!group) setText(''); notifications.show({ color: 'green', message: 'Words saved.' }); },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not save', message: errorText(error) }),
  });
  return (
    <Group align="flex-end" wrap="nowrap">
      <TextInput flex={1} label={group ? `Words for "${group.terms[0]}"` : 'New group of words that mean the same'} description={group ? undefined : 'At least two, separated by commas'} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      <Button variant="light" loading={save.isPending} disabled={terms(text).length < 2} onClick={submit}>{group ? 'Save' : 'Add'}</Button>
    </Group>
  );
}

export function TradeVocabulary({ tradeCategoryId, vocabulary }: { tradeCategoryId: string; vocabulary: Group[] }) {
  return (
    <Stack>
      <VocabularyRow tradeCategoryId={tradeCategoryId} />
      {vocabulary.map((group) => <VocabularyRow key={group.id} tradeCategoryId={tradeCategoryId} group={group} />)}
    </Stack>
  );
}
