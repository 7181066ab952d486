import { describe, expect, it } from "vitest";
import { stageLabels, stages } from "../vocabulary.js";
import { labelsOf, msg, setTranslator, withTranslator } from "./msg.js";

describe("a vocabulary's words", () => {
  const kinds = labelsOf({
    webinar: msg({ id: "test.kind.webinar", defaultMessage: "Webinar" }),
    training: msg({ id: "test.kind.training", defaultMessage: "Training" }),
  });
  const spanish = (m: { id: string; defaultMessage: string }) =>
    ({ "test.kind.webinar": "Seminario web", "vocab.stage.launch": "3. Lanzar" })[m.id] ?? `?${m.id}`;

  it("read in English while no reader is set", () => {
    expect(kinds.webinar).toBe("Webinar");
    expect(Object.keys(kinds)).toEqual(["webinar", "training"]);
    expect(stages.map((s) => stageLabels[s])[2]).toBe("3. Launch");
  });

  it("read in the reader's language inside withTranslator, and in English again after", () => {
    expect(withTranslator(spanish, () => [kinds.webinar, stageLabels.launch])).toEqual([
      "Seminario web",
      "3. Lanzar",
    ]);
    expect(kinds.webinar).toBe("Webinar");
  });

  it("follow the translator the web app sets for its reader", () => {
    setTranslator(spanish);
    try {
      expect(Object.values(kinds)).toEqual(["Seminario web", "?test.kind.training"]);
    } finally {
      setTranslator(null);
    }
  });
});
