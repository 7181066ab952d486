import { Alert, Button, Card, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useLocation } from "react-router";
import type { EventDetail } from "../../../core/events.js";
import { errorMessage } from "../../lib/api.js";
import { useMe } from "../auth/api.js";
import { eventsApi, eventsKey } from "./api.js";
import { placesLeftText } from "./placesLeftText.js";

/** Register, see your seat or waitlist place, and cancel. */
export function RegistrationPanel({ e }: { e: EventDetail }) {
  const me = useMe();
  const intl = useIntl();
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
            ? intl.formatMessage({
                id: "events.registration.registeredToast",
                defaultMessage:
                  "You're registered. A confirmation with a calendar file is on its way to your inbox.",
              })
            : intl.formatMessage(
                {
                  id: "events.registration.waitlistedToast",
                  defaultMessage: "The event is full: you're number {position} on the waitlist.",
                },
                { position: r.waitlistPosition ?? 1 },
              ),
      });
    },
  });
  const cancel = useMutation({
    mutationFn: () => eventsApi.cancel(e.id),
    onSuccess: async () => {
      await refresh();
      notifications.show({
        color: "table",
        message: intl.formatMessage({
          id: "events.registration.cancelledToast",
          defaultMessage: "Your registration is cancelled.",
        }),
      });
    },
  });
  const error = register.error ?? cancel.error;

  return (
    <Card component="section" aria-labelledby="registration-heading">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="registration-heading">
          <FormattedMessage id="events.registration.title" defaultMessage="Registration" />
        </Title>
        {!e.cancelled && e.permissions.register && (
          <Text fw={700}>{placesLeftText(intl, e.capacity, e.confirmed)}</Text>
        )}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        {mine?.status === "confirmed" && (
          <Alert
            color="table"
            variant="light"
            title={intl.formatMessage({
              id: "events.registration.confirmedTitle",
              defaultMessage: "You're registered",
            })}
            role="status"
          >
            <FormattedMessage
              id="events.registration.confirmedText"
              defaultMessage="Your seat is confirmed. We e-mailed you a calendar file."
            />
          </Alert>
        )}
        {mine?.status === "waitlisted" && (
          <Alert
            color="yellow"
            variant="light"
            title={intl.formatMessage({
              id: "events.registration.waitlistedTitle",
              defaultMessage: "You're on the waitlist",
            })}
            role="status"
          >
            <FormattedMessage
              id="events.registration.waitlistedText"
              defaultMessage="You are number {position} on the waitlist. If someone cancels, you move up automatically and we e-mail you."
              values={{ position: mine.waitlistPosition ?? 1 }}
            />
          </Alert>
        )}
        {e.cancelled ? (
          <Text c="dimmed">
            <FormattedMessage
              id="events.registration.eventCancelled"
              defaultMessage="This event was cancelled."
            />
          </Text>
        ) : !e.permissions.register ? (
          <Text c="dimmed">
            {new Date(e.endsAt).getTime() <= Date.now() ? (
              <FormattedMessage
                id="events.registration.eventOver"
                defaultMessage="This event has taken place. Its recording and materials are on this page."
              />
            ) : (
              <FormattedMessage
                id="events.registration.closed"
                defaultMessage="Registration is closed: this event has started."
              />
            )}
          </Text>
        ) : !me.data ? (
          <Button
            component={Link}
            to={`/signin?next=${encodeURIComponent(location.pathname)}`}
            variant="filled"
          >
            <FormattedMessage id="events.registration.signIn" defaultMessage="Sign in to register" />
          </Button>
        ) : mine ? (
          <Button variant="default" color="red" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            <FormattedMessage id="events.registration.cancelButton" defaultMessage="Cancel registration" />
          </Button>
        ) : (
          <Button loading={register.isPending} onClick={() => register.mutate()}>
            {e.placesLeft === 0 ? (
              <FormattedMessage id="events.registration.joinWaitlist" defaultMessage="Join the waitlist" />
            ) : (
              <FormattedMessage id="events.registration.registerButton" defaultMessage="Register" />
            )}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
