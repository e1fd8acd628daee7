import { Form, redirect } from "react-router";
import { canManagePrograms, createProgram, listPrograms, renameProgram } from "~/modules/people";
import { DomainError } from "~/platform/errors";
import { Field, FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
import { load, notFound, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/programs";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "programs.title") }];

const PROGRAM_NAME_MAX = 120;

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  if (!canManagePrograms(actor)) throw notFound();
  const programs = await load(() => listPrograms(actor));
  const notice = new URL(request.url).searchParams.get("aviso");
  return { programs, notice: notice === "creado" || notice === "renombrado" ? notice : null };
}

/** intent "create", or "rename:<id>" with the field name-<id>. */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  if (!canManagePrograms(actor)) throw notFound();
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const [intent, id = ""] = String(form.get("intent") ?? "").split(":");
  const result = await performOnce(async () => {
    if (intent === "create") return { intent, ...(await createProgram(actor, { name: form.get("name") })) };
    if (intent === "rename") {
      try {
        await renameProgram(actor, id, { name: form.get(`name-${id}`) });
      } catch (error) {
        // the field's message goes beside this row's field
        if (error instanceof DomainError && error.fieldErrors.name)
          throw new DomainError(error.messageKey, { [`name-${id}`]: error.fieldErrors.name });
        throw error;
      }
      return { intent, id };
    }
    throw new DomainError("errors.invalid_choice");
  }, form);
  if (!("ok" in result && result.ok)) return result;
  throw redirect(
    result.value.intent === "create"
      ? "/programas?aviso=creado"
      : `/programas?aviso=renombrado#programa-${id}`,
  );
}

export default function Programs({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { programs, notice } = loaderData;
  const failure = failureOf(actionData);
  const renaming = failure ? Object.keys(failure.fieldErrors).find((k) => k.startsWith("name-")) : undefined;
  return (
    <div className="stack">
      <h1>{t("programs.title")}</h1>
      <p>{t("programs.intro")}</p>
      {notice ? (
        <p className="alert alert-ok" role="status">
          {t(notice === "creado" ? "programs.notice.created" : "programs.notice.renamed")}
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="programas-lista">
        <h2 id="programas-lista">{t("programs.title")}</h2>
        {programs.length === 0 ? (
          <p className="muted">{t("programs.none")}</p>
        ) : (
          <ul className="rows">
            {programs.map((program) => (
              <li key={program.id} id={`programa-${program.id}`}>
                <Form method="post" className="stack" noValidate>
                  {renaming === `name-${program.id}` ? <FormMessage failure={failure} /> : null}
                  <Field
                    name={`name-${program.id}`}
                    label={t("programs.rename.label", { name: program.name })}
                    defaultValue={program.name}
                    failure={renaming === `name-${program.id}` ? failure : undefined}
                    required
                    maxLength={PROGRAM_NAME_MAX}
                  />
                  <div className="actions">
                    <SubmitButton name="intent" value={`rename:${program.id}`}>
                      {t("programs.rename.submit")}
                    </SubmitButton>
                  </div>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card stack" aria-labelledby="programas-nuevo">
        <h2 id="programas-nuevo">{t("programs.create.title")}</h2>
        <Form method="post" className="stack" noValidate>
          <RequestKey />
          {failure && !renaming ? <FormMessage failure={failure} /> : null}
          <Field
            name="name"
            label={t("programs.field.name")}
            failure={renaming ? undefined : failure}
            required
            maxLength={PROGRAM_NAME_MAX}
          />
          <div className="actions">
            <SubmitButton name="intent" value="create">
              {t("programs.create.submit")}
            </SubmitButton>
          </div>
        </Form>
      </section>
    </div>
  );
}
