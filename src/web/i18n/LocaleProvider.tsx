import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { createIntl, createIntlCache, IntlProvider } from "react-intl";
import { intlTag, type AppLocale } from "../../core/i18n/locales.js";
import { setFormatLocale } from "../../core/format.js";
import { setTranslator } from "../../core/i18n/msg.js";
import { rememberLocale } from "./choice.js";
import { loadMessages, type Messages } from "./messages.js";

interface LocaleState {
  locale: AppLocale;
  /** Loads the language's catalog, then shows every page in it. */
  setLocale: (locale: AppLocale) => Promise<void>;
}

const LocaleContext = createContext<LocaleState | null>(null);

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error("useLocale is used outside LocaleProvider");
  return state;
}

const cache = createIntlCache();

/**
 * Everything one language changes outside React: the formatter, the core vocabularies' words
 * (stage, role and status labels read through labelsOf) and `<html lang>`.
 */
export function applyLocale(locale: AppLocale, messages: Messages): void {
  setFormatLocale(locale);
  const intl = createIntl(
    { locale: intlTag(locale), defaultLocale: "en-US", messages, onError: () => undefined },
    cache,
  );
  setTranslator((message, values) => intl.formatMessage(message, values));
  document.documentElement.lang = locale;
}

export function LocaleProvider(props: { locale: AppLocale; messages: Messages; children: ReactNode }) {
  const [state, setState] = useState({ locale: props.locale, messages: props.messages });
  const setLocale = useCallback(async (locale: AppLocale) => {
    const messages = await loadMessages(locale);
    applyLocale(locale, messages);
    rememberLocale(locale);
    setState({ locale, messages });
  }, []);
  const value = useMemo(() => ({ locale: state.locale, setLocale }), [state.locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider
        // A new language remounts the pages below, so that nothing keeps words of the last one.
        key={state.locale}
        locale={intlTag(state.locale)}
        defaultLocale="en-US"
        messages={state.messages}
        // English is the code's defaults; a message a catalog lacks reads in English (the
        // catalog check in CI keeps them complete).
        onError={() => undefined}
      >
        {props.children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
