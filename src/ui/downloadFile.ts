/**
 * Hands a file made in the page to the browser's downloads: an object URL and a clicked
 * `<a download>`. The URL is let go a while later, not at once: some browsers start reading it
 * only after the click has returned.
 */
export interface DownloadTarget {
  document: Document;
  url: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
}

export function downloadBlob(
  blob: Blob,
  fileName: string,
  { document: doc, url }: DownloadTarget = { document, url: URL },
): void {
  const href = url.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = href;
  link.download = fileName;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => url.revokeObjectURL(href), 10_000);
}
