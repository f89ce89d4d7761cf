import { Anchor, Card, List, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Period } from '../api/get-analytics.ts';

function Ranked({ title, items, empty, to, linkLabel }: { title: string; items: Period['topQuestions']; empty: string; to: string; linkLabel: string }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb="xs">{title}</Title>
      {items.length === 0 ? <Text c="dimmed" size="sm">{empty}</Text> : (
        <List type="ordered" spacing={4} size="sm">
          {items.map((q) => <List.Item key={q.question}>{q.question} <Text span c="dimmed">({q.count})</Text></List.Item>)}
        </List>
      )}
      <Anchor component={Link} to={to} size="sm" mt="sm" display="inline-block">{linkLabel}</Anchor>
    </Card>
  );
}

/** What callers asked, and what the agent could not answer: each opens the knowledge page. */
export function QuestionLists({ period, companyId }: { period: Period; companyId: string }) {
  const base = `/companies/${companyId}/knowledge`;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <Ranked title="Top questions" items={period.topQuestions} empty="No questions asked in this range." to={base} linkLabel="Open the knowledge base" />
      <Ranked title="Knowledge gaps" items={period.knowledgeGaps} empty="The agent answered every question." to={`${base}?tab=unanswered`} linkLabel="Teach the agent the answers" />
    </SimpleGrid>
  );
}
