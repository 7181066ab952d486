import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { FormattedMessage } from "react-intl";
import { StoriesList } from "../impact/StoriesList.js";
import { useStories } from "../impact/api.js";

/** The partnership's public impact stories: what it tells everyone it achieved. */
export function PublicStories({ partnershipId, slug }: { partnershipId: string; slug: string }) {
  const stories = useStories(partnershipId);
  const published = (stories.data?.items ?? []).filter((s) => s.visibility === "public").slice(0, 3);
  if (stories.isPending || published.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="stories-heading">
      <Title order={2} fz="lg" id="stories-heading" mb="sm">
        <FormattedMessage id="partnerships.stories.heading" defaultMessage="Impact stories" />
      </Title>
      <Stack gap="md">
        <StoriesList stories={published} />
        <Text size="sm">
          <Anchor component={Link} to={`/p/${slug}/impact`}>
            <FormattedMessage id="partnerships.stories.allLink" defaultMessage="All results and stories" />
          </Anchor>
        </Text>
      </Stack>
    </Card>
  );
}
