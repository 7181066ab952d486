import type { IntlShape } from "react-intl";
import { placesLeft } from "../../../core/event-vocabulary.js";

/** "3 places left", "1 place left", "Full: waitlist open", "Open to all", in the reader's language. */
export function placesLeftText(intl: IntlShape, capacity: number | null, confirmed: number): string {
  const left = placesLeft(capacity, confirmed);
  if (left === null) return intl.formatMessage({ id: "events.places.open", defaultMessage: "Open to all" });
  if (left === 0)
    return intl.formatMessage({ id: "events.places.full", defaultMessage: "Full: waitlist open" });
  return intl.formatMessage(
    {
      id: "events.places.left",
      defaultMessage: "{count, plural, one {# place left} other {# places left}}",
    },
    { count: left },
  );
}
