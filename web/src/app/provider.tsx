import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { createTheme, type CSSVariablesResolver, MantineProvider, Modal, Notification } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api-error.ts';

const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8: white on it and it on white both reach WCAG AA contrast (Mantine's default 6 does not).
  primaryShade: 8,
  // Every close button (dialogs, notifications) has a name for screen readers.
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
  },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});

// Mantine's dimmed text (gray 6) and its light variants (shade 6 text on a pale tint: badges,
// the active navigation link) are below WCAG AA contrast; gray 7, and shade 9 darkened, pass.
// Error text (red 8 at primary shade 8) sits at 4.5:1 exactly and fails on a tinted or fading
// background; red 9 has margin.
const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(Object.keys(t.colors).map((c) => [`--mantine-color-${c}-light-color`, `color-mix(in srgb, var(--mantine-color-${c}-9), black 35%)`])),
  },
  dark: {},
});

const recomputing = (error: unknown) => error instanceof ApiError && error.code === 'ANALYTICS_RECOMPUTING';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      // A 4xx will not change by asking again; a dropped connection or a 503 may. Analytics
      // being counted again (new zone or hours) answer within a minute or two: every 5 s (its
      // Retry-After), the page saying so meanwhile.
      retry: (count, error) => (recomputing(error) ? count < 24 : count < 2 && !(error instanceof ApiError && error.status < 500)),
      retryDelay: (count, error) => (recomputing(error) ? 5_000 : Math.min(1000 * 2 ** count, 30_000)),
    },
  },
});

export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
