import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { loadCatalogue } from "~/messages/load";
import { DEFAULT_LOCALE, isLocale } from "~/platform/i18n/i18n";

// React Router's default entry, after downloading the page's language (one chunk per language, see
// src/messages/load.ts): the first render in the browser must say exactly what the server sent. A
// later change of language is loaded by the root's clientMiddleware (app/root.tsx).
const lang = document.documentElement.lang;
loadCatalogue(isLocale(lang) ? lang : DEFAULT_LOCALE).then(
  () => {
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <HydratedRouter />
        </StrictMode>,
      );
    });
  },
  // Without its words the page would hydrate into keys; left as server HTML, its forms still work.
  (error: unknown) => console.error("Impulso: no se pudo cargar el idioma de la página", error),
);
