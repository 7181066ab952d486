import { useEffect, useState } from "react";
import { Button, Group, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useIntl, type IntlShape } from "react-intl";
import { stateByFips } from "../../../core/geography.js";
import {
  portfolioSortFields,
  portfolioSortLabels,
  type PortfolioSort,
  type PortfolioSortField,
} from "../../../core/portfolio.js";
import { stageLabels, stages } from "../../../core/vocabulary.js";
import type { PortfolioParams } from "./params.js";

/** Which way reads first for each order: the worst first where a coordinator looks for trouble. */
const worstFirst: Partial<Record<PortfolioSortField, "asc" | "desc">> = {
  months: "desc",
  late: "desc",
  share: "asc",
  band: "asc",
  indicators: "asc",
  flags: "desc",
};

const sortOptions = (intl: IntlShape) =>
  portfolioSortFields.flatMap((field) => {
    const label = portfolioSortLabels[field];
    if (field === "name") {
      return [
        {
          value: "name",
          label: intl.formatMessage({ id: "portfolio.sort.nameAsc", defaultMessage: "Name, A to Z" }),
        },
        {
          value: "-name",
          label: intl.formatMessage({ id: "portfolio.sort.nameDesc", defaultMessage: "Name, Z to A" }),
        },
      ];
    }
    if (field === "stage") {
      return [
        {
          value: "stage",
          label: intl.formatMessage({
            id: "portfolio.sort.stageAsc",
            defaultMessage: "Stage, earliest first",
          }),
        },
        {
          value: "-stage",
          label: intl.formatMessage({
            id: "portfolio.sort.stageDesc",
            defaultMessage: "Stage, latest first",
          }),
        },
      ];
    }
    const high = {
      value: `-${field}`,
      label: intl.formatMessage(
        { id: "portfolio.sort.mostFirst", defaultMessage: "{label}, most first" },
        { label },
      ),
    };
    const low = {
      value: field,
      label: intl.formatMessage(
        { id: "portfolio.sort.fewestFirst", defaultMessage: "{label}, fewest first" },
        { label },
      ),
    };
    return worstFirst[field] === "desc" ? [high, low] : [low, high];
  });

interface Props {
  params: PortfolioParams;
  /** States (FIPS) the selection's partnerships touch, for the state filter. */
  states: string[];
  onChange: (change: Partial<PortfolioParams>) => void;
}

export function PortfolioFilters({ params, states, onChange }: Props) {
  const intl = useIntl();
  const [text, setText] = useState(params.q);
  const [typed] = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if (typed !== params.q) onChange({ q: typed });
    // Only the settled text drives this (not the address): clearing the filters must not bring
    // back words still waiting out the debounce.
  }, [typed]);
  const stateOptions = [...new Set([...states, ...(params.inState ? [params.inState] : [])])]
    .map((fips) => ({ value: fips, label: stateByFips(fips)?.name ?? fips }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const filtered = params.q || params.stage || params.flag || params.inState;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
      <TextInput
        label={intl.formatMessage({ id: "portfolio.filters.search", defaultMessage: "Search by name" })}
        type="search"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Select
        label={intl.formatMessage({ id: "portfolio.filters.stage", defaultMessage: "Stage" })}
        placeholder={intl.formatMessage({ id: "portfolio.filters.anyStage", defaultMessage: "Any stage" })}
        data={stages.map((s) => ({ value: s, label: stageLabels[s] }))}
        value={params.stage || null}
        onChange={(v) => onChange({ stage: v ?? "" })}
        clearable
      />
      <Select
        label={intl.formatMessage({ id: "portfolio.filters.state", defaultMessage: "State" })}
        placeholder={intl.formatMessage({ id: "portfolio.filters.anyState", defaultMessage: "Any state" })}
        data={stateOptions}
        value={params.inState || null}
        onChange={(v) => onChange({ inState: v ?? "" })}
        clearable
      />
      <Select
        label={intl.formatMessage({ id: "portfolio.filters.sortBy", defaultMessage: "Sort by" })}
        data={sortOptions(intl)}
        value={params.sort}
        onChange={(v) => onChange({ sort: (v ?? "name") as PortfolioSort })}
        allowDeselect={false}
      />
      {filtered && (
        <Group>
          <Button
            variant="subtle"
            onClick={() => {
              setText("");
              onChange({ q: "", stage: "", flag: "", inState: "" });
            }}
          >
            {intl.formatMessage({ id: "portfolio.filters.clear", defaultMessage: "Clear filters" })}
          </Button>
        </Group>
      )}
    </SimpleGrid>
  );
}
