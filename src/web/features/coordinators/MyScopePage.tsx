import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import { stageLabels } from "../../../core/vocabulary.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { coordinatorsApi, myScopesKey } from "./api.js";

const words = defineMessages({
  title: { id: "coordinators.myScope.title", defaultMessage: "My scope" },
});

/** Words hidden from sight that name, for screen readers, what a repeated link is about. */
const hidden = (chunks: ReactNode[]) => <VisuallyHidden>{chunks}</VisuallyHidden>;

/** A state or regional coordinator's partnerships: read-only, and every read is shown to conveners. */
export default function MyScopePage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage(words.title));
  const me = useMe();
  const scopes = useQuery({
    queryKey: myScopesKey,
    queryFn: ({ signal }) => coordinatorsApi.mine(signal),
    enabled: !!me.data,
  });
  if (me.isPending) return <PageSkeleton />;
  if (!me.data)
    return (
      <SignInPrompt
        title={intl.formatMessage(words.title)}
        reason={intl.formatMessage({
          id: "coordinators.myScope.signIn",
          defaultMessage: "Sign in to see the partnerships you coordinate.",
        })}
      />
    );
  if (scopes.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({
          id: "coordinators.myScope.loading",
          defaultMessage: "Loading your scope",
        })}
      />
    );
  if (scopes.isError) return <ErrorAlert error={scopes.error} onRetry={() => void scopes.refetch()} />;
  const { scopes: mine, partnerships } = scopes.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(words.title)}
        description={intl.formatMessage({
          id: "coordinators.myScope.description",
          defaultMessage:
            "The partnerships you support as a state or regional coordinator. You read their workspaces; you do not vote or change their work. Their conveners see each time you open members-only data.",
        })}
      />
      {mine.length === 0 ? (
        <Card p="xl">
          <Text>
            <FormattedMessage
              id="coordinators.myScope.none"
              defaultMessage="You are not a state or regional coordinator. A community admin can assign you a scope."
            />
          </Text>
        </Card>
      ) : (
        <>
          <Group
            gap="xs"
            component="ul"
            className="plain-list"
            aria-label={intl.formatMessage({
              id: "coordinators.myScope.scopesLabel",
              defaultMessage: "Your scopes",
            })}
          >
            {mine.map((s) => (
              <li key={s.id}>
                <Badge variant="light" color="table" tt="none" radius="sm" size="lg">
                  {s.kind === "state" ? (
                    <FormattedMessage
                      id="coordinators.myScope.state"
                      defaultMessage="State: {name}"
                      values={{ name: s.name }}
                    />
                  ) : (
                    <FormattedMessage
                      id="coordinators.myScope.region"
                      defaultMessage="Region: {name} ({count, plural, one {# county} other {# counties}})"
                      values={{ name: s.name, count: s.counties.length }}
                    />
                  )}
                </Badge>
                <Anchor component={Link} to={`/reports/annual?scope=${s.id}`} size="sm" ml="xs">
                  <FormattedMessage
                    id="coordinators.myScope.annualReport"
                    defaultMessage="Annual report<hidden> of {name}</hidden>"
                    values={{ name: s.name, hidden }}
                  />
                </Anchor>
              </li>
            ))}
          </Group>
          <Anchor component={Link} to="/portfolio" fw={600}>
            <FormattedMessage
              id="coordinators.myScope.portfolio"
              defaultMessage="Open the portfolio: figures, flags, map and exports"
            />
          </Anchor>
          {partnerships.length === 0 ? (
            <Text c="dimmed">
              <FormattedMessage
                id="coordinators.myScope.noPartnerships"
                defaultMessage="No partnership has a county in your scope yet."
              />
            </Text>
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
                        {p.role && (
                          <>
                            {" · "}
                            <FormattedMessage
                              id="coordinators.myScope.atTable"
                              defaultMessage="you sit at its table"
                            />
                          </>
                        )}
                      </Text>
                      <Group gap="sm" mt="auto">
                        <Anchor component={Link} to={`/p/${p.slug}/impact`} size="sm">
                          <FormattedMessage
                            id="coordinators.myScope.link.impact"
                            defaultMessage="Impact<hidden> of {name}</hidden>"
                            values={{ name: p.name, hidden }}
                          />
                        </Anchor>
                        <Anchor component={Link} to={`/p/${p.slug}/members`} size="sm">
                          <FormattedMessage
                            id="coordinators.myScope.link.members"
                            defaultMessage="Members<hidden> of {name}</hidden>"
                            values={{ name: p.name, hidden }}
                          />
                        </Anchor>
                        <Anchor component={Link} to={`/p/${p.slug}/meetings`} size="sm">
                          <FormattedMessage
                            id="coordinators.myScope.link.meetings"
                            defaultMessage="Meetings<hidden> of {name}</hidden>"
                            values={{ name: p.name, hidden }}
                          />
                        </Anchor>
                        <Anchor component={Link} to={`/p/${p.slug}/agenda`} size="sm">
                          <FormattedMessage
                            id="coordinators.myScope.link.agenda"
                            defaultMessage="Action plan<hidden> of {name}</hidden>"
                            values={{ name: p.name, hidden }}
                          />
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
