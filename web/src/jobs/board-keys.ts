// The board's keys: `/` goes to the name filter, `j`/`k` move to the next/previous job, Enter opens it (it is a link).

/** Whether a key press belongs to a field the operator is typing in. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function boardKeys(event: KeyboardEvent, board: HTMLElement, search: HTMLInputElement | null) {
  if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
  if (event.key === "/") {
    event.preventDefault();
    search?.focus();
    search?.select();
    return;
  }
  if (event.key !== "j" && event.key !== "k") return;
  const links = [...board.querySelectorAll<HTMLAnchorElement>("a.job-link")];
  if (links.length === 0) return;
  event.preventDefault();
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = at === -1 ? 0 : Math.min(links.length - 1, Math.max(0, at + (event.key === "j" ? 1 : -1)));
  links[next]!.focus();
  links[next]!.scrollIntoView({ block: "nearest" });
}
