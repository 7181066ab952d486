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
import { PriorityForm } from "./PriorityForm.js";
import { ActionForm, TeamForm } from "./TeamForms.js";
import { useAgendaMutation } from "./useAgendaMutation.js";
import { noun } from "../../../core/format.js";

const statusColors: Record<ActionStatus, { color: string; variant: "filled" | "light" }> = {
  planned: { color: "gray", variant: "light" },
  in_progress: { color: "table", variant: "light" },
  done: { color: "table", variant: "filled" },
  stuck: { color: "red", variant: "light" },
};

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
  return (
    <Card
      component="section"
      aria-labelledby={id}
      style={
        late && items.length > 0 ? { borderColor: "var(--mantine-color-red-7)", borderWidth: 2 } : undefined
      }
    >
      <Title order={2} fz="lg" id={id} mb="sm" c={late && items.length > 0 ? "red.8" : undefined}>
        {title} ({items.length})
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {late ? "Nothing is late." : "Nothing is due in the next 60 days."}
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
                    {a.owner ? historyName(a.owner) : "No owner"} · {a.teamName} · {a.priorityTitle}
                  </Text>
                </div>
                <Text
                  size="sm"
                  fw={late ? 700 : 500}
                  c={late ? "red.8" : undefined}
                  style={{ whiteSpace: "nowrap" }}
                >
                  {late ? "was due " : "due "}
                  {formatDate(a.dueDate)}
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
  if (team.actions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No actions yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing="xs" aria-label={`Actions of ${team.name}`} className="stack-on-phone">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Due</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Progress</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Open</VisuallyHidden>
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
                    Result: {a.result}
                  </Text>
                )}
              </Table.Td>
              <Table.Td data-label="Owner">
                <Text span size="sm">
                  {a.owner ? historyName(a.owner) : "—"}
                </Text>
              </Table.Td>
              <Table.Td data-label="Due">
                <Text span size="sm" c={a.late ? "red.9" : undefined} fw={a.late ? 700 : undefined}>
                  {a.dueDate ? formatDate(a.dueDate) : "—"}
                  {a.late ? " (late)" : ""}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <StatusBadge status={a.status} />
                  <Text span size="xs" hiddenFrom="sm">
                    {a.progress}% done
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td miw={110} visibleFrom="sm">
                <Progress value={a.progress} size="sm" aria-label={`${a.title}: ${a.progress}% done`} />
                <Text size="xs">{a.progress}%</Text>
              </Table.Td>
              <Table.Td data-actions-row>
                <Button size="xs" variant="subtle" onClick={() => ctx.openAction(a.id)}>
                  {a.canEdit ? "Update" : "Open"}
                  {a.updateCount > 0 ? ` (${a.updateCount})` : ""}
                  <VisuallyHidden>: {a.title}</VisuallyHidden>
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
  const [adding, setAdding] = useState(false);
  const join = useAgendaMutation({
    partnershipId: ctx.partnershipId,
    mutationFn: (j: boolean) => agendaApi.joinTeam(team.id, j),
    success: (t) => endSentence(t.isMember ? `You signed up for ${t.name}` : `You left ${t.name}`),
  });
  return (
    <Card
      withBorder
      radius="md"
      p="md"
      bg="gray.0"
      component="section"
      aria-label={`Action team ${team.name}`}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="xs">
        <div>
          <Title order={4} fz="md">
            {team.name}
          </Title>
          <Text size="sm">
            <strong>Champions:</strong>{" "}
            {team.champions.length
              ? team.champions.map((c) => c.name).join(", ")
              : "none — name a business champion"}
          </Text>
          {team.members.length > 0 && (
            <Text size="sm" c="dimmed">
              With {team.members.map((m) => m.name).join(", ")}
            </Text>
          )}
        </div>
        <Group gap="xs">
          {active && team.canAddActions && (
            <Button size="xs" onClick={() => setAdding(true)}>
              Add an action
            </Button>
          )}
          {active && (
            <Button
              size="xs"
              variant="default"
              loading={join.mutation.isPending}
              onClick={() => join.mutation.mutate(!team.isMember)}
            >
              {team.isMember ? "Leave the team" : "Sign up"}
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
        title={`Add an action to ${team.name}`}
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
  const [forming, setForming] = useState(false);
  const status = useAgendaMutation({
    partnershipId: ctx.partnershipId,
    mutationFn: (s: Priority["status"]) =>
      agendaApi.updatePriority(priority.id, { version: priority.version, status: s }),
    success: (p) => `${p.title}: ${priorityStatusLabels[p.status].toLowerCase()}.`,
  });
  const retheme = useAgendaMutation({
    partnershipId: ctx.partnershipId,
    mutationFn: (t: Theme) => agendaApi.updatePriority(priority.id, { version: priority.version, theme: t }),
    success: (p) => `${p.title}: about ${p.theme ? themeLabels[p.theme].toLowerCase() : "no theme"}.`,
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
                Form an action team
              </Button>
            )}
            <Menu position="bottom-end">
              <Menu.Target>
                <Button size="xs" variant="default">
                  Status<VisuallyHidden> of {priority.title}</VisuallyHidden>
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {(["active", "achieved", "retired"] as const)
                  .filter((s) => s !== priority.status)
                  .map((s) => (
                    <Menu.Item key={s} onClick={() => status.mutation.mutate(s)}>
                      {s === "active" ? "Make active again" : s === "achieved" ? "Mark achieved" : "Retire"}
                    </Menu.Item>
                  ))}
              </Menu.Dropdown>
            </Menu>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button size="xs" variant="default">
                  {priority.theme ? "Theme" : "Choose a theme"}
                  <VisuallyHidden> of {priority.title}</VisuallyHidden>
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
                Problem
              </Text>
              <Text size="sm">{priority.problem}</Text>
            </div>
          )}
          {priority.goal && (
            <div>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                Goal
              </Text>
              <Text size="sm">{priority.goal}</Text>
            </div>
          )}
        </SimpleGrid>
      )}
      <Stack gap="sm">
        {priority.teams.length === 0 ? (
          <Text size="sm" c="dimmed">
            No action team yet.
          </Text>
        ) : (
          priority.teams.map((t) => <TeamBlock key={t.id} team={t} ctx={ctx} active={active} />)
        )}
      </Stack>
      <Modal
        opened={forming}
        onClose={() => setForming(false)}
        title={`Form an action team for ${priority.title}`}
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
  const share = plan.summary.businessLedShare;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }}>
      <Stat
        value={plan.summary.activePriorities}
        label={noun(plan.summary.activePriorities, "active priority", "active priorities")}
      />
      <Stat value={plan.summary.teams} label={noun(plan.summary.teams, "action team")} />
      <Stat value={plan.summary.openActions} label={noun(plan.summary.openActions, "open action")} />
      <Stat
        value={share === null ? "—" : `${Math.round(share * 100)}%`}
        label="of teams led by a business champion"
      />
    </SimpleGrid>
  );
}

export function PlanTab({ partnershipId }: { partnershipId: string }) {
  const plan = useActionPlan(partnershipId);
  const members = useMembers(partnershipId, true);
  const [choosing, setChoosing] = useState(false);
  const [actionId, setActionId] = useState<string | null>(null);
  if (plan.isPending) return <PageSkeleton label="Loading the action plan" />;
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
          <DueList id="late-heading" title="Late" items={p.late} late />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <DueList id="due-heading" title="Due in the next 60 days" items={p.dueSoon} />
        </Grid.Col>
      </Grid>
      <Group justify="space-between">
        <Title order={2} fz="xl">
          Priorities ({current.length})
        </Title>
        {p.permissions.manage && <Button onClick={() => setChoosing(true)}>Choose a priority</Button>}
      </Group>
      {current.length === 0 && (
        <Text c="dimmed">
          No active priority. Business members choose them by vote; the convener records the chosen ones here.
        </Text>
      )}
      {current.map((x) => (
        <PriorityCard key={x.id} priority={x} ctx={ctx} />
      ))}
      {past.length > 0 && (
        <>
          <Title order={2} fz="xl">
            Achieved and retired ({past.length})
          </Title>
          {past.map((x) => (
            <PriorityCard key={x.id} priority={x} ctx={ctx} />
          ))}
        </>
      )}
      <Modal
        closeButtonProps={{ "aria-label": "Close" }}
        opened={choosing}
        onClose={() => setChoosing(false)}
        title="Choose a priority"
        size="lg"
      >
        <PriorityForm partnershipId={partnershipId} onDone={() => setChoosing(false)} />
      </Modal>
      <Modal
        closeButtonProps={{ "aria-label": "Close" }}
        opened={actionId !== null}
        onClose={() => setActionId(null)}
        title="Action"
        size="lg"
      >
        {actionId && <ActionEditor partnershipId={partnershipId} actionId={actionId} members={ctx.members} />}
      </Modal>
    </Stack>
  );
}
