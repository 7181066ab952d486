import { Alert, Anchor, Button, Card, Group, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { mailListLabels, mailListNames, type MailList } from "../../../core/mail-lists.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { unsubscribeApi } from "./api.js";

function SettingsLink({ children }: { children: ReactNode }) {
  return (
    <Anchor component={Link} to="/me/settings">
      {children}
    </Anchor>
  );
}

/** How to get a list back, ending in a link to the settings. */
const settingsLink = (chunks: ReactNode[]) => <SettingsLink>{chunks}</SettingsLink>;

function TurnBackOn({ list }: { list: MailList }) {
  return list === "digest" ? (
    <FormattedMessage
      id="notifications.unsubscribe.digestBack"
      defaultMessage="You can choose a daily or weekly digest again at any time in your <link>e-mail settings</link>."
      values={{ link: settingsLink }}
    />
  ) : (
    <FormattedMessage
      id="notifications.unsubscribe.turnBackOn"
      defaultMessage="To turn them back on, switch on “{list}” in your <link>e-mail settings</link>."
      values={{ list: mailListLabels[list], link: settingsLink }}
    />
  );
}

/**
 * The landing of an e-mail's unsubscribe link. Opening it changes nothing (mail scanners open
 * links on their own); the person confirms with the button, which turns the list off.
 */
export default function UnsubscribePage() {
  const intl = useIntl();
  usePageTitle(
    intl.formatMessage({ id: "notifications.unsubscribe.pageTitle", defaultMessage: "Unsubscribe" }),
  );
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const check = useQuery({
    queryKey: ["unsubscribe", token],
    queryFn: ({ signal }) => unsubscribeApi.check(token, signal),
    retry: false,
    staleTime: Infinity,
  });
  const stop = useMutation({ mutationFn: () => unsubscribeApi.stop(token) });

  if (check.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({
          id: "notifications.unsubscribe.checking",
          defaultMessage: "Checking the link",
        })}
      />
    );
  if (!check.data) {
    return (
      <Card maw={620} mx="auto" p="xl">
        <Title order={1} fz={24} mb="sm">
          <FormattedMessage id="notifications.unsubscribe.badLink" defaultMessage="This link did not work" />
        </Title>
        <Text>
          {errorMessage(check.error)}{" "}
          <SettingsLink>
            <FormattedMessage id="notifications.unsubscribe.settingsLink" defaultMessage="E-mail settings" />
          </SettingsLink>
        </Text>
      </Card>
    );
  }

  const { list, name, on } = check.data;
  const names = mailListNames[list];
  if (stop.isSuccess || !on) {
    return (
      <Card maw={620} mx="auto" p="xl">
        <Title order={1} fz={24} mb="sm">
          {stop.isSuccess ? (
            <FormattedMessage id="notifications.unsubscribe.done" defaultMessage="You are unsubscribed" />
          ) : (
            <FormattedMessage
              id="notifications.unsubscribe.already"
              defaultMessage="You are already unsubscribed"
            />
          )}
        </Title>
        <Text role={stop.isSuccess ? "status" : undefined}>
          <FormattedMessage
            id="notifications.unsubscribe.noMore"
            defaultMessage="You will get no more {names}."
            values={{ names }}
          />{" "}
          <TurnBackOn list={list} />
        </Text>
      </Card>
    );
  }
  return (
    <Card maw={620} mx="auto" p="xl">
      <Title order={1} fz={24} mb="sm">
        <FormattedMessage
          id="notifications.unsubscribe.title"
          defaultMessage="Stop {names}?"
          values={{ names }}
        />
      </Title>
      <Text mb="md">
        <FormattedMessage
          id="notifications.unsubscribe.confirmText"
          defaultMessage="This link is for {name}. Confirm to stop {names}; other e-mail stays as it is. You can change every kind of e-mail in your <link>e-mail settings</link>."
          values={{ name, names, link: settingsLink }}
        />
      </Text>
      {stop.isError && (
        <Alert
          color="red"
          title={intl.formatMessage({
            id: "notifications.unsubscribe.failed",
            defaultMessage: "Not unsubscribed",
          })}
          mb="md"
          role="alert"
        >
          {errorMessage(stop.error)}
        </Alert>
      )}
      <Group>
        <Button onClick={() => stop.mutate()} loading={stop.isPending}>
          <FormattedMessage id="notifications.unsubscribe.confirm" defaultMessage="Yes, stop these e-mails" />
        </Button>
      </Group>
    </Card>
  );
}
