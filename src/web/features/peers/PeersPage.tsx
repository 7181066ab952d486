import { useState } from "react";
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import type { Peer, PeerList } from "../../../core/peers.js";
import { settingLabels, stageLabels } from "../../../core/vocabulary.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { api, errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { usePartnership } from "../partnerships/api.js";
import { endSentence } from "../../lib/format.js";

const matchLabels = defineMessages({
  industry: { id: "peers.card.matchIndustry", defaultMessage: "Same industry" },
  region: { id: "peers.card.matchRegion", defaultMessage: "Same region" },
  both: { id: "peers.card.matchBoth", defaultMessage: "Same industry and region" },
});

function ConnectForm({ from, peer }: { from: string; peer: Peer }) {
  const intl = useIntl();
  const [message, setMessage] = useState("");
  const [shareEmail, setShareEmail] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      api.post<{ sent: number }>(`/partnerships/${from}/peers/${peer.id}/connect`, { message, shareEmail }),
  });
  if (send.isSuccess)
    return (
      <Text role="status">
        {endSentence(
          intl.formatMessage(
            { id: "peers.connect.sent", defaultMessage: "Sent to the conveners of {name}" },
            { name: peer.name },
          ),
        )}
      </Text>
    );
  return (
    <Stack component="form" gap="xs" onSubmit={(e) => (e.preventDefault(), send.mutate())}>
      <Textarea
        label={intl.formatMessage(
          { id: "peers.connect.messageLabel", defaultMessage: "Message to the conveners of {name}" },
          { name: peer.name },
        )}
        description={intl.formatMessage({
          id: "peers.connect.messageHelp",
          defaultMessage: "Their addresses stay private; they answer you if you share yours.",
        })}
        required
        minLength={10}
        autosize
        minRows={3}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
      />
      <Checkbox
        label={intl.formatMessage({
          id: "peers.connect.shareEmail",
          defaultMessage: "Share my e-mail address so they can reply",
        })}
        checked={shareEmail}
        onChange={(e) => setShareEmail(e.currentTarget.checked)}
      />
      {send.isError && <Text c="red.8">{errorMessage(send.error)}</Text>}
      <Group>
        <Button type="submit" loading={send.isPending}>
          <FormattedMessage id="peers.connect.send" defaultMessage="Send" />
        </Button>
      </Group>
    </Stack>
  );
}

function PeerCard({ from, peer, signedIn }: { from: string; peer: Peer; signedIn: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder component="article" aria-label={peer.name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Anchor component={Link} to={`/p/${peer.slug}`} fw={600} fz="lg">
            {peer.name}
          </Anchor>
          <Badge variant="light">
            <FormattedMessage {...matchLabels[peer.match]} />
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {peer.industries.map((i) => i.title).join(", ")} · {peer.states.join(", ")} ·{" "}
          {settingLabels[peer.setting]} · {stageLabels[peer.stage]}
        </Text>
        {peer.description && (
          <Text size="sm" lineClamp={3}>
            {peer.description}
          </Text>
        )}
        {signedIn &&
          (open ? (
            <ConnectForm from={from} peer={peer} />
          ) : (
            <Group>
              <Button variant="light" size="sm" onClick={() => setOpen(true)}>
                <FormattedMessage id="peers.card.askToConnect" defaultMessage="Ask to connect" />
              </Button>
            </Group>
          ))}
      </Stack>
    </Card>
  );
}

export default function PeersPage() {
  const intl = useIntl();
  const { slug } = useParams();
  const me = useMe();
  const partnership = usePartnership(slug);
  const p = partnership.data;
  const title = p
    ? intl.formatMessage(
        { id: "peers.page.title", defaultMessage: "Partnerships like {name}" },
        { name: p.name },
      )
    : intl.formatMessage({ id: "peers.page.titleOurs", defaultMessage: "Partnerships like ours" });
  usePageTitle(title);
  const peers = useQuery({
    queryKey: ["peers", p?.id],
    queryFn: ({ signal }) => api.get<PeerList>(`/partnerships/${p?.id ?? ""}/peers`, signal),
    enabled: !!p,
  });
  if (partnership.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({
          id: "peers.page.loading",
          defaultMessage: "Loading partnerships like this one",
        })}
      />
    );
  if (!p) return <ErrorAlert error={partnership.error} onRetry={() => void partnership.refetch()} />;
  return (
    <Stack gap="lg">
      <PageHeader
        title={title}
        description={intl.formatMessage({
          id: "peers.page.description",
          defaultMessage:
            "The same industry in other regions, and other industries in the same region, most similar first.",
        })}
      />
      {peers.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({ id: "peers.page.finding", defaultMessage: "Finding peers" })}
        />
      ) : peers.isError ? (
        <ErrorAlert error={peers.error} onRetry={() => void peers.refetch()} />
      ) : peers.data.items.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage id="peers.page.none" defaultMessage="No similar partnerships yet." />
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {peers.data.items.map((peer) => (
            <PeerCard key={peer.id} from={p.id} peer={peer} signedIn={!!me.data} />
          ))}
        </SimpleGrid>
      )}
      {!me.data && (
        <Text c="dimmed">
          <FormattedMessage
            id="peers.page.signIn"
            defaultMessage="Sign in to ask a partnership to connect."
          />
        </Text>
      )}
    </Stack>
  );
}
