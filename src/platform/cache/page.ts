// A page of a list as the cache keeps it: `{"count":N,"more":B,"<items>":[...]}`, its header first, so that a hit
// is answered from the cached text (the items sliced out, never parsed nor serialized again).

/** A cached page: how many items, whether upstream has more, and the items under `field` (e.g. `jobs`). */
export type Page<F extends string, T> = { count: number; more: boolean } & { [K in F]: T[] };

/** The page to cache: `pageOf` is the only producer of the layout `pageText` reads (key order matters). */
export function pageOf<F extends string, T>(field: F, items: T[], more: boolean): Page<F, T> {
  return { count: items.length, more, [field]: items } as Page<F, T>;
}

/** The parts of a cached page's JSON text; undefined when the text has another layout (parse it instead). */
export function pageText(json: string, field: string): { count: number; more: boolean; itemsJson: string } | undefined {
  // JSON.stringify writes the keys in insertion order and a number or boolean one way only, so this prefix is exact.
  const header = /^\{"count":(\d+),"more":(true|false),"([a-z_]+)":\[/.exec(json);
  if (!header || header[3] !== field || !json.endsWith("]}")) return undefined;
  return { count: Number(header[1]), more: header[2] === "true", itemsJson: json.slice(header[0].length - 1, -1) };
}
