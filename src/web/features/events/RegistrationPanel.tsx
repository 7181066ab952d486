import { Alert, Button, Card, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation } from "react-router";
import { placesLeftLabel, type EventDetail } from "../../../core/events.js";
import { errorMessage } from "../../lib/api.js";
import { useMe } from "../auth/api.js";
import { eventsApi, eventsKey } from "./api.js";

/** Register, see your seat or waitlist place, and cancel. */
export function RegistrationPanel({ e }: { e: EventDetail }) {
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  const mine = e.myRegistration && e.myRegistration.status !== "cancelled" ? e.myRegistration : null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: eventsKey });
  const register = useMutation({
    mutationFn: () => eventsApi.register(e.id),
    onSuccess: async (r) => {
      await refresh();
      notifications.show({
        color: "table",
        message:
          r.status === "confirmed"
            ? "You're registered. A confirmation with a calendar file is on its way to your inbox."
            : `The event is full: you're number ${r.waitlistPosition ?? 1} on the waitlist.`,
      });
    },
  });
  const cancel = useMutation({
    mutationFn: () => eventsApi.cancel(e.id),
    onSuccess: async () => {
      await refresh();
      notifications.show({
        color: "table",
        message: "Your registration is cancelled.",
      });
    },
  });
  const error = register.error ?? cancel.error;

  return (
    <Card component="section" aria-labelledby="registration-heading">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="registration-heading">
          Registration
        </Title>
        {!e.cancelled && e.permissions.register && (
          <Text fw={700}>{placesLeftLabel(e.capacity, e.confirmed)}</Text>
        )}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        {mine?.status === "confirmed" && (
          <Alert color="table" variant="light" title="You're registered" role="status">
            Your seat is confirmed. We e-mailed you a calendar file.
          </Alert>
        )}
        {mine?.status === "waitlisted" && (
          <Alert color="yellow" variant="light" title="You're on the waitlist" role="status">
            You are number {mine.waitlistPosition ?? 1} on the waitlist. If someone cancels, you move up
            automatically and we e-mail you.
          </Alert>
        )}
        {e.cancelled ? (
          <Text c="dimmed">This event was cancelled.</Text>
        ) : !e.permissions.register ? (
          <Text c="dimmed">
            {new Date(e.endsAt).getTime() <= Date.now()
              ? "This event has taken place. Its recording and materials are on this page."
              : "Registration is closed: this event has started."}
          </Text>
        ) : !me.data ? (
          <Button
            component={Link}
            to={`/signin?next=${encodeURIComponent(location.pathname)}`}
            variant="filled"
          >
            Sign in to register
          </Button>
        ) : mine ? (
          <Button variant="default" color="red" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel registration
          </Button>
        ) : (
          <Button loading={register.isPending} onClick={() => register.mutate()}>
            {e.placesLeft === 0 ? "Join the waitlist" : "Register"}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
