import type { ReactNode } from "react";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import { loadCatalogue } from "~/messages/load";
import { hasAdvisories } from "~/modules/advisory";
import { isLocale, LOCALES } from "~/platform/i18n/i18n";
import type { Route } from "./+types/root";
import { catalogueChunkUrl } from "./lib/catalogue-chunks.server";
import { requestInfoContext, sessionContext } from "./lib/context";
import { useT } from "./lib/i18n";
import { navigationFor } from "./lib/navigation";
import { forgetOffline, waitingChanges } from "./lib/offline-page";
import { readYourWrites } from "./lib/replica.server";
import { loadSessionState } from "./lib/session.server";
import stylesHref from "./styles.css?url";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, context }, next) => {
    context.set(sessionContext, await loadSessionState(request, context));
    return readYourWrites(request, context, next);
  },
];

/**
 * The browser has only the page's language (app/entry.client.tsx). When the root's data comes back in
 * another one (the /idioma form, a sign-in or sign-out), its catalogue is downloaded before that render.
 */
export const clientMiddleware: Route.ClientMiddlewareFunction[] = [
  async (_, next) => {
    const results = await next();
    const root = results.root;
    const locale = root?.type === "data" ? (root.result as { locale?: unknown } | undefined)?.locale : null;
    if (isLocale(locale)) await loadCatalogue(locale);
    return results;
  },
];

export async function loader({ context }: Route.LoaderArgs) {
  const session = context.get(sessionContext);
  const info = context.get(requestInfoContext);
  return {
    locale: session.locale,
    catalogueUrl: catalogueChunkUrl(session.locale),
    timeZone: session.timeZone,
    nonce: info.nonce,
    requestId: info.requestId,
    // A fresh idempotency key for the forms of this page (<RequestKey />, src/platform/requests).
    requestKey: crypto.randomUUID(),
    viewer: session.viewer ? { name: `${session.viewer.givenNames} ${session.viewer.familyNames}` } : null,
    nav: session.actor
      ? navigationFor(session.actor, { advisories: await hasAdvisories(session.actor) })
      : [],
  };
}

/**
 * A route that needs no JavaScript says so (`export const handle = { scripts: false }`): its page then
 * ships none (no scripts, no module preloads, no catalogue), as the public catalogue's pages must.
 */
export interface RouteHandle {
  scripts?: false;
}

function shipsScripts(matches: ReturnType<typeof useMatches>): boolean {
  return !matches.some((m) => (m.handle as RouteHandle | undefined)?.scripts === false);
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const t = useT();
  const scripts = shipsScripts(useMatches());
  return (
    <html lang={data?.locale ?? "es-CL"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f5e6e" />
        <Meta />
        <Links />
        {/* the page's language, fetched with the scripts rather than after them (app/entry.client.tsx) */}
        {scripts && data?.catalogueUrl ? <link rel="modulepreload" href={data.catalogueUrl} /> : null}
      </head>
      <body>
        <a className="skip-link" href="#contenido">
          {t("nav.skip_to_content")}
        </a>
        <Header />
        <main id="contenido" className="container">
          {children}
        </main>
        <Footer />
        {scripts ? (
          <>
            <ScrollRestoration nonce={data?.nonce} />
            <Scripts nonce={data?.nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

function Header() {
  const data = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const t = useT();
  const nav = data?.nav ?? [];
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link to="/" className="brand">
          {t("app.name")}
        </Link>
        {nav.length ? (
          // One line on a phone: the menu is a disclosure (no JavaScript needed) that closes again on
          // every navigation (keyed by the path); on a wide screen the list stays open inline (styles.css).
          <details className="menu" key={location.pathname}>
            <summary>{t("nav.menu_button")}</summary>
            <nav aria-label={t("nav.menu")} className="main-nav">
              <ul>
                {nav.map((item) => (
                  <li key={item.to}>
                    {/* aria-current="page" and the class "active" on the page's own item */}
                    <NavLink to={item.to} end={item.end}>
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          </details>
        ) : null}
        {data?.viewer ? (
          <Form
            method="post"
            action="/salir"
            className="inline-form sign-out"
            onSubmit={(event) => {
              // Changes captured offline stay on the phone: say so before signing out.
              const waiting = waitingChanges();
              if (waiting > 0 && !window.confirm(t("capture.sign_out_warning", { count: waiting }))) {
                event.preventDefault();
                return;
              }
              forgetOffline();
            }}
          >
            <button type="submit" className="link-button">
              {t("nav.sign_out")}
            </button>
          </Form>
        ) : null}
      </div>
    </header>
  );
}

function Footer() {
  const data = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const t = useT();
  return (
    <footer className="site-footer container">
      <Form method="post" action="/idioma" className="language-form">
        <input type="hidden" name="volver" value={location.pathname + location.search} />
        <label htmlFor="language-select">{t("language.label")}</label>
        {/* keyed by the locale: a sign-in that changes the language must reset the choice shown */}
        <select key={data?.locale} id="language-select" name="locale" defaultValue={data?.locale ?? "es-CL"}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-secondary">
          {t("language.change")}
        </button>
      </Form>
      <p>
        <Link to="/talleres">{t("learning.catalogue.title")}</Link>
      </p>
      <p className="muted">{t("footer.privacy")}</p>
    </footer>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const t = useT();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="stack">
        {/* React hoists this into <head>: error pages have no route meta */}
        <title>{`${t("errors.not_found.title")} · ${t("app.name")}`}</title>
        <h1>{t("errors.not_found.title")}</h1>
        <p>{t("errors.not_found.body")}</p>
        <p>
          <Link to="/">{t("nav.home")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="stack">
      <title>{`${t("errors.unexpected.title")} · ${t("app.name")}`}</title>
      <h1>{t("errors.unexpected.title")}</h1>
      <p>{t("errors.unexpected.body", { requestId: data?.requestId ?? "-" })}</p>
      <p>
        <Link to="/">{t("nav.home")}</Link>
      </p>
    </section>
  );
}
