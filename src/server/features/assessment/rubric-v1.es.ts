import type { RubricTranslation } from "../../../core/rubric-translation.js";

/**
 * The Spanish of version 1, keyed by the English version's keys; reviewed against
 * locales/GLOSSARY.md. Rounds answered under version 1 read it in Spanish too; the scores are the
 * same in every language. rubric-translations.test.ts keeps it whole.
 */
export const rubricV1Es: RubricTranslation = {
  characteristics: {
    industry_driven: {
      name: "Impulsada por la industria",
      summary:
        "Los líderes empresariales fijan las prioridades y dirigen la acción, no los programas públicos.",
    },
    community_supported: {
      name: "Apoyada por la comunidad",
      summary:
        "Los aliados públicos trabajan como un solo equipo de apoyo coordinado en torno a las prioridades de las empresas.",
    },
    sustainable: {
      name: "Sostenible en el tiempo",
      summary: "La alianza sigue reuniéndose, renueva a sus miembros y líderes, y renueva sus prioridades.",
    },
    regional_sector: {
      name: "Regional y centrada en un sector",
      summary:
        "Una industria en una región del mercado laboral, definida por cómo la gente se traslada y trabaja.",
    },
    action_results: {
      name: "Acción y resultados",
      summary:
        "Las prioridades se convierten en acciones con responsables, y los resultados se miden y se cuentan.",
    },
  },
  statements: {
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
    business_sets_priorities: {
      text: "Los líderes empresariales eligen las prioridades de la alianza; los aliados públicos escuchan y no votan.",
      levels: {
        not_yet: "Las prioridades vienen de programas públicos o de requisitos de subvenciones.",
        emerging: "Se pide la opinión de los líderes empresariales, pero el personal decide las prioridades.",
        established:
          "Los líderes empresariales eligen las prioridades en un lanzamiento o en una reunión plenaria.",
        exemplary:
          "Los líderes empresariales revisan y vuelven a elegir las prioridades al menos una vez al año.",
      },
    },
    business_champions: {
      text: "Cada prioridad tiene un equipo de acción dirigido por un líder empresarial (campeón).",
      levels: {
        not_yet: "El personal dirige los equipos de acción, o aún no hay equipos de acción.",
        emerging: "Algunos equipos de acción tienen un líder empresarial.",
        established: "Cada equipo de acción tiene un líder empresarial.",
        exemplary:
          "Cada equipo de acción tiene un líder empresarial, y hay nuevos líderes listos para relevarlos.",
      },
    },
    business_chairs: {
      text: "Copresidentes empresariales dirigen las reuniones plenarias; el convocante los apoya.",
      levels: {
        not_yet: "El convocante preside cada reunión.",
        emerging: "Los líderes empresariales abren o cierran reuniones que dirige el convocante.",
        established:
          "Los copresidentes empresariales dirigen las reuniones con un orden del día que acordaron.",
        exemplary:
          "Los copresidentes empresariales dirigen las reuniones y reclutan ellos mismos a nuevos miembros.",
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
    core_public_partners: {
      text: "El desarrollo de la fuerza laboral, la educación, el desarrollo económico y las organizaciones comunitarias tienen lugar en la mesa.",
      levels: {
        not_yet: "Participan uno o dos tipos de aliados públicos.",
        emerging: "Participan tres tipos de aliados públicos.",
        established: "Participan los cuatro tipos principales.",
        exemplary:
          "Participan los cuatro, con líderes que pueden comprometer recursos de sus organizaciones.",
      },
    },
    programs_aligned: {
      text: "Los aliados públicos cambian o alinean sus programas en respuesta a las prioridades que eligieron las empresas.",
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
        exemplary: "Los compromisos se cumplen a tiempo, y las empresas lo confirman.",
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
    new_business_members: {
      text: "Cada año se suman nuevos miembros empresariales, y quienes se sumaron siguen participando.",
      levels: {
        not_yet: "Las mismas pocas empresas, o menos cada año.",
        emerging: "Este año se sumaron algunas empresas nuevas.",
        established: "Cada año se suman empresas nuevas y la mayoría de los miembros se quedan.",
        exemplary: "Las empresas piden sumarse, y los miembros traen a sus pares.",
      },
    },
    priorities_refreshed: {
      text: "Renovamos nuestras prioridades a medida que cambian las necesidades de la industria.",
      levels: {
        not_yet: "Las prioridades no han cambiado desde el lanzamiento.",
        emerging: "Hemos hablado de renovarlas.",
        established: "Renovamos las prioridades en los últimos dos años.",
        exemplary: "Las revisamos cada año, cerramos las cumplidas y elegimos otras nuevas.",
      },
    },
    convening_resourced: {
      text: "Convocar la alianza es el trabajo de alguien, con el tiempo y el dinero para hacerlo.",
      levels: {
        not_yet:
          "La convocatoria depende del tiempo libre de una persona o de una subvención a punto de terminar.",
        emerging: "Hay una persona asignada, pero sin tiempo ni presupuesto dedicados.",
        established: "El convocante tiene tiempo dedicado y presupuesto para el próximo año.",
        exemplary: "Varios aliados comparten el costo, y hay un convocante suplente listo.",
      },
    },
    one_industry: {
      text: "La alianza se centra en una industria, y sus miembros se reconocen en ella.",
      levels: {
        not_yet: "Varias industrias sin relación comparten la mesa.",
        emerging: "Una industria principal, mezclada con otras.",
        established:
          "Una industria claramente nombrada, con todos los miembros en ella o en su cadena de suministro.",
        exemplary: "Una industria cuyos miembros dicen que la alianza habla por ellos.",
      },
    },
    labor_market_region: {
      text: "Nuestra región sigue el mercado laboral, aunque cruce límites de condado o de estado.",
      levels: {
        not_yet: "La región sigue el área de servicio de una agencia.",
        emerging:
          "La región es un conjunto de jurisdicciones que coincide más o menos con el mercado laboral.",
        established:
          "La región sigue los patrones de traslado al trabajo, cruzando límites donde hace falta.",
        exemplary: "Participan aliados de todas las partes de la región y están de acuerdo con sus límites.",
      },
    },
    industry_data: {
      text: "Usamos datos actuales sobre la industria en nuestra región para enmarcar la conversación.",
      levels: {
        not_yet: "No tenemos una visión compartida de los datos de la industria.",
        emerging: "Compartimos datos una vez, en el lanzamiento.",
        established: "Compartimos datos actualizados de la industria al menos una vez al año.",
        exemplary: "Las empresas contrastan los datos con su experiencia y estos orientan las decisiones.",
      },
    },
    whole_region_represented: {
      text: "Hay empresas de distintos tamaños y de toda la región en la mesa.",
      levels: {
        not_yet: "Unos pocos empleadores grandes de un solo lugar.",
        emerging: "Algo de variedad en tamaño o en lugar, no en ambos.",
        established: "Empresas pequeñas, medianas y grandes de toda la región.",
        exemplary: "La mezcla refleja la industria en la región, y las empresas pequeñas también dirigen.",
      },
    },
    action_plan_current: {
      text: "Nuestro plan de acción es compartido, está al día y lo llevan a cabo los líderes empresariales.",
      levels: {
        not_yet: "No hay un plan de acción escrito.",
        emerging: "Hay un plan, pero está desactualizado o lo lleva a cabo el personal.",
        established:
          "El plan está al día y los líderes empresariales se encargan de la mayoría de las acciones.",
        exemplary: "Los líderes empresariales informan del avance del plan en cada reunión.",
      },
    },
    early_wins: {
      text: "Logramos resultados tempranos en los primeros meses de trabajo en una prioridad.",
      levels: {
        not_yet: "Todavía no hay resultados visibles.",
        emerging: "Un resultado temprano, aún no compartido ampliamente.",
        established: "Resultados tempranos en varias prioridades, compartidos con los miembros.",
        exemplary: "Resultados tempranos que atrajeron nuevas empresas y aliados a la mesa.",
      },
    },
    results_measured: {
      text: "Medimos los resultados con indicadores acordados y los comparamos con una línea de base.",
      levels: {
        not_yet: "No damos seguimiento a los resultados.",
        emerging: "Contamos actividades, como eventos realizados o personas atendidas.",
        established: "Damos seguimiento a indicadores de resultados frente a una línea de base.",
        exemplary: "Damos seguimiento a los resultados cada año y los comparamos con pares.",
      },
    },
    results_told: {
      text: "Contamos nuestros resultados a miembros, financiadores y la comunidad con historias y cifras.",
      levels: {
        not_yet: "Nuestros resultados no salen de la sala de reuniones.",
        emerging: "Compartimos resultados de vez en cuando, si nos los piden.",
        established: "Publicamos resultados al menos una vez al año.",
        exemplary: "Los miembros y aliados cuentan la historia ellos mismos, y eso atrae a nuevos miembros.",
      },
    },
  },
  resourceTitles: {
    "Invite members": "Invitar miembros",
    "Meeting attendance in your workspace": "La asistencia a reuniones en su espacio de trabajo",
    "Next Gen Benchmarking Framework": "Marco de Puntos de Referencia de Nueva Generación",
    "Toolkit: Build the civic infrastructure": "Manual: Construir la infraestructura cívica",
    "Toolkit: Facilitate the priority vote": "Manual: Facilitar la votación de prioridades",
    "Toolkit: Find and support business champions": "Manual: Encontrar y apoyar a los líderes empresariales",
    "Toolkit: Form the support team": "Manual: Formar el equipo de apoyo",
    "Toolkit: Grow the business membership": "Manual: Hacer crecer la membresía empresarial",
    "Toolkit: Keep the partnership going": "Manual: Mantener viva la alianza",
    "Toolkit: Measure impact": "Manual: Medir el impacto",
    "Toolkit: Pick target industries with data": "Manual: Elegir industrias objetivo con datos",
    "Toolkit: Plan for early wins": "Manual: Planear resultados tempranos",
    "Toolkit: Recruit business leaders to the launch":
      "Manual: Reclutar líderes empresariales para el lanzamiento",
    "Toolkit: Respond to industry priorities as one system":
      "Manual: Responder a las prioridades de la industria como un solo sistema",
    "Toolkit: Run the launch meeting": "Manual: Dirigir la reunión de lanzamiento",
    "Toolkit: Study the industry in the region": "Manual: Estudiar la industria en la región",
    "Toolkit: Support action teams": "Manual: Apoyar a los equipos de acción",
    "Toolkit: Sustain and evolve": "Manual: Sostener y evolucionar",
    "Toolkit: Tell the partnership's story": "Manual: Contar la historia de la alianza",
    "Toolkit: The convener's role": "Manual: El papel del convocante",
    "Toolkit: Write the action plan": "Manual: Escribir el plan de acción",
    "Who is at your table": "Quién está en su mesa",
    "Your partnership's region": "La región de su alianza",
  },
};
