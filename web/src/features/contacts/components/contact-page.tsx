import { Anchor, Card, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { LoadError, Loading, NotFound } from '../../../components/page-states.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { formatPhone } from '../../../lib/format.ts';
import { isUuid } from '../../../lib/ids.ts';
import { useContact } from '../api/get-contact.ts';
import { ContactForm } from './contact-form.tsx';
import { ContactHistory } from './contact-history.tsx';

export default function ContactPage() {
  const { contactId } = useParams();
  return isUuid(contactId) ? <ContactView contactId={contactId} /> : <NotFound />;
}

/** One contact: its details to edit, its calls and its bookings. */
function ContactView({ contactId }: { contactId: string }) {
  const company = useCompany();
  const contact = useContact(company.id, contactId);

  if (contact.isPending) return <Loading label="Loading the contact" />;
  if (contact.isError) return <LoadError error={contact.error} retry={() => void contact.refetch()} />;
  const c = contact.data;

  return (
    <>
      <Anchor component={Link} to={`/companies/${company.id}/contacts`} size="sm">← All contacts</Anchor>
      <PageHeader title={c.name || 'Contact with no name'} description={
        <Group component="span" gap="xs">{c.phones.map((p) => <Anchor key={p} href={`tel:${p}`} size="sm">{formatPhone(p)}</Anchor>)}</Group>
      } />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder component="section" aria-label="Details">
          <Title order={2} size="h4" mb="xs">Details</Title>
          {/* Keyed by the saved version: a save elsewhere resets the form to what is stored. */}
          <ContactForm key={c.updatedAt as string} contact={c} companyId={company.id} />
        </Card>
        <Stack gap="md"><ContactHistory companyId={company.id} contactId={c.id} timeZone={company.timeZone} /></Stack>
      </SimpleGrid>
    </>
  );
}
