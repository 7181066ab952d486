import { Anchor, List, Text } from "@mantine/core";
import { Link } from "react-router";
import { useIntl } from "react-intl";
import type { RubricResource } from "../../../core/assessment-scoring.js";

/** Where to get help: toolkit sections by title (the resource library comes later) or in-app pages. */
export function Resources({ resources, slug }: { resources: RubricResource[]; slug?: string }) {
  const intl = useIntl();
  if (!resources.length) return null;
  return (
    <List size="sm" spacing={2} className="assessment-resources">
      {resources.map((r) => {
        const to = r.href ? (r.workspace ? (slug ? `/p/${slug}/${r.href}` : null) : r.href) : null;
        return (
          <List.Item key={r.title}>
            {to ? (
              <Anchor component={Link} to={to} size="sm">
                {r.title}
              </Anchor>
            ) : (
              <Text span size="sm">
                {r.title}
                {r.workspace && !slug
                  ? ` ${intl.formatMessage({
                      id: "assessment.resources.inWorkspace",
                      defaultMessage: "(in your partnership's workspace)",
                    })}`
                  : ""}
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
