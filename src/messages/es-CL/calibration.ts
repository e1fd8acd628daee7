// Calibración de observadores y revisión de niveles según IVE.
export const calibration = {
  "nav.calibrations": "Calibración",
  "home.card.calibrations": "Calibración: puntuar la misma clase y comparar",

  "calibration.status.open": "Abierta",
  "calibration.status.closed": "Cerrada",

  "calibration.list.title": "Calibración de observadores",
  "calibration.list.new": "Nueva calibración",
  "calibration.list.intro_all":
    "Varios observadores puntúan la misma clase con la misma pauta y se compara cada uno con la persona de referencia.",
  "calibration.list.intro_own":
    "Las calibraciones en que usted participa: puntúe la clase y, cuando la coordinación la cierre, vea su acuerdo con la referencia.",
  "calibration.list.empty_all": "Aún no hay calibraciones.",
  "calibration.list.empty_own": "Aún no participa en calibraciones.",
  "calibration.list.to_score": "Por puntuar",
  "calibration.list.submitted_count": "Puntajes enviados: {submitted} de {participants}",

  "calibration.new.title": "Nueva calibración",
  "calibration.new.intro":
    "Elija la pauta, la clase que todos observarán (en la sala o en video) y quiénes la puntúan. Una de esas personas es la referencia.",
  "calibration.new.create": "Crear calibración",
  "calibration.edit.title": "Editar calibración",
  "calibration.edit.save": "Guardar cambios",

  "calibration.form.title": "Título",
  "calibration.form.title_hint": "Por ejemplo: Calibración de marzo, Escuela Los Aromos.",
  "calibration.form.instrument": "Pauta",
  "calibration.form.instrument_version": "{name} (versión {version})",
  "calibration.form.instrument_locked_hint": "No se puede cambiar después de que alguien guardó puntajes.",
  "calibration.form.class": "La clase",
  "calibration.form.class_hint":
    "Una clase a la que asisten juntos (curso, asignatura y fecha) o el enlace a una clase grabada.",
  "calibration.form.school": "Establecimiento",
  "calibration.form.no_school": "Sin establecimiento",
  "calibration.form.class_context": "Curso y asignatura",
  "calibration.form.class_context_hint": "Por ejemplo: 6° básico B · Matemática · fracciones equivalentes.",
  "calibration.form.held_on": "Fecha de la clase",
  "calibration.form.video_url": "Enlace a la clase grabada",
  "calibration.form.video_url_hint": "Una dirección que empiece con https:// o http://.",
  "calibration.form.participants": "Observadores que puntúan",
  "calibration.form.participants_hint":
    "Equipos directivos y mentores de la organización. Elija al menos una persona además de la referencia.",
  "calibration.form.no_observers": "La organización aún no tiene equipos directivos ni mentores.",
  "calibration.form.observer_role": "{role}, {school}",
  "calibration.form.reference": "Persona de referencia",
  "calibration.form.reference_hint":
    "Sus puntajes son la referencia con la que se compara a los demás. También participa.",

  "calibration.errors.too_long": "Es demasiado largo.",
  "calibration.errors.instrument_required": "Elija una pauta publicada.",
  "calibration.errors.instrument_locked": "Ya hay puntajes guardados con esta pauta: no se puede cambiar.",
  "calibration.errors.date_invalid": "Escriba una fecha válida.",
  "calibration.errors.date_required":
    "Escriba la fecha de la clase, o agregue el enlace a una clase grabada.",
  "calibration.errors.class_required":
    "Escriba el curso y la asignatura, o agregue el enlace a una clase grabada.",
  "calibration.errors.video_invalid": "Escriba un enlace que empiece con https:// o http://.",
  "calibration.errors.reference_required": "Elija a la persona de referencia.",
  "calibration.errors.participants_min": "Elija al menos un observador además de la referencia.",
  "calibration.errors.cannot_remove_submitted": "No se puede quitar a quien ya envió sus puntajes.",
  "calibration.errors.closed": "Esta calibración está cerrada y no se puede modificar.",
  "calibration.errors.already_submitted": "Usted ya envió sus puntajes: no se pueden cambiar.",
  "calibration.errors.level_required": "Elija un nivel.",
  "calibration.errors.levels_missing":
    "{count, plural, one {Falta # indicador por puntuar. Se guardó lo que eligió; complete el marcado para enviar.} other {Faltan {count} indicadores por puntuar. Se guardó lo que eligió; complete los marcados para enviar.}}",
  "calibration.errors.reference_not_submitted":
    "La persona de referencia aún no envía sus puntajes: la calibración no se puede cerrar todavía.",

  "calibration.notice.updated": "Se guardaron los cambios.",
  "calibration.notice.closed": "La calibración quedó cerrada. Estos son los resultados.",
  "calibration.notice.submitted": "Se enviaron sus puntajes.",
  "calibration.notice.saved": "Se guardaron sus puntajes. Puede seguir y enviarlos cuando termine.",

  "calibration.page.title": "Calibración: {title}",
  "calibration.page.video": "Ver la clase grabada (se abre en otra pestaña)",
  "calibration.page.meta": "{instrument}, versión {version} · Referencia: {reference}",
  "calibration.page.participants": "Participantes",
  "calibration.page.reference": "Referencia",
  "calibration.page.sent_at": "Envió el {date}",
  "calibration.page.pending": "Pendiente",
  "calibration.page.edit": "Editar la calibración",
  "calibration.page.close": "Cerrar la calibración",
  "calibration.page.close_hint":
    "Al cerrarla se calculan los acuerdos con los puntajes enviados; quien no envió no se cuenta. Se necesita que la referencia haya enviado.",

  "calibration.score.title": "Sus puntajes",
  "calibration.score.intro":
    "Dé un nivel a cada indicador según lo que vio en la clase, sin conversar antes con los demás. Los descriptores de cada nivel están a la vista.",
  "calibration.score.intro_reference":
    "Usted es la referencia: dé un nivel a cada indicador según lo que vio en la clase. Sus puntajes son la base de la comparación.",
  "calibration.score.save": "Guardar",
  "calibration.score.submit": "Enviar puntajes",
  "calibration.score.submit_hint":
    "Guardar conserva lo elegido. Al enviar, sus puntajes quedan fijos y la coordinación ve que terminó.",
  "calibration.score.mine": "Sus puntajes",
  "calibration.score.sent":
    "Envió sus puntajes el {date}. Verá su acuerdo con la referencia cuando la coordinación cierre la calibración.",
  "calibration.score.not_sent_closed":
    "La calibración se cerró sin sus puntajes: no se cuentan en los resultados.",

  "calibration.results.title": "Resultados",
  "calibration.results.intro_all":
    "Acuerdo de cada observador con la persona de referencia, en los indicadores que ambos puntuaron.",
  "calibration.results.intro_own":
    "Su acuerdo con la persona de referencia. Los resultados de cada observador los ven solo esa persona y la coordinación.",
  "calibration.results.rule":
    "Regla de desviación: se marca a un observador cuando kappa es menor que {kappa} o el acuerdo exacto es menor que {exact}, con al menos {min} indicadores puntuados por ambos. La desviación persiste cuando ocurre en cada una de sus {latest} últimas calibraciones cerradas.",
  "calibration.results.observer": "Observador",
  "calibration.results.n": "Indicadores (n)",
  "calibration.results.exact": "Acuerdo exacto",
  "calibration.results.adjacent": "Acuerdo adyacente",
  "calibration.results.kappa": "Kappa de Cohen",
  "calibration.results.drift": "Desviación",
  "calibration.results.kappa_none": "No calculable",
  "calibration.results.kappa_hint":
    "Exacto: mismo nivel que la referencia. Adyacente: a un nivel o menos (incluye los exactos). Kappa descuenta el acuerdo esperable por azar; no es calculable cuando ambos dieron un mismo nivel a todo.",
  "calibration.results.drifts": "Se desvía",
  "calibration.results.drifts_persistently": "Persistente: en sus {latest} últimas calibraciones",
  "calibration.results.no_drift": "Sin desviación",
  "calibration.results.too_few": "Pocos indicadores para juzgar",
  "calibration.results.none": "Ningún observador, fuera de la referencia, envió sus puntajes.",
  "calibration.results.not_submitted": "No enviaron sus puntajes (no se cuentan): {names}.",
  "calibration.results.you_are_reference":
    "Usted fue la referencia de esta calibración: los demás se comparan con sus puntajes.",
  "calibration.results.by_indicator": "Por indicador",
  "calibration.results.indicator": "Indicador",
  "calibration.results.reference_level": "Referencia",
  "calibration.results.my_level": "Su nivel",
  "calibration.results.spread_hint":
    "Cuántos participantes (la referencia incluida) dieron cada nivel a cada indicador.",

  "calibration.ive.link": "Niveles según IVE del establecimiento",
  "calibration.ive.title": "Niveles según IVE",
  "calibration.ive.intro":
    "Nivel promedio que dan los observadores en cada indicador, en visitas enviadas a establecimientos de IVE alto y bajo de toda la red. Una diferencia grande puede indicar que se puntúa distinto según la vulnerabilidad del establecimiento.",
  "calibration.ive.rule":
    "IVE alto: {min} % o más; IVE bajo: menos de {min} %. Los establecimientos sin IVE no se cuentan. Una cifra se muestra solo si reúne al menos {visits} visitas de al menos {schools} establecimientos.",
  "calibration.ive.instrument": "Pauta",
  "calibration.ive.show": "Ver",
  "calibration.ive.high": "IVE alto (≥\u00a0{min}\u00a0%)",
  "calibration.ive.low": "IVE bajo (<\u00a0{min}\u00a0%)",
  "calibration.ive.difference": "Diferencia (alto − bajo)",
  "calibration.ive.hidden": "Sin datos suficientes",
  "calibration.ive.behind": "Visitas: {visits} · establecimientos: {schools}",
  "calibration.ive.total_high":
    "IVE alto (≥\u00a0{min} %): {visits} visitas enviadas en {schools} establecimientos.",
  "calibration.ive.total_low":
    "IVE bajo (<\u00a0{min} %): {visits} visitas enviadas en {schools} establecimientos.",
  "calibration.ive.total_none": "Sin IVE (no se cuentan): {visits} visitas en {schools} establecimientos.",
  "calibration.ive.no_instruments": "La organización no tiene pautas publicadas.",
  "calibration.ive.no_indicators": "Esta pauta no tiene indicadores con nivel.",
  "calibration.ive.no_levels": "Aún no hay niveles dados con esta pauta en establecimientos con IVE.",
  "calibration.ive.unobserved": "Sin niveles dados en visitas: {indicators}.",
  "calibration.ive.levels_hint":
    "Niveles: 1 Insatisfactorio, 2 Básico, 3 Competente, 4 Destacado. Promedio de los niveles dados en las visitas enviadas con cualquier versión de la pauta.",
};
