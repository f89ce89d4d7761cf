import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../../lib/api-error.ts';
import { useMe } from '../../../lib/session.ts';
import { useSignIn } from '../api/sign-in.ts';

/** Where to go after signing in: the page the session expired on, if it is one of ours. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

export default function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password }, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">ClientsVia</Title>
              <Text c="dimmed" size="sm">Sign in to your receptionist dashboard</Text>
            </div>
            {params.get('expired') && !signIn.isError && (
              <Alert color="yellow" role="status">Your session ended. Sign in again to continue where you were.</Alert>
            )}
            {signIn.isError && <Alert color="red" role="alert">{errorText(signIn.error)}</Alert>}
            <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
            <Button type="submit" loading={signIn.isPending} disabled={!email || !password}>Sign in</Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
