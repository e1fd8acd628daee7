import { Form, Link, redirect } from "react-router";
import { listCatalogue, moveCatalogueStep, setCatalogueStepArchived } from "~/modules/observation";
import type { MbeStandard } from "~/modules/observation/content";
import { DomainError } from "~/platform/errors";
import { FormMessage, failureOf, RequestKey } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/catalogue";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "catalogue.title") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const catalogue = await load(() => listCatalogue(actor));
  const notice = new URL(request.url).searchParams.get("aviso");
  return { ...catalogue, notice };
}

/** The list's buttons: up:<id>, down:<id>, archive:<id>, restore:<id>. */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const [intent, id = ""] = String(form.get("intent") ?? "").split(":");
  const result = await performOnce(async () => {
    if (intent === "up" || intent === "down") return moveCatalogueStep(actor, id, intent);
    if (intent === "archive" || intent === "restore")
      return setCatalogueStepArchived(actor, id, intent === "archive");
    throw new DomainError("errors.invalid_choice");
  }, form);
  if (!("ok" in result && result.ok)) return result;
  const notice = intent === "archive" ? "?aviso=archivado" : intent === "restore" ? "?aviso=restaurado" : "";
  throw redirect(`/pasos${notice}#paso-${id}`);
}

export default function Catalogue({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { categories, archived, canManage, notice } = loaderData;
  const failure = failureOf(actionData);
  const list = (
    <>
      {categories.map(({ category, steps }) => (
        <section key={category} className="card stack" aria-labelledby={`categoria-${category}`}>
          <h2 id={`categoria-${category}`}>{t(`observation.category.${category}`)}</h2>
          {steps.length === 0 ? (
            <p className="muted">{t("catalogue.none_in_category")}</p>
          ) : (
            <ol className="rows steps">
              {steps.map((step, index) => (
                <li key={step.id} id={`paso-${step.id}`}>
                  <p className="step-title">{step.title}</p>
                  <p>
                    <span className="muted">{t("catalogue.mastery_label")}</span> {step.mastery}
                  </p>
                  {step.mbeStandard ? (
                    <p className="muted">{t(`instruments.mbe.${step.mbeStandard as MbeStandard}`)}</p>
                  ) : null}
                  {canManage ? (
                    <div className="actions">
                      <Link to={`/pasos/${step.id}`}>
                        {t("catalogue.edit", { number: index + 1 })}
                        <span className="sr-only">: {step.title}</span>
                      </Link>
                      {index > 0 ? (
                        <button type="submit" className="link-button" name="intent" value={`up:${step.id}`}>
                          {t("catalogue.up", { number: index + 1 })}
                        </button>
                      ) : null}
                      {index < steps.length - 1 ? (
                        <button type="submit" className="link-button" name="intent" value={`down:${step.id}`}>
                          {t("catalogue.down", { number: index + 1 })}
                        </button>
                      ) : null}
                      <button
                        type="submit"
                        className="link-button"
                        name="intent"
                        value={`archive:${step.id}`}
                      >
                        {t("catalogue.archive", { number: index + 1 })}
                      </button>
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {canManage ? (
            <p>
              <Link to={`/pasos/nuevo?categoria=${category}`}>
                {t("catalogue.new_in", { category: t(`observation.category.${category}`) })}
              </Link>
            </p>
          ) : null}
        </section>
      ))}
      {canManage && archived.length ? (
        <section className="card stack" aria-labelledby="pasos-archivados">
          <h2 id="pasos-archivados">{t("catalogue.archived")}</h2>
          <p className="hint">{t("catalogue.archived_hint")}</p>
          <ul className="rows">
            {archived.map((step) => (
              <li key={step.id} id={`paso-${step.id}`}>
                <p>
                  {step.title} <span className="muted">· {t(`observation.category.${step.category}`)}</span>
                </p>
                <button type="submit" className="link-button" name="intent" value={`restore:${step.id}`}>
                  {t("catalogue.restore")}
                  <span className="sr-only">: {step.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("catalogue.title")}</h1>
        {canManage ? (
          <Link className="button" to="/pasos/nuevo">
            {t("catalogue.new")}
          </Link>
        ) : null}
      </div>
      <p>{t(canManage ? "catalogue.intro_manage" : "catalogue.intro_read")}</p>
      {notice === "archivado" || notice === "restaurado" || notice === "guardado" || notice === "creado" ? (
        <p className="alert alert-ok" role="status">
          {t(`catalogue.notice.${notice}`)}
        </p>
      ) : null}
      {canManage ? (
        <Form method="post" className="stack catalogue" preventScrollReset>
          <RequestKey />
          <FormMessage failure={failure} />
          {list}
        </Form>
      ) : (
        list
      )}
    </div>
  );
}
