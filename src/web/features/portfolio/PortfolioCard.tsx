import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useIntl, type IntlShape } from "react-intl";
import { bandLabels } from "../../../core/assessment-scoring.js";
import { formatDate, formatShare, NO_VALUE } from "../../../core/format.js";
import { portfolioFlagLabels, type PortfolioItem } from "../../../core/portfolio.js";
import { stageLabels } from "../../../core/vocabulary.js";

interface Props {
  item: PortfolioItem;
  lastYear: number;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" fw={600} m={0}>
        {value}
      </Text>
    </div>
  );
}

function lastMeeting(intl: IntlShape, item: PortfolioItem): string {
  if (item.lastFullMeeting === null || item.monthsSinceFullMeeting === null)
    return intl.formatMessage({ id: "portfolio.card.noMeeting", defaultMessage: "None held" });
  const months = item.monthsSinceFullMeeting;
  const date = formatDate(item.lastFullMeeting);
  return months === 0
    ? intl.formatMessage(
        { id: "portfolio.card.meetingThisMonth", defaultMessage: "this month ({date})" },
        { date },
      )
    : intl.formatMessage(
        {
          id: "portfolio.card.meetingMonthsAgo",
          defaultMessage: "{months, plural, one {# month ago} other {# months ago}} ({date})",
        },
        { months, date },
      );
}

/** One partnership of the portfolio: its flags first, then the figures behind them. */
export function PortfolioCard({ item, lastYear }: Props) {
  const intl = useIntl();
  const headingId = `portfolio-${item.id}`;
  return (
    <Card h="100%" component="article" aria-labelledby={headingId} data-testid="portfolio-card">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={3} fz="lg" id={headingId}>
            <Anchor component={Link} to={`/p/${item.slug}`}>
              {item.name}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {item.role
              ? intl.formatMessage(
                  {
                    id: "portfolio.card.placeAtTable",
                    defaultMessage: "{stage} · {states} · you sit at its table",
                  },
                  { stage: stageLabels[item.stage], states: item.states.join(", ") },
                )
              : `${stageLabels[item.stage]} · ${item.states.join(", ")}`}
          </Text>
        </Stack>
        {item.flags.length > 0 && (
          <Group
            gap={6}
            component="ul"
            className="plain-list"
            aria-label={intl.formatMessage(
              { id: "portfolio.card.flagsOf", defaultMessage: "Flags of {name}" },
              { name: item.name },
            )}
          >
            {item.flags.map((f) => (
              <li key={f}>
                <Badge color="red.9" variant="filled" tt="none" radius="sm">
                  {portfolioFlagLabels[f]}
                </Badge>
              </li>
            ))}
          </Group>
        )}
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs" component="dl" m={0}>
          <Fact
            label={intl.formatMessage({
              id: "portfolio.card.lastMeeting",
              defaultMessage: "Last full meeting",
            })}
            value={lastMeeting(intl, item)}
          />
          <Fact
            label={intl.formatMessage({
              id: "portfolio.card.businessShare",
              defaultMessage: "Business share, last full meetings",
            })}
            value={
              item.businessShareTrend.length === 0
                ? NO_VALUE
                : item.businessShareTrend.map((s) => formatShare(s)).join(" → ")
            }
          />
          <Fact
            label={intl.formatMessage({
              id: "portfolio.card.teamsWithChampion",
              defaultMessage: "Teams with a business champion",
            })}
            value={intl.formatMessage(
              { id: "portfolio.card.teamsCount", defaultMessage: "{count} of {total}" },
              { count: String(item.teams.withBusinessChampion), total: String(item.teams.active) },
            )}
          />
          <Fact
            label={intl.formatMessage({ id: "portfolio.card.lateActions", defaultMessage: "Late actions" })}
            value={String(item.lateActions)}
          />
          <Fact
            label={intl.formatMessage({
              id: "portfolio.card.selfAssessment",
              defaultMessage: "Self-assessment",
            })}
            value={item.assessmentBand ? bandLabels[item.assessmentBand] : NO_VALUE}
          />
          <Fact
            label={intl.formatMessage(
              { id: "portfolio.card.indicatorsWithValues", defaultMessage: "Indicators with {year} values" },
              { year: String(lastYear) },
            )}
            value={intl.formatMessage(
              { id: "portfolio.card.indicatorsCount", defaultMessage: "{count} of {total}" },
              { count: String(item.indicators.withValueLastYear), total: String(item.indicators.tracked) },
            )}
          />
          <Fact
            label={intl.formatMessage({
              id: "portfolio.card.members",
              defaultMessage: "Business and public members",
            })}
            value={intl.formatMessage(
              { id: "portfolio.card.membersCount", defaultMessage: "{business} and {publicCount}" },
              { business: String(item.members.business), publicCount: String(item.members.public) },
            )}
          />
          <Fact
            label={intl.formatMessage({
              id: "portfolio.card.valuesThisYear",
              defaultMessage: "Values this year",
            })}
            value={String(item.valuesThisYear)}
          />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
