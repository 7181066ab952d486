import "./zod-config.js";
import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./app/global.css";
import { StrictMode, useState, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { onlineManager, QueryClientProvider } from "@tanstack/react-query";
import { PersistQueryClientProvider } from "@tanstack/react-query-persist-client";
import { RouterProvider } from "react-router/dom";
import { queryClient } from "./lib/queryClient.js";
import { offlinePersistOptions } from "./lib/offline.js";
import { registerServiceWorker } from "./lib/service-worker.js";
import { router } from "./app/routes.js";
import { cssVariablesResolver, themeFor } from "./app/theme.js";
import type { AppLocale } from "../core/i18n/locales.js";
import { initialLocale } from "./i18n/choice.js";
import { applyLocale, LocaleProvider } from "./i18n/LocaleProvider.js";
import { loadMessages, type Messages } from "./i18n/messages.js";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// TanStack Query assumes it is online until told otherwise: a page opened without signal must
// show what was kept rather than try and fail.
onlineManager.setOnline(navigator.onLine);
const persistOptions = offlinePersistOptions();
registerServiceWorker();

/**
 * Mantine with the theme in the reader's language. Below LocaleProvider, which remounts its
 * children when the language changes: the theme is made once per language, with its words.
 */
function ThemedMantine({ children }: { children: ReactNode }) {
  const [theme] = useState(themeFor);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}

function render(locale: AppLocale, messages: Messages) {
  applyLocale(locale, messages);
  createRoot(root!).render(
    <StrictMode>
      <LocaleProvider locale={locale} messages={messages}>
        <ThemedMantine>
          {/* Bottom: a toast never covers the sticky header's controls (the bell, the account menu). */}
          <Notifications position="bottom-right" />
          {persistOptions ? (
            <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions}>
              <RouterProvider router={router} />
            </PersistQueryClientProvider>
          ) : (
            <QueryClientProvider client={queryClient}>
              <RouterProvider router={router} />
            </QueryClientProvider>
          )}
        </ThemedMantine>
      </LocaleProvider>
    </StrictMode>,
  );
}

// A reader of another language waits for its catalog (one small file) rather than seeing the
// page flash in English first; an English reader waits for nothing. A catalog that cannot be
// fetched (offline, before the app's files were kept) leaves the page in English, html lang too.
const locale = initialLocale();
loadMessages(locale).then(
  (messages) => render(locale, messages),
  () => render("en", {}),
);
