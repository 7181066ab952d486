/**
 * The starter library in Spanish, by slug: what a Spanish reader gets for each starter resource
 * while its English is as shipped (starter.ts). Same Markdown structure as the English (headings,
 * lists, tables); terms as in locales/GLOSSARY.md. starter-library-es.test.ts keeps it whole.
 */
export interface ResourceTranslationText {
  title: string;
  summary: string;
  body: string;
}

export const starterLibraryEs: Readonly<Record<string, ResourceTranslationText>> = {
  "build-your-support-team": {
    title: "Forme un solo equipo de apoyo antes de llamar a una sola empresa",
    summary:
      "Etapa 1. Reúna el desarrollo de la fuerza laboral, la educación y el desarrollo económico como un solo equipo coordinado, y elija su industria objetivo con datos.",
    body: `Los líderes empresariales le darán su tiempo a una alianza solo si el lado público se presenta como **un solo equipo**, no como una fila de programas que piden algo. La etapa 1 consiste en preparar ese equipo.

## Qué hacer

1. **Nombre el equipo de apoyo principal.** Como mínimo, la junta de desarrollo de la fuerza laboral, un colegio comunitario o técnico y la organización de desarrollo económico de la región. Sume a la educación K-12, a las organizaciones comunitarias y a la cámara de comercio cuando puedan comprometer tiempo de su personal.
2. **Acuerden los papeles por escrito.** Quién convoca, quién toma notas, quién da seguimiento a las empresas, quién aporta los datos. Basta con una página.
3. **Trace la región según el mercado laboral**, no según la jurisdicción: ¿dónde viven los trabajadores de la industria y hacia dónde se trasladan? Puede cruzar límites de condado o de estado.
4. **Elija la industria objetivo con datos**: el empleo y su crecimiento, los salarios, la concentración comparada con el país y cuántos empleadores hay en la región.
5. **Acuerden que las empresas fijan el orden del día.** Los aliados públicos escuchan primero y traen sus programas después, en los equipos de acción.

## Están listos cuando

- el equipo se ha reunido al menos dos veces y puede explicar la alianza en una frase;
- cada aliado ha nombrado quién asistirá y qué puede aportar;
- la elección de la industria se apoya en cifras que todos han visto.`,
  },
  "prepare-for-launch": {
    title: "Prepare: conozca la industria, encuentre líderes empresariales, invite a las empresas",
    summary:
      "Etapa 2. Estudie la industria en su región, reclute a dos o tres líderes empresariales (campeones) y llene la sala de personas que toman decisiones en empresas de todos los tamaños.",
    body: `El lanzamiento funciona cuando están en la sala los líderes empresariales indicados. La preparación es, sobre todo, conversaciones.

## Estudie la industria

Prepare un breve **panorama de la industria** (dos páginas como máximo): número de empresas y de empleos, crecimiento, ocupaciones y salarios típicos, y lo que ha escuchado sobre la contratación. Sirve para abrir la conversación, no es un informe.

## Reclute líderes empresariales (campeones)

Busque a dos o tres dueños o altos directivos respetados que **coorganicen el lanzamiento y firmen la invitación**. Pídaselo en persona. Dígales lo que les pide: una lista de llamadas, una reunión, su nombre en una carta.

## Invite

- Apunte a entre 25 y 40 empresas: grandes y pequeñas, de todas las partes de la región.
- Invite a **dueños, directores generales y gerentes de planta y de operaciones**, no solo a recursos humanos.
- Los líderes empresariales llaman a sus pares; el equipo de apoyo da seguimiento por correo y por teléfono.
- Lleve en una lista sencilla quién dijo que sí; vuelva a llamar una semana antes.

## Planee el lanzamiento

Reserve un lugar neutral y cómodo (a menudo una empresa), un espacio de 2.5 a 3 horas, un facilitador con experiencia y una comida. Vea la plantilla del orden del día del lanzamiento.`,
  },
  "run-a-launch-meeting": {
    title: "Lanzamiento: deje que los líderes empresariales fijen el orden del día",
    summary:
      "Etapa 3. Los líderes empresariales hablan de oportunidades y desafíos para crecer, y luego eligen de tres a cinco prioridades. Los aliados públicos escuchan.",
    body: `El lanzamiento es la reunión de los líderes empresariales. El convocante es el anfitrión, un facilitador mantiene el ritmo y los aliados públicos **escuchan y toman notas**.

## El desarrollo

1. **Bienvenida de un líder empresarial (campeón)**: por qué vino y por qué importa.
2. **El panorama de la industria** en cinco minutos: unas pocas cifras, y basta.
3. **Oportunidades para crecer**: "¿Qué ayudaría a su empresa a crecer en los próximos tres a cinco años?" Anote cada idea donde todos puedan verla.
4. **Desafíos**: contratación, habilidades, proveedores, infraestructura, regulación. Que se trate de la industria, no de los programas.
5. **Agrupar y elegir**: junte las ideas parecidas y luego vote con puntos. Cada líder empresarial reparte un número fijo de puntos.
6. **Inscripción**: cada prioridad recibe un líder empresarial y algunos voluntarios de empresas, que forman su equipo de acción.

## Reglas que hacen que funcione

- Nada de presentaciones de programas públicos.
- Primero hablan las empresas; los aliados de apoyo hablan solo cuando se les pide.
- Termine a tiempo, con nombres junto a las prioridades y una fecha para las primeras reuniones de los equipos de acción.

Registre las oportunidades, la votación y las prioridades en Shared Table el mismo día.`,
  },
  "action-teams-that-deliver": {
    title: "Actuar: equipos de acción que logran resultados tempranos",
    summary:
      "Etapa 4. Cada prioridad tiene un equipo de acción dirigido por un líder empresarial, con el apoyo de los aliados públicos, y un primer resultado en pocos meses.",
    body: `El impulso después del lanzamiento es frágil. Los equipos de acción lo mantienen logrando algo visible pronto.

## Organice cada equipo

- **Un líder empresarial (campeón) dirige**; un aliado de apoyo atiende al equipo (calendario, notas, seguimiento).
- Escriba un **acta constitutiva de una página**: la prioridad, cómo se ve el éxito en un año, quién integra el equipo, cada cuánto se reúne. Use la plantilla del acta constitutiva del equipo de acción.
- Elija **un resultado temprano** que pueda lograrse en 90 días: una feria de empleo compartida, una visita para docentes, una compra conjunta, una carta a la agencia de transporte.

## Acciones concretas

Cada acción tiene un responsable, una fecha límite y un estado. Actualícelas después de cada reunión para que todos vean qué avanzó. El plan de acción de Shared Table muestra lo que está atrasado.

## Informe a la alianza

Reúna a la alianza completa en un plazo de cuatro a seis meses para escuchar los resultados de cada equipo. Use la plantilla de informe en la reunión para que todos los equipos informen igual: qué hicimos, qué cambió, qué necesitamos.`,
  },
  "sustain-and-evolve": {
    title: "Sostener y evolucionar: mantenga la alianza dirigida por las empresas durante años",
    summary:
      "Etapa 5. Reúnase con regularidad, sume nuevas empresas, renueve las prioridades cada año, mida y cuente su impacto, y renueve el liderazgo.",
    body: `Una alianza perdura cuando los líderes empresariales siguen encontrando que vale su tiempo.

## Hábitos de las alianzas que perduran

- **Reuniones de toda la alianza de dos a cuatro veces al año**, cada una con informes de los equipos de acción y una decisión que tomar.
- **Nuevos miembros empresariales cada año**: pida a cada líder empresarial (campeón) que traiga a un par.
- **Renueve las prioridades cada año.** Cierre lo que está hecho, celébrelo y vuelva a votar.
- **Mida y cuente su impacto** con unos pocos indicadores (tiempo de contratación, retención, capacitación compartida) e historias. Un resumen anual de una página ayuda a los líderes empresariales a reclutar a sus pares y ayuda a los financiadores.
- **Renueve el liderazgo**: rote a los copresidentes cada uno o dos años, y forme a los próximos líderes empresariales junto a los actuales.

## Señales de alerta

Las reuniones se vuelven presentaciones de programas; solo asisten aliados públicos; una misma prioridad lleva seis meses sin acciones. Cuando las vea, vuelva con los líderes empresariales y pregúnteles qué haría que la alianza volviera a valer su tiempo.`,
  },
  "launch-invitation-letter": {
    title: "Plantilla: carta de invitación al lanzamiento firmada por líderes empresariales",
    summary:
      "Una invitación de una página firmada por líderes empresariales, que invita a sus pares al lanzamiento. Cópiela y complete los corchetes.",
    body: `Copie esta carta, complete los corchetes y pida que la **firmen los líderes empresariales (campeones)**, no los aliados públicos.

---

Estimado/a [nombre]:

Como líderes de empresas de [industria] en [región], nos hacemos muchas de las mismas preguntas: cómo encontrar y conservar personal calificado, cómo crecer y qué necesita nuestra región para seguir siendo competitiva.

Estamos invitando a un grupo de líderes empresariales de [industria] a reunirse el **[fecha], de [hora] a [hora], en [lugar]**. Es una reunión **de líderes empresariales, para líderes empresariales**. Hablaremos de las oportunidades y los desafíos para crecer en nuestra industria y elegiremos algunas prioridades para actuar juntos.

[La junta de desarrollo de la fuerza laboral, el colegio y la organización de desarrollo económico] estarán presentes para escuchar y ayudarnos a actuar sobre lo que decidamos.

Se ofrecerá almuerzo. Por favor confirme antes del [fecha] a [nombre, teléfono, correo].

Esperamos contar con usted.

[Nombre, cargo y empresa del líder empresarial]

[Nombre, cargo y empresa del líder empresarial]

---

**Consejos:** envíela por correo y en papel; los líderes empresariales dan seguimiento con una llamada; que no pase de una página.`,
  },
  "launch-meeting-agenda": {
    title: "Plantilla: orden del día de la reunión de lanzamiento (tres horas)",
    summary:
      "Un orden del día con horarios para un lanzamiento dirigido por las empresas, de la bienvenida a la inscripción en los equipos de acción.",
    body: `Ajuste los tiempos a su grupo; mantenga el orden.

| Hora | Punto | Quién |
| --- | --- | --- |
| 0:00 | Bienvenida: por qué estamos aquí | Líder empresarial |
| 0:10 | Presentaciones: nombre, empresa, una cosa que le preocupa | Todos |
| 0:30 | La industria en nuestra región, en cinco cifras | Equipo de apoyo |
| 0:40 | Oportunidades para crecer en los próximos tres a cinco años | Facilitador, líderes empresariales |
| 1:20 | Receso | |
| 1:30 | Desafíos que se interponen | Facilitador, líderes empresariales |
| 2:00 | Agrupar las ideas; votación con puntos de las prioridades | Líderes empresariales |
| 2:30 | Inscripción en los equipos de acción; elegir líderes | Líderes empresariales |
| 2:50 | Próximos pasos; agradecimiento | Líder empresarial, convocante |

**Antes:** imprima los letreros con nombres para las mesas, prepare los pliegos para la pared y los puntos (o una votación en Shared Table).
**Después:** en una semana, envíe un resumen con las prioridades, los equipos de acción y las fechas de sus primeras reuniones.`,
  },
  "action-team-charter": {
    title: "Plantilla: acta constitutiva del equipo de acción",
    summary: "Una página que dice qué logrará un equipo de acción, quién lo integra y cómo trabaja.",
    body: `Complétela en la primera reunión del equipo. Que no pase de una página.

**Prioridad:** [la prioridad elegida en el lanzamiento, en palabras de los líderes empresariales]

**Cómo se ve el éxito en 12 meses:** [una o dos frases; un resultado que la gente pueda ver]

**Resultado temprano en 90 días:** [algo pequeño y visible]

**Líder empresarial (campeón):** [nombre, empresa]

**Miembros empresariales:** [nombres, empresas]

**Aliados de apoyo y lo que aportan:** [nombre, organización, lo que comprometen: tiempo del personal, un programa, datos, un espacio]

**Cómo trabajamos:**
- Nos reunimos [cada mes / cada dos semanas], durante [una hora], en [lugar o en línea].
- [Aliado de apoyo] envía las notas y la lista de acciones en un plazo de dos días.
- Cada acción tiene un responsable y una fecha límite.

**Informamos a la alianza completa el:** [fecha]`,
  },
  "meeting-report-back": {
    title: "Plantilla: informe del equipo de acción a la alianza completa",
    summary:
      "Cinco minutos por equipo, las mismas preguntas para todos, para que la alianza completa vea el avance de un vistazo.",
    body: `El líder empresarial (campeón) de cada equipo de acción presenta, en **cinco minutos**:

1. **Nuestra prioridad**, en una frase.
2. **Qué hicimos** desde la última reunión (tres puntos como máximo).
3. **Qué cambió**: una cifra, una historia o ambas. Por ejemplo: "Cuatro empresas comparten ahora una clase de soldadura; el tiempo de contratación de soldadores bajó de 60 a 35 días."
4. **Qué sigue**, con fechas.
5. **Qué necesitamos** de la alianza completa: personas, una decisión, una presentación.

El convocante reúne las cinco respuestas de cada equipo una semana antes y las comparte en una página. Después de la reunión, registre las decisiones y actualice el plan de acción.`,
  },
  "industry-snapshot-example": {
    title: "Ejemplo: un panorama de dos páginas de la industria manufacturera",
    summary:
      "Cómo se ve un panorama breve y fácil de leer de una industria regional, y de dónde salen sus cifras.",
    body: `Un panorama preparado para el lanzamiento (ficticio) de una alianza manufacturera en una región de tres condados.

## Página uno: la industria de un vistazo

- **310 fabricantes**, con **14,200** empleados (el 8% de todos los empleos de la región).
- El empleo creció **un 6% en cinco años**; el país creció un 2%.
- **Cociente de localización de 1.4**: la manufactura está más concentrada aquí que en el país.
- Salario mediano de **$52,000**, por encima de la mediana regional.
- El 70% de las empresas tiene menos de 50 empleados.

## Página dos: personas y habilidades

- Ocupaciones más grandes: ensambladores, maquinistas, soldadores, técnicos de mantenimiento, supervisores de producción.
- Uno de cada cuatro trabajadores tiene 55 años o más.
- Capacitación en la región: dos programas de colegios comunitarios en maquinado y soldadura, un programa de aprendizaje.

## De dónde salen las cifras

Datos públicos del mercado laboral de las agencias de estadística estatales y federales (empleo por industria, ocupaciones y salarios), verificados con dos o tres líderes empresariales antes del lanzamiento.

**Que sea breve.** El panorama abre la conversación; los líderes empresariales aportan el resto.`,
  },
  "early-wins-examples": {
    title: "Ejemplo: resultados tempranos que mantuvieron vivas a las alianzas",
    summary: "Resultados pequeños y visibles que los equipos de acción lograron en sus primeros meses.",
    body: `Los resultados tempranos muestran a los líderes empresariales que su tiempo da frutos. Ejemplos de alianzas como la suya:

- **Visitas de docentes.** Un equipo manufacturero recibió a 40 docentes de secundaria y preparatoria en seis plantas durante un verano; al otoño siguiente, dos escuelas agregaron una unidad sobre carreras en manufactura.
- **Capacitación compartida.** Cinco pequeños talleres de maquinado juntaron estudiantes para llenar una clase nocturna en el colegio que ninguno podía llenar solo.
- **Una solicitud común.** Un equipo de salud acordó una sola solicitud de empleo para puestos de nivel inicial en tres empleadores.
- **Parada de transporte.** Un equipo de logística escribió una carta, firmada por doce empleadores, y la agencia de transporte agregó una parada en el parque industrial.
- **Conexiones con proveedores.** Un equipo de procesamiento de alimentos organizó un desayuno para "conocer a los compradores"; tres proveedores locales ganaron contratos.

Lo que tienen en común: un líder empresarial (campeón) se hizo cargo, no necesitaron fondos nuevos y se lograron en 90 días.`,
  },
  "measure-and-tell-your-impact": {
    title: "Mida y cuente su impacto",
    summary:
      "Elija unos pocos indicadores, fije una línea de base, registre las cifras una vez al año y acompañe cada una con una historia breve.",
    body: `Los financiadores, los funcionarios electos y los nuevos miembros empresariales hacen la misma pregunta: ¿qué ha cambiado gracias a la alianza?

## Elija unos pocos indicadores

Elija de tres a cinco del catálogo de la Comunidad de Práctica que correspondan a sus prioridades, por ejemplo el **tiempo mediano de contratación** para ocupaciones críticas, la **retención del personal**, los **empleadores que comparten costos de capacitación** o los **estudiantes en aprendizaje basado en el trabajo**.

## Fije una línea de base y mida cada año

Registre como línea de base el valor del año anterior al inicio del trabajo. Registre el valor real cada año, con su fuente. Pida sus cifras a las empresas miembro con un formulario breve; informe solo los totales.

## Cuente la historia detrás de las cifras

Para cada indicador, escriba cuatro respuestas breves: qué pasó, qué aliados ayudaron, qué funciona, qué sigue. Agregue historias sobre cambios que las cifras no muestran, como un proyecto comunitario que nació de la alianza.

## Compártalo

Haga públicas las historias en el perfil de su alianza cuando los líderes empresariales estén de acuerdo. Un resumen de una página cada año ayuda a los líderes empresariales a reclutar a sus pares.`,
  },
  "engaging-small-businesses": {
    title: "Cómo sumar a las pequeñas empresas que no pueden dedicar un día entero",
    summary:
      "Maneras prácticas de mantener en la mesa a los dueños de empresas pequeñas, cuando cada hora fuera les cuesta.",
    body: `La mayoría de las empresas de una región son pequeñas. A sus dueños les importan los mismos temas, pero son quienes menos tiempo tienen.

- **Pida a un par que llame.** La llamada de otro dueño funciona mejor que cualquier correo de una agencia pública.
- **Respete el reloj.** Empiece y termine a tiempo; reuniones de 90 minutos; un desayuno antes de la jornada.
- **Vaya a ellos.** Haga las reuniones en empresas miembro de distintas partes de la región.
- **Deles un papel pequeño y claro.** Revisar una descripción de puesto o recibir una visita es más fácil de aceptar que integrar un comité.
- **Muestre resultados.** Envíe una breve actualización después de cada reunión con lo que cambió gracias a su aporte.
- **Facilite seguir la alianza a distancia.** Los resúmenes y el plan de acción de Shared Table permiten que un dueño que faltó a una reunión se ponga al día en cinco minutos.`,
  },
  "is-your-partnership-next-gen": {
    title: "¿Su alianza es de Nueva Generación? Una autoevaluación",
    summary:
      "Las características que distinguen a una alianza de Nueva Generación, como preguntas que sus miembros pueden responder.",
    body: `Las Alianzas Sectoriales de Nueva Generación son **impulsadas por la industria, apoyadas por la comunidad y sostenibles en el tiempo**. Pregunte a sus miembros:

## Impulsada por la industria

- ¿Fijan los líderes empresariales el orden del día, según lo que más importa para la competitividad de su industria?
- ¿Dirigen personalmente los equipos de acción los líderes empresariales (campeones)?

## Apoyada por la comunidad

- ¿Actúan el desarrollo de la fuerza laboral, la educación y el desarrollo económico como un solo equipo de apoyo coordinado?
- ¿Alinean los aliados públicos sus programas con lo que decidieron las empresas, en lugar de imponer su propio orden del día?

## Sostenible

- ¿Se reúne la alianza con regularidad, suma nuevas empresas y renueva sus prioridades?
- ¿Puede mostrar resultados para las empresas, para la economía regional y para los trabajadores y estudiantes?

Use la autoevaluación de Shared Table para responder estas preguntas en grupo y ver dónde mejorar.`,
  },
};
