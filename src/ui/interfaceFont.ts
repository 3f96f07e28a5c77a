/**
 * The interface's font (the DOM's, not the boards'): the build's Noto Sans SC subset as woff2,
 * registered from script so `base` stays relative. Apart from the boards' fonts (scene/fonts.ts),
 * which need troika: a page without the 3D corridor loads this alone.
 */
function siteUrl(path: string): string {
  return new URL(`${import.meta.env.BASE_URL}${path}`, document.baseURI).href;
}

export function loadInterfaceFont(): Promise<void> {
  const face = new FontFace('Exhibit Sans', `url("${siteUrl('generated/fonts/NotoSansSC-Regular.woff2')}") format("woff2")`, {
    weight: '400',
  });
  const bold = new FontFace('Exhibit Sans', `url("${siteUrl('generated/fonts/NotoSansSC-Bold.woff2')}") format("woff2")`, {
    weight: '700',
  });
  document.fonts.add(face);
  document.fonts.add(bold);
  return Promise.all([face.load(), bold.load()]).then(
    () => undefined,
    () => undefined, // the system's fonts stand in; nothing to show the visitor
  );
}
