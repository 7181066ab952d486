import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Radio,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import {
  actionLinkChoiceLabels,
  ON_TRACK_STEPS,
  type ActionLinkChoice,
  type ActionLinkInfo,
  type ActionLinkResult,
} from "../../../core/action-links.js";
import { actionStatusLabels } from "../../../core/agenda.js";
import { api, errorMessage } from "../../lib/api.js";
import { formatDate } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";

const questions: Record<ActionLinkChoice, string> = {
  done: "Mark this action done?",
  on_track: "Is this action on track?",
  stuck: "Ask for help with this action?",
};
const buttons: Record<ActionLinkChoice, string> = {
  done: "Yes, mark it done",
  on_track: "Save my progress",
  stuck: "Yes, ask for help",
};
const thanks: Record<ActionLinkChoice, string> = {
  done: "Marked done. Thank you for getting it finished.",
  on_track: "Progress saved. Thank you for the update.",
  stuck: "Help is on its way: your team's champions and the conveners have been told.",
};

/** The next step above today's progress, so one tap is usually enough. */
function suggestedStep(progress: number): number {
  return ON_TRACK_STEPS.find((step) => step > progress) ?? ON_TRACK_STEPS[ON_TRACK_STEPS.length - 1];
}

/**
 * Where a one-tap link from an action reminder lands, with no sign-in. Opening the page changes
 * nothing (mail scanners open links); the one button makes the change. Built for a phone and for
 * someone who visits monthly: the action, what will happen, one large button.
 */
export default function ActionLinkPage() {
  const { actionId = "", token = "" } = useParams();
  const link = useQuery({
    queryKey: ["action-link", actionId, token],
    queryFn: ({ signal }) =>
      api.get<ActionLinkInfo>(
        `/actions/${encodeURIComponent(actionId)}/email-link/${encodeURIComponent(token)}`,
        signal,
      ),
    retry: false,
    staleTime: Infinity,
  });
  const info = link.data;
  usePageTitle(info ? actionLinkChoiceLabels[info.choice] : "Your action");
  const [step, setStep] = useState<string | null>(null);
  const chosen = Number(step ?? suggestedStep(info?.action.progress ?? 0));
  const save = useMutation({
    mutationFn: () =>
      api.post<ActionLinkResult>(`/actions/${encodeURIComponent(actionId)}/email-link`, {
        token,
        ...(info?.choice === "on_track" ? { progress: chosen } : {}),
      }),
  });
  const action = save.data?.action ?? info?.action;
  return (
    <Stack maw={480} mx="auto" gap="md">
      <Title order={1} fz={26}>
        {info ? questions[info.choice] : "Your action"}
      </Title>
      {link.isPending && <Skeleton height={160} />}
      {link.isError && (
        <Alert color="red" variant="light" role="alert" title="This link no longer works">
          <Stack gap="xs">
            <Text size="sm">{errorMessage(link.error)}</Text>
            <Anchor component={Link} to="/me">
              Open my partnerships
            </Anchor>
          </Stack>
        </Alert>
      )}
      {info && action && (
        <>
          <Card withBorder p="lg">
            <Stack gap="xs">
              <Text fw={700} fz="lg">
                {action.title}
              </Text>
              <Group gap="xs">
                <Badge variant="light">{actionStatusLabels[action.status]}</Badge>
                <Text size="sm">{action.progress}% done</Text>
              </Group>
              <Text size="sm">
                {action.dueDate ? `Due ${formatDate(action.dueDate)}` : "No due date"} · {action.teamName}
              </Text>
              <Text size="sm" c="dimmed">
                For the priority “{action.priorityTitle}” of {action.partnershipName}
              </Text>
            </Stack>
          </Card>
          {save.isSuccess ? (
            <Alert color="table" variant="light" role="status" title="Saved">
              <Stack gap="xs">
                <Text size="sm">{thanks[info.choice]}</Text>
                <Anchor component={Link} to={`/p/${action.partnershipSlug}/agenda/plan`}>
                  See the action plan
                </Anchor>
              </Stack>
            </Alert>
          ) : (
            <>
              {info.choice === "on_track" && (
                <Radio.Group label="How far along is it?" value={String(chosen)} onChange={setStep}>
                  <Group gap="lg" mt="xs">
                    {ON_TRACK_STEPS.map((s) => (
                      <Radio key={s} value={String(s)} label={`${s}%`} size="md" />
                    ))}
                  </Group>
                </Radio.Group>
              )}
              {info.choice === "stuck" && (
                <Text>
                  Your team's champions and the partnership's conveners will get a message asking them to
                  help.
                </Text>
              )}
              <Text size="sm" c="dimmed">
                For {info.ownerName}. No sign-in needed: this link makes this one change, once.
              </Text>
              {save.isError && (
                <Alert color="red" variant="light" role="alert" title="Nothing was changed">
                  {errorMessage(save.error)}
                </Alert>
              )}
              <Button size="lg" fullWidth onClick={() => save.mutate()} loading={save.isPending}>
                {buttons[info.choice]}
              </Button>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
