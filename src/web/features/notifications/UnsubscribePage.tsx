import { Anchor, Card, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { api, errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";

/** The one-click landing of an e-mail's unsubscribe link. */
export default function UnsubscribePage() {
  usePageTitle("Unsubscribe");
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const result = useQuery({
    queryKey: ["unsubscribe", token],
    queryFn: () => api.get<{ digest: string }>(`/unsubscribe?token=${encodeURIComponent(token)}`),
    retry: false,
  });
  if (result.isPending) return <PageSkeleton label="Unsubscribing" />;
  return (
    <Card maw={620} mx="auto" p="xl">
      <Title order={1} fz={24} mb="sm">
        {result.isError ? "This link did not work" : "You are unsubscribed"}
      </Title>
      <Text>
        {result.isError
          ? errorMessage(result.error)
          : "You will get no more digest e-mails. You can choose a daily or weekly digest again at any time."}{" "}
        <Anchor component={Link} to="/me/settings">
          E-mail settings
        </Anchor>
      </Text>
    </Card>
  );
}
