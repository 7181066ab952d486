import { useEffect } from "react";

/** Sets the document title, so each page is announced and bookmarked by its name. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Shared Table` : "Shared Table";
  }, [title]);
}
