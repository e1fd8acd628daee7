import { data, Link, redirect } from "react-router";
import {
  acknowledgeFeedback,
  discardVisit,
  getVisit,
  observationHome,
  saveReflection,
  saveVisit,
} from "~/modules/observation";
import { formToObject } from "~/platform/validation";
import { failureOf } from "../components/form";
import { DraftVisit } from "../components/visit/draft-visit";
import { SubmittedVisit } from "../components/visit/submitted-visit";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/observation";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  { title: pageTitle(matches, "observation.visit.title", { teacher: loaderData?.visit.teacherName ?? "" }) },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const visit = await load(() => getVisit(actor, params.observationId));
  const notice = new URL(request.url).searchParams.get("aviso");
  // Back to a page this person may open: the teacher's own development, an observer's list of visits,
  // else (an advising coordinator) the teacher's development.
  const back = visit.isTeacher ? "mine" : observationHome(actor).observes ? "visits" : "teacher";
  return { visit, notice, back };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const id = params.observationId;
  const [intent, removeId = ""] = String(form.get("intent") ?? "save").split(":");
  const input = { ...formToObject(form), removeId };
  if (intent === "acknowledge" || intent === "reflect") {
    const result = await performOnce(
      () => (intent === "acknowledge" ? acknowledgeFeedback(actor, id) : saveReflection(actor, id, input)),
      form,
    );
    if ("ok" in result && result.ok)
      throw redirect(`/observaciones/${id}?aviso=${intent === "reflect" ? "reflexion" : ""}`);
    return result;
  }
  if (intent === "discard") {
    const result = await performOnce(() => discardVisit(actor, id), form);
    if ("ok" in result && result.ok) throw redirect("/observaciones");
    return result;
  }
  const result = await performOnce(() => saveVisit(actor, id, intent, input), form);
  if (!("ok" in result && result.ok)) return result;
  // The page's own background save answers with data; a button press comes back to the page.
  if (form.get("autosave") === "1") return data({ ok: true as const, savedAt: new Date().toISOString() });
  if (result.value.submitted) throw redirect(`/observaciones/${id}?aviso=enviada`);
  throw redirect(`/observaciones/${id}#${intent === "snapshot" ? "tiempo-en-tarea" : "evidencias"}`);
}

export default function ObservationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const { visit, notice } = loaderData;
  const failure = failureOf(actionData);
  return (
    <div className="stack visit">
      <p>
        {loaderData.back === "visits" ? (
          <Link to="/observaciones">{t("observation.list.title")}</Link>
        ) : (
          <Link to={`/personas/${visit.teacherId}/desarrollo`}>
            {loaderData.back === "mine"
              ? t("observation.development.my_title")
              : t("observation.development.title", { teacher: visit.teacherName })}
          </Link>
        )}
      </p>
      <header>
        <h1>{t("observation.visit.title", { teacher: visit.teacherName })}</h1>
        <p>
          {t("observation.visit.context", {
            course: visit.course,
            subject: visit.subject,
            school: visit.schoolName,
          })}
        </p>
        <p className="muted">
          {t("observation.visit.meta", {
            instrument: visit.instrumentName,
            version: visit.instrumentVersion,
            observer: visit.observerName,
            date: format.dateTime(visit.startedAt),
          })}
        </p>
        <p>
          <span className="badge">
            {t("observation.visit.purpose", { purpose: t(`observation.purpose.${visit.purpose}`) })}
          </span>{" "}
          <span className="badge">{t(`observation.status.${visit.status}`)}</span>
        </p>
      </header>
      {notice === "enviada" && visit.meetingDue && !visit.meeting ? (
        <p className="alert alert-ok" role="status">
          {t("observation.visit.submitted_notice", { due: format.dateTime(visit.meetingDue) })}
        </p>
      ) : null}
      {notice === "reflexion" ? (
        <p className="alert alert-ok" role="status">
          {t("observation.respond.saved")}
        </p>
      ) : null}
      {visit.can.edit ? (
        <DraftVisit visit={visit} failure={failure} />
      ) : (
        <SubmittedVisit visit={visit} failure={failure} />
      )}
      {visit.canProposePractice ? (
        <p>
          <Link to={`/observaciones/${visit.id}/proponer-practica`}>{t("practices.propose.link")}</Link>
        </p>
      ) : null}
    </div>
  );
}
