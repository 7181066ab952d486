import type QRCode from "qrcode";

let encoder: Promise<typeof QRCode> | undefined;

/**
 * A QR code as an SVG document, as the projector's live vote and the meeting check-in show it.
 * The encoder is loaded on the first code drawn, not at every start.
 */
export async function qrSvg(text: string): Promise<string> {
  const qr = await (encoder ??= import("qrcode").then((module) => module.default));
  return qr.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
