import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { bandLabels } from "../../../core/assessment-scoring.js";
import { formatDate, formatShare, NO_VALUE, noun } from "../../../core/format.js";
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

function lastMeeting(item: PortfolioItem): string {
  if (item.lastFullMeeting === null || item.monthsSinceFullMeeting === null) return "None held";
  const months = item.monthsSinceFullMeeting;
  const ago = months === 0 ? "this month" : `${months} ${noun(months, "month")} ago`;
  return `${ago} (${formatDate(item.lastFullMeeting)})`;
}

/** One partnership of the portfolio: its flags first, then the figures behind them. */
export function PortfolioCard({ item, lastYear }: Props) {
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
            {stageLabels[item.stage]} · {item.states.join(", ")}
            {item.role ? " · you sit at its table" : ""}
          </Text>
        </Stack>
        {item.flags.length > 0 && (
          <Group gap={6} component="ul" className="plain-list" aria-label={`Flags of ${item.name}`}>
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
          <Fact label="Last full meeting" value={lastMeeting(item)} />
          <Fact
            label="Business share, last full meetings"
            value={
              item.businessShareTrend.length === 0
                ? NO_VALUE
                : item.businessShareTrend.map((s) => formatShare(s)).join(" → ")
            }
          />
          <Fact
            label="Teams with a business champion"
            value={`${item.teams.withBusinessChampion} of ${item.teams.active}`}
          />
          <Fact label="Late actions" value={String(item.lateActions)} />
          <Fact
            label="Self-assessment"
            value={item.assessmentBand ? bandLabels[item.assessmentBand] : NO_VALUE}
          />
          <Fact
            label={`Indicators with ${lastYear} values`}
            value={`${item.indicators.withValueLastYear} of ${item.indicators.tracked}`}
          />
          <Fact
            label="Business and public members"
            value={`${item.members.business} and ${item.members.public}`}
          />
          <Fact label="Values this year" value={String(item.valuesThisYear)} />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
