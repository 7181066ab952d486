import type { CSSProperties } from "react";
import { Anchor, Stack, Text, Title } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { profilePartLabels, profileParts } from "../../../core/profiles.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useComparison } from "./api.js";
import { PartnershipLine } from "./PartnershipLine.js";
import { ProfileResults } from "./ProfileResults.js";
import "./profiles.css";

/** Two or three profiles read side by side, part by part. */
export default function ComparePage() {
  const intl = useIntl();
  const title = intl.formatMessage({
    id: "profiles.compare.pageTitle",
    defaultMessage: "Compare benchmarking profiles",
  });
  usePageTitle(title);
  const [params] = useSearchParams();
  const ids = params.get("ids") ?? "";
  const comparison = useComparison(ids);
  const items = comparison.data?.items ?? [];
  const columns = { "--compare-columns": items.length } as CSSProperties;
  return (
    <Stack gap="lg">
      <PageHeader
        title={title}
        description={intl.formatMessage({
          id: "profiles.compare.description",
          defaultMessage:
            "Two or three partnerships, part by part. Results are read live from each partnership's indicators.",
        })}
        actions={
          <Anchor component={Link} to="/profiles">
            <FormattedMessage id="profiles.allProfilesLink" defaultMessage="All benchmarking profiles" />
          </Anchor>
        }
      />
      {!ids ? (
        <Text>
          <FormattedMessage
            id="profiles.compare.noneChosen"
            defaultMessage="Choose two or three profiles in the <link>collection</link> to compare them."
            values={{
              link: (chunks) => (
                <Anchor component={Link} to="/profiles">
                  {chunks}
                </Anchor>
              ),
            }}
          />
        </Text>
      ) : comparison.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({ id: "profiles.list.loading", defaultMessage: "Loading the profiles" })}
        />
      ) : comparison.isError ? (
        <ErrorAlert error={comparison.error} />
      ) : (
        <>
          <div className="profile-compare" style={columns}>
            {items.map((p) => (
              <div key={p.partnership.id} className="profile-compare-cell">
                <Text fw={700}>
                  <Anchor component={Link} to={`/profiles/${p.partnership.slug}`}>
                    {p.partnership.name}
                  </Anchor>
                </Text>
                <PartnershipLine partnership={p.partnership} />
              </div>
            ))}
          </div>
          {profileParts.map((key) => (
            <section key={key} aria-labelledby={`compare-${key}`}>
              <Title order={2} fz="lg" id={`compare-${key}`} mb="sm">
                {profilePartLabels[key]}
              </Title>
              <div className="profile-compare" style={columns}>
                {items.map((p) => {
                  const part = p.parts.find((x) => x.key === key);
                  return (
                    <article
                      key={p.partnership.id}
                      className="profile-compare-cell"
                      aria-label={intl.formatMessage(
                        { id: "profiles.compare.cellLabel", defaultMessage: "{part}: {name}" },
                        { part: profilePartLabels[key], name: p.partnership.name },
                      )}
                    >
                      <Title order={3} fz="sm" c="dimmed" mb={4}>
                        {p.partnership.name}
                      </Title>
                      {part?.text.trim() ? (
                        <div className="prose" dangerouslySetInnerHTML={{ __html: part.html }} />
                      ) : (
                        key !== "results" && (
                          <Text size="sm" c="dimmed">
                            <FormattedMessage
                              id="profiles.parts.notWritten"
                              defaultMessage="Not written yet."
                            />
                          </Text>
                        )
                      )}
                      {key === "results" && (
                        <ProfileResults
                          indicators={p.results.indicators}
                          stories={p.results.stories}
                          headingLevel={4}
                        />
                      )}
                    </article>
                  );
                })}
              </div>
            </section>
          ))}
        </>
      )}
    </Stack>
  );
}
