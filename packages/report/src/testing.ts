import { SaxesParser } from 'saxes';

/** Throws when `text` is not well-formed XML (saxes, a conforming parser); returns the root element's name. */
export function parseXml(text: string): string {
  const p = new SaxesParser({ xmlns: false });
  let root = '';
  let error: Error | null = null;
  p.on('error', (e) => {
    error ??= e;
  });
  p.on('opentag', (t) => {
    root ||= t.name;
  });
  p.write(text).close();
  if (error) throw error;
  return root;
}

export { unzipSync, strFromU8 } from 'fflate';
export { chromium } from 'playwright-core';
