import { Anchor, Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { errorText } from '../../../lib/api-error.ts';
import { useCompanies } from '../api/list-companies.ts';
import { useSetCompanyStatus } from '../api/set-company-status.ts';
import { CreateCompanyForm } from './create-company-form.tsx';

type Company = NonNullable<ReturnType<typeof useCompanies>['data']>['items'][number];

export default function CompaniesPage() {
  const companies = useCompanies();
  const setStatus = useSetCompanyStatus();
  const navigate = useNavigate();
  const [creating, { open, close }] = useDisclosure();
  const [confirming, setConfirming] = useState<Company | null>(null);

  const changeStatus = (company: Company) => {
    const status = company.status === 'active' ? 'suspended' : 'active';
    setStatus.mutate({ companyId: company.id, status }, {
      onSuccess: () => notifications.show({ color: 'green', message: `${company.name} is ${status === 'active' ? 'active again' : 'suspended'}.` }),
      onError: (error) => notifications.show({ color: 'red', title: 'Could not change the status', message: errorText(error) }),
      onSettled: () => setConfirming(null),
    });
  };

  return (
    <>
      <PageHeader title="Companies" description="Every company on the platform" actions={<Button onClick={open}>New company</Button>} />
      {companies.isPending && <Loading label="Loading companies" />}
      {companies.isError && <LoadError error={companies.error} retry={() => void companies.refetch()} />}
      {companies.data && companies.data.items.length === 0 && <Empty title="No companies yet">Create the first one from a trade template.</Empty>}
      {companies.data && companies.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr><Table.Th>Company</Table.Th><Table.Th>Status</Table.Th><Table.Th>Trades</Table.Th><Table.Th>Time zone</Table.Th><Table.Th><span className="visually-hidden">Actions</span></Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {companies.data.items.map((company) => (
                <Table.Tr key={company.id}>
                  <Table.Td><Anchor component={Link} to={`/companies/${company.id}/overview`}>{company.name}</Anchor></Table.Td>
                  <Table.Td><Badge color={company.status === 'active' ? 'green' : 'red'} variant="light">{company.status}</Badge></Table.Td>
                  <Table.Td><Text size="sm">{company.tradeCategories.map((c) => c.name).join(', ') || '—'}</Text></Table.Td>
                  <Table.Td><Text size="sm">{company.timeZone}</Text></Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="compact-sm" variant="light" component={Link} to={`/companies/${company.id}/overview`} aria-label={`Open ${company.name}'s dashboard`}>Open</Button>
                      <Button size="compact-sm" variant="subtle" color={company.status === 'active' ? 'red' : 'green'} onClick={() => setConfirming(company)}>
                        {company.status === 'active' ? 'Suspend' : 'Resume'}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal opened={creating} onClose={close} title="New company from a trade template">
        <CreateCompanyForm onCreated={(companyId) => {
          close();
          notifications.show({ color: 'green', message: 'Company created. You are viewing its dashboard as the platform admin.' });
          navigate(`/companies/${companyId}/overview`);
        }} />
      </Modal>

      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={confirming?.status === 'active' ? `Suspend ${confirming?.name}?` : `Resume ${confirming?.name}?`}>
        <Text size="sm" mb="md">
          {confirming?.status === 'active'
            ? 'Its phone line and website chat stop taking new work, and its users can read but not change anything until you resume it.'
            : 'Its agent answers again and its users can work as before.'}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(null)}>Cancel</Button>
          <Button color={confirming?.status === 'active' ? 'red' : 'green'} loading={setStatus.isPending} onClick={() => confirming && changeStatus(confirming)}>
            {confirming?.status === 'active' ? 'Suspend' : 'Resume'}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
