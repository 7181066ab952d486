import { useMemo } from "react";
import { stateByAbbr, stateByFips } from "../../../core/geography.js";
import type { PortfolioItem } from "../../../core/portfolio.js";
import type { MapCounts } from "../directory/api.js";
import { MapPanel } from "../directory/MapPanel.js";

interface Props {
  items: PortfolioItem[];
  /** The state filter (FIPS) or "". */
  inState: string;
  onState: (fips: string) => void;
}

/** The directory's map, fed with the portfolio's partnerships: per state and per county. */
export function PortfolioMap({ items, inState, onState }: Props) {
  const data = useMemo<MapCounts>(() => {
    const states = new Map<string, Set<string>>();
    const counties = new Map<string, number>();
    for (const item of items) {
      for (const fips of item.counties) {
        const state = fips.slice(0, 2);
        states.set(state, (states.get(state) ?? new Set()).add(item.id));
        counties.set(fips, (counties.get(fips) ?? 0) + 1);
      }
    }
    return {
      states: [...states].map(([fips, ids]) => ({
        fips,
        abbr: stateByFips(fips)?.abbr ?? fips,
        count: ids.size,
      })),
      counties: [...counties].map(([fips, count]) => ({ fips, count })),
    };
  }, [items]);
  return (
    <MapPanel
      data={data}
      selected={stateByFips(inState)?.abbr ?? ""}
      onSelect={(abbr) => onState(abbr ? (stateByAbbr(abbr)?.fips ?? "") : "")}
    />
  );
}
