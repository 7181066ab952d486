import { useState } from "react";
import { Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import { usStates } from "../../../core/geography.js";
import { portfolioFlagLabels, portfolioFlags, type Portfolio } from "../../../core/portfolio.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { exportHref, usePortfolio } from "./api.js";
import { usePortfolioParams, type PortfolioParams } from "./params.js";
import { PortfolioCard } from "./PortfolioCard.js";
import { PortfolioFilters } from "./PortfolioFilters.js";
import { PortfolioMap } from "./PortfolioMap.js";

const words = defineMessages({
  title: { id: "portfolio.page.title", defaultMessage: "Portfolio" },
});

/** Cards shown at first and added by "Show more": a national view holds thousands. */
const PAGE = 60;

/** A coordinator's partnerships with their figures and flags: a page per scope, or per state for the admin. */
export default function PortfolioPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage(words.title));
  const me = useMe();
  const { params, update } = usePortfolioParams();
  const portfolio = usePortfolio(params, !!me.data);
  if (me.isPending) return <PageSkeleton />;
  if (!me.data) {
    return (
      <SignInPrompt
        title={intl.formatMessage(words.title)}
        reason={intl.formatMessage({
          id: "portfolio.page.signInReason",
          defaultMessage: "Sign in to see the partnerships you coordinate.",
        })}
      />
    );
  }
  if (portfolio.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "portfolio.page.loading", defaultMessage: "Loading the portfolio" })}
      />
    );
  if (portfolio.isError && !portfolio.data) {
    return <ErrorAlert error={portfolio.error} onRetry={() => void portfolio.refetch()} />;
  }
  return (
    <PortfolioView
      data={portfolio.data}
      params={params}
      update={update}
      isAdmin={me.data.isAdmin}
      updating={portfolio.isPlaceholderData}
      error={portfolio.isError ? portfolio.error : null}
      onRetry={() => void portfolio.refetch()}
    />
  );
}

interface ViewProps {
  data: Portfolio;
  params: PortfolioParams;
  update: (change: Partial<PortfolioParams>) => void;
  isAdmin: boolean;
  updating: boolean;
  error: Error | null;
  onRetry: () => void;
}

function PortfolioView({ data, params, update, isAdmin, updating, error, onRetry }: ViewProps) {
  const intl = useIntl();
  const [mapOpen, setMapOpen] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const states = [...new Set(data.items.flatMap((i) => i.counties.map((c) => c.slice(0, 2))))];
  const empty = data.total === 0 && !isAdmin && data.scopes.length === 0;
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(words.title)}
        description={intl.formatMessage(
          {
            id: "portfolio.page.description",
            defaultMessage:
              "{label}: every partnership with its meetings, business leadership, action plan, self-assessment and reporting, and what needs a call.",
          },
          { label: data.label },
        )}
        actions={
          data.total > 0 && (
            <>
              <Button component="a" href={exportHref("xlsx", params)} download variant="default">
                <FormattedMessage id="portfolio.page.downloadExcel" defaultMessage="Download Excel" />
              </Button>
              <Button component="a" href={exportHref("csv", params)} download variant="default">
                <FormattedMessage id="portfolio.page.downloadCsv" defaultMessage="Download CSV" />
              </Button>
            </>
          )
        }
      />
      {data.scopes.length > 1 && (
        <Group
          gap={6}
          component="nav"
          aria-label={intl.formatMessage({ id: "portfolio.scopes.label", defaultMessage: "Your scopes" })}
        >
          <ScopeLink
            to="/portfolio"
            current={!params.scope && !params.state}
            label={intl.formatMessage({ id: "portfolio.scopes.all", defaultMessage: "All your scopes" })}
          />
          {data.scopes.map((s) => (
            <ScopeLink
              key={s.id}
              to={`/portfolio?scope=${s.id}`}
              current={params.scope === s.id}
              label={
                s.kind === "state"
                  ? s.name
                  : intl.formatMessage(
                      { id: "portfolio.scopes.region", defaultMessage: "{name} (region)" },
                      { name: s.name },
                    )
              }
            />
          ))}
        </Group>
      )}
      {isAdmin && (
        <Select
          label={intl.formatMessage({ id: "portfolio.page.stateLabel", defaultMessage: "State" })}
          description={intl.formatMessage({
            id: "portfolio.page.stateHelp",
            defaultMessage: "The community admin sees any state, or every partnership.",
          })}
          placeholder={intl.formatMessage({
            id: "portfolio.page.everyPartnership",
            defaultMessage: "Every partnership",
          })}
          searchable
          clearable
          data={usStates.map((s) => ({ value: s.fips, label: s.name }))}
          value={params.state || null}
          onChange={(v) => update({ state: v ?? "", scope: "", inState: "" })}
          maw={320}
        />
      )}
      {empty ? (
        <Card p="xl">
          <Text>
            <FormattedMessage
              id="portfolio.page.empty"
              defaultMessage="You are not a state or regional coordinator, so your portfolio is empty. A community admin can assign you a scope; see <link>My scope</link>."
              values={{ link: (chunks) => <Link to="/me/scope">{chunks}</Link> }}
            />
          </Text>
        </Card>
      ) : (
        <>
          <section aria-labelledby="flags-heading">
            <Title order={2} fz="md" id="flags-heading" mb="xs">
              <FormattedMessage id="portfolio.flags.title" defaultMessage="Flags" />
            </Title>
            <Group gap={6}>
              {portfolioFlags.map((f) => (
                <Button
                  key={f}
                  size="compact-sm"
                  radius="xl"
                  variant={params.flag === f ? "filled" : "default"}
                  aria-pressed={params.flag === f}
                  onClick={() => update({ flag: params.flag === f ? "" : f })}
                >
                  {portfolioFlagLabels[f]} · {data.flagCounts[f]}
                </Button>
              ))}
            </Group>
          </section>
          <Card>
            <PortfolioFilters params={params} states={states} onChange={update} />
          </Card>
          <Card component="section" aria-labelledby="map-heading">
            <Group justify="space-between" wrap="nowrap">
              <Title order={2} fz="md" id="map-heading">
                <FormattedMessage id="portfolio.map.title" defaultMessage="Map" />
              </Title>
              <Button
                variant="subtle"
                size="compact-sm"
                aria-expanded={mapOpen}
                aria-controls="portfolio-map"
                onClick={() => setMapOpen((o) => !o)}
              >
                {mapOpen ? (
                  <FormattedMessage id="portfolio.map.hide" defaultMessage="Hide map" />
                ) : (
                  <FormattedMessage id="portfolio.map.show" defaultMessage="Show map" />
                )}
              </Button>
            </Group>
            {/* Drawn only once asked for: the map loads US shapes a phone need not fetch. */}
            <div id="portfolio-map" hidden={!mapOpen}>
              {mapOpen && (
                <PortfolioMap
                  items={data.items}
                  inState={params.inState}
                  onState={(inState) => update({ inState })}
                />
              )}
            </div>
          </Card>
          <section aria-labelledby="partnerships-heading">
            <Stack gap={2} mb="md">
              <Title order={2} fz="xl" id="partnerships-heading">
                <FormattedMessage id="portfolio.list.title" defaultMessage="Partnerships" />
              </Title>
              <Text c="dimmed" size="sm" aria-live="polite" data-testid="portfolio-count">
                {updating ? (
                  <FormattedMessage id="portfolio.list.updating" defaultMessage="Updating…" />
                ) : data.items.length === data.total ? (
                  <FormattedMessage
                    id="portfolio.list.count"
                    defaultMessage="{count, plural, one {# partnership} other {# partnerships}}"
                    values={{ count: data.total }}
                  />
                ) : (
                  <FormattedMessage
                    id="portfolio.list.countOf"
                    defaultMessage="{shown} of {count, plural, one {# partnership} other {# partnerships}}"
                    values={{ shown: String(data.items.length), count: data.total }}
                  />
                )}
              </Text>
            </Stack>
            {error && <ErrorAlert error={error} onRetry={onRetry} />}
            {data.items.length === 0 ? (
              <Text c="dimmed">
                <FormattedMessage
                  id="portfolio.list.none"
                  defaultMessage="No partnership matches these filters."
                />
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md" component="ul" className="plain-list">
                {data.items.slice(0, shown).map((item) => (
                  <li key={item.id}>
                    <PortfolioCard item={item} lastYear={data.lastYear} />
                  </li>
                ))}
              </SimpleGrid>
            )}
            {data.items.length > shown && (
              <Button variant="default" mt="md" onClick={() => setShown((n) => n + PAGE)}>
                <FormattedMessage
                  id="portfolio.list.showMore"
                  defaultMessage="Show more ({left} left)"
                  values={{ left: String(data.items.length - shown) }}
                />
              </Button>
            )}
          </section>
        </>
      )}
    </Stack>
  );
}

function ScopeLink({ to, current, label }: { to: string; current: boolean; label: string }) {
  return (
    <Button
      component={Link}
      to={to}
      size="compact-sm"
      radius="xl"
      variant={current ? "filled" : "default"}
      aria-current={current ? "page" : undefined}
    >
      {label}
    </Button>
  );
}
