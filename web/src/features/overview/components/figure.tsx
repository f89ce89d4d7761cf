import { Card, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';

/** One number with what it counts; the whole card opens the list behind it. */
export function Figure({ label, value, to, hint, alert }: { label: string; value: number; to: string; hint?: string; alert?: boolean }) {
  return (
    <UnstyledButton component={Link} to={to} style={{ display: 'block' }}>
      <Card withBorder padding="sm" h="100%" style={alert && value > 0 ? { borderColor: 'var(--mantine-color-red-9)', borderWidth: 2 } : undefined}>
        <Text size="xl" fw={700} lh={1.2} c={alert && value > 0 ? 'red.9' : undefined} data-testid={`figure-${label}`}>{value}</Text>
        <Text size="sm">{label}</Text>
        {hint && <Text size="xs" c="dimmed">{hint}</Text>}
      </Card>
    </UnstyledButton>
  );
}
