import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { stageLabels } from "../../../core/vocabulary.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { coordinatorsApi, myScopesKey } from "./api.js";

/** A state or regional coordinator's partnerships: read-only, and every read is shown to conveners. */
export default function MyScopePage() {
  usePageTitle("My scope");
  const me = useMe();
  const scopes = useQuery({
    queryKey: myScopesKey,
    queryFn: ({ signal }) => coordinatorsApi.mine(signal),
    enabled: !!me.data,
  });
  if (me.isPending) return <PageSkeleton />;
  if (!me.data)
    return <SignInPrompt title="My scope" reason="Sign in to see the partnerships you coordinate." />;
  if (scopes.isPending) return <PageSkeleton label="Loading your scope" />;
  if (scopes.isError) return <ErrorAlert error={scopes.error} onRetry={() => void scopes.refetch()} />;
  const { scopes: mine, partnerships } = scopes.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title="My scope"
        description="The partnerships you support as a state or regional coordinator. You read their workspaces; you do not vote or change their work. Their conveners see each time you open members-only data."
      />
      {mine.length === 0 ? (
        <Card p="xl">
          <Text>You are not a state or regional coordinator. A community admin can assign you a scope.</Text>
        </Card>
      ) : (
        <>
          <Group gap="xs" component="ul" className="plain-list" aria-label="Your scopes">
            {mine.map((s) => (
              <li key={s.id}>
                <Badge variant="light" color="table" tt="none" radius="sm" size="lg">
                  {s.kind === "state"
                    ? `State: ${s.name}`
                    : `Region: ${s.name} (${s.counties.length} counties)`}
                </Badge>
                <Anchor component={Link} to={`/reports/annual?scope=${s.id}`} size="sm" ml="xs">
                  Annual report<VisuallyHidden>{` of ${s.name}`}</VisuallyHidden>
                </Anchor>
              </li>
            ))}
          </Group>
          <Anchor component={Link} to="/portfolio" fw={600}>
            Open the portfolio: figures, flags, map and exports
          </Anchor>
          {partnerships.length === 0 ? (
            <Text c="dimmed">No partnership has a county in your scope yet.</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" className="plain-list">
              {partnerships.map((p) => (
                <li key={p.id}>
                  <Card h="100%" component="article" aria-labelledby={`scope-p-${p.id}`}>
                    <Stack gap="xs" h="100%">
                      <Title order={2} fz="lg" id={`scope-p-${p.id}`}>
                        <Anchor component={Link} to={`/p/${p.slug}`}>
                          {p.name}
                        </Anchor>
                      </Title>
                      <Text size="sm">
                        {stageLabels[p.stage]} · {p.states.join(", ")}
                        {p.role ? " · you sit at its table" : ""}
                      </Text>
                      <Group gap="sm" mt="auto">
                        <Anchor component={Link} to={`/p/${p.slug}/impact`} size="sm">
                          Impact
                          <VisuallyHiddenName name={p.name} />
                        </Anchor>
                        <Anchor component={Link} to={`/p/${p.slug}/members`} size="sm">
                          Members
                          <VisuallyHiddenName name={p.name} />
                        </Anchor>
                        <Anchor component={Link} to={`/p/${p.slug}/meetings`} size="sm">
                          Meetings
                          <VisuallyHiddenName name={p.name} />
                        </Anchor>
                        <Anchor component={Link} to={`/p/${p.slug}/agenda`} size="sm">
                          Action plan
                          <VisuallyHiddenName name={p.name} />
                        </Anchor>
                      </Group>
                    </Stack>
                  </Card>
                </li>
              ))}
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  );
}

/** Links repeated on every card name their partnership to screen readers. */
function VisuallyHiddenName({ name }: { name: string }) {
  return <VisuallyHidden>{` of ${name}`}</VisuallyHidden>;
}
