import type { RubricTranslation } from "../../../core/rubric-translation.js";

/**
 * The Spanish of version 2 (the published Next Gen indicators), keyed by the English version's
 * keys; reviewed against locales/GLOSSARY.md. Shipped with the version it translates
 * (rubric-service.ts); rubric-translations.test.ts keeps it whole.
 */
export const rubricV2Es: RubricTranslation = {
  characteristics: {
    regional_sector: {
      name: "Un mercado laboral regional",
      summary:
        "Una industria en la región donde sus empresas contratan y compiten, no un límite de condado ni un área de servicio trazada por otras razones.",
    },
    industry_driven: {
      name: "Dirigida por líderes empresariales influyentes",
      summary:
        "Líderes del sector privado que pueden comprometer a sus empresas dirigen la alianza, siguen sumando a sus pares y superan en número a los aliados públicos.",
    },
    industry_solutions: {
      name: "Soluciones definidas por la industria con impacto económico",
      summary:
        "Los líderes empresariales señalan qué haría más competitiva a la industria en la región, en la fuerza laboral y más allá, y el trabajo apunta a resultados económicos.",
    },
    community_supported: {
      name: "Un equipo coordinado de aliados públicos",
      summary:
        "La educación K-12 y postsecundaria, el desarrollo de la fuerza laboral y el desarrollo económico, las cámaras de comercio y otros apoyan las prioridades de las empresas como un solo equipo.",
    },
    action_results: {
      name: "Un plan de acción compartido, llevado a cabo por líderes empresariales",
      summary:
        "Un solo plan escrito que todos comparten y mantienen al día; los líderes empresariales llevan a cabo sus acciones, fijan metas a 60 días e informan de los avances.",
    },
    sustainable: {
      name: "Un proceso disciplinado que perdura",
      summary:
        "La alianza sigue paso a paso el proceso del manual, sigue reuniéndose, renueva sus prioridades y sobrevive a cualquier persona o subvención.",
    },
  },
  statements: {
    labor_market_region: {
      text: "Nuestra región es el mercado laboral del que contratan nuestras empresas, aunque cruce límites de condado o de estado.",
      levels: {
        not_yet: "La región es el área de servicio de una agencia o un solo condado.",
        emerging:
          "La región es un conjunto de jurisdicciones que coincide más o menos con el mercado laboral.",
        established:
          "La región sigue los patrones de traslado al trabajo, cruzando límites donde hace falta.",
        exemplary: "Participan aliados de todas las partes de la región y están de acuerdo con sus límites.",
      },
    },
    one_industry: {
      text: "Trabajamos con una industria, o un grupo de industrias muy relacionadas, que importa para la economía de la región.",
      levels: {
        not_yet: "Varias industrias sin relación comparten la mesa.",
        emerging: "Una industria principal, mezclada con otras.",
        established: "Una industria claramente nombrada, con miembros de ella y de su cadena de suministro.",
        exemplary: "Una industria cuyas empresas dicen que la alianza habla por ellas.",
      },
    },
    industry_data: {
      text: "Elegimos la industria con datos sobre la economía de la región, y tenemos esos datos a la vista.",
      levels: {
        not_yet: "No tenemos una visión compartida de la industria en la región.",
        emerging: "Miramos los datos una vez, cuando empezamos.",
        established: "Revisamos datos actuales de la industria al menos una vez al año.",
        exemplary:
          "Los líderes empresariales contrastan los datos con su experiencia y estos orientan las decisiones.",
      },
    },
    business_majority: {
      text: "Los líderes empresariales superan en número a los aliados públicos en las reuniones plenarias de la alianza.",
      levels: {
        not_yet:
          "Los aliados públicos ocupan la mayoría de los asientos; asisten pocos líderes empresariales.",
        emerging: "Asisten más o menos tantos líderes empresariales como aliados públicos.",
        established: "Los líderes empresariales son clara mayoría en casi todas las reuniones.",
        exemplary: "Los líderes empresariales son mayoría en cada reunión y traen a sus pares.",
      },
    },
    influential_leaders: {
      text: "Nuestros miembros empresariales son dueños, directores generales y ejecutivos que pueden comprometer el tiempo y el dinero de sus empresas.",
      levels: {
        not_yet: "Las empresas envían personal que no puede hablar por ellas.",
        emerging: "Participan algunos dueños o ejecutivos; la mayoría de los miembros son gerentes.",
        established:
          "La mayoría de los miembros empresariales son dueños, directores generales o ejecutivos.",
        exemplary: "Los altos directivos participan en persona y comprometen recursos de sus empresas.",
      },
    },
    new_business_leaders: {
      text: "Seguimos atrayendo a nuevos líderes empresariales, y las empresas reclutan a sus pares.",
      levels: {
        not_yet: "Las mismas pocas empresas, o menos cada año.",
        emerging: "Este año se sumaron algunas empresas nuevas, invitadas por el personal.",
        established: "Cada año se suman empresas nuevas y la mayoría de los miembros se quedan.",
        exemplary: "Los miembros empresariales traen a sus pares, y las empresas piden sumarse.",
      },
    },
    business_champions: {
      text: "Líderes empresariales (campeones) dirigen nuestros equipos de acción y hablan por la alianza.",
      levels: {
        not_yet: "El personal dirige los equipos de acción, o aún no hay equipos de acción.",
        emerging: "Algunos equipos de acción tienen un líder empresarial.",
        established: "Cada equipo de acción tiene un líder empresarial.",
        exemplary: "Cada equipo tiene un líder empresarial, y hay nuevos líderes listos para relevarlos.",
      },
    },
    business_sets_priorities: {
      text: "Los líderes empresariales identifican y eligen las prioridades; los aliados públicos escuchan y no votan.",
      levels: {
        not_yet: "Las prioridades vienen de programas públicos o de requisitos de subvenciones.",
        emerging: "Se pide la opinión de los líderes empresariales, pero el personal decide las prioridades.",
        established:
          "Los líderes empresariales eligen las prioridades en un lanzamiento o en una reunión plenaria.",
        exemplary:
          "Los líderes empresariales revisan y vuelven a elegir las prioridades al menos una vez al año.",
      },
    },
    beyond_workforce: {
      text: "Nuestras prioridades abordan la competitividad de la industria (cadena de suministro, infraestructura, mercados, innovación, regulación), no solo su fuerza laboral.",
      levels: {
        not_yet: "Todas las prioridades son programas de capacitación o de contratación.",
        emerging:
          "Los líderes empresariales plantearon necesidades más allá de la fuerza laboral, pero ninguna se volvió prioridad.",
        established: "Al menos una prioridad actual va más allá de la fuerza laboral.",
        exemplary:
          "Las prioridades abarcan las necesidades de la industria, y aliados ajenos a la fuerza laboral cumplen con ellas.",
      },
    },
    economic_impact: {
      text: "Podemos nombrar los resultados económicos que busca nuestro trabajo y mostrar los que hemos logrado.",
      levels: {
        not_yet: "Contamos reuniones y actividades, no resultados para la industria.",
        emerging: "Nombramos los resultados que queremos, pero no les damos seguimiento.",
        established:
          "Damos seguimiento a algunos resultados para la industria (empleos, salarios, ventas, inversión) frente a una línea de base.",
        exemplary:
          "Damos seguimiento a nuestros resultados cada año, los comparamos con pares y los contamos a la región.",
      },
    },
    core_public_partners: {
      text: "La educación K-12 y postsecundaria, el desarrollo de la fuerza laboral, el desarrollo económico y la cámara de comercio tienen lugar en la mesa.",
      levels: {
        not_yet: "Participan uno o dos tipos de aliados públicos.",
        emerging: "Participan tres o cuatro de los cinco tipos.",
        established: "Participan los cinco tipos.",
        exemplary: "Participan los cinco, con líderes que pueden comprometer recursos de sus organizaciones.",
      },
    },
    one_support_team: {
      text: "Nuestros aliados públicos llegan a la mesa como un solo equipo coordinado, no programa por programa.",
      levels: {
        not_yet: "Cada programa ofrece sus propios servicios a las empresas.",
        emerging:
          "Los aliados públicos se reúnen de vez en cuando, pero siguen hablando por sus propios programas.",
        established:
          "Los aliados públicos se reúnen con regularidad como un solo equipo de apoyo y responden como uno.",
        exemplary:
          "El equipo de apoyo comparte personal y planes, y las empresas ven una sola puerta de entrada.",
      },
    },
    programs_aligned: {
      text: "Los aliados públicos cambian o alinean sus programas y recursos en respuesta a las prioridades.",
      levels: {
        not_yet: "Los programas siguen como antes de la alianza.",
        emerging: "Un aliado ajustó un programa para una prioridad.",
        established: "Varios aliados alinearon programas con las prioridades.",
        exemplary: "Los aliados combinan fondos o comparten personal para cumplir con las prioridades.",
      },
    },
    support_team_follow_through: {
      text: "El equipo de apoyo da seguimiento a cada compromiso que asume con los equipos de acción.",
      levels: {
        not_yet: "Los compromisos se asumen en las reuniones y casi nunca se les da seguimiento.",
        emerging: "Los compromisos se anotan, pero el seguimiento es desigual.",
        established: "Cada compromiso tiene responsable y fecha, y se informa sobre él.",
        exemplary: "Los compromisos se cumplen a tiempo, y los líderes empresariales lo confirman.",
      },
    },
    action_plan_current: {
      text: "Tenemos un solo plan de acción escrito que todos comparten, actualizado en los últimos dos meses.",
      levels: {
        not_yet: "No hay un plan de acción escrito.",
        emerging: "Hay un plan, pero nadie lo ha tocado en meses.",
        established: "El plan está al día y cada prioridad tiene acciones con responsables y fechas.",
        exemplary: "El plan cambia a medida que avanza el trabajo, y todos en la mesa pueden leerlo.",
      },
    },
    business_implements: {
      text: "Los líderes empresariales llevan a cabo ellos mismos las acciones del plan; el personal los apoya y no toma el control.",
      levels: {
        not_yet: "El personal lleva a cabo el plan e informa a las empresas.",
        emerging:
          "Los líderes empresariales se encargan de algunas acciones; el personal lleva a cabo el resto.",
        established:
          "Los líderes empresariales se encargan de la mayoría de las acciones, con el apoyo de los aliados públicos.",
        exemplary: "Los líderes empresariales impulsan cada acción y aportan recursos de sus empresas.",
      },
    },
    sixty_day_goals: {
      text: "Los equipos de acción fijan metas para los próximos 60 días e informan en la siguiente reunión plenaria.",
      levels: {
        not_yet: "Los equipos de acción no tienen metas a corto plazo, o no informan de sus avances.",
        emerging: "Algunos equipos fijan metas; los informes en las reuniones plenarias son irregulares.",
        established: "Cada equipo fija metas a 60 días e informa en cada reunión plenaria.",
        exemplary: "Los equipos cumplen sus metas a 60 días casi siempre y las renuevan abiertamente.",
      },
    },
    early_wins: {
      text: "Logramos resultados tempranos y visibles en los primeros meses de trabajo en una prioridad.",
      levels: {
        not_yet: "Todavía no hay resultados visibles.",
        emerging: "Un resultado temprano, aún no compartido ampliamente.",
        established: "Resultados tempranos en varias prioridades, compartidos con los miembros.",
        exemplary: "Resultados tempranos que atrajeron nuevas empresas y aliados a la mesa.",
      },
    },
    follows_process: {
      text: "Seguimos el proceso del manual (preparar, lanzar, actuar, sostener) sin saltarnos pasos.",
      levels: {
        not_yet: "Empezamos con programas y nos saltamos el lanzamiento con los líderes empresariales.",
        emerging: "Hicimos un lanzamiento, pero nos saltamos pasos antes o después.",
        established: "Seguimos cada fase, y la lista de verificación lo muestra.",
        exemplary: "Seguimos el proceso de nuevo para cada nueva prioridad y ayudamos a otros a aprenderlo.",
      },
    },
    meets_regularly: {
      text: "Nos hemos reunido como alianza completa al menos dos veces en los últimos 12 meses.",
      levels: {
        not_yet: "No nos hemos reunido como alianza completa en los últimos 12 meses.",
        emerging: "Nos hemos reunido una vez en los últimos 12 meses.",
        established: "Nos hemos reunido dos o tres veces en los últimos 12 meses.",
        exemplary: "Nos reunimos al menos cada trimestre, y los líderes empresariales piden las reuniones.",
      },
    },
    priorities_refreshed: {
      text: "Renovamos nuestras prioridades a medida que se cumplen o cambian las necesidades de la industria.",
      levels: {
        not_yet: "Las prioridades no han cambiado desde el lanzamiento.",
        emerging: "Hemos hablado de renovarlas.",
        established: "Renovamos las prioridades en los últimos dos años.",
        exemplary: "Las revisamos cada año, cerramos las cumplidas y elegimos otras nuevas.",
      },
    },
    convening_resourced: {
      text: "Convocar la alianza es el trabajo de alguien, con el tiempo y el dinero para hacerlo, y sobreviviría a un cambio de personal.",
      levels: {
        not_yet:
          "La convocatoria depende del tiempo libre de una persona o de una subvención a punto de terminar.",
        emerging: "Hay una persona asignada, pero sin tiempo ni presupuesto dedicados.",
        established: "El convocante tiene tiempo dedicado y presupuesto para el próximo año.",
        exemplary:
          "Varios aliados comparten el costo, y hay un convocante adjunto listo para tomar el relevo.",
      },
    },
  },
  resourceTitles: {
    "Action team charter": "Acta constitutiva del equipo de acción",
    "Action teams that deliver": "Equipos de acción que cumplen",
    "An industry snapshot": "Un panorama de la industria",
    "Build your support team": "Forme su equipo de apoyo",
    "Early wins: examples": "Resultados tempranos: ejemplos",
    "Engaging small businesses": "Cómo sumar a las pequeñas empresas",
    "Impact indicators": "Indicadores de impacto",
    "Invite members": "Invitar miembros",
    "Measure and tell your impact": "Mida y cuente su impacto",
    "Meeting attendance in your workspace": "La asistencia a reuniones en su espacio de trabajo",
    "Meetings in your workspace": "Las reuniones en su espacio de trabajo",
    "Prepare for launch": "Prepárese para el lanzamiento",
    "Report back to the partnership": "Informe a la alianza",
    "Run a launch meeting": "Dirija una reunión de lanzamiento",
    "Sustain and evolve": "Sostener y evolucionar",
    "The action plan": "El plan de acción",
    "The launch checklist": "La lista de verificación del lanzamiento",
    "The priority vote": "La votación de prioridades",
    "Who is at your table": "Quién está en su mesa",
    "Your partnership's region": "La región de su alianza",
  },
};
