import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { formatDate } from "../../../core/format.js";
import { PROFILE_COMPARE_MAX, PROFILE_COMPARE_MIN, type ProfileListQuery } from "../../../core/profiles.js";
import { settingLabels, settings, stageLabels, stages } from "../../../core/vocabulary.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useProfiles } from "./api.js";
import { PartnershipLine } from "./PartnershipLine.js";

const filterNames = ["industry", "state", "stage", "setting"] as const;

/** The collection of published benchmarking profiles, filtered, with up to three chosen to compare. */
export default function ProfilesPage() {
  const intl = useIntl();
  usePageTitle(
    intl.formatMessage({ id: "profiles.list.pageTitle", defaultMessage: "Benchmarking profiles" }),
  );
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = Object.fromEntries(
    filterNames.flatMap((name) => (params.get(name) ? [[name, params.get(name)]] : [])),
  ) as ProfileListQuery;
  const list = useProfiles(query);
  const [chosen, setChosen] = useState<string[]>([]);
  const setFilter = (name: (typeof filterNames)[number], value: string) => {
    // From the address as it is now, not this render's copy: two filters changed in quick
    // succession (before a re-render) must both stay, the second must not undo the first.
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const facets = list.data?.facets;
  const canCompare = chosen.length >= PROFILE_COMPARE_MIN && chosen.length <= PROFILE_COMPARE_MAX;
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage({ id: "profiles.list.pageTitle", defaultMessage: "Benchmarking profiles" })}
        description={intl.formatMessage({
          id: "profiles.list.description",
          defaultMessage:
            "Partnerships tell how they started, how they work, what changed and what they achieved, in the six parts of the Next Gen Benchmarking Framework. Their results come live from their own impact indicators.",
        })}
        actions={
          <Button component={Link} to="/results" variant="default">
            <FormattedMessage id="profiles.list.resultsLink" defaultMessage="Results across partnerships" />
          </Button>
        }
      />
      <SimpleGrid
        cols={{ base: 1, xs: 2, md: 4 }}
        spacing="sm"
        component="form"
        aria-label={intl.formatMessage({
          id: "profiles.list.filtersLabel",
          defaultMessage: "Filter the profiles",
        })}
      >
        <NativeSelect
          label={intl.formatMessage({ id: "profiles.list.industryLabel", defaultMessage: "Industry sector" })}
          value={query.industry ?? ""}
          onChange={(e) => setFilter("industry", e.currentTarget.value)}
          data={[
            {
              value: "",
              label: intl.formatMessage({
                id: "profiles.list.allIndustries",
                defaultMessage: "All industries",
              }),
            },
            ...(facets?.industries ?? []).map((i) => ({ value: i.code, label: `${i.title} (${i.code})` })),
            ...(query.industry && !facets?.industries.some((i) => i.code === query.industry)
              ? [{ value: query.industry, label: query.industry }]
              : []),
          ]}
        />
        <NativeSelect
          label={intl.formatMessage({ id: "profiles.list.stateLabel", defaultMessage: "State" })}
          value={query.state?.toUpperCase() ?? ""}
          onChange={(e) => setFilter("state", e.currentTarget.value)}
          data={[
            {
              value: "",
              label: intl.formatMessage({ id: "profiles.list.allStates", defaultMessage: "All states" }),
            },
            ...(facets?.states ?? []).map((s) => ({ value: s.abbr, label: s.name })),
            ...(query.state && !facets?.states.some((s) => s.abbr === query.state?.toUpperCase())
              ? [{ value: query.state.toUpperCase(), label: query.state.toUpperCase() }]
              : []),
          ]}
        />
        <NativeSelect
          label={intl.formatMessage({ id: "profiles.list.stageLabel", defaultMessage: "Stage" })}
          value={query.stage ?? ""}
          onChange={(e) => setFilter("stage", e.currentTarget.value)}
          data={[
            {
              value: "",
              label: intl.formatMessage({ id: "profiles.list.allStages", defaultMessage: "All stages" }),
            },
            ...stages.map((s) => ({ value: s, label: stageLabels[s] })),
          ]}
        />
        <NativeSelect
          label={intl.formatMessage({ id: "profiles.list.settingLabel", defaultMessage: "Setting" })}
          value={query.setting ?? ""}
          onChange={(e) => setFilter("setting", e.currentTarget.value)}
          data={[
            {
              value: "",
              label: intl.formatMessage({ id: "profiles.list.allSettings", defaultMessage: "All settings" }),
            },
            ...settings.map((s) => ({ value: s, label: settingLabels[s] })),
          ]}
        />
      </SimpleGrid>
      {list.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({ id: "profiles.list.loading", defaultMessage: "Loading the profiles" })}
        />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" aria-live="polite">
              <FormattedMessage
                id="profiles.list.count"
                defaultMessage="{count, plural, one {# profile} other {# profiles}}"
                values={{ count: list.data.items.length }}
              />
            </Text>
            <Button
              disabled={!canCompare}
              onClick={() => void navigate(`/profiles/compare?ids=${chosen.join(",")}`)}
            >
              <FormattedMessage
                id="profiles.list.compareButton"
                defaultMessage="Compare {chosen} of {max}"
                values={{ chosen: chosen.length, max: PROFILE_COMPARE_MAX }}
              />
            </Button>
          </Group>
          {list.data.items.length === 0 ? (
            <Text>
              <FormattedMessage
                id="profiles.list.empty"
                defaultMessage="No published profile matches these filters yet."
              />
            </Text>
          ) : (
            <SimpleGrid
              component="ul"
              cols={{ base: 1, sm: 2 }}
              spacing="md"
              p={0}
              m={0}
              style={{ listStyle: "none" }}
            >
              {list.data.items.map((item) => {
                const slug = item.partnership.slug;
                const isChosen = chosen.includes(slug);
                return (
                  <Card component="li" key={slug} withBorder>
                    <Title order={2} fz="lg">
                      <Anchor component={Link} to={`/profiles/${slug}`}>
                        {item.partnership.name}
                      </Anchor>
                    </Title>
                    <PartnershipLine partnership={item.partnership} />
                    <Text size="sm" mt="xs">
                      {item.summary}
                    </Text>
                    <Text size="xs" c="dimmed" mt="xs">
                      <FormattedMessage
                        id="profiles.list.publishedLine"
                        defaultMessage="Published {date} · {count, plural, one {# indicator} other {# indicators}} featured"
                        values={{ date: formatDate(item.publishedAt), count: item.indicators }}
                      />
                    </Text>
                    <Checkbox
                      mt="sm"
                      label={intl.formatMessage(
                        { id: "profiles.list.compareCheckbox", defaultMessage: "Compare {name}" },
                        { name: item.partnership.name },
                      )}
                      checked={isChosen}
                      disabled={!isChosen && chosen.length >= PROFILE_COMPARE_MAX}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setChosen((list) => (on ? [...list, slug] : list.filter((s) => s !== slug)));
                      }}
                    />
                  </Card>
                );
              })}
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  );
}
