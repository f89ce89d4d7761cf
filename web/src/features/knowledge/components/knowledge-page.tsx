import { Grid, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { canManage, useMe } from '../../../lib/session.ts';
import { AskPanel } from './ask-panel.tsx';
import { CompanyEntries } from './company-entries.tsx';
import { ImportExportPanel } from './import-export-panel.tsx';
import { InheritedEntries } from './inherited-entries.tsx';
import { UnansweredList } from './unanswered-list.tsx';

const TABS = ['entries', 'ask', 'unanswered', 'import'] as const;
type Tab = (typeof TABS)[number];

export default function KnowledgePage() {
  const company = useCompany();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'entries';

  return (
    <>
      <PageHeader title="Knowledge" description="The answers your agent gives callers: your own, and those it inherits from your trades." />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'entries' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="entries">Answers</Tabs.Tab>
          <Tabs.Tab value="ask">Ask a question</Tabs.Tab>
          <Tabs.Tab value="unanswered">Unanswered</Tabs.Tab>
          <Tabs.Tab value="import">Import and export</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entries">
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6 }}><CompanyEntries companyId={company.id} /></Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}><InheritedEntries companyId={company.id} /></Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="ask"><AskPanel companyId={company.id} /></Tabs.Panel>
        <Tabs.Panel value="unanswered"><UnansweredList companyId={company.id} /></Tabs.Panel>
        <Tabs.Panel value="import"><ImportExportPanel companyId={company.id} canImport={canManage(me.data)} /></Tabs.Panel>
      </Tabs>
    </>
  );
}
