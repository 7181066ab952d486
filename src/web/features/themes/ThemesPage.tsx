import { useState } from "react";
import { Link } from "react-router";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import type { ThemeGroup, ThemeRollup } from "../../../core/themes.js";
import { themeLabels } from "../../../core/vocabulary.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { useThemeRollup } from "./api.js";

const percent = (share: number) => `${Math.round(share * 100)}%`;

const words = defineMessages({
  pageTitle: { id: "themes.page.title", defaultMessage: "What partnerships work on" },
});

/** One bar per theme: how many of the partnerships counted work on it. */
function ThemeBars({ themes }: { themes: ThemeRollup["themes"] }) {
  const intl = useIntl();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {themes.map((t) => (
        <li key={t.theme}>
          <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
            <Text size="sm" fw={600}>
              {themeLabels[t.theme]}
            </Text>
            <Text size="sm" c="dimmed" ta="right" style={{ whiteSpace: "nowrap" }}>
              <FormattedMessage
                id="themes.bars.count"
                defaultMessage="{count, plural, one {# partnership} other {# partnerships}} · {share}"
                values={{ count: t.partnerships, share: percent(t.share) }}
              />
            </Text>
          </Group>
          <Progress
            value={t.share * 100}
            color="table.7"
            size="md"
            radius="xl"
            aria-label={intl.formatMessage(
              { id: "themes.bars.label", defaultMessage: "{theme}: {share} of partnerships" },
              { theme: themeLabels[t.theme], share: percent(t.share) },
            )}
          />
        </li>
      ))}
    </Stack>
  );
}

function GroupCards({
  title,
  groups,
  folded,
  what,
}: {
  title: string;
  groups: ThemeGroup[];
  folded: number;
  what: "industry" | "state";
}) {
  const id = `themes-${what}`;
  return (
    <Card component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" id={id} mb="sm">
        {title}
      </Title>
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {what === "industry" ? (
            <FormattedMessage
              id="themes.groups.noIndustry"
              defaultMessage="No industry has 5 or more partnerships with themed priorities yet."
            />
          ) : (
            <FormattedMessage
              id="themes.groups.noState"
              defaultMessage="No state has 5 or more partnerships with themed priorities yet."
            />
          )}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {groups.map((g) => (
            <div key={g.key}>
              <Text fw={600}>{g.label}</Text>
              <Text size="xs" c="dimmed" mb={4}>
                <FormattedMessage
                  id="themes.groups.partnerships"
                  defaultMessage="{count, plural, one {# partnership} other {# partnerships}}"
                  values={{ count: g.partnerships }}
                />
              </Text>
              <Text size="sm">
                {g.themes
                  .slice(0, 3)
                  .map((t) => `${themeLabels[t.theme]} ${percent(t.share)}`)
                  .join(" · ")}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      )}
      {folded > 0 && (
        <Text size="xs" c="dimmed" mt="sm">
          {what === "industry" ? (
            <FormattedMessage
              id="themes.groups.foldedIndustries"
              defaultMessage="{count, plural, one {# industry} other {# industries}} with fewer than 5 partnerships left out, so that no partnership's agenda can be read from them."
              values={{ count: folded }}
            />
          ) : (
            <FormattedMessage
              id="themes.groups.foldedStates"
              defaultMessage="{count, plural, one {# state} other {# states}} with fewer than 5 partnerships left out, so that no partnership's agenda can be read from them."
              values={{ count: folded }}
            />
          )}
        </Text>
      )}
    </Card>
  );
}

/** What partnerships across the country work on: their active priorities by theme. */
export default function ThemesPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage(words.pageTitle));
  const me = useMe();
  const signedIn = !!me.data;
  const [industry, setIndustry] = useState("");
  const [state, setState] = useState("");
  // The choices come from the whole community's groups: a smaller group would show nothing.
  const national = useThemeRollup({}, signedIn);
  const narrowed = useThemeRollup(
    { ...(industry ? { industry } : {}), ...(state ? { state } : {}) },
    signedIn && !!(industry || state),
  );
  const shown = industry || state ? narrowed : national;
  const data = shown.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(words.pageTitle)}
        description={intl.formatMessage({
          id: "themes.page.description",
          defaultMessage:
            "The themes of the priorities partnerships are working on now, across the Community of Practice. Counts only: agendas stay with their partnerships.",
        })}
        actions={
          <Button component={Link} to="/results" variant="default">
            <FormattedMessage id="themes.page.resultsLink" defaultMessage="Results across partnerships" />
          </Button>
        }
      />
      {me.isPending ? (
        <PageSkeleton label={intl.formatMessage({ id: "themes.page.loading", defaultMessage: "Loading" })} />
      ) : !signedIn ? (
        <Text>
          <FormattedMessage
            id="themes.page.signIn"
            defaultMessage="<link>Sign in</link> to see what partnerships work on: it is shared with the Community of Practice."
            values={{
              link: (chunks) => (
                <Anchor component={Link} to="/signin?next=/themes">
                  {chunks}
                </Anchor>
              ),
            }}
          />
        </Text>
      ) : (
        <>
          {national.data?.byIndustry.length || national.data?.byState.length ? (
            <Group align="flex-end" gap="md">
              {!!national.data.byIndustry.length && (
                <NativeSelect
                  label={intl.formatMessage({ id: "themes.filter.industry", defaultMessage: "Industry" })}
                  value={industry}
                  onChange={(e) => setIndustry(e.currentTarget.value)}
                  data={[
                    {
                      value: "",
                      label: intl.formatMessage({
                        id: "themes.filter.allIndustries",
                        defaultMessage: "All industries",
                      }),
                    },
                    ...national.data.byIndustry.map((g) => ({ value: g.key, label: g.label })),
                  ]}
                />
              )}
              {!!national.data.byState.length && (
                <NativeSelect
                  label={intl.formatMessage({ id: "themes.filter.state", defaultMessage: "State" })}
                  value={state}
                  onChange={(e) => setState(e.currentTarget.value)}
                  data={[
                    {
                      value: "",
                      label: intl.formatMessage({
                        id: "themes.filter.allStates",
                        defaultMessage: "All states",
                      }),
                    },
                    ...national.data.byState.map((g) => ({ value: g.key, label: g.label })),
                  ]}
                />
              )}
            </Group>
          ) : null}
          {shown.isPending ? (
            <PageSkeleton
              label={intl.formatMessage({
                id: "themes.page.loadingThemes",
                defaultMessage: "Loading the themes",
              })}
            />
          ) : shown.isError ? (
            <ErrorAlert error={shown.error} onRetry={() => void shown.refetch()} />
          ) : data?.suppressed ? (
            <Text>
              <FormattedMessage
                id="themes.page.suppressed"
                defaultMessage="Fewer than {min} partnerships match, so nothing is counted: a smaller group could show a partnership's own agenda."
                values={{ min: data.minGroup }}
              />
            </Text>
          ) : (
            data && (
              <Stack gap="lg">
                <Card component="section" aria-labelledby="themes-all">
                  <Title order={2} fz="lg" id="themes-all" mb={4}>
                    <FormattedMessage id="themes.all.title" defaultMessage="Themes" />
                  </Title>
                  <Text size="sm" c="dimmed" mb="md">
                    <FormattedMessage
                      id="themes.all.intro"
                      defaultMessage="Of {count, plural, one {# partnership} other {# partnerships}} with active priorities, how many work on each theme. A partnership counts once per theme."
                      values={{ count: data.partnerships }}
                    />
                  </Text>
                  <ThemeBars themes={data.themes} />
                  {data.unthemed > 0 && (
                    <Text size="xs" c="dimmed" mt="md">
                      <FormattedMessage
                        id="themes.all.unthemed"
                        defaultMessage="{count, plural, one {# active priority chosen before themes existed is not counted} other {# active priorities chosen before themes existed are not counted}}; conveners can choose a theme in the action plan."
                        values={{ count: data.unthemed }}
                      />
                    </Text>
                  )}
                </Card>
                {!industry && (
                  <GroupCards
                    title={intl.formatMessage({
                      id: "themes.groups.byIndustry",
                      defaultMessage: "By industry",
                    })}
                    groups={data.byIndustry}
                    folded={data.foldedIndustries}
                    what="industry"
                  />
                )}
                {!state && (
                  <GroupCards
                    title={intl.formatMessage({ id: "themes.groups.byState", defaultMessage: "By state" })}
                    groups={data.byState}
                    folded={data.foldedStates}
                    what="state"
                  />
                )}
              </Stack>
            )
          )}
        </>
      )}
    </Stack>
  );
}
