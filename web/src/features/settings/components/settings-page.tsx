import { Alert, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { canManage, useMe } from '../../../lib/session.ts';
import { ApiTokensSection } from './api-tokens-section.tsx';
import { AuditSection } from './audit-section.tsx';
import { ConfigSection } from './config-section.tsx';
import { PhoneNumbersSection } from './phone-numbers-section.tsx';
import { ProfileSection } from './profile-section.tsx';
import { SecretsSection } from './secrets-section.tsx';
import { UsersSection } from './users-section.tsx';
import { WidgetSection } from './widget-section.tsx';

const ALL = [
  { value: 'profile', label: 'Profile and trades', owner: false },
  { value: 'phone-numbers', label: 'Phone numbers', owner: false },
  { value: 'users', label: 'Users', owner: false },
  { value: 'widget', label: 'Website chat', owner: true },
  { value: 'api-tokens', label: 'API tokens', owner: true },
  { value: 'secrets', label: 'Secrets', owner: true },
  { value: 'audit', label: 'Audit log', owner: true },
  { value: 'config', label: 'Configuration', owner: true },
] as const;

export default function SettingsPage() {
  const company = useCompany();
  const me = useMe();
  const owner = canManage(me.data);
  // Staff may look at the profile, numbers and people; credentials and the log are the owner's.
  const tabs = ALL.filter((t) => owner || !t.owner);
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((t) => t.value === params.get('tab'))?.value ?? 'profile';

  return (
    <>
      <PageHeader title="Settings" description="Your company, its numbers and people, and the keys integrations use." />
      {!owner && <Alert color="indigo" role="note" mb="md">Only an owner can change settings.</Alert>}
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'profile' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">{tabs.map((t) => <Tabs.Tab key={t.value} value={t.value}>{t.label}</Tabs.Tab>)}</Tabs.List>
        <Tabs.Panel value="profile"><ProfileSection key={company.updatedAt} editable={owner} /></Tabs.Panel>
        <Tabs.Panel value="phone-numbers"><PhoneNumbersSection companyId={company.id} editable={owner} /></Tabs.Panel>
        <Tabs.Panel value="users"><UsersSection companyId={company.id} editable={owner} /></Tabs.Panel>
        {owner && (
          <>
            <Tabs.Panel value="widget"><WidgetSection companyId={company.id} /></Tabs.Panel>
            <Tabs.Panel value="api-tokens"><ApiTokensSection companyId={company.id} /></Tabs.Panel>
            <Tabs.Panel value="secrets"><SecretsSection companyId={company.id} /></Tabs.Panel>
            <Tabs.Panel value="audit"><AuditSection companyId={company.id} /></Tabs.Panel>
            <Tabs.Panel value="config"><ConfigSection companyId={company.id} slug={company.slug} /></Tabs.Panel>
          </>
        )}
      </Tabs>
    </>
  );
}
