import { Button, Group, Stack, Tabs, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { usePartnership } from "../partnerships/api.js";
import { useMeasurements, useStories, useTracked } from "./api.js";
import { impactWords } from "./messages.js";
import { BenchmarkPanel } from "./BenchmarkPanel.js";
import { EntryGrid } from "./EntryGrid.js";
import { IndicatorCards } from "./IndicatorCards.js";
import { OutcomesPanel } from "./OutcomesPanel.js";
import { SetupPanel } from "./SetupPanel.js";
import { StoriesList } from "./StoriesList.js";
import { StoryForm } from "./StoryForm.js";
import { isQcewIndicator } from "../../../core/qcew/partnership-panel.js";
import { RegionalEconomyPanel } from "../partnerships/RegionalEconomyPanel.js";

/** The years a grid and the benchmarks offer: the last five and the current one. */
function recentYears(): string[] {
  const now = new Date().getUTCFullYear();
  return Array.from({ length: 6 }, (_, i) => String(now - 5 + i));
}

export default function ImpactPage() {
  const intl = useIntl();
  const { slug } = useParams();
  const partnership = usePartnership(slug);
  const p = partnership.data;
  const tracked = useTracked(p?.id);
  const measurements = useMeasurements(p?.id);
  const stories = useStories(p?.id);
  const impactTitle = intl.formatMessage({ id: "impact.page.title", defaultMessage: "Impact" });
  usePageTitle(
    p
      ? intl.formatMessage(
          { id: "impact.page.pageTitle", defaultMessage: "Impact of {name}" },
          { name: p.name },
        )
      : impactTitle,
  );

  if (partnership.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "impact.page.loading", defaultMessage: "Loading the impact" })}
      />
    );
  if (partnership.error instanceof ApiError && partnership.error.status === 404) return <NotFoundPage />;
  if (!p) return <ErrorAlert error={partnership.error} onRetry={() => void partnership.refetch()} />;
  const periods = recentYears();
  const loading = tracked.isPending || measurements.isPending;
  const failed = tracked.error ?? measurements.error;
  const canEdit = tracked.data?.canEdit ?? false;

  return (
    <Stack gap="lg">
      <PageHeader
        title={impactTitle}
        description={
          canEdit
            ? intl.formatMessage(
                {
                  id: "impact.page.description",
                  defaultMessage: "What {name} achieves, in numbers and stories.",
                },
                { name: p.name },
              )
            : intl.formatMessage(
                {
                  id: "impact.page.descriptionShared",
                  defaultMessage: "What {name} achieves, in numbers and stories (the values you may see).",
                },
                { name: p.name },
              )
        }
        actions={
          <Group gap="sm">
            <Button
              component="a"
              variant="default"
              href={`/api/partnerships/${p.id}/measurements.csv`}
              download
            >
              <FormattedMessage {...impactWords.downloadCsv} />
            </Button>
            {canEdit && (
              <Button component={Link} variant="default" to={`/p/${p.slug}/value-check`}>
                <FormattedMessage id="impact.page.valueCheckLink" defaultMessage="Employer value check" />
              </Button>
            )}
            {canEdit && (
              <Button
                component="a"
                variant="subtle"
                href={`/api/partnerships/${p.id}/measurements/template.csv`}
                download
              >
                <FormattedMessage id="impact.page.importTemplate" defaultMessage="Import template" />
              </Button>
            )}
          </Group>
        }
      />
      {loading ? (
        <PageSkeleton
          label={intl.formatMessage({
            id: "impact.page.loadingIndicators",
            defaultMessage: "Loading the indicators",
          })}
        />
      ) : failed || !tracked.data || !measurements.data ? (
        <ErrorAlert error={failed} onRetry={() => void tracked.refetch()} />
      ) : (
        <Tabs defaultValue="indicators" keepMounted={false}>
          <Tabs.List mb="lg">
            <Tabs.Tab value="indicators">
              <FormattedMessage {...impactWords.indicators} />
            </Tabs.Tab>
            {canEdit && (
              <Tabs.Tab value="enter">
                <FormattedMessage id="impact.page.enterTab" defaultMessage="Enter values" />
              </Tabs.Tab>
            )}
            <Tabs.Tab value="benchmarks">
              <FormattedMessage id="impact.page.benchmarksTab" defaultMessage="Benchmarks" />
            </Tabs.Tab>
            <Tabs.Tab value="stories">
              <FormattedMessage id="impact.page.storiesTab" defaultMessage="Stories" />
            </Tabs.Tab>
            {canEdit && (
              <Tabs.Tab value="setup">
                <FormattedMessage id="impact.page.setupTab" defaultMessage="Set up and import" />
              </Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="indicators">
            <OutcomesPanel
              partnershipId={p.id}
              tracked={tracked.data.items}
              measurements={measurements.data.items}
              showComputed={canEdit}
            />
            <IndicatorCards
              tracked={tracked.data.items}
              measurements={measurements.data.items}
              partnershipId={p.id}
              canEdit={canEdit}
              areaExtras={{
                regional_economy: (
                  <RegionalEconomyPanel partnershipId={p.id} headingOrder={3} showIndicators />
                ),
              }}
            />
          </Tabs.Panel>
          {canEdit && (
            <Tabs.Panel value="enter">
              <EntryGrid
                partnershipId={p.id}
                // BLS QCEW values come from the imported files, computed ones from the table: never from the grid.
                tracked={tracked.data.items.filter(
                  (t) => !t.retired && !t.computed && !isQcewIndicator(t.key),
                )}
                measurements={measurements.data.items}
                years={periods}
              />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="benchmarks">
            <BenchmarkPanel
              partnershipId={p.id}
              tracked={tracked.data.items.filter((t) => !t.custom)}
              periods={periods}
            />
          </Tabs.Panel>
          <Tabs.Panel value="stories">
            {canEdit && (
              <div style={{ marginBottom: "var(--mantine-spacing-lg)" }}>
                <StoryForm partnershipId={p.id} tracked={tracked.data.items} />
              </div>
            )}
            {stories.isError ? (
              <ErrorAlert error={stories.error} onRetry={() => void stories.refetch()} />
            ) : stories.data ? (
              <StoriesList
                stories={stories.data.items}
                editing={
                  canEdit && tracked.data ? { partnershipId: p.id, tracked: tracked.data.items } : undefined
                }
              />
            ) : (
              <Text c="dimmed">
                <FormattedMessage id="impact.page.loadingStories" defaultMessage="Loading the stories…" />
              </Text>
            )}
          </Tabs.Panel>
          {canEdit && (
            <Tabs.Panel value="setup">
              <SetupPanel partnershipId={p.id} tracked={tracked.data} />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
    </Stack>
  );
}
