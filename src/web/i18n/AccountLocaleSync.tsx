import { useEffect } from "react";
import { useMe } from "../features/auth/api.js";
import { useLocale } from "./LocaleProvider.js";

/**
 * A signed-in person reads in the language saved on their account, wherever they sign in: the
 * first answer about them switches the page to it (and the cookie keeps it for the next visit).
 */
export function AccountLocaleSync() {
  const me = useMe();
  const { locale, setLocale } = useLocale();
  const chosen = me.data?.locale;
  useEffect(() => {
    if (chosen && chosen !== locale) void setLocale(chosen);
    // Only a new answer about the account switches; the switcher's own choice is saved to it first.
  }, [chosen]);
  return null;
}
