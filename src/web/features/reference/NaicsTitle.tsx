import { useIntl } from "react-intl";

/**
 * An industry's NAICS title. The official US list exists only in English, so on a page in another
 * language the title is marked `lang="en"`: a screen reader then reads it with English sounds.
 */
export function NaicsTitle({ children }: { children: string }) {
  const english = useIntl().locale.startsWith("en");
  return english ? <>{children}</> : <span lang="en">{children}</span>;
}
