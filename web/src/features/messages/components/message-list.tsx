import { Stack, Title } from '@mantine/core';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { Pager } from '../../../components/pager.tsx';
import { useMessages, type MessagesQuery } from '../api/list-messages.ts';
import { useSetMessageStatus } from '../api/set-message-status.ts';
import { MessageCard } from './message-card.tsx';

export const MESSAGES_PAGE_SIZE = 25;

/** One list of messages (waiting, or handled), newest first. */
export function MessageList({ title, companyId, timeZone, query, page, onPage, emptyText }: {
  title: string; companyId: string; timeZone: string; query: MessagesQuery; page: number; onPage: (page: number) => void; emptyText: string;
}) {
  const messages = useMessages(companyId, { ...query, limit: MESSAGES_PAGE_SIZE, offset: (page - 1) * MESSAGES_PAGE_SIZE });
  const setStatus = useSetMessageStatus(companyId);

  return (
    <section aria-label={title}>
      <Title order={2} size="h4" mb="xs">{title}</Title>
      {/* A failed refresh keeps the messages already shown, with the failure above them. */}
      {messages.isError && <LoadError error={messages.error} retry={() => void messages.refetch()} />}
      {messages.isPending ? <Loading label="Loading messages" />
        : !messages.data ? null
        : messages.data.items.length === 0 ? <Empty title={emptyText} />
        : (
          <>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {messages.data.items.map((m) => (
                <MessageCard key={m.id} message={m} companyId={companyId} timeZone={timeZone}
                  busy={setStatus.isPending && setStatus.variables?.message.id === m.id}
                  onStatus={(status) => setStatus.mutate({ message: m, status })} />
              ))}
            </Stack>
            <Pager label={title} page={page} hasMore={messages.data.hasMore} onPage={onPage} />
          </>
        )}
    </section>
  );
}
