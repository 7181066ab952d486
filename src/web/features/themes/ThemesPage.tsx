import { useState } from "react";
import { Link } from "react-router";
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
import { formatCountOf } from "../../../core/format.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { useThemeRollup } from "./api.js";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** One bar per theme: how many of the partnerships counted work on it. */
function ThemeBars({ themes }: { themes: ThemeRollup["themes"] }) {
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {themes.map((t) => (
        <li key={t.theme}>
          <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
            <Text size="sm" fw={600}>
              {themeLabels[t.theme]}
            </Text>
            <Text size="sm" c="dimmed" ta="right" style={{ whiteSpace: "nowrap" }}>
              {formatCountOf(t.partnerships, "partnership")} · {percent(t.share)}
            </Text>
          </Group>
          <Progress
            value={t.share * 100}
            color="table.7"
            size="md"
            radius="xl"
            aria-label={`${themeLabels[t.theme]}: ${percent(t.share)} of partnerships`}
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
  what: string;
}) {
  const id = `themes-${what}`;
  return (
    <Card component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" id={id} mb="sm">
        {title}
      </Title>
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          No {what} has 5 or more partnerships with themed priorities yet.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {groups.map((g) => (
            <div key={g.key}>
              <Text fw={600}>{g.label}</Text>
              <Text size="xs" c="dimmed" mb={4}>
                {formatCountOf(g.partnerships, "partnership")}
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
          {formatCountOf(
            folded,
            what === "industry" ? "industry" : "state",
            what === "industry" ? "industries" : "states",
          )}{" "}
          with fewer than 5 partnerships left out, so that no partnership&apos;s agenda can be read from them.
        </Text>
      )}
    </Card>
  );
}

/** What partnerships across the country work on: their active priorities by theme. */
export default function ThemesPage() {
  usePageTitle("What partnerships work on");
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
        title="What partnerships work on"
        description="The themes of the priorities partnerships are working on now, across the Community of Practice. Counts only: agendas stay with their partnerships."
        actions={
          <Button component={Link} to="/results" variant="default">
            Results across partnerships
          </Button>
        }
      />
      {me.isPending ? (
        <PageSkeleton label="Loading" />
      ) : !signedIn ? (
        <Text>
          <Anchor component={Link} to="/signin?next=/themes">
            Sign in
          </Anchor>{" "}
          to see what partnerships work on: it is shared with the Community of Practice.
        </Text>
      ) : (
        <>
          {national.data?.byIndustry.length || national.data?.byState.length ? (
            <Group align="flex-end" gap="md">
              {!!national.data.byIndustry.length && (
                <NativeSelect
                  label="Industry"
                  value={industry}
                  onChange={(e) => setIndustry(e.currentTarget.value)}
                  data={[
                    { value: "", label: "All industries" },
                    ...national.data.byIndustry.map((g) => ({ value: g.key, label: g.label })),
                  ]}
                />
              )}
              {!!national.data.byState.length && (
                <NativeSelect
                  label="State"
                  value={state}
                  onChange={(e) => setState(e.currentTarget.value)}
                  data={[
                    { value: "", label: "All states" },
                    ...national.data.byState.map((g) => ({ value: g.key, label: g.label })),
                  ]}
                />
              )}
            </Group>
          ) : null}
          {shown.isPending ? (
            <PageSkeleton label="Loading the themes" />
          ) : shown.isError ? (
            <ErrorAlert error={shown.error} onRetry={() => void shown.refetch()} />
          ) : data?.suppressed ? (
            <Text>
              Fewer than {data.minGroup} partnerships match, so nothing is counted: a smaller group could show
              a partnership&apos;s own agenda.
            </Text>
          ) : (
            data && (
              <Stack gap="lg">
                <Card component="section" aria-labelledby="themes-all">
                  <Title order={2} fz="lg" id="themes-all" mb={4}>
                    Themes
                  </Title>
                  <Text size="sm" c="dimmed" mb="md">
                    Of {formatCountOf(data.partnerships, "partnership")} with active priorities, how many work
                    on each theme. A partnership counts once per theme.
                  </Text>
                  <ThemeBars themes={data.themes} />
                  {data.unthemed > 0 && (
                    <Text size="xs" c="dimmed" mt="md">
                      {formatCountOf(data.unthemed, "active priority", "active priorities")} chosen before
                      themes existed {data.unthemed === 1 ? "is" : "are"} not counted; conveners can choose a
                      theme in the action plan.
                    </Text>
                  )}
                </Card>
                {!industry && (
                  <GroupCards
                    title="By industry"
                    groups={data.byIndustry}
                    folded={data.foldedIndustries}
                    what="industry"
                  />
                )}
                {!state && (
                  <GroupCards
                    title="By state"
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
