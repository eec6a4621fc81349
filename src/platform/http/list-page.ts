import type { Context } from "hono";
import { pageText, type Page } from "../cache/page";
import type { Read } from "../cache/tiered-cache";
import type { AppEnv } from "./app-env";
import { jsonText } from "./cached-read";

/** The body of a list route: a page of items and the cursor of the next page (null on the last). */
export type ListPage<T> = { items: T[]; next_cursor: string | null };

/**
 * A list route's answer from a cached page: when the cached text has the page layout, the items are its text as is
 * (no parse, no serialization); otherwise the page is parsed. `nextCursor` says what follows `count` items.
 */
export async function listPageAnswer<F extends string, T>(
  c: Context<AppEnv>,
  read: Read<Page<F, T>>,
  field: F,
  nextCursor: (more: boolean, count: number) => Promise<string> | null,
) {
  const cached = pageText(read.json, field);
  if (cached) {
    const cursor = JSON.stringify(await nextCursor(cached.more, cached.count));
    return jsonText<ListPage<T>>(c, `{"items":${cached.itemsJson},"next_cursor":${cursor}}`);
  }
  const page = read.value;
  const items = page[field] as T[];
  return jsonText<ListPage<T>>(c, JSON.stringify({ items, next_cursor: await nextCursor(page.more, items.length) }));
}
