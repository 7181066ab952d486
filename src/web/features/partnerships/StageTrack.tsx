import { Text } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { stageLabels, stages, type Stage } from "../../../core/vocabulary.js";

/** The five stages of the process, with the partnership's current one marked. */
export function StageTrack({ current }: { current: Stage }) {
  const intl = useIntl();
  const at = stages.indexOf(current);
  return (
    <ol
      className="stage-track"
      aria-label={intl.formatMessage({
        id: "partnerships.stageTrack.label",
        defaultMessage: "Stages of a sector partnership",
      })}
    >
      {stages.map((s, i) => (
        <li
          key={s}
          className="stage-step"
          data-state={i < at ? "done" : i === at ? "current" : "todo"}
          aria-current={i === at ? "step" : undefined}
        >
          {stageLabels[s]}
          {i === at && (
            <Text span size="xs" display="block" fw={600} mt={2}>
              <FormattedMessage id="partnerships.stageTrack.current" defaultMessage="Current stage" />
            </Text>
          )}
        </li>
      ))}
    </ol>
  );
}
