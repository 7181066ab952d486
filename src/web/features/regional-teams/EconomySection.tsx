import { useCallback, useMemo, useState } from "react";
import { Alert, Anchor, Card, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import type { RegionalTeamDetail } from "../../../core/regional-teams.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { economyQuery, useRegionEconomy, type EconomyChoice } from "../region-economy/api.js";
import { RankingView } from "../region-economy/RankingView.js";
import { teamsApi, useTeamWrite } from "./api.js";

/**
 * The region's economy, from the existing QCEW ranking of the team's counties: a member adds a
 * ranked industry to the team's candidates in one click ("Shortlist" in the ranking).
 */
export function EconomySection({ team }: { team: RegionalTeamDetail }) {
  const intl = useIntl();
  const counties = useMemo(() => team.counties.map((c) => c.fips), [team.counties]);
  const choice: EconomyChoice = useMemo(
    () => ({ counties, cbsa: null, year: null, level: "sector", ownership: "private" }),
    [counties],
  );
  const economy = useRegionEconomy(choice);
  const add = useTeamWrite(team.slug, (row: { code: string }) =>
    teamsApi.addCandidate(team.slug, { naicsCode: row.code }),
  );
  const [status, setStatus] = useState<string | null>(null);
  const mutate = add.mutate;
  const onShortlist = useCallback(
    (row: { code: string; title: string }) =>
      mutate(row, {
        onSuccess: () =>
          setStatus(
            intl.formatMessage(
              {
                id: "regionalTeams.economy.shortlisted",
                defaultMessage: "{industry} is now a candidate industry of the team.",
              },
              { industry: row.title },
            ),
          ),
      }),
    [mutate, intl],
  );
  const candidateCodes = useMemo(() => new Set(team.candidates.map((c) => c.naicsCode)), [team.candidates]);
  const actions = useMemo(
    () => ({
      signedIn: team.permissions.contribute,
      shortlisted: candidateCodes,
      onShortlist,
      shortlisting: add.isPending ? (add.variables?.code ?? null) : null,
      regionName: team.regionName || team.name,
    }),
    [
      team.permissions.contribute,
      candidateCodes,
      onShortlist,
      add.isPending,
      add.variables,
      team.regionName,
      team.name,
    ],
  );
  const notImported = economy.error instanceof ApiError && economy.error.status === 404;
  return (
    <Card component="section" aria-labelledby="team-economy" withBorder>
      <Stack gap="sm">
        <Title order={2} fz="lg" id="team-economy">
          <FormattedMessage id="regionalTeams.economy.title" defaultMessage="The region's economy" />
        </Title>
        <Text size="sm">
          <FormattedMessage
            id="regionalTeams.economy.intro"
            defaultMessage="Industries of the team's counties ranked on concentration, size, growth and pay (BLS QCEW). <link>Explore the region's economy in full</link>."
            values={{
              link: (chunks) => (
                <Anchor component={Link} to={`/regions/economy${economyQuery(choice)}`} underline="always">
                  {chunks}
                </Anchor>
              ),
            }}
          />
        </Text>
        {economy.isPending && (
          <Text c="dimmed">
            <FormattedMessage id="regionalTeams.economy.loading" defaultMessage="Loading…" />
          </Text>
        )}
        {notImported && economy.error && (
          <Alert
            color="harvest"
            variant="light"
            title={intl.formatMessage({
              id: "regionalTeams.economy.notImported",
              defaultMessage: "No figures imported for this region yet",
            })}
            role="status"
          >
            <Text size="sm">{economy.error.message}</Text>
          </Alert>
        )}
        {economy.error && !notImported && (
          <ErrorAlert error={economy.error} onRetry={() => void economy.refetch()} />
        )}
        <Text size="sm" role="status">
          {status}
        </Text>
        {add.error && (
          <Text c="red.9" size="sm" role="alert">
            {errorMessage(add.error)}
          </Text>
        )}
        {economy.data && !economy.error && (
          <RankingView choice={choice} counties={counties} actions={actions} />
        )}
      </Stack>
    </Card>
  );
}
