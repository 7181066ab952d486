import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import { formatDate } from "../../../core/format.js";
import { visibilityLabels } from "../../../core/impact.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { useProfile } from "./api.js";
import { PartnershipLine } from "./PartnershipLine.js";
import { ProfileParts } from "./ProfileParts.js";
import "./profiles.css";

/** One benchmarking profile to read or print: the six parts with the results as they stand today. */
export default function ProfileReadPage() {
  const { slug } = useParams();
  const profile = useProfile(slug);
  const p = profile.data;
  usePageTitle(p ? `Benchmarking profile of ${p.partnership.name}` : "Benchmarking profile");
  if (profile.isPending) return <PageSkeleton label="Loading the profile" />;
  if (profile.error instanceof ApiError && profile.error.status === 404) return <NotFoundPage />;
  if (!p) return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  return (
    <Stack gap="md" className="profile-sheet">
      <Group justify="space-between" className="no-print">
        <Anchor component={Link} to="/profiles">
          All benchmarking profiles
        </Anchor>
        <Group gap="sm">
          {p.canEdit && (
            <Button component={Link} to={`/p/${p.partnership.slug}/benchmarking`} variant="default">
              Edit
            </Button>
          )}
          <Button onClick={() => window.print()}>Print this profile</Button>
        </Group>
      </Group>
      <PageHeader
        eyebrow={
          <Text size="sm" fw={600} c="table.8">
            Benchmarking profile
          </Text>
        }
        title={p.partnership.name}
        description={<PartnershipLine partnership={p.partnership} />}
      />
      <Text size="sm" c="dimmed">
        {p.status === "published"
          ? `Published ${formatDate(p.publishedAt)} for: ${visibilityLabels[p.visibility]}.`
          : "Draft: only the partnership's members see it."}{" "}
        The results are read from the partnership&apos;s impact indicators on{" "}
        {formatDate(new Date().toISOString())}.
      </Text>
      <ProfileParts profile={p} idPrefix="profile" />
      <Text size="sm" className="no-print">
        <Anchor component={Link} to={`/p/${p.partnership.slug}`}>
          About {p.partnership.name}
        </Anchor>
      </Text>
    </Stack>
  );
}
