// The content script's reading of the never-run list (src/content/page-settings.ts).
import { describe, expect, it } from 'vitest';
import { siteBlocked } from '../../src/content/page-settings';

/** The page's address as siteBlocked reads it, counting the reads. */
function address(url: string): { read: () => string; reads: number } {
  const a = {
    reads: 0,
    read: () => {
      a.reads++;
      return url;
    },
  };
  return a;
}

describe('siteBlocked', () => {
  it('does not read the page address when the never-run list is empty', () => {
    const a = address('https://shop.example/product');
    expect(siteBlocked({ blockedSites: [] }, a.read)).toBe(false);
    expect(a.reads).toBe(0);
  });

  it('blocks a listed site and its subdomains, and only those', () => {
    const settings = { blockedSites: ['shop.example'] };
    expect(siteBlocked(settings, address('https://shop.example/p').read)).toBe(true);
    expect(siteBlocked(settings, address('https://www.shop.example/p').read)).toBe(true);
    expect(siteBlocked(settings, address('https://eu.shop.example/p').read)).toBe(true);
    expect(siteBlocked(settings, address('https://othershop.example/p').read)).toBe(false);
    expect(siteBlocked(settings, address('about:blank').read)).toBe(false);
  });
});
