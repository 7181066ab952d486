import { useState } from "react";
import {
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Menu,
  Modal,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import {
  actionStatusLabels,
  priorityStatusLabels,
  type Action,
  type ActionPlan,
  type ActionStatus,
  type ActionTeam,
  type PlanActionRef,
  type Priority,
} from "../../../core/agenda.js";
import { themeLabels, themes, type Theme } from "../../../core/vocabulary.js";
import { historyName } from "../../../core/members.js";
import type { Member } from "../../../core/members.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { endSentence, formatDate } from "../../lib/format.js";
import { useMembers } from "../members/api.js";
import { ActionEditor } from "./ActionEditor.js";
import { agendaApi, useActionPlan } from "./api.js";
import { agendaWords } from "./messages.js";
import { PriorityForm } from "./PriorityForm.js";
import { ActionForm, TeamForm } from "./TeamForms.js";
import { useAgendaMutation } from "./useAgendaMutation.js";

const statusColors: Record<ActionStatus, { color: string; variant: "filled" | "light" }> = {
  planned: { color: "gray", variant: "light" },
  in_progress: { color: "table", variant: "light" },
  done: { color: "table", variant: "filled" },
  stuck: { color: "red", variant: "light" },
};

/** Rich-text parts: words a screen reader hears but the page does not show, and bold labels. */
const hidden = (chunks: React.ReactNode[]) => <VisuallyHidden>{chunks}</VisuallyHidden>;
const strong = (chunks: React.ReactNode[]) => <strong>{chunks}</strong>;

function StatusBadge({ status }: { status: ActionStatus }) {
  const s = statusColors[status];
  return (
    <Badge
      color={s.color}
      variant={s.variant}
      c={s.variant === "light" ? `${s.color === "table" ? "table" : s.color}.9` : undefined}
      tt="none"
    >
      {actionStatusLabels[status]}
    </Badge>
  );
}

function Stat({ value, label }: { value: string | number; label: string }) {
  return (
    <Stack gap={0} className="stat-box">
      <Text fz={28} fw={800} c="table.8" lh={1.1}>
        {value}
      </Text>
      <Text size="sm">{label}</Text>
    </Stack>
  );
}

function DueList({
  title,
  items,
  late,
  id,
}: {
  title: string;
  items: PlanActionRef[];
  late?: boolean;
  id: string;
}) {
  const intl = useIntl();
  return (
    <Card
      component="section"
      aria-labelledby={id}
      style={
        late && items.length > 0 ? { borderColor: "var(--mantine-color-red-7)", borderWidth: 2 } : undefined
      }
    >
      <Title order={2} fz="lg" id={id} mb="sm" c={late && items.length > 0 ? "red.8" : undefined}>
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {late ? (
            <FormattedMessage id="agenda.plan.nothingLate" defaultMessage="Nothing is late." />
          ) : (
            <FormattedMessage
              id="agenda.plan.nothingDue"
              defaultMessage="Nothing is due in the next 60 days."
            />
          )}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {items.map((a) => (
            <li key={a.id}>
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <div>
                  <Text size="sm" fw={600}>
                    {a.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {a.owner
                      ? historyName(a.owner)
                      : intl.formatMessage({ id: "agenda.plan.noOwner", defaultMessage: "No owner" })}{" "}
                    · {a.teamName} · {a.priorityTitle}
                  </Text>
                </div>
                <Text
                  size="sm"
                  fw={late ? 700 : 500}
                  c={late ? "red.8" : undefined}
                  style={{ whiteSpace: "nowrap" }}
                >
                  {late ? (
                    <FormattedMessage
                      id="agenda.plan.wasDue"
                      defaultMessage="was due {date}"
                      values={{ date: formatDate(a.dueDate) }}
                    />
                  ) : (
                    <FormattedMessage
                      id="agenda.plan.due"
                      defaultMessage="due {date}"
                      values={{ date: formatDate(a.dueDate) }}
                    />
                  )}
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

interface Ctx {
  partnershipId: string;
  members: Member[];
  manage: boolean;
  openAction: (id: string) => void;
}

function ActionsTable({ team, ctx }: { team: ActionTeam; ctx: Ctx }) {
  const intl = useIntl();
  if (team.actions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        <FormattedMessage id="agenda.plan.noActions" defaultMessage="No actions yet." />
      </Text>
    );
  }
  const ownerLabel = intl.formatMessage(agendaWords.owner);
  const dueLabel = intl.formatMessage({ id: "agenda.plan.dueHeader", defaultMessage: "Due" });
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table
        verticalSpacing="xs"
        aria-label={intl.formatMessage(
          { id: "agenda.plan.actionsTableLabel", defaultMessage: "Actions of {team}" },
          { team: team.name },
        )}
        className="stack-on-phone"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{intl.formatMessage(agendaWords.action)}</Table.Th>
            <Table.Th scope="col">{ownerLabel}</Table.Th>
            <Table.Th scope="col">{dueLabel}</Table.Th>
            <Table.Th scope="col">{intl.formatMessage(agendaWords.status)}</Table.Th>
            <Table.Th scope="col">
              <FormattedMessage id="agenda.plan.progressHeader" defaultMessage="Progress" />
            </Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>
                <FormattedMessage id="agenda.plan.openHeader" defaultMessage="Open" />
              </VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {team.actions.map((a: Action) => (
            <Table.Tr key={a.id} bg={a.late ? "red.0" : undefined} data-late={a.late || undefined}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {a.title}
                </Text>
                {a.result && (
                  <Text size="xs" c="dimmed">
                    <FormattedMessage
                      id="agenda.plan.result"
                      defaultMessage="Result: {result}"
                      values={{ result: a.result }}
                    />
                  </Text>
                )}
              </Table.Td>
              <Table.Td data-label={ownerLabel}>
                <Text span size="sm">
                  {a.owner ? historyName(a.owner) : "—"}
                </Text>
              </Table.Td>
              <Table.Td data-label={dueLabel}>
                <Text span size="sm" c={a.late ? "red.9" : undefined} fw={a.late ? 700 : undefined}>
                  {a.late
                    ? intl.formatMessage(
                        { id: "agenda.plan.late", defaultMessage: "{date} (late)" },
                        { date: a.dueDate ? formatDate(a.dueDate) : "—" },
                      )
                    : a.dueDate
                      ? formatDate(a.dueDate)
                      : "—"}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <StatusBadge status={a.status} />
                  <Text span size="xs" hiddenFrom="sm">
                    <FormattedMessage
                      id="agenda.common.percentDone"
                      defaultMessage="{progress}% done"
                      values={{ progress: a.progress }}
                    />
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td miw={110} visibleFrom="sm">
                <Progress
                  value={a.progress}
                  size="sm"
                  aria-label={intl.formatMessage(
                    { id: "agenda.plan.progressLabel", defaultMessage: "{title}: {progress}% done" },
                    { title: a.title, progress: a.progress },
                  )}
                />
                <Text size="xs">{a.progress}%</Text>
              </Table.Td>
              <Table.Td data-actions-row>
                <Button size="xs" variant="subtle" onClick={() => ctx.openAction(a.id)}>
                  {a.canEdit ? (
                    <FormattedMessage
                      id="agenda.plan.updateButton"
                      defaultMessage="{count, plural, =0 {Update} other {Update (#)}}<hidden>: {title}</hidden>"
                      values={{ count: a.updateCount, title: a.title, hidden }}
                    />
                  ) : (
                    <FormattedMessage
                      id="agenda.plan.openButton"
                      defaultMessage="{count, plural, =0 {Open} other {Open (#)}}<hidden>: {title}</hidden>"
                      values={{ count: a.updateCount, title: a.title, hidden }}
                    />
                  )}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TeamBlock({ team, ctx, active }: { team: ActionTeam; ctx: Ctx; active: boolean }) {
  const intl = useIntl();
  const [adding, setAdding] = useState(false);
  const join = useAgendaMutation({
    partnershipId: ctx.partnershipId,
    mutationFn: (j: boolean) => agendaApi.joinTeam(team.id, j),
    success: (t) =>
      endSentence(
        t.isMember
          ? intl.formatMessage(
              { id: "agenda.plan.joinedToast", defaultMessage: "You signed up for {team}" },
              { team: t.name },
            )
          : intl.formatMessage(
              { id: "agenda.plan.leftToast", defaultMessage: "You left {team}" },
              { team: t.name },
            ),
      ),
  });
  return (
    <Card
      withBorder
      radius="md"
      p="md"
      bg="gray.0"
      component="section"
      aria-label={intl.formatMessage(
        { id: "agenda.plan.teamLabel", defaultMessage: "Action team {team}" },
        { team: team.name },
      )}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="xs">
        <div>
          <Title order={4} fz="md">
            {team.name}
          </Title>
          <Text size="sm">
            {team.champions.length ? (
              <FormattedMessage
                id="agenda.plan.champions"
                defaultMessage="<strong>Champions:</strong> {names}"
                values={{ names: team.champions.map((c) => c.name).join(", "), strong }}
              />
            ) : (
              <FormattedMessage
                id="agenda.plan.noChampions"
                defaultMessage="<strong>Champions:</strong> none — name a business champion"
                values={{ strong }}
              />
            )}
          </Text>
          {team.members.length > 0 && (
            <Text size="sm" c="dimmed">
              <FormattedMessage
                id="agenda.plan.teamMembers"
                defaultMessage="With {names}"
                values={{ names: team.members.map((m) => m.name).join(", ") }}
              />
            </Text>
          )}
        </div>
        <Group gap="xs">
          {active && team.canAddActions && (
            <Button size="xs" onClick={() => setAdding(true)}>
              <FormattedMessage id="agenda.plan.addActionButton" defaultMessage="Add an action" />
            </Button>
          )}
          {active && (
            <Button
              size="xs"
              variant="default"
              loading={join.mutation.isPending}
              onClick={() => join.mutation.mutate(!team.isMember)}
            >
              {team.isMember ? (
                <FormattedMessage id="agenda.plan.leaveButton" defaultMessage="Leave the team" />
              ) : (
                <FormattedMessage id="agenda.plan.signUpButton" defaultMessage="Sign up" />
              )}
            </Button>
          )}
        </Group>
      </Group>
      {join.problem && (
        <Text size="sm" c="red.8" role="alert">
          {join.problem}
        </Text>
      )}
      <ActionsTable team={team} ctx={ctx} />
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={intl.formatMessage(
          { id: "agenda.plan.addActionTitle", defaultMessage: "Add an action to {team}" },
          { team: team.name },
        )}
        size="lg"
      >
        <ActionForm
          partnershipId={ctx.partnershipId}
          teamId={team.id}
          members={ctx.members}
          onDone={() => setAdding(false)}
        />
      </Modal>
    </Card>
  );
}

function PriorityCard({ priority, ctx }: { priority: Priority; ctx: Ctx }) {
  const intl = useIntl();
  const [forming, setForming] = useState(false);
  const status = useAgendaMutation({
    partnershipId: ctx.partnershipId,
    mutationFn: (s: Priority["status"]) =>
      agendaApi.updatePriority(priority.id, { version: priority.version, status: s }),
    success: (p) =>
      intl.formatMessage(
        { id: "agenda.plan.statusToast", defaultMessage: "{title}: {status}." },
        { title: p.title, status: priorityStatusLabels[p.status].toLowerCase() },
      ),
  });
  const retheme = useAgendaMutation({
    partnershipId: ctx.partnershipId,
    mutationFn: (t: Theme) => agendaApi.updatePriority(priority.id, { version: priority.version, theme: t }),
    success: (p) =>
      p.theme
        ? intl.formatMessage(
            { id: "agenda.plan.themeToast", defaultMessage: "{title}: about {theme}." },
            { title: p.title, theme: themeLabels[p.theme].toLowerCase() },
          )
        : intl.formatMessage(
            { id: "agenda.plan.noThemeToast", defaultMessage: "{title}: about no theme." },
            { title: p.title },
          ),
  });
  const active = priority.status === "active";
  const headingId = `priority-${priority.id}`;
  return (
    <Card component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="xs">
        <Group gap="sm">
          <Title order={3} fz="lg" id={headingId}>
            {priority.title}
          </Title>
          <Badge
            variant={active ? "filled" : "light"}
            color={active ? "table" : "gray"}
            c={active ? undefined : "gray.9"}
            tt="none"
          >
            {priorityStatusLabels[priority.status]}
          </Badge>
          {priority.theme && (
            <Badge variant="outline" color="table" c="table.9" tt="none">
              {themeLabels[priority.theme]}
            </Badge>
          )}
        </Group>
        {ctx.manage && (
          <Group gap="xs">
            {active && (
              <Button size="xs" onClick={() => setForming(true)}>
                <FormattedMessage id="agenda.plan.formTeamButton" defaultMessage="Form an action team" />
              </Button>
            )}
            <Menu position="bottom-end">
              <Menu.Target>
                <Button size="xs" variant="default">
                  <FormattedMessage
                    id="agenda.plan.statusMenu"
                    defaultMessage="Status<hidden> of {title}</hidden>"
                    values={{ title: priority.title, hidden }}
                  />
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {(["active", "achieved", "retired"] as const)
                  .filter((s) => s !== priority.status)
                  .map((s) => (
                    <Menu.Item key={s} onClick={() => status.mutation.mutate(s)}>
                      {s === "active" ? (
                        <FormattedMessage id="agenda.plan.makeActive" defaultMessage="Make active again" />
                      ) : s === "achieved" ? (
                        <FormattedMessage id="agenda.plan.markAchieved" defaultMessage="Mark achieved" />
                      ) : (
                        <FormattedMessage id="agenda.plan.retire" defaultMessage="Retire" />
                      )}
                    </Menu.Item>
                  ))}
              </Menu.Dropdown>
            </Menu>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button size="xs" variant="default">
                  {priority.theme ? (
                    <FormattedMessage
                      id="agenda.plan.themeMenu"
                      defaultMessage="Theme<hidden> of {title}</hidden>"
                      values={{ title: priority.title, hidden }}
                    />
                  ) : (
                    <FormattedMessage
                      id="agenda.plan.chooseThemeMenu"
                      defaultMessage="Choose a theme<hidden> of {title}</hidden>"
                      values={{ title: priority.title, hidden }}
                    />
                  )}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {themes
                  .filter((t) => t !== priority.theme)
                  .map((t) => (
                    <Menu.Item key={t} onClick={() => retheme.mutation.mutate(t)}>
                      {themeLabels[t]}
                    </Menu.Item>
                  ))}
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
      {(status.problem ?? retheme.problem) && (
        <Text size="sm" c="red.8" role="alert">
          {status.problem ?? retheme.problem}
        </Text>
      )}
      {(priority.problem || priority.goal) && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} mb="sm">
          {priority.problem && (
            <div>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                <FormattedMessage id="agenda.plan.problemHeading" defaultMessage="Problem" />
              </Text>
              <Text size="sm">{priority.problem}</Text>
            </div>
          )}
          {priority.goal && (
            <div>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                <FormattedMessage id="agenda.plan.goalHeading" defaultMessage="Goal" />
              </Text>
              <Text size="sm">{priority.goal}</Text>
            </div>
          )}
        </SimpleGrid>
      )}
      <Stack gap="sm">
        {priority.teams.length === 0 ? (
          <Text size="sm" c="dimmed">
            <FormattedMessage id="agenda.plan.noTeams" defaultMessage="No action team yet." />
          </Text>
        ) : (
          priority.teams.map((t) => <TeamBlock key={t.id} team={t} ctx={ctx} active={active} />)
        )}
      </Stack>
      <Modal
        opened={forming}
        onClose={() => setForming(false)}
        title={intl.formatMessage(
          { id: "agenda.plan.formTeamTitle", defaultMessage: "Form an action team for {priority}" },
          { priority: priority.title },
        )}
        size="lg"
      >
        <TeamForm
          partnershipId={ctx.partnershipId}
          priorityId={priority.id}
          priorityTitle={priority.title}
          members={ctx.members}
          onDone={() => setForming(false)}
        />
      </Modal>
    </Card>
  );
}

function Summary({ plan }: { plan: ActionPlan }) {
  const intl = useIntl();
  const share = plan.summary.businessLedShare;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }}>
      <Stat
        value={plan.summary.activePriorities}
        label={intl.formatMessage(
          {
            id: "agenda.plan.summaryPriorities",
            defaultMessage: "{count, plural, one {active priority} other {active priorities}}",
          },
          { count: plan.summary.activePriorities },
        )}
      />
      <Stat
        value={plan.summary.teams}
        label={intl.formatMessage(
          {
            id: "agenda.plan.summaryTeams",
            defaultMessage: "{count, plural, one {action team} other {action teams}}",
          },
          { count: plan.summary.teams },
        )}
      />
      <Stat
        value={plan.summary.openActions}
        label={intl.formatMessage(
          {
            id: "agenda.plan.summaryActions",
            defaultMessage: "{count, plural, one {open action} other {open actions}}",
          },
          { count: plan.summary.openActions },
        )}
      />
      <Stat
        value={share === null ? "—" : `${Math.round(share * 100)}%`}
        label={intl.formatMessage({
          id: "agenda.plan.summaryBusinessLed",
          defaultMessage: "of teams led by a business champion",
        })}
      />
    </SimpleGrid>
  );
}

export function PlanTab({ partnershipId }: { partnershipId: string }) {
  const intl = useIntl();
  const plan = useActionPlan(partnershipId);
  const members = useMembers(partnershipId, true);
  const [choosing, setChoosing] = useState(false);
  const [actionId, setActionId] = useState<string | null>(null);
  if (plan.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "agenda.plan.loading", defaultMessage: "Loading the action plan" })}
      />
    );
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  const ctx: Ctx = {
    partnershipId,
    members: members.data?.items ?? [],
    manage: p.permissions.manage,
    openAction: setActionId,
  };
  const current = p.priorities.filter((x) => x.status === "active");
  const past = p.priorities.filter((x) => x.status !== "active");
  return (
    <Stack gap="lg">
      <Summary plan={p} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <DueList
            id="late-heading"
            title={intl.formatMessage(
              { id: "agenda.plan.lateTitle", defaultMessage: "Late ({count})" },
              { count: p.late.length },
            )}
            items={p.late}
            late
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <DueList
            id="due-heading"
            title={intl.formatMessage(
              { id: "agenda.plan.dueSoonTitle", defaultMessage: "Due in the next 60 days ({count})" },
              { count: p.dueSoon.length },
            )}
            items={p.dueSoon}
          />
        </Grid.Col>
      </Grid>
      <Group justify="space-between">
        <Title order={2} fz="xl">
          <FormattedMessage
            id="agenda.plan.prioritiesTitle"
            defaultMessage="Priorities ({count})"
            values={{ count: current.length }}
          />
        </Title>
        {p.permissions.manage && (
          <Button onClick={() => setChoosing(true)}>{intl.formatMessage(agendaWords.choosePriority)}</Button>
        )}
      </Group>
      {current.length === 0 && (
        <Text c="dimmed">
          <FormattedMessage
            id="agenda.plan.noPriorities"
            defaultMessage="No active priority. Business members choose them by vote; the convener records the chosen ones here."
          />
        </Text>
      )}
      {current.map((x) => (
        <PriorityCard key={x.id} priority={x} ctx={ctx} />
      ))}
      {past.length > 0 && (
        <>
          <Title order={2} fz="xl">
            <FormattedMessage
              id="agenda.plan.pastTitle"
              defaultMessage="Achieved and retired ({count})"
              values={{ count: past.length }}
            />
          </Title>
          {past.map((x) => (
            <PriorityCard key={x.id} priority={x} ctx={ctx} />
          ))}
        </>
      )}
      <Modal
        closeButtonProps={{ "aria-label": intl.formatMessage(agendaWords.close) }}
        opened={choosing}
        onClose={() => setChoosing(false)}
        title={intl.formatMessage(agendaWords.choosePriority)}
        size="lg"
      >
        <PriorityForm partnershipId={partnershipId} onDone={() => setChoosing(false)} />
      </Modal>
      <Modal
        closeButtonProps={{ "aria-label": intl.formatMessage(agendaWords.close) }}
        opened={actionId !== null}
        onClose={() => setActionId(null)}
        title={intl.formatMessage(agendaWords.action)}
        size="lg"
      >
        {actionId && <ActionEditor partnershipId={partnershipId} actionId={actionId} members={ctx.members} />}
      </Modal>
    </Stack>
  );
}
