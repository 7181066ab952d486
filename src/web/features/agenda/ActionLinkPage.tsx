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
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
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

const words = defineMessages({
  questionDone: { id: "agenda.actionLink.questionDone", defaultMessage: "Mark this action done?" },
  questionOnTrack: { id: "agenda.actionLink.questionOnTrack", defaultMessage: "Is this action on track?" },
  questionStuck: { id: "agenda.actionLink.questionStuck", defaultMessage: "Ask for help with this action?" },
  buttonDone: { id: "agenda.actionLink.buttonDone", defaultMessage: "Yes, mark it done" },
  buttonOnTrack: { id: "agenda.actionLink.buttonOnTrack", defaultMessage: "Save my progress" },
  buttonStuck: { id: "agenda.actionLink.buttonStuck", defaultMessage: "Yes, ask for help" },
  thanksDone: {
    id: "agenda.actionLink.thanksDone",
    defaultMessage: "Marked done. Thank you for getting it finished.",
  },
  thanksOnTrack: {
    id: "agenda.actionLink.thanksOnTrack",
    defaultMessage: "Progress saved. Thank you for the update.",
  },
  thanksStuck: {
    id: "agenda.actionLink.thanksStuck",
    defaultMessage: "Help is on its way: your team's champions and the conveners have been told.",
  },
  yourAction: { id: "agenda.actionLink.yourAction", defaultMessage: "Your action" },
});
const questions = {
  done: words.questionDone,
  on_track: words.questionOnTrack,
  stuck: words.questionStuck,
} satisfies Record<ActionLinkChoice, unknown>;
const buttons = {
  done: words.buttonDone,
  on_track: words.buttonOnTrack,
  stuck: words.buttonStuck,
} satisfies Record<ActionLinkChoice, unknown>;
const thanks = {
  done: words.thanksDone,
  on_track: words.thanksOnTrack,
  stuck: words.thanksStuck,
} satisfies Record<ActionLinkChoice, unknown>;

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
  const intl = useIntl();
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
  usePageTitle(info ? actionLinkChoiceLabels[info.choice] : intl.formatMessage(words.yourAction));
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
        {intl.formatMessage(info ? questions[info.choice] : words.yourAction)}
      </Title>
      {link.isPending && <Skeleton height={160} />}
      {link.isError && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={intl.formatMessage({
            id: "agenda.actionLink.brokenTitle",
            defaultMessage: "This link no longer works",
          })}
        >
          <Stack gap="xs">
            <Text size="sm">{errorMessage(link.error)}</Text>
            <Anchor component={Link} to="/me">
              <FormattedMessage
                id="agenda.actionLink.openMyPartnerships"
                defaultMessage="Open my partnerships"
              />
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
                <Text size="sm">
                  <FormattedMessage
                    id="agenda.common.percentDone"
                    defaultMessage="{progress}% done"
                    values={{ progress: action.progress }}
                  />
                </Text>
              </Group>
              <Text size="sm">
                {action.dueDate
                  ? intl.formatMessage(
                      { id: "agenda.actionLink.due", defaultMessage: "Due {date}" },
                      { date: formatDate(action.dueDate) },
                    )
                  : intl.formatMessage({
                      id: "agenda.actionLink.noDueDate",
                      defaultMessage: "No due date",
                    })}{" "}
                · {action.teamName}
              </Text>
              <Text size="sm" c="dimmed">
                <FormattedMessage
                  id="agenda.actionLink.forPriority"
                  defaultMessage="For the priority “{priority}” of {partnership}"
                  values={{ priority: action.priorityTitle, partnership: action.partnershipName }}
                />
              </Text>
            </Stack>
          </Card>
          {save.isSuccess ? (
            <Alert
              color="table"
              variant="light"
              role="status"
              title={intl.formatMessage({ id: "agenda.actionLink.savedTitle", defaultMessage: "Saved" })}
            >
              <Stack gap="xs">
                <Text size="sm">{intl.formatMessage(thanks[info.choice])}</Text>
                <Anchor component={Link} to={`/p/${action.partnershipSlug}/agenda/plan`}>
                  <FormattedMessage id="agenda.actionLink.seePlan" defaultMessage="See the action plan" />
                </Anchor>
              </Stack>
            </Alert>
          ) : (
            <>
              {info.choice === "on_track" && (
                <Radio.Group
                  label={intl.formatMessage({
                    id: "agenda.actionLink.progressLabel",
                    defaultMessage: "How far along is it?",
                  })}
                  value={String(chosen)}
                  onChange={setStep}
                >
                  <Group gap="lg" mt="xs">
                    {ON_TRACK_STEPS.map((s) => (
                      <Radio key={s} value={String(s)} label={`${s}%`} size="md" />
                    ))}
                  </Group>
                </Radio.Group>
              )}
              {info.choice === "stuck" && (
                <Text>
                  <FormattedMessage
                    id="agenda.actionLink.stuckText"
                    defaultMessage="Your team's champions and the partnership's conveners will get a message asking them to help."
                  />
                </Text>
              )}
              <Text size="sm" c="dimmed">
                <FormattedMessage
                  id="agenda.actionLink.forOwner"
                  defaultMessage="For {name}. No sign-in needed: this link makes this one change, once."
                  values={{ name: info.ownerName }}
                />
              </Text>
              {save.isError && (
                <Alert
                  color="red"
                  variant="light"
                  role="alert"
                  title={intl.formatMessage({
                    id: "agenda.actionLink.notChanged",
                    defaultMessage: "Nothing was changed",
                  })}
                >
                  {errorMessage(save.error)}
                </Alert>
              )}
              <Button size="lg" fullWidth onClick={() => save.mutate()} loading={save.isPending}>
                {intl.formatMessage(buttons[info.choice])}
              </Button>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
