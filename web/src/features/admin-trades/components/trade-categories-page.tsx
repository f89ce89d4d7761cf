import { Select, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { useTradeCategories, useTradeKnowledge } from '../api/trade-knowledge.ts';
import { TradeEmergencies } from './trade-emergencies.tsx';
import { TradeEntries } from './trade-entries.tsx';
import { TradeVocabulary } from './trade-vocabulary.tsx';

export default function TradeCategoriesPage() {
  const [params, setParams] = useSearchParams();
  const categories = useTradeCategories();
  const list = categories.data?.items ?? [];
  const selected = list.find((c) => c.slug === params.get('trade')) ?? list[0] ?? null;
  const knowledge = useTradeKnowledge(selected?.id ?? null);

  return (
    <>
      <PageHeader title="Trade categories" description="Shared knowledge every company in a trade inherits: answers, the words callers use, emergencies" />
      {categories.isPending && <Loading label="Loading trades" />}
      {categories.isError && <LoadError error={categories.error} retry={() => void categories.refetch()} />}
      {categories.data && list.length === 0 && <Empty title="No trade categories" />}
      {selected && (
        <>
          <Select mb="md" maw={320} label="Trade" allowDeselect={false} data={list.map((c) => ({ value: c.slug, label: c.name }))} value={selected.slug}
            onChange={(slug) => slug && setParams((p) => { p.set('trade', slug); return p; })} />
          {knowledge.isPending && <Loading label="Loading its knowledge" />}
          {knowledge.isError && <LoadError error={knowledge.error} retry={() => void knowledge.refetch()} />}
          {knowledge.data && (
            <Tabs defaultValue="entries" keepMounted={false}>
              <Tabs.List mb="md">
                <Tabs.Tab value="entries">Questions and answers ({knowledge.data.entries.length})</Tabs.Tab>
                <Tabs.Tab value="vocabulary">Vocabulary ({knowledge.data.vocabulary.length})</Tabs.Tab>
                <Tabs.Tab value="emergencies">Emergencies ({knowledge.data.emergencies.length})</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="entries"><TradeEntries key={selected.id} tradeCategoryId={selected.id} entries={knowledge.data.entries} /></Tabs.Panel>
              <Tabs.Panel value="vocabulary"><TradeVocabulary key={selected.id} tradeCategoryId={selected.id} vocabulary={knowledge.data.vocabulary} /></Tabs.Panel>
              <Tabs.Panel value="emergencies"><TradeEmergencies key={selected.id} tradeCategoryId={selected.id} emergencies={knowledge.data.emergencies} /></Tabs.Panel>
            </Tabs>
          )}
        </>
      )}
    </>
  );
}
