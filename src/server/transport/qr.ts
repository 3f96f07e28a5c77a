/** QR codes as SVG, made on the station (no service, no network). */
import { renderSVG } from 'uqr';

export function qrSvg(text: string): string {
  // ECC "M" survives a projector's glare and a phone's shaky hand; a 4-module quiet zone as the standard asks.
  return renderSVG(text, { ecc: 'M', border: 4, pixelSize: 8 });
}
