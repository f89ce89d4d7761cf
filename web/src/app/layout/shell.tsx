import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { NavLink as RouterNavLink, useNavigate } from 'react-router';
import { useSignOut } from '../../features/auth/api/sign-out.ts';
import { useMe } from '../../lib/session.ts';

export interface NavItem {
  to: string;
  label: string;
}

/** The frame of every signed-in page: header, side navigation (a drawer on a phone), content. */
export function Shell({ title, badge, nav, children }: { title: string; badge?: ReactNode; nav: NavItem[]; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">Skip to content</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Text fw={700} truncate="end">{title}</Text>
            {badge}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="md">{me.data?.email}</Text>
            <Button variant="subtle" size="compact-sm" onClick={() => navigate('/account')}>Account</Button>
            <Button variant="light" size="compact-sm" loading={signOut.isPending} onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <ScrollArea>
          <VisuallyHidden><h2>Navigation</h2></VisuallyHidden>
          {nav.map((item) => (
            <NavLink key={item.to} component={RouterNavLink} to={item.to} label={item.label} onClick={close} />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>{children}</AppShell.Main>
    </AppShell>
  );
}
