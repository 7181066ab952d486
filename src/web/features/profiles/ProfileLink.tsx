import { Anchor, Card, Text, Title } from "@mantine/core";
import { FormattedMessage } from "react-intl";
import { Link } from "react-router";
import { useProfiles } from "./api.js";

/** On a partnership's page: its published benchmarking profile, when the reader may read it. */
export function ProfileLink({ slug }: { slug: string }) {
  const list = useProfiles({ partnership: slug });
  const item = list.data?.items[0];
  if (!item) return null;
  return (
    <Card component="section" aria-labelledby="benchmark-profile-heading">
      <Title order={2} fz="lg" id="benchmark-profile-heading" mb={4}>
        <FormattedMessage id="profiles.link.title" defaultMessage="Benchmarking profile" />
      </Title>
      <Text size="sm" mb="xs">
        {item.summary}
      </Text>
      <Anchor component={Link} to={`/profiles/${slug}`} size="sm">
        <FormattedMessage id="profiles.link.read" defaultMessage="Read the benchmarking profile" />
      </Anchor>
    </Card>
  );
}
