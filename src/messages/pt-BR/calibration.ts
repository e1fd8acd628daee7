import type { calibration as source } from "../es-CL/calibration";

// Brazilian Portuguese. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const calibration: Record<keyof typeof source, string> = {
  "nav.calibrations": "Calibração",
  "home.card.calibrations": "Calibração: pontuar a mesma aula e comparar",

  "calibration.status.open": "Aberta",
  "calibration.status.closed": "Encerrada",

  "calibration.list.title": "Calibração de observadores",
  "calibration.list.new": "Nova calibração",
  "calibration.list.intro_all":
    "Vários observadores pontuam a mesma aula com o mesmo instrumento, e cada um é comparado com a pessoa de referência.",
  "calibration.list.intro_own":
    "As calibrações de que você participa: pontue a aula e, quando a coordenação a encerrar, veja sua concordância com a referência.",
  "calibration.list.empty_all": "Ainda não há calibrações.",
  "calibration.list.empty_own": "Você ainda não participa de calibrações.",
  "calibration.list.to_score": "A pontuar",
  "calibration.list.submitted_count": "Pontuações enviadas: {submitted} de {participants}",

  "calibration.new.title": "Nova calibração",
  "calibration.new.intro":
    "Escolha o instrumento, a aula que todos vão observar (na sala ou em vídeo) e quem a pontua. Uma dessas pessoas é a referência.",
  "calibration.new.create": "Criar calibração",
  "calibration.edit.title": "Editar calibração",
  "calibration.edit.save": "Salvar alterações",

  "calibration.form.title": "Título",
  "calibration.form.title_hint": "Por exemplo: Calibração de março, Escola Los Aromos.",
  "calibration.form.instrument": "Instrumento",
  "calibration.form.instrument_version": "{name} (versão {version})",
  "calibration.form.instrument_locked_hint": "Não pode ser alterado depois que alguém salvou pontuações.",
  "calibration.form.class": "A aula",
  "calibration.form.class_hint":
    "Uma aula a que vocês assistem juntos (turma, disciplina e data) ou o link de uma aula gravada.",
  "calibration.form.school": "Escola",
  "calibration.form.no_school": "Sem escola",
  "calibration.form.class_context": "Turma e disciplina",
  "calibration.form.class_context_hint": "Por exemplo: 6º ano B · Matemática · frações equivalentes.",
  "calibration.form.held_on": "Data da aula",
  "calibration.form.video_url": "Link da aula gravada",
  "calibration.form.video_url_hint": "Um endereço que comece com https:// ou http://.",
  "calibration.form.participants": "Observadores que pontuam",
  "calibration.form.participants_hint":
    "Equipes gestoras e mentores da organização. Escolha pelo menos uma pessoa além da referência.",
  "calibration.form.no_observers": "A organização ainda não tem equipes gestoras nem mentores.",
  "calibration.form.observer_role": "{role}, {school}",
  "calibration.form.reference": "Pessoa de referência",
  "calibration.form.reference_hint":
    "Suas pontuações são a referência com que os demais são comparados. Ela também participa.",

  "calibration.errors.too_long": "É longo demais.",
  "calibration.errors.instrument_required": "Escolha um instrumento publicado.",
  "calibration.errors.instrument_locked":
    "Já há pontuações salvas com este instrumento: não pode ser alterado.",
  "calibration.errors.date_invalid": "Digite uma data válida.",
  "calibration.errors.date_required": "Digite a data da aula ou adicione o link de uma aula gravada.",
  "calibration.errors.class_required":
    "Digite a turma e a disciplina ou adicione o link de uma aula gravada.",
  "calibration.errors.video_invalid": "Digite um link que comece com https:// ou http://.",
  "calibration.errors.reference_required": "Escolha a pessoa de referência.",
  "calibration.errors.participants_min": "Escolha pelo menos um observador além da referência.",
  "calibration.errors.cannot_remove_submitted": "Não é possível remover quem já enviou suas pontuações.",
  "calibration.errors.closed": "Esta calibração está encerrada e não pode ser alterada.",
  "calibration.errors.already_submitted": "Você já enviou suas pontuações: não podem ser alteradas.",
  "calibration.errors.level_required": "Escolha um nível.",
  "calibration.errors.levels_missing":
    "{count, plural, =0 {Faltam {count} indicadores a pontuar. O que você escolheu foi salvo; complete os marcados para enviar.} one {Falta # indicador a pontuar. O que você escolheu foi salvo; complete o marcado para enviar.} other {Faltam {count} indicadores a pontuar. O que você escolheu foi salvo; complete os marcados para enviar.}}",
  "calibration.errors.reference_not_submitted":
    "A pessoa de referência ainda não enviou suas pontuações: a calibração ainda não pode ser encerrada.",

  "calibration.notice.updated": "As alterações foram salvas.",
  "calibration.notice.closed": "A calibração foi encerrada. Estes são os resultados.",
  "calibration.notice.submitted": "Suas pontuações foram enviadas.",
  "calibration.notice.saved":
    "Suas pontuações foram salvas. Você pode continuar e enviá-las quando terminar.",

  "calibration.page.title": "Calibração: {title}",
  "calibration.page.video": "Ver a aula gravada (abre em outra aba)",
  "calibration.page.meta": "{instrument}, versão {version} · Referência: {reference}",
  "calibration.page.participants": "Participantes",
  "calibration.page.reference": "Referência",
  "calibration.page.sent_at": "Enviou em {date}",
  "calibration.page.pending": "Pendente",
  "calibration.page.edit": "Editar a calibração",
  "calibration.page.close": "Encerrar a calibração",
  "calibration.page.close_hint":
    "Ao encerrá-la, calcula-se a concordância com as pontuações enviadas; quem não enviou não é contado. É preciso que a referência tenha enviado.",

  "calibration.score.title": "Suas pontuações",
  "calibration.score.intro":
    "Dê um nível a cada indicador de acordo com o que viu na aula, sem conversar antes com os demais. Os descritores de cada nível estão à vista.",
  "calibration.score.intro_reference":
    "Você é a referência: dê um nível a cada indicador de acordo com o que viu na aula. Suas pontuações são a base da comparação.",
  "calibration.score.save": "Salvar",
  "calibration.score.submit": "Enviar pontuações",
  "calibration.score.submit_hint":
    "Salvar guarda o que você escolheu. Ao enviar, suas pontuações ficam definitivas e a coordenação vê que você terminou.",
  "calibration.score.mine": "Suas pontuações",
  "calibration.score.sent":
    "Você enviou suas pontuações em {date}. Verá sua concordância com a referência quando a coordenação encerrar a calibração.",
  "calibration.score.not_sent_closed":
    "A calibração foi encerrada sem suas pontuações: elas não são contadas.",

  "calibration.results.title": "Resultados",
  "calibration.results.intro_all":
    "Concordância de cada observador com a pessoa de referência, nos indicadores que ambos pontuaram.",
  "calibration.results.intro_own":
    "Sua concordância com a pessoa de referência. Os resultados de cada observador são vistos apenas por essa pessoa e pela coordenação.",
  "calibration.results.rule":
    "Regra de desvio: um observador é marcado quando o kappa é menor que {kappa} ou a concordância exata é menor que {exact}, com pelo menos {min} indicadores pontuados por ambos. O desvio persiste quando ocorre em cada uma das suas {latest} últimas calibrações encerradas.",
  "calibration.results.observer": "Observador",
  "calibration.results.n": "Indicadores (n)",
  "calibration.results.exact": "Concordância exata",
  "calibration.results.adjacent": "Concordância adjacente",
  "calibration.results.kappa": "Kappa de Cohen",
  "calibration.results.drift": "Desvio",
  "calibration.results.kappa_none": "Não calculável",
  "calibration.results.kappa_hint":
    "Exata: mesmo nível que a referência. Adjacente: a um nível ou menos (inclui as exatas). O kappa desconta a concordância esperada ao acaso; não é calculável quando ambos deram um mesmo nível a tudo.",
  "calibration.results.drifts": "Desvia",
  "calibration.results.drifts_persistently": "Persistente: nas suas {latest} últimas calibrações",
  "calibration.results.no_drift": "Sem desvio",
  "calibration.results.too_few": "Poucos indicadores para julgar",
  "calibration.results.none": "Nenhum observador, além da referência, enviou suas pontuações.",
  "calibration.results.not_submitted": "Não enviaram suas pontuações (não são contados): {names}.",
  "calibration.results.you_are_reference":
    "Você foi a referência desta calibração: os demais são comparados com suas pontuações.",
  "calibration.results.by_indicator": "Por indicador",
  "calibration.results.indicator": "Indicador",
  "calibration.results.reference_level": "Referência",
  "calibration.results.my_level": "Seu nível",
  "calibration.results.spread_hint":
    "Quantos participantes (incluindo a referência) deram cada nível a cada indicador.",

  "calibration.ive.link": "Níveis segundo o IVE da escola",
  "calibration.ive.title": "Níveis segundo o IVE",
  "calibration.ive.intro":
    "Nível médio dado pelos observadores em cada indicador, em visitas enviadas a escolas de IVE (índice de vulnerabilidade escolar) alto e baixo de toda a rede. Uma diferença grande pode indicar que se pontua de modo diferente conforme a vulnerabilidade da escola.",
  "calibration.ive.rule":
    "IVE alto: {min} % ou mais; IVE baixo: menos de {min} %. Escolas sem IVE não são contadas. Um número é mostrado apenas se reunir pelo menos {visits} visitas de pelo menos {schools} escolas.",
  "calibration.ive.instrument": "Instrumento",
  "calibration.ive.show": "Ver",
  "calibration.ive.high": "IVE alto (≥\u00a0{min}\u00a0%)",
  "calibration.ive.low": "IVE baixo (<\u00a0{min}\u00a0%)",
  "calibration.ive.difference": "Diferença (alto − baixo)",
  "calibration.ive.hidden": "Dados insuficientes",
  "calibration.ive.behind": "Visitas: {visits} · escolas: {schools}",
  "calibration.ive.total_high": "IVE alto (≥\u00a0{min} %): {visits} visitas enviadas em {schools} escolas.",
  "calibration.ive.total_low": "IVE baixo (<\u00a0{min} %): {visits} visitas enviadas em {schools} escolas.",
  "calibration.ive.total_none": "Sem IVE (não são contadas): {visits} visitas em {schools} escolas.",
  "calibration.ive.no_instruments": "A organização não tem instrumentos publicados.",
  "calibration.ive.no_indicators": "Este instrumento não tem indicadores com nível.",
  "calibration.ive.no_levels": "Ainda não há níveis dados com este instrumento em escolas com IVE.",
  "calibration.ive.unobserved": "Sem níveis dados em visitas: {indicators}.",
  "calibration.ive.levels_hint":
    "Níveis: 1 Insatisfatório, 2 Básico, 3 Competente, 4 Destacado. Média dos níveis dados nas visitas enviadas com qualquer versão do instrumento.",
};
