import type { privacy as source } from "../es-CL/privacy";

// Brazilian Portuguese. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const privacy: Record<keyof typeof source, string> = {
  "nav.privacy_requests": "Solicitações de dados",
  "privacy.profile.title": "Meus dados pessoais",
  "privacy.profile.intro":
    "Segundo a Lei 21.719 do Chile, você pode baixar todos os seus dados ou pedir que sejam excluídos.",
  "privacy.profile.download": "Baixar meus dados",
  "privacy.profile.delete": "Pedir a exclusão dos meus dados",

  "privacy.deletion.title": "Pedir a exclusão dos meus dados",
  "privacy.deletion.intro":
    "Um coordenador ou uma coordenadora da sua organização vai analisar o pedido e avisar você por e-mail. Se for aceito, seu nome, e-mail, RUT e telefone são apagados, você não poderá entrar de novo e o que você escreveu (reflexões, evidências, reuniões) é substituído por uma marca. Os números de visitas, níveis e passos são mantidos, sem o seu nome, para que os relatórios continuem corretos.",
  "privacy.deletion.before": "Antes de pedir, você pode baixar uma cópia de todos os seus dados.",
  "privacy.deletion.reason": "Motivo",
  "privacy.deletion.reason_hint": "Se quiser, conte-nos por quê.",
  "privacy.deletion.confirm":
    "Entendo que, se aceito, meus dados pessoais serão excluídos e não poderei entrar de novo.",
  "privacy.deletion.submit": "Enviar o pedido",
  "privacy.deletion.sent": "Seu pedido foi enviado. Avisaremos por e-mail quando for resolvido.",
  "privacy.deletion.pending": "Você tem um pedido de exclusão em andamento, enviado em {date}.",
  "privacy.deletion.last_rejected": "Seu último pedido foi recusado em {date}. Motivo: {note}",
  "privacy.deletion.back": "Voltar ao meu perfil",

  "privacy.requests.title": "Solicitações de dados pessoais",
  "privacy.requests.intro":
    "Pedidos de exclusão de dados (Lei 21.719). Devem ser respondidos em até 30 dias corridos a partir do recebimento.",
  "privacy.requests.empty": "Não há solicitações pendentes.",
  "privacy.requests.person": "Pessoa",
  "privacy.requests.requested_at": "Recebida",
  "privacy.requests.due": "Prazo",
  "privacy.requests.status": "Situação",
  "privacy.requests.open": "Analisar",
  "privacy.requests.handled_title": "Resolvidas recentemente",
  "privacy.status.pending": "Pendente",
  "privacy.status.anonymized": "Dados excluídos",
  "privacy.status.rejected": "Recusada",

  "privacy.request.title": "Pedido de exclusão de dados",
  "privacy.request.person": "Pessoa",
  "privacy.request.email": "E-mail",
  "privacy.request.reason": "Motivo informado",
  "privacy.request.no_reason": "Não informou um motivo.",
  "privacy.request.requested_at": "Recebida",
  "privacy.request.due": "Prazo para responder",
  "privacy.request.handled": "Resolvida em {date} por {name}.",
  "privacy.request.decision_note": "Motivo da recusa",
  "privacy.request.anonymize_title": "Anonimizar",
  "privacy.request.anonymize_intro":
    "Apaga nome, e-mail, RUT, telefone e senha; encerra suas sessões e convites; substitui seus textos por uma marca. Visitas, níveis, tempos e passos são mantidos sem o nome, assim os relatórios continuam corretos. Não pode ser desfeito.",
  "privacy.request.anonymize_confirm": "Confirmo que quero anonimizar esta pessoa.",
  "privacy.request.anonymize": "Anonimizar",
  "privacy.request.reject_title": "Recusar",
  "privacy.request.reject_intro":
    "Por exemplo, quando a lei obriga a manter os dados. A pessoa recebe o motivo por e-mail.",
  "privacy.request.reject_note": "Motivo",
  "privacy.request.reject": "Recusar o pedido",
  "privacy.request.anonymized": "A pessoa foi anonimizada.",
  "privacy.request.rejected": "O pedido foi recusado.",

  "privacy.errors.confirm_required": "Marque a caixa para confirmar.",
  "privacy.errors.note_required": "Escreva o motivo da recusa.",
  "privacy.errors.too_long": "O texto é longo demais (no máximo {max} caracteres).",
  "privacy.errors.already_pending": "Você já tem um pedido em andamento.",
  "privacy.errors.already_handled": "Este pedido já foi resolvido.",

  "privacy.marker": "[Texto excluído a pedido de quem o escreveu]",

  "email.privacy_anonymized.subject": "Seus dados foram excluídos",
  "email.privacy_anonymized.body":
    "Atendemos seu pedido: seus dados pessoais foram excluídos do Impulso e sua conta foi encerrada. Os números agregados (quantidade de visitas, níveis, tempos) são mantidos sem o seu nome.",
  "email.privacy_rejected.subject": "Seu pedido de exclusão de dados",
  "email.privacy_rejected.body":
    "Analisamos seu pedido de exclusão de dados e não pudemos aceitá-lo. Motivo: {note}\n\nSe não concordar, você pode reclamar à Agencia de Protección de Datos Personales.",

  "privacy.readme":
    "Seus dados no Impulso\n\nEste arquivo contém todos os dados que o Impulso guarda sobre você, em {date}.\n\n" +
    "datos.json: tudo, em um só arquivo (JSON, UTF-8): seu perfil, seus papéis, suas sessões (sem chaves), os registros de auditoria em que você age ou é o sujeito, seus convites, as visitas que você recebeu como docente (já enviadas, com evidências, níveis, tempo em tarefa, reuniões e suas reflexões, também as privadas), seus passos de ação, as visitas que você registrou como observador ou observadora e as pontuações que deu em calibrações.\n\n" +
    "As mesmas partes em tabelas (CSV, UTF-8, separadas por ponto e vírgula, abra em uma planilha):\n" +
    "roles.csv: seus papéis na organização e em cada escola.\n" +
    "sesiones.csv: quando você entrou, de qual navegador e endereço.\n" +
    'auditoria.csv: registros de auditoria; "as" diz se você agiu (actor) ou se o registro é sobre você (subject).\n' +
    "visitas-recibidas.csv: as visitas às suas aulas.\n" +
    "niveles.csv: os níveis (1 a 4) de cada indicador nessas visitas.\n" +
    "tiempo-en-tarea.csv: estudantes em tarefa e presentes em cada momento dessas visitas.\n" +
    "reuniones.csv: as reuniões de devolutiva e sua reflexão.\n" +
    "pasos-de-accion.csv: seus passos de ação.\n" +
    "visitas-realizadas.csv: as visitas que você registrou.\n" +
    "calibraciones.csv: os níveis que você deu em calibrações.\n\n" +
    "As datas estão em UTC (ISO 8601). Senhas, chaves de sessão e links de convite não estão incluídos.\n" +
    "Você pode pedir a correção ou a exclusão dos seus dados no seu perfil.",
};
