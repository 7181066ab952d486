import { Anchor, Card, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import type { UnsubscribeResult } from "../../../core/discussions.js";
import { mailListLabels, mailListNames } from "../../../core/mail-lists.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { api, errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";

/** The one-click landing of an e-mail's unsubscribe link: says which list was turned off. */
export default function UnsubscribePage() {
  usePageTitle("Unsubscribe");
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const result = useQuery({
    queryKey: ["unsubscribe", token],
    queryFn: () => api.get<UnsubscribeResult>(`/unsubscribe?token=${encodeURIComponent(token)}`),
    retry: false,
    staleTime: Infinity,
  });
  if (result.isPending) return <PageSkeleton label="Unsubscribing" />;
  const list = result.data?.unsubscribed;
  return (
    <Card maw={620} mx="auto" p="xl">
      <Title order={1} fz={24} mb="sm">
        {list ? "You are unsubscribed" : "This link did not work"}
      </Title>
      {list ? (
        <Text>
          You will get no more {mailListNames[list]}.{" "}
          {list === "digest"
            ? "You can choose a daily or weekly digest again at any time"
            : `To turn them back on, switch on “${mailListLabels[list]}”`}{" "}
          in your{" "}
          <Anchor component={Link} to="/me/settings">
            e-mail settings
          </Anchor>
          .
        </Text>
      ) : (
        <Text>
          {errorMessage(result.error)}{" "}
          <Anchor component={Link} to="/me/settings">
            E-mail settings
          </Anchor>
        </Text>
      )}
    </Card>
  );
}
