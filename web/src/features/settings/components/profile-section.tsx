import { Alert, Button, Checkbox, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useMemo, useState } from 'react';
import { LoadError, Loading } from '../../../components/page-states.tsx';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { useCompany } from '../../../lib/company-context.ts';
import { useTradeCategories, useUpdateCompany } from '../api/company-profile.ts';

const saved = (title: string) => () => notifications.show({ color: 'green', title, message: 'Saved.' });
const failed = (error: unknown) => notifications.show({ color: 'red', title: 'Not saved', message: errorText(error) });

/** The company's name, time zone and trades. */
export function ProfileSection({ editable }: { editable: boolean }) {
  const company = useCompany();
  const [name, setName] = useState(company.name);
  const [timeZone, setTimeZone] = useState(company.timeZone);
  const [trades, setTrades] = useState(company.tradeCategories.map((t) => t.id));
  const profile = useUpdateCompany(company.id);
  const tradeSave = useUpdateCompany(company.id);
  const categories = useTradeCategories();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const fields = profile.error instanceof ApiError ? profile.error.fields : {};
  const nameProblem = name.trim() === '' ? 'is required' : name.length > 200 ? 'must be at most 200 characters' : undefined;
  const [tried, setTried] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (nameProblem) return;
    profile.mutate({ profile: { name: name.trim(), timeZone } }, { onSuccess: saved('Profile saved'), onError: failed });
  };

  return (
    <Stack gap="xl">
      <form onSubmit={submit} noValidate aria-label="Profile">
        <Stack maw={560}>
          <Title order={2} size="h4">Profile</Title>
          {profile.isError && <Alert color="red" role="alert">{errorText(profile.error)}</Alert>}
          <TextInput label="Company name" required maxLength={200} disabled={!editable} value={name} error={(tried && nameProblem) || fields.name} onChange={(e) => setName(e.currentTarget.value)} />
          <Select
            label="Time zone" description="Hours, bookings and every time shown are in this zone" searchable allowDeselect={false} disabled={!editable}
            data={zones.includes(timeZone) ? zones : [timeZone, ...zones]} value={timeZone} error={fields.timeZone} onChange={(v) => v && setTimeZone(v)}
          />
          {editable && <Group><Button type="submit" loading={profile.isPending} disabled={name === company.name && timeZone === company.timeZone}>Save profile</Button></Group>}
        </Stack>
      </form>
      <Stack maw={560}>
        <Title order={2} size="h4">Trades</Title>
        {categories.isPending ? <Loading label="Loading trades" /> : categories.isError ? <LoadError error={categories.error} /> : (
          <Checkbox.Group label="Trade categories" description="Your agent inherits each trade's shared answers and emergencies" value={trades} onChange={setTrades}>
            <Stack gap="xs" mt="xs">
              {categories.data.items.map((c) => <Checkbox key={c.id} value={c.id} label={c.name} description={c.description} disabled={!editable} />)}
            </Stack>
          </Checkbox.Group>
        )}
        {editable && (
          <Group>
            <Button
              loading={tradeSave.isPending}
              disabled={[...trades].sort().join() === company.tradeCategories.map((t) => t.id).sort().join()}
              onClick={() => tradeSave.mutate({ tradeCategoryIds: trades }, { onSuccess: saved('Trades saved'), onError: failed })}
            >Save trades</Button>
          </Group>
        )}
      </Stack>
    </Stack>
  );
}
