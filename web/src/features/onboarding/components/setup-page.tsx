import { Anchor, Button, Group, List, Stepper, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { LoadError, Loading } from '../../../components/page-states.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { useBookingSettings } from '../api/booking-settings.ts';
import { useServices } from '../api/services.ts';
import { AreaStep } from './area-step.tsx';
import { HoursStep } from './hours-step.tsx';
import { PhoneStep } from './phone-step.tsx';
import { TestStep } from './test-step.tsx';

const LAST_STEP = 5;

/** From first sign-in to a working agent: trade → hours → services → area → phone → test. */
export default function SetupPage() {
  const company = useCompany();
  const [params, setParams] = useSearchParams();
  const step = Math.min(Math.max(Number(params.get('step') ?? 0) || 0, 0), LAST_STEP);
  const go = (next: number) => setParams((p) => { p.set('step', String(next)); return p; });
  const settings = useBookingSettings(company.id);
  const services = useServices(company.id);

  if (settings.isPending || services.isPending) return <Loading label="Loading your setup" />;
  if (settings.isError) return <LoadError error={settings.error} retry={() => void settings.refetch()} />;
  if (services.isError) return <LoadError error={services.error} retry={() => void services.refetch()} />;
  const trades = company.tradeCategories.map((c) => c.name).join(', ') || 'your trade';

  return (
    <>
      <PageHeader title="Get started" description="Six short steps to an agent that answers your phone" />
      <Stepper active={step} onStepClick={go} orientation="vertical" size="sm">
        <Stepper.Step label="Your trade" description={trades}>
          <Text size="sm" mb="sm">Your agent starts from the {trades} template: its greeting, services, hours and answers to common questions are filled in. Check each part next.</Text>
          <Button onClick={() => go(1)}>Continue</Button>
        </Stepper.Step>
        <Stepper.Step label="Hours" description="When callers can be booked">
          <HoursStep companyId={company.id} weeklyHours={settings.data.weeklyHours} onDone={() => go(2)} />
        </Stepper.Step>
        <Stepper.Step label="Services" description="What callers can book">
          <List size="sm" mb="sm">
            {services.data.items.map((s) => <List.Item key={s.id}>{s.name} · {s.durationMinutes} min{s.priceText ? ` · ${s.priceText}` : ''}</List.Item>)}
          </List>
          <Group>
            <Button onClick={() => go(3)}>These look right</Button>
            <Anchor component={Link} to={`/companies/${company.id}/booking-setup`} size="sm">Change services</Anchor>
          </Group>
        </Stepper.Step>
        <Stepper.Step label="Service area" description="The zip codes you cover">
          <AreaStep companyId={company.id} serviceArea={settings.data.serviceArea} onDone={() => go(4)} />
        </Stepper.Step>
        <Stepper.Step label="Phone number" description="Where callers reach the agent">
          <PhoneStep companyId={company.id} onDone={() => go(5)} />
        </Stepper.Step>
        <Stepper.Step label="Test your agent" description="Talk to it as a caller">
          <TestStep companyId={company.id} />
        </Stepper.Step>
      </Stepper>
    </>
  );
}
