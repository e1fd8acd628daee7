// /practicas/nueva: a teacher or leader writes a practice (issue #17). It is saved as a draft, which only
// its author sees, and then opens on its page, where it is published (after consent is recorded when it
// shows students) and where a clip and files are added.
import { Form, redirect } from "react-router";
import { createPractice, sharingSchools } from "~/modules/practices";
import { FormMessage, failureOf } from "../components/form";
import { PracticeForm, practiceInputOf } from "../components/practice-form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/practices.new";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "practices.new.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(async () => {
    const schools = await sharingSchools(actor);
    // only teachers and leaders share: anyone else finds no such page
    if (schools.length === 0) throw new Response(null, { status: 404 });
    return { schools };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => createPractice(actor, practiceInputOf(form)), form);
  if ("ok" in result && result.ok) return redirect(`/practicas/${result.value.id}/editar?creada=1`);
  return result;
}

export default function NewPractice({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  return (
    <div className="stack">
      <h1>{t("practices.new.title")}</h1>
      <p>{t("practices.new.intro")}</p>
      <Form method="post" className="stack" noValidate>
        <FormMessage failure={failure} />
        <PracticeForm schools={loaderData.schools} failure={failure} submitLabel={t("practices.new.save")} />
      </Form>
    </div>
  );
}
