/** Whether a V2 list has a page after this one: its `next` link, else its `count`, else a full page. */
export function hasMorePages(
  page: { next?: string | null; count?: number; results: unknown[] },
  offset: number,
  limit: number,
): boolean {
  if (page.next) return true;
  if (page.count !== undefined) return offset + page.results.length < page.count;
  return page.results.length === limit;
}
