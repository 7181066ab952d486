import { Stack, Text, Title } from "@mantine/core";
import { FormattedMessage } from "react-intl";
import { profilePartLabels, type Profile } from "../../../core/profiles.js";
import { ProfileResults } from "./ProfileResults.js";

/** A profile's six parts in the framework's order; the results part adds the live numbers. */
export function ProfileParts({ profile, idPrefix }: { profile: Profile; idPrefix: string }) {
  return (
    <Stack gap="lg">
      {profile.parts.map((part) => {
        const id = `${idPrefix}-${part.key}`;
        return (
          <section key={part.key} aria-labelledby={id} className="profile-part">
            <Title order={2} fz="lg" id={id} mb={6}>
              {profilePartLabels[part.key]}
            </Title>
            {part.text.trim() ? (
              <div className="prose" dangerouslySetInnerHTML={{ __html: part.html }} />
            ) : (
              part.key !== "results" && (
                <Text size="sm" c="dimmed">
                  <FormattedMessage id="profiles.parts.notWritten" defaultMessage="Not written yet." />
                </Text>
              )
            )}
            {part.key === "results" && (
              <ProfileResults indicators={profile.results.indicators} stories={profile.results.stories} />
            )}
          </section>
        );
      })}
    </Stack>
  );
}
