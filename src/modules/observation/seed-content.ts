// Seed content (es-CL) for the observation module: the MBE 2021 classroom instrument (domains B and C,
// standards 5 to 9), a short walkthrough instrument and the action-step catalogue (scope & sequence).
// Domain and standard names follow the project's chile.md. Wording marked `draft: true` is ours, NOT
// verified against the official MBE text, and meant to be edited by coordinators.

import type { CatalogueStepDef, SeedInstrument } from "./content";

export const MBE_CLASSROOM_INSTRUMENT: SeedInstrument = {
  name: "Pauta de observación de aula (MBE 2021, dominios B y C)",
  description:
    "Pauta basada en los dominios B y C del Marco para la Buena Enseñanza 2021 (estándares 5 a 9). Los textos marcados como borrador no son el texto oficial del MBE y la coordinación puede editarlos.",
  content: {
    timeOnTask: true,
    sections: [
      {
        key: "b",
        title: "Dominio B: Creación de un ambiente propicio para el aprendizaje",
        description:
          "Estándar 5: Ambiente respetuoso y organizado. Estándar 6: Desarrollo personal y social.",
        indicators: [
          {
            key: "b5.1",
            title: "Trato respetuoso entre el/la docente y los estudiantes, y entre los estudiantes",
            mbeStandard: 5,
            kind: "scored",
            draft: true,
            descriptors: [
              "El/la docente grita, usa ironías o descalificaciones, o deja pasar burlas e insultos entre estudiantes sin intervenir.",
              "El trato del/la docente es correcto, pero interviene de forma irregular ante burlas o faltas de respeto entre estudiantes: algunas pasan sin respuesta.",
              "El/la docente se dirige a los estudiantes por su nombre y con tono cordial, y corrige de inmediato y con calma cualquier falta de respeto entre estudiantes.",
              "Los estudiantes se tratan con respeto sin necesidad de intervención: se escuchan, esperan su turno y reconocen los aportes de sus compañeros.",
            ],
          },
          {
            key: "b5.2",
            title: "Rutinas y procedimientos conocidos por el curso (inicio, transiciones, materiales)",
            mbeStandard: 5,
            kind: "scored",
            draft: true,
            descriptors: [
              "No se observan rutinas: el inicio, las transiciones o la entrega de materiales generan desorden prolongado y el/la docente repite las instrucciones muchas veces.",
              "Hay algunas rutinas, pero requieren varias indicaciones; las transiciones toman más de dos minutos o un grupo de estudiantes no las sigue.",
              "Los estudiantes realizan las rutinas principales con una sola indicación y en poco tiempo; la clase comienza y cambia de actividad sin pérdida notoria de tiempo.",
              "Las rutinas funcionan casi sin intervención del/la docente: los estudiantes las realizan por iniciativa propia y algunos asumen roles, como repartir materiales.",
            ],
          },
          {
            key: "b5.3",
            title: "Normas de convivencia aplicadas de forma consistente ante conductas disruptivas",
            mbeStandard: 5,
            kind: "scored",
            draft: true,
            descriptors: [
              "Las conductas disruptivas interrumpen la clase una y otra vez, y el/la docente no responde o responde de forma desproporcionada o inconsistente.",
              "El/la docente responde a las conductas disruptivas, pero deteniendo la clase completa o con llamados de atención generales que no cambian la conducta.",
              "El/la docente recuerda la conducta esperada de forma breve y específica (verbal o con un gesto) y los estudiantes la corrigen sin que la clase se detenga.",
              "El/la docente se anticipa (circula, usa la proximidad y señales) y corrige con intervenciones mínimas y privadas; la clase avanza sin interrupciones.",
            ],
          },
          {
            key: "b6.1",
            title: "Atención al bienestar y vínculo con cada estudiante",
            mbeStandard: 6,
            kind: "scored",
            draft: true,
            descriptors: [
              "El/la docente ignora a un estudiante visiblemente afectado o aislado, o hace comentarios que lo exponen frente al curso.",
              "El/la docente atiende el malestar de un estudiante solo cuando se hace evidente o interrumpe la clase.",
              "El/la docente saluda a los estudiantes, nota cambios en su ánimo y se acerca en privado a quien lo necesita, sin exponerlo frente al curso.",
              "Además, el/la docente abre espacios breves y planificados para conversar sobre cómo están, y los estudiantes se acercan a él o ella con confianza.",
            ],
          },
          {
            key: "b6.2",
            title: "Enseñanza y refuerzo de habilidades socioemocionales y de colaboración",
            mbeStandard: 6,
            kind: "scored",
            draft: true,
            descriptors: [
              "Ante conflictos o frustración, el/la docente los ignora o los resuelve solo con sanciones, sin conversar con los estudiantes.",
              "El/la docente menciona valores o conductas esperadas en términos generales (“hay que respetarse”), sin mostrar cómo se hace.",
              "El/la docente nombra y modela habilidades concretas (escuchar, pedir la palabra, pedir ayuda, manejar el error) y las reconoce cuando los estudiantes las usan.",
              "Los estudiantes usan esas habilidades por sí mismos: resuelven diferencias en el trabajo en grupo con el lenguaje enseñado y se apoyan entre sí.",
            ],
          },
          {
            key: "b.evidencias",
            title: "Otras evidencias del dominio B",
            description: "Evidencia del ambiente de aula que no calza en los indicadores anteriores.",
            kind: "evidence",
            draft: true,
          },
        ],
      },
      {
        key: "c",
        title: "Dominio C: Enseñanza para el aprendizaje de todos/as los/las estudiantes",
        description:
          "Estándar 7: Estrategias de enseñanza para el logro de aprendizajes profundos. Estándar 8: Estrategias para el desarrollo de habilidades del pensamiento. Estándar 9: Evaluación y retroalimentación para el aprendizaje.",
        indicators: [
          {
            key: "c7.1",
            title: "Comunicación clara del objetivo de la clase y de las instrucciones",
            mbeStandard: 7,
            kind: "scored",
            draft: true,
            descriptors: [
              "No se comunica el objetivo, o las instrucciones son confusas y varios estudiantes no saben qué hacer después de recibirlas.",
              "El objetivo se escribe o se lee, pero no se vuelve a él; tras las instrucciones, varios estudiantes preguntan qué deben hacer.",
              "El objetivo se explica en lenguaje comprensible y se relaciona con la actividad; las instrucciones dicen qué, cómo y en cuánto tiempo, y la mayoría comienza de inmediato.",
              "Los estudiantes explican con sus palabras qué están aprendiendo y para qué; el/la docente verifica que entendieron las instrucciones antes de empezar.",
            ],
          },
          {
            key: "c7.2",
            title: "Participación activa de todos los estudiantes",
            mbeStandard: 7,
            kind: "scored",
            draft: true,
            descriptors: [
              "La clase es casi solo exposición del/la docente; participan unos pocos estudiantes o la mayoría no está trabajando.",
              "El/la docente hace preguntas, pero responden sobre todo voluntarios; varios estudiantes pasan largos ratos sin participar.",
              "El/la docente usa estrategias para que todos respondan (preguntar sin mano alzada, pizarras, conversar en parejas) y la mayoría de los estudiantes está en la tarea.",
              "Casi todos los estudiantes participan activamente durante la mayor parte de la clase y conversan sobre el contenido entre ellos.",
            ],
          },
          {
            key: "c7.3",
            title: "Apoyos diferenciados para que todos los estudiantes logren el objetivo",
            mbeStandard: 7,
            kind: "scored",
            draft: true,
            descriptors: [
              "Todos reciben la misma tarea y el mismo apoyo; quienes no avanzan o terminan antes quedan sin actividad.",
              "El/la docente ayuda a quien lo pide, pero no hay apoyos previstos para quienes tienen dificultades ni desafíos para quienes terminan antes.",
              "El/la docente ofrece apoyos previstos (ejemplos, material concreto, pasos guiados, agrupaciones) a quienes lo necesitan y tareas de extensión a quienes terminan antes.",
              "Los apoyos se retiran de forma gradual; los estudiantes eligen el apoyo que necesitan y todos trabajan hacia la misma meta exigente.",
            ],
          },
          {
            key: "c8.1",
            title: "Preguntas que exigen explicar, comparar o justificar",
            mbeStandard: 8,
            kind: "scored",
            draft: true,
            descriptors: [
              "Las preguntas son casi solo de recuerdo o de sí o no, y el/la docente las responde si nadie contesta de inmediato.",
              "Aparecen algunas preguntas de por qué o cómo, pero el/la docente acepta respuestas breves sin pedir justificación.",
              "El/la docente hace preguntas que exigen explicar, comparar o justificar, da tiempo para pensar y pide a los estudiantes fundamentar sus respuestas.",
              "Los estudiantes formulan sus propias preguntas, responden a las ideas de sus compañeros y argumentan con evidencia.",
            ],
          },
          {
            key: "c8.2",
            title: "El trabajo de pensar está a cargo de los estudiantes",
            mbeStandard: 8,
            kind: "scored",
            draft: true,
            descriptors: [
              "Las tareas piden copiar, completar o repetir un procedimiento sin que los estudiantes tengan que razonar.",
              "La tarea podría ser desafiante, pero el/la docente la simplifica o resuelve por los estudiantes los pasos difíciles.",
              "Los estudiantes resuelven tareas que exigen aplicar, analizar o crear, y el/la docente sostiene el desafío con preguntas en vez de dar la respuesta.",
              "Los estudiantes abordan problemas abiertos, proponen estrategias distintas y las comparan; el/la docente interviene solo para profundizar.",
            ],
          },
          {
            key: "c8.3",
            title: "Reflexión de los estudiantes sobre cómo aprenden (metacognición)",
            mbeStandard: 8,
            kind: "scored",
            draft: true,
            descriptors: [
              "No hay momentos en que los estudiantes reflexionen sobre cómo aprendieron o cómo resolvieron una tarea.",
              "Al cierre, el/la docente pregunta “¿qué aprendimos hoy?” y uno o dos estudiantes responden con el nombre del contenido.",
              "El/la docente pide a los estudiantes explicar qué estrategia usaron para resolver la tarea y qué harían distinto la próxima vez.",
              "Los estudiantes revisan su propio trabajo con criterios o preguntas guía, reconocen sus dificultades y cambian de estrategia durante la tarea.",
            ],
          },
          {
            key: "c9.1",
            title: "Monitoreo del aprendizaje de todo el curso durante la clase",
            mbeStandard: 9,
            kind: "scored",
            draft: true,
            descriptors: [
              "El/la docente no verifica si los estudiantes están aprendiendo; avanza sin más evidencia que un “¿entendieron?”.",
              "El/la docente verifica la comprensión de algunos estudiantes (por lo general voluntarios), pero no ajusta la clase según lo que observa.",
              "El/la docente recoge evidencia de todo el curso (revisa cuadernos al circular, pizarras, ticket de salida) y ajusta la explicación o la actividad según lo que encuentra.",
              "El/la docente verifica en los momentos clave, registra lo que ve y vuelve a enseñar o reagrupa en el momento; los estudiantes también controlan su propio avance.",
            ],
          },
          {
            key: "c9.2",
            title: "Retroalimentación específica que los estudiantes usan para mejorar",
            mbeStandard: 9,
            kind: "scored",
            draft: true,
            descriptors: [
              "La retroalimentación se limita a “bien” o “mal”, o no se entrega.",
              "El/la docente señala qué está correcto o incorrecto, pero no cómo mejorar; los estudiantes no modifican su trabajo.",
              "La retroalimentación es específica, se refiere al objetivo o a los criterios y propone un próximo paso; los estudiantes la usan para corregir su trabajo en la clase.",
              "Los estudiantes se retroalimentan entre sí con criterios claros y el/la docente comprueba que la retroalimentación produjo mejoras.",
            ],
          },
          {
            key: "c9.3",
            title: "Criterios de evaluación conocidos por los estudiantes",
            mbeStandard: 9,
            kind: "scored",
            draft: true,
            descriptors: [
              "Los estudiantes no saben con qué criterios se revisará su trabajo.",
              "Los criterios se mencionan en términos generales (“que esté ordenado”) o solo al final de la tarea.",
              "Antes de la tarea, el/la docente presenta criterios claros con un ejemplo, y los estudiantes pueden consultarlos mientras trabajan.",
              "Los estudiantes usan los criterios para revisar su trabajo o el de sus compañeros y explican qué distingue un buen trabajo.",
            ],
          },
          {
            key: "c.evidencias",
            title: "Otras evidencias del dominio C",
            description:
              "Evidencia de la enseñanza y la evaluación que no calza en los indicadores anteriores.",
            kind: "evidence",
            draft: true,
          },
        ],
      },
    ],
  },
};

export const WALKTHROUGH_INSTRUMENT: SeedInstrument = {
  name: "Visita breve",
  description:
    "Visita de 10 a 15 minutos centrada en el paso de acción acordado con el/la docente. Se registra evidencia concreta y el tiempo en la tarea, sin asignar niveles.",
  content: {
    timeOnTask: true,
    sections: [
      {
        key: "wt",
        title: "Visita breve",
        indicators: [
          {
            key: "wt.foco",
            title: "Foco de la visita: el paso de acción en curso",
            description:
              "¿Se ve el paso de acción acordado? Anote qué se dijo y se hizo, y cuántos estudiantes respondieron, para decidir si está logrado o necesita más práctica.",
            kind: "evidence",
          },
          {
            key: "wt.estudiantes",
            title: "¿Qué están haciendo los estudiantes?",
            description:
              "Qué tarea realizan, cuántos la están haciendo y qué dicen, escriben o producen. Citas textuales y cifras, sin juicios.",
            kind: "evidence",
          },
          {
            key: "wt.docente",
            title: "¿Qué está haciendo el/la docente?",
            description:
              "Qué dice y hace el/la docente en ese momento: instrucciones, preguntas, correcciones y dónde está en la sala. Citas textuales, sin juicios.",
            kind: "evidence",
          },
        ],
      },
    ],
  },
};

/**
 * The action-step catalogue: within each category the steps go from foundational to advanced, so a coach
 * can pick the next step in sequence.
 */
export const ACTION_STEP_CATALOGUE: CatalogueStepDef[] = [
  // Rutinas y procedimientos
  {
    category: "routines",
    title: "Acordar con el profesor/a jefe tres normas de sala y dejarlas escritas a la vista del curso",
    mastery:
      "Las tres normas están publicadas en la sala y el/la docente las nombra textualmente al recordarlas; los estudiantes pueden repetirlas cuando se les pregunta.",
    mbeStandard: 5,
  },
  {
    category: "routines",
    title: "Establecer una rutina de entrada con una actividad de inicio escrita en la pizarra",
    mastery:
      "Los estudiantes entran, sacan sus materiales y comienzan la actividad de inicio en menos de tres minutos, sin que el/la docente tenga que pedirlo de nuevo.",
    mbeStandard: 5,
  },
  {
    category: "routines",
    title: "Usar una sola señal para pedir atención y esperar a que todo el curso la siga antes de hablar",
    mastery:
      "Al usar la señal, todo el curso se detiene y mira al/la docente en menos de cinco segundos; el/la docente no habla por encima de los estudiantes.",
    mbeStandard: 5,
  },
  {
    category: "routines",
    title: "Dar instrucciones de qué hacer en tres pasos: qué, cómo y en cuánto tiempo",
    mastery:
      "Después de cada instrucción, casi todos los estudiantes comienzan la tarea en los primeros 30 segundos sin preguntar qué hay que hacer.",
    mbeStandard: 5,
  },
  {
    category: "routines",
    title: "Modelar y ensayar con el curso cómo se reparten y se recogen los materiales",
    mastery:
      "Los materiales se reparten y se recogen en menos de un minuto, con estudiantes encargados y sin que el/la docente intervenga.",
    mbeStandard: 5,
  },
  {
    category: "routines",
    title: "Ensayar las transiciones entre actividades con un tiempo límite visible",
    mastery:
      "Los cambios de actividad (por ejemplo, de la explicación al trabajo en parejas) toman menos de un minuto y los estudiantes retoman la tarea sin recordatorios.",
    mbeStandard: 5,
  },
  {
    category: "routines",
    title: "Cuando una rutina sale mal, hacerla repetir de inmediato, con calma y sin sermones",
    mastery:
      "Ante una rutina mal hecha, el/la docente pide repetirla en el momento con tono neutro; en la visita siguiente la rutina sale bien al primer intento.",
    mbeStandard: 5,
  },
  {
    category: "routines",
    title: "Definir qué hacen los estudiantes que terminan antes y dejarlo visible en la sala",
    mastery:
      "Los estudiantes que terminan antes pasan por sí solos a la actividad indicada, sin preguntar ni interrumpir a sus compañeros.",
    mbeStandard: 5,
  },

  // Clima de aula
  {
    category: "climate",
    title: "Recibir al curso en la puerta y saludar a cada estudiante por su nombre",
    mastery:
      "El/la docente saluda por su nombre a cada estudiante al entrar; los estudiantes responden el saludo y entran con calma.",
    mbeStandard: 6,
  },
  {
    category: "climate",
    title: "Dar las instrucciones importantes de pie, quieto/a y con voz firme y pausada",
    mastery:
      "Al dar una instrucción clave, el/la docente se detiene en un punto visible, no hace otra cosa a la vez y habla sin gritar; los estudiantes dejan lo que hacen para escuchar.",
    mbeStandard: 5,
  },
  {
    category: "climate",
    title:
      "Describir en voz alta a los estudiantes que cumplen la instrucción, en vez de nombrar a quienes no",
    mastery:
      "Tras una instrucción, el/la docente menciona en positivo lo que ya están haciendo algunos estudiantes (“veo que esta fila ya abrió su cuaderno”) y más estudiantes se suman.",
    mbeStandard: 5,
  },
  {
    category: "climate",
    title:
      "Corregir conductas con la intervención mínima: una mirada, acercarse o un gesto, sin detener la clase",
    mastery:
      "La mayoría de las correcciones son no verbales y la explicación o la tarea continúa; la conducta cambia sin que el resto del curso lo note.",
    mbeStandard: 5,
  },
  {
    category: "climate",
    title: "Hacer las correcciones individuales en privado y en voz baja, diciendo la conducta esperada",
    mastery:
      "Cuando una corrección necesita palabras, el/la docente se acerca al estudiante, le dice en voz baja qué debe hacer y se aleja; no hay discusiones frente al curso.",
    mbeStandard: 5,
  },
  {
    category: "climate",
    title:
      "Responder a las respuestas equivocadas con una frase que normalice el error y usarlas para avanzar",
    mastery:
      "Ante un error, el/la docente agradece el aporte y lo usa para aclarar; los estudiantes que se equivocan vuelven a participar en la misma clase y nadie se burla.",
    mbeStandard: 6,
  },
  {
    category: "climate",
    title:
      "Enseñar y practicar una frase para discrepar con respeto (“no estoy de acuerdo con ___ porque ___”)",
    mastery:
      "En las discusiones, los estudiantes usan la frase enseñada para responder a un compañero y discuten las ideas sin descalificar a las personas.",
    mbeStandard: 6,
  },

  // Monitoreo / verificación del aprendizaje
  {
    category: "checking",
    title: "Reemplazar “¿entendieron?” por una pregunta de contenido que todo el curso responda a la vez",
    mastery:
      "El/la docente no pregunta “¿entendieron?”; en su lugar hace una pregunta concreta y ve la respuesta de todos (con los dedos, el pulgar o por escrito).",
    mbeStandard: 9,
  },
  {
    category: "checking",
    title: "Preguntar a estudiantes sin mano alzada, avisando antes que cualquiera puede ser llamado",
    mastery:
      "El/la docente elige a quién preguntar, no solo a voluntarios, y a lo largo de la clase responden estudiantes de todos los sectores de la sala.",
    mbeStandard: 9,
  },
  {
    category: "checking",
    title: "Usar pizarras individuales u hojas para que todos muestren su respuesta al mismo tiempo",
    mastery:
      "Al menos una vez por clase, todos los estudiantes levantan su respuesta a la vez y el/la docente dice en voz alta cuántos acertaron.",
    mbeStandard: 9,
  },
  {
    category: "checking",
    title: "Preparar antes de la clase la respuesta ejemplar y los errores probables de la tarea principal",
    mastery:
      "El/la docente tiene escrita la respuesta esperada y dos o tres errores probables; al circular, reconoce esos errores y sabe qué decir a cada estudiante.",
    mbeStandard: null,
  },
  {
    category: "checking",
    title:
      "Circular con una ruta fija durante el trabajo individual y revisar el cuaderno de cada estudiante",
    mastery:
      "En los primeros minutos del trabajo individual, el/la docente recorre toda la sala y deja una marca breve en cada cuaderno, en vez de quedarse con un solo estudiante.",
    mbeStandard: 9,
  },
  {
    category: "checking",
    title:
      "Cerrar la clase con un ticket de salida de una o dos preguntas y ordenarlo en logrado, casi y no logrado",
    mastery:
      "Todos los estudiantes responden el ticket; al día siguiente el/la docente sabe cuántos lograron el objetivo y comienza la clase retomando lo que no se logró.",
    mbeStandard: 9,
  },
  {
    category: "checking",
    title: "Volver a enseñar en el momento cuando la verificación muestra un error común en el curso",
    mastery:
      "Cuando muchos estudiantes se equivocan en lo mismo, el/la docente se detiene, muestra el error al curso y vuelve a explicar o modelar antes de seguir.",
    mbeStandard: 9,
  },

  // Desafío académico
  {
    category: "challenge",
    title: "Esperar al menos tres segundos en silencio después de una pregunta antes de dar la palabra",
    mastery:
      "Después de cada pregunta el/la docente espera antes de elegir quién responde, y más estudiantes levantan la mano o se preparan para responder.",
    mbeStandard: 8,
  },
  {
    category: "challenge",
    title: "Pedir que todos escriban su respuesta antes de comentarla en voz alta",
    mastery:
      "Antes de cada discusión, todos los estudiantes escriben una respuesta propia; el/la docente comprueba que todos escribieron antes de dar la palabra.",
    mbeStandard: 7,
  },
  {
    category: "challenge",
    title:
      "Usar la conversación en parejas con una pregunta precisa y un tiempo corto, y luego pedir lo conversado",
    mastery:
      "Durante la conversación en parejas ambos estudiantes hablan del contenido; al terminar, el/la docente llama a varias parejas a contar lo que dijo su compañero.",
    mbeStandard: 7,
  },
  {
    category: "challenge",
    title: "Pedir que los estudiantes justifiquen también las respuestas correctas: “¿cómo lo sabes?”",
    mastery:
      "El/la docente pide justificar tanto las respuestas correctas como las incorrectas, y los estudiantes responden con razones o evidencia, no solo con el resultado.",
    mbeStandard: 8,
  },
  {
    category: "challenge",
    title:
      "No aceptar respuestas a medias: pedir al mismo estudiante que complete su respuesta con el término preciso",
    mastery:
      "Ante una respuesta incompleta o imprecisa, el/la docente pide al mismo estudiante que la mejore, en lugar de completarla él o ella.",
    mbeStandard: 7,
  },
  {
    category: "challenge",
    title:
      "Devolver la pregunta al curso: pedir a otro estudiante que amplíe o discrepe de la respuesta de un compañero",
    mastery:
      "Las respuestas de los estudiantes se encadenan (“agrego que…”, “no estoy de acuerdo porque…”) y el/la docente habla menos que los estudiantes durante la discusión.",
    mbeStandard: 8,
  },
  {
    category: "challenge",
    title:
      "Revisar con UTP o un colega la tarea principal de la clase y subir su exigencia de identificar a explicar",
    mastery:
      "La tarea principal pide a los estudiantes explicar, comparar o justificar, y el/la docente no les resuelve los pasos difíciles mientras trabajan.",
    mbeStandard: 8,
  },
  {
    category: "challenge",
    title:
      "Cerrar la tarea con una pregunta sobre la estrategia: qué hiciste para resolverla y qué harías distinto",
    mastery:
      "Al cierre, los estudiantes describen la estrategia que usaron y la comparan con la de un compañero; algunos identifican un paso que cambiarían.",
    mbeStandard: 8,
  },

  // Retroalimentación a estudiantes
  {
    category: "feedback",
    title: "Cambiar el “muy bien” por un elogio que diga qué hizo bien el estudiante",
    mastery:
      "Los elogios del/la docente nombran la acción concreta (“usaste el dato de la tabla para justificar”) y se refieren al esfuerzo o la estrategia, no a la persona.",
    mbeStandard: 9,
  },
  {
    category: "feedback",
    title:
      "Mostrar un ejemplo de trabajo bien hecho y nombrar con el curso dos o tres criterios antes de la tarea",
    mastery:
      "Antes de trabajar, los criterios quedan escritos a la vista y los estudiantes pueden decir con sus palabras qué tiene que tener un buen trabajo.",
    mbeStandard: 9,
  },
  {
    category: "feedback",
    title: "Al circular, dar retroalimentación breve: una cosa lograda y un próximo paso concreto",
    mastery:
      "Los comentarios del/la docente al circular indican qué hacer a continuación, y el estudiante lo aplica antes de que el/la docente vuelva a pasar.",
    mbeStandard: 9,
  },
  {
    category: "feedback",
    title:
      "Proyectar o leer un trabajo anónimo de un estudiante y revisarlo con el curso según los criterios",
    mastery:
      "El curso analiza el trabajo con los criterios, nombra qué está logrado y qué falta, y luego cada estudiante revisa el suyo con la misma mirada.",
    mbeStandard: 9,
  },
  {
    category: "feedback",
    title:
      "Dar tiempo en la clase para que los estudiantes corrijan su trabajo con la retroalimentación recibida",
    mastery:
      "Hay un momento planificado en que los estudiantes mejoran su trabajo con la retroalimentación y el/la docente ve versiones corregidas antes de que termine la clase.",
    mbeStandard: 9,
  },
  {
    category: "feedback",
    title: "Enseñar a los estudiantes a retroalimentarse en parejas con una pauta breve de criterios",
    mastery:
      "Los estudiantes comentan el trabajo de su compañero con la pauta, señalando un logro y una mejora concreta, y el compañero ajusta su trabajo.",
    mbeStandard: 9,
  },
  {
    category: "feedback",
    title: "Pedir a los estudiantes que evalúen su propio trabajo con los criterios antes de entregarlo",
    mastery:
      "Antes de entregar, los estudiantes marcan qué criterios cumplen y corrigen lo que falta; su autoevaluación coincide en general con la revisión del/la docente.",
    mbeStandard: 9,
  },
];
