import { Text } from "@mantine/core";
import { useIntl } from "react-intl";
import { settingLabels, stageLabels } from "../../../core/vocabulary.js";
import type { Profile } from "../../../core/profiles.js";

/** Industry, region, stage and setting of a profile's partnership, on one line. */
export function PartnershipLine({ partnership: p }: { partnership: Profile["partnership"] }) {
  const intl = useIntl();
  return (
    <Text size="sm" c="dimmed">
      {[
        p.industries.map((i) => i.title).join(", "),
        p.states.join(", "),
        intl.formatMessage(
          { id: "profiles.partnershipLine.stage", defaultMessage: "Stage {stage}" },
          { stage: stageLabels[p.stage] },
        ),
        settingLabels[p.setting],
      ]
        .filter(Boolean)
        .join(" · ")}
    </Text>
  );
}
