import { Alert, Anchor, Button, Card, Group, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { mailListLabels, mailListNames, type MailList } from "../../../core/mail-lists.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { unsubscribeApi } from "./api.js";

function SettingsLink({ children }: { children: string }) {
  return (
    <Anchor component={Link} to="/me/settings">
      {children}
    </Anchor>
  );
}

/** How to get a list back, ending in a link to the settings. */
function TurnBackOn({ list }: { list: MailList }) {
  return (
    <>
      {list === "digest"
        ? "You can choose a daily or weekly digest again at any time"
        : `To turn them back on, switch on “${mailListLabels[list]}”`}{" "}
      in your <SettingsLink>e-mail settings</SettingsLink>.
    </>
  );
}

/**
 * The landing of an e-mail's unsubscribe link. Opening it changes nothing (mail scanners open
 * links on their own); the person confirms with the button, which turns the list off.
 */
export default function UnsubscribePage() {
  usePageTitle("Unsubscribe");
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const check = useQuery({
    queryKey: ["unsubscribe", token],
    queryFn: ({ signal }) => unsubscribeApi.check(token, signal),
    retry: false,
    staleTime: Infinity,
  });
  const stop = useMutation({ mutationFn: () => unsubscribeApi.stop(token) });

  if (check.isPending) return <PageSkeleton label="Checking the link" />;
  if (!check.data) {
    return (
      <Card maw={620} mx="auto" p="xl">
        <Title order={1} fz={24} mb="sm">
          This link did not work
        </Title>
        <Text>
          {errorMessage(check.error)} <SettingsLink>E-mail settings</SettingsLink>
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
          {stop.isSuccess ? "You are unsubscribed" : "You are already unsubscribed"}
        </Title>
        <Text role={stop.isSuccess ? "status" : undefined}>
          You will get no more {names}. <TurnBackOn list={list} />
        </Text>
      </Card>
    );
  }
  return (
    <Card maw={620} mx="auto" p="xl">
      <Title order={1} fz={24} mb="sm">
        Stop {names}?
      </Title>
      <Text mb="md">
        This link is for {name}. Confirm to stop {names}; other e-mail stays as it is. You can change every
        kind of e-mail in your <SettingsLink>e-mail settings</SettingsLink>.
      </Text>
      {stop.isError && (
        <Alert color="red" title="Not unsubscribed" mb="md" role="alert">
          {errorMessage(stop.error)}
        </Alert>
      )}
      <Group>
        <Button onClick={() => stop.mutate()} loading={stop.isPending}>
          Yes, stop these e-mails
        </Button>
      </Group>
    </Card>
  );
}
