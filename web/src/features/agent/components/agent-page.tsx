import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { LoadError, Loading } from '../../../components/page-states.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { canManage, useMe } from '../../../lib/session.ts';
import { useAgentSettings } from '../api/get-agent-settings.ts';
import { useVoiceSettings } from '../api/get-voice-settings.ts';
import { AgentSettingsForm } from './agent-settings-form.tsx';
import { EmergenciesPanel } from './emergencies-panel.tsx';
import { TestChat } from './test-chat.tsx';
import { VersionHistory } from './version-history.tsx';
import { VoiceSettingsPanel } from './voice-settings-panel.tsx';

const TABS = ['settings', 'emergencies', 'voice', 'history', 'test'] as const;
type Tab = (typeof TABS)[number];

export default function AgentPage() {
  const company = useCompany();
  const me = useMe();
  const editable = canManage(me.data);
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'settings';
  const agent = useAgentSettings(company.id);
  const voice = useVoiceSettings(company.id);

  return (
    <>
      <PageHeader title="Agent" description={editable ? 'What your receptionist says and how it handles calls.' : 'What your receptionist says and how it handles calls. Only an owner can change these settings.'} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'settings' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="settings">Settings</Tabs.Tab>
          <Tabs.Tab value="emergencies">Emergencies</Tabs.Tab>
          <Tabs.Tab value="voice">Voice</Tabs.Tab>
          <Tabs.Tab value="history">Versions</Tabs.Tab>
          <Tabs.Tab value="test">Test your agent</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="settings">
          {agent.isPending ? <Loading label="Loading the agent settings" />
            : agent.isError ? <LoadError error={agent.error} retry={() => void agent.refetch()} />
            : <AgentSettingsForm key={company.id} companyId={company.id} document={agent.data} editable={editable} onReload={async () => (await agent.refetch()).data} />}
        </Tabs.Panel>
        <Tabs.Panel value="emergencies">
          {agent.isPending ? <Loading label="Loading the agent settings" />
            : agent.isError ? <LoadError error={agent.error} retry={() => void agent.refetch()} />
            : <EmergenciesPanel companyId={company.id} document={agent.data} editable={editable} />}
        </Tabs.Panel>
        <Tabs.Panel value="voice">
          {voice.isPending ? <Loading label="Loading the voice" />
            : voice.isError ? <LoadError error={voice.error} retry={() => void voice.refetch()} />
            : <VoiceSettingsPanel companyId={company.id} document={voice.data} editable={editable} />}
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <VersionHistory companyId={company.id} currentVersion={agent.data?.version ?? 0} />
        </Tabs.Panel>
        <Tabs.Panel value="test">
          <TestChat companyId={company.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
