import { describe, expect, it } from "vitest";
import { mailHtml } from "./mail-html.js";

describe("an e-mail's HTML part", () => {
  it("keeps the text's paragraphs, lines and links, in the reader's language, escaped", () => {
    const html = mailHtml(
      "Hola, Ana <Admin>:\n\nElija aquí:\nhttps://st.example/reset-password/abc?x=1&y=2.\n\nGracias & hasta pronto.\n",
      "es",
    );
    expect(html).toContain('<html lang="es">');
    expect(html).toContain("<p>Hola, Ana &lt;Admin&gt;:</p>");
    expect(html).toContain(
      '<p>Elija aquí:<br>\n<a href="https://st.example/reset-password/abc?x=1&amp;y=2">https://st.example/reset-password/abc?x=1&amp;y=2</a>.</p>',
    );
    expect(html).toContain("<p>Gracias &amp; hasta pronto.</p>");
  });

  it("writes a script in the text as text, never as markup", () => {
    const html = mailHtml('<script>alert("x")</script> javascript:alert(1)', "en");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain('href="javascript');
  });
});
