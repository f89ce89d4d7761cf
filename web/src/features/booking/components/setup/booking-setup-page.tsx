import { Alert, Paper, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { LoadError, Loading } from '../../../../components/page-states.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { useCompany } from '../../../../lib/company-context.ts';
import { localDate } from '../../../../lib/format.ts';
import { canManage, useMe } from '../../../../lib/session.ts';
import { useBookingSettings } from '../../api/get-booking-settings.ts';
import { useServices } from '../../api/list-services.ts';
import { useTechnicians } from '../../api/list-technicians.ts';
import { AvailabilityPreview } from './availability-preview.tsx';
import { DatesSection } from './dates-section.tsx';
import { HoursSection } from './hours-section.tsx';
import { RulesSection } from './rules-section.tsx';
import { ServiceAreaSection } from './service-area-section.tsx';
import { ServicesSection } from './services-section.tsx';
import { TechniciansSection } from './technicians-section.tsx';
import { WindowsSection } from './windows-section.tsx';

/** The rules availability is computed from; owners change them, staff may read them. */
export default function BookingSetupPage() {
  const company = useCompany();
  // ?tab= opens a section directly (the Knowledge page links to the setting an answer contradicts).
  const [params] = useSearchParams();
  const me = useMe();
  const readOnly = !canManage(me.data);
  const settings = useBookingSettings(company.id);
  const services = useServices(company.id);
  const technicians = useTechnicians(company.id);

  const failed = [settings, services, technicians].find((q) => q.isError);
  if (failed) return <LoadError error={failed.error} retry={() => void failed.refetch()} />;
  if (!settings.data || !services.data || !technicians.data) return <Loading label="Loading the booking setup" />;
  const s = settings.data;
  // A save changes updatedAt: each section then starts a fresh draft from what was stored.
  const key = s.updatedAt ?? 'never';
  const common = { companyId: company.id, settings: s, readOnly };

  return (
    <>
      <PageHeader title="Booking setup" description={`What callers can book, and when. Times in ${s.timeZone}.`} />
      {readOnly && <Alert color="blue" mb="md" title="Read only">Only an owner of the company can change the booking setup.</Alert>}
      <Tabs defaultValue={params.get('tab') ?? 'hours'} keepMounted={false}>
        <Tabs.List mb="md" style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          <Tabs.Tab value="hours">Hours</Tabs.Tab>
          <Tabs.Tab value="dates">Dates and holidays</Tabs.Tab>
          <Tabs.Tab value="services">Services</Tabs.Tab>
          <Tabs.Tab value="technicians">Technicians</Tabs.Tab>
          <Tabs.Tab value="area">Service area</Tabs.Tab>
          <Tabs.Tab value="windows">Windows and on-call</Tabs.Tab>
          <Tabs.Tab value="rules">Rules</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="hours"><HoursSection key={key} {...common} /></Tabs.Panel>
        <Tabs.Panel value="dates"><DatesSection key={key} {...common} today={localDate(new Date(), s.timeZone)} /></Tabs.Panel>
        <Tabs.Panel value="services"><ServicesSection companyId={company.id} services={services.data} readOnly={readOnly} /></Tabs.Panel>
        <Tabs.Panel value="technicians"><TechniciansSection companyId={company.id} technicians={technicians.data} companyHours={s.weeklyHours} timeZone={s.timeZone} readOnly={readOnly} /></Tabs.Panel>
        <Tabs.Panel value="area"><ServiceAreaSection key={key} {...common} /></Tabs.Panel>
        <Tabs.Panel value="windows"><WindowsSection key={key} {...common} services={services.data} /></Tabs.Panel>
        <Tabs.Panel value="rules"><RulesSection key={key} {...common} /></Tabs.Panel>
      </Tabs>
      <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="preview-title">
        <Title order={2} size="h4" mb="sm" id="preview-title">Availability preview</Title>
        <AvailabilityPreview companyId={company.id} timeZone={s.timeZone} services={services.data} defaultZip={s.serviceArea[0] ?? ''} />
      </Paper>
    </>
  );
}
