import type {
  ContentLanguage,
  FundingSource,
  Phase,
  ResearchQuestion,
  Topic,
} from '@tandem/domain';

/**
 * Demo library: research summaries written from the field research in shared/seeds (FOCUS project
 * outputs, an ISD briefing for COMPAS and the EU Action Plan on Integration and Inclusion
 * 2021-27), illustrative case studies and practitioner threads that cite them. Summaries state
 * only what their sources say. Case studies are invented examples of the practices the research
 * values; their names and summaries say so, and their figures are illustrative.
 */
export interface DemoSummary {
  key: string;
  title: string;
  summary: string;
  keyFinding: string;
  practiceImplications: string;
  question: ResearchQuestion;
  phase: Phase;
  topics: Topic[];
  language: ContentLanguage;
  sources: { url: string; citation: string }[];
  organisation: string;
  network: string | null;
}

export interface DemoCaseStudy {
  key: string;
  programmeName: string;
  organisation: string;
  city: string;
  country: string;
  summary: string;
  targetGroups: string[];
  twoWay: string | null;
  annualBudgetEur: number;
  staffFte: number;
  volunteers: number;
  durationMonths: number;
  fundingSources: FundingSource[];
  outcomes: string;
  evaluation: string;
  adaptation: string;
  contact: string;
  topics: Topic[];
  language: ContentLanguage;
  network: string | null;
}

export interface DemoDiscussion {
  network: string;
  channel: { slug: string; name: string; topics: Topic[] };
  title: string;
  attribution: 'named' | 'chatham';
  author: string;
  body: string;
  replies: { author: string; body: string }[];
  links: { type: 'research' | 'case_study'; key: string; note: string }[];
}

const FOCUS_SENIOR_PROFESSIONALS_STUDY = {
  url: 'https://www.focus-refugees.eu/',
  citation:
    'Mackin, M. (2019). Integration Practice in Europe: A Qualitative Study of the Views of Senior Professionals (full report). Q4PR & FOCUS consortium. FOCUS project – Forced Displacement & Refugee-Host Community Solidarity.',
};

const FOCUS_BRIEF_1 = {
  url: 'https://www.focus-refugees.eu/',
  citation:
    'FOCUS consortium (2019). Integration Practice in Europe: A Qualitative Study of the Views of Senior Professionals. FOCUS Integration Brief #1, December 2019. FOCUS project.',
};

const FOCUS_CSO_NOTE = {
  url: 'https://www.focus-refugees.eu/',
  citation:
    "FOCUS consortium (2022). Civil Society Networks and Integration: Principles for Programme Development. FOCUS policy note, 'Promoting Dynamic Integration in Europe'. FOCUS project (2019-2022), coordinated by the IFRC Psychosocial Centre.",
};

const FOCUS_ACTION_PLAN_NOTE = {
  url: 'https://www.focus-refugees.eu/',
  citation:
    'FOCUS consortium (2022). The Action Plan on Integration & Inclusion 2021-27: Relevant Research and Practice from the FOCUS project. FOCUS policy note. FOCUS project (2019-2022), coordinated by the IFRC Psychosocial Centre.',
};

const ISD_WHAT_WORKS = {
  url: 'https://www.isdglobal.org/',
  citation:
    'Ramalingam, V. (2012). What works in integration? Initial findings of an Institute for Strategic Dialogue research project funded by the Open Society Foundations. COMPAS Breakfast Briefing, 19 October 2012. London: Institute for Strategic Dialogue (ISD); Oxford: COMPAS.',
};

const EU_ACTION_PLAN = {
  url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52020DC0758',
  citation:
    'European Commission (2020). Action plan on Integration and Inclusion 2021-2027. Communication from the Commission to the European Parliament, the Council, the European Economic and Social Committee and the Committee of the Regions, COM(2020) 758 final. Brussels: European Commission.',
};

const CITIES_GROW = {
  url: 'http://integratingcities.eu/integrating-cities/projects/cities-grow',
  citation:
    'Eurocities – Integrating Cities (2017-2019). Cities Grow: a city-to-city mentoring project involving 16 cities. Brussels: Eurocities. Cited in Mackin (2019) as an example of policy mentoring between cities.',
};

export const DEMO_SUMMARIES: DemoSummary[] = [
  {
    key: 'focus-senior-professionals',
    title: 'What senior integration professionals say they need: FOCUS interviews in 7 countries',
    summary:
      'In February–May 2019 the FOCUS project interviewed 31 senior professionals who lead integration policy or programmes (30 interviews; one was with two people). They worked in government and non-governmental organisations, including migrant-led ones, at local, national and EU level in France, Italy, the Czech Republic, Ireland, Sweden, Germany and Croatia, plus EU-level networks. Roles included city integration coordinators, NGO chief executives, a refugee network founder and project coordinators. Five participants were born outside the EU and hold or have held refugee status. Interviews were anonymous.\n\n' +
      'What they said:\n' +
      '- The field is moving from crisis response to a longer-term focus on sustainability and impact.\n' +
      "- There is no 'centre of gravity' for finding good practice. Ideas come mostly from day-to-day work and from formal and informal networks. Few have time to follow academic research.\n" +
      "- Knowledge gaps fall under two questions: 'what matters?' (which factors drive integration) and 'what works?' (which programmes and programme elements to emphasise).\n" +
      '- Integration practice is rarely genuinely two-way; direct engagement of host communities is underdeveloped.\n' +
      '- Practical help on building mental health and psychosocial elements into programmes would be welcome.\n' +
      '- Evaluation is a major weakness: it mostly counts activity, and funding rarely covers more.\n' +
      '- EU funding, above all AMIF, is critical and shapes programmes at every level.\n' +
      '- Radical anti-refugee politics is causing uncertainty about funding and delivery in some countries and regions.\n\n' +
      'Asked what would help, participants wanted short research summaries (one page at most, with links), a best-practice resource that states the money and staff a programme needs, and guides to adapting and evaluating programmes – all linked to the networks they already use.',
    keyFinding:
      "Integration leaders want to move from crisis response to long-term impact, but there is no 'centre of gravity' for evidence: they rely on networks, rarely have time for research, and see evaluation and engagement of host communities as weak points of current practice.",
    practiceImplications:
      '- Before designing from scratch, ask two or three comparable organisations what they tried: the study found most good ideas travel through networks.\n' +
      '- When you share a programme, state what it cost and how many staff and volunteers it took. Interviewees said this is what most good-practice collections leave out.\n' +
      '- Put evaluation into the funding application from the start, with its own budget line, rather than adding it at the end.\n' +
      '- Check whether your programme involves the receiving community at all. If it only works with newcomers, it is not yet two-way.\n' +
      '- If you depend on AMIF or ESF+, list which activities would stop if a grant ended and plan for that now.',
    question: 'what_matters',
    phase: 'development',
    topics: ['evaluation', 'partnerships', 'funding', 'two_way_integration', 'mental_health'],
    language: 'en',
    sources: [FOCUS_BRIEF_1, FOCUS_SENIOR_PROFESSIONALS_STUDY],
    organisation: 'institute',
    network: null,
  },
  {
    key: 'focus-knowledge-gaps',
    title: 'The knowledge gaps integration leaders raise most often',
    summary:
      "FOCUS asked 31 senior professionals in government and NGOs: 'what do you not know that you would like to know?' Answers from the two sectors overlapped strongly. By far the most common request was for long-term (longitudinal) studies of integration, including of broad integration strategies. Their absence is seen as holding back better design of policies and programmes.\n\n" +
      'The eight gaps mentioned most often:\n' +
      '- long-term impact of different general approaches;\n' +
      '- the difference between theory and practice in access to services;\n' +
      '- how to measure impact (cause and effect);\n' +
      '- the integration needs of both refugees and host communities after the reception phase;\n' +
      '- best use of volunteers;\n' +
      '- mental health: its importance and appropriate action;\n' +
      '- the most effective role for civil society;\n' +
      '- the role of racism in determining integration outcomes.\n\n' +
      'Less frequent questions included: the impact of perceptions of legal status; the impact of specific short- and longer-term programmes; how host communities are affected by perceived competition for resources; the prevalence and impact of disinformation about migrants; the role of political leadership; the role of resources in the success or failure of policies; the scale and needs of undocumented migrants; why people decide to stay or move on; and the impact of concentrating migrants in marginalised communities.\n\n' +
      "Many of these questions are about 'what works', which reflects how little hard research exists on programme effectiveness. The report cites a review that found a very limited evidence base for integration activities and called for more research and pilot-testing of programmes.",
    keyFinding:
      "Practitioners' biggest unanswered question is long-term: which approaches make a lasting difference. The specific gaps cited most are access to services in practice, measuring impact, post-reception needs of refugees and hosts, volunteers, mental health, the role of civil society and racism.",
    practiceImplications:
      '- Use the list as a checklist when you write a funding application: if your programme touches one of these gaps, say so and plan to record what you learn.\n' +
      '- Access to services is a gap you can study cheaply: track whether participants actually reach the services they are entitled to, not only whether they were referred.\n' +
      '- If you work with volunteers, write down what works for recruitment, retention and supervision, and share it in this library.\n' +
      '- Name racism explicitly when you review outcomes. If you never ask about discrimination, you cannot see its effect.\n' +
      '- Before scaling up, run a small pilot and compare participants with a similar group who did not take part. The evidence base is thin, so your pilot helps others too.',
    question: 'what_matters',
    phase: 'development',
    topics: [
      'mental_health',
      'volunteers',
      'racism_discrimination',
      'access_to_services',
      'civil_society',
    ],
    language: 'en',
    sources: [FOCUS_SENIOR_PROFESSIONALS_STUDY, FOCUS_BRIEF_1],
    organisation: 'network-eu',
    network: null,
  },
  {
    key: 'focus-evaluation-practice',
    title: 'Evaluating integration work credibly with limited resources',
    summary:
      "FOCUS's interviews with 31 senior professionals found evaluation to be a significantly under-developed area. Most evaluation counts activity – people reached, sessions held – because that is what funders require. Labour-market programmes have the most data (training and employment outcomes). Social and cultural activities are reported far more informally, usually through feedback forms at the end of an activity. 'Proper evaluation requires time and resources – and these are not included in the programme funding we receive,' said a local NGO. 'You cannot measure success with short-term evaluations,' said a local government participant.\n\n" +
      'Larger organisations with research staff evaluate more actively, but still mainly short-term and activity-focused. NGOs with secure multi-annual funding, for example from a parent church body or a private foundation, are more likely to commission a full external evaluation before seeking new long-term funding.\n\n' +
      'There is impatience with the status quo and openness to any evaluation that fits the resources and expertise available. Participants mentioned small innovations such as online survey tools and building permission to recontact participants after 12 months into programme design.\n\n' +
      'Participants stressed that the impact of integration can only truly be measured over the long term. Where time or money is limited, they see activity levels linked to soundly-based practices as a reasonable proxy for success.\n\n' +
      "FOCUS's later policy note reached the same conclusion: evaluation is widely accepted, but expectations are often unreasonable. Programmes are limited in time and resources, so it is not credible to evaluate the 'achievement' of integration. Evaluation should focus on the actions that research shows to be important.",
    keyFinding:
      "Because programmes are short and small, it is not credible to judge them on whether 'integration' was achieved. Evaluate whether you delivered the actions research shows to matter, and build in modest long-term follow-up such as a 12-month recontact.",
    practiceImplications:
      '- Ask funders to include evaluation costs in the grant; interviewees named funding as the main barrier.\n' +
      '- Define success as delivering practices with a sound evidence base (for example, regular contact between newcomers and residents) and measure that delivery well.\n' +
      '- Add consent to a 12-month recontact to your registration form now. It costs nothing at the start and is hard to add later.\n' +
      '- Use a short online survey at entry, exit and 12 months rather than only end-of-activity feedback forms.\n' +
      '- For social and cultural activities, collect a few consistent measures, not only anecdotes.\n' +
      '- Say plainly in reports what your evaluation can and cannot show.',
    question: 'what_works',
    phase: 'evaluation',
    topics: ['evaluation', 'funding', 'long_term_support'],
    language: 'en',
    sources: [FOCUS_SENIOR_PROFESSIONALS_STUDY, FOCUS_CSO_NOTE],
    organisation: 'institute',
    network: null,
  },
  {
    key: 'focus-ideas-and-networks',
    title: 'Where programme ideas come from – and why city-to-city mentoring is valued but rare',
    summary:
      "FOCUS asked 31 senior professionals where ideas for new or reformed programmes come from. The most common answer: from the organisation's own day-to-day work, by noticing gaps and opportunities. Next come more formal gap analyses during medium-term planning or funding applications. Participants did not explicitly mention involving migrants in this process.\n\n" +
      "Networks matter a great deal. Hearing from colleagues in other organisations about programmes that work, or about newly identified needs, was widely valued. Governmental participants who had taken part in structured exchanges – the European Integration Network's policy exchanges, or Eurocities' policy mentoring such as the Cities Grow project, which involved 16 cities in 2017–19 – described them as very helpful. NGOs rely more on informal contacts at national and international level. 'Often the best information comes through well-established networks which can be down to the personnel and their individual relationships. So, it can be ad hoc,' said a national NGO.\n\n" +
      'Two other drivers shape programmes: funding requirements (for NGOs often the dominant constraint) and compliance with new EU or national rules.\n\n' +
      'On practice exchange, participants said close mentoring and exchange schemes between host communities are valued but require significant effort, and tend to be exceptional rather than ongoing. Most organisations already belong to practice networks, so new exchange activity is expected to fit within those networks rather than compete with them.',
    keyFinding:
      'Most programme ideas come from day-to-day work and from peers in networks, not from research. Structured city mentoring is rated very helpful, but it takes significant effort and is usually a one-off rather than ongoing.',
    practiceImplications:
      '- Treat a mentoring pair as a project with a budget: staff time to prepare, at least two visits and a written follow-up. Without this it stays ad hoc.\n' +
      "- Agree one concrete question per visit (for example, 'how do you keep people in language classes after reception ends?') instead of a general tour.\n" +
      '- Involve migrants – staff, participants or a migrant-led partner – in the gap analysis before you design. The study found this is rarely mentioned.\n' +
      '- Write up what you borrowed, what you changed and what it cost, so the exchange helps the next city too.\n' +
      '- Keep the exchange alive between visits with a short monthly call in this network, so it does not end when the project money does.',
    question: 'what_works',
    phase: 'development',
    topics: ['partnerships', 'civil_society', 'co_creation'],
    language: 'en',
    sources: [FOCUS_SENIOR_PROFESSIONALS_STUDY, CITIES_GROW],
    organisation: 'institute',
    network: 'city-mentoring-exchange',
  },
  {
    key: 'focus-two-way-integration',
    title: 'Two-way integration: the biggest gap in current practice',
    summary:
      "FOCUS (2019–2022) studied refugees from Syria who arrived after 2015 and the communities where they now live. Over 5,000 people took part in its qualitative and quantitative survey work in Germany, Sweden, Croatia and Jordan. It used the EU definition of integration as 'a dynamic, two-way process of mutual accommodation by all immigrants and residents'.\n\n" +
      'The findings show a gap between attitudes and everyday life:\n' +
      '- Over 80% of participants from both receiving and arriving communities chose a preferred way of adapting that involves keeping multiple identities and cultures.\n' +
      '- But contact between the communities is low, and the receiving community tends not to accept a personal role in integration. It puts the responsibility on institutions.\n' +
      '- There are significant factual misperceptions about refugees, for example underestimating their education levels and overestimating their dependence.\n\n' +
      'FOCUS reports that the lack of a two-way dimension is acknowledged as the biggest current gap in integration practice. Its 2019 interviews with senior professionals found the same: integration practice is rarely genuinely two-way. An earlier ISD study noted that while policymakers and practitioners agree integration should be two-way, this is not reflected in how policies and projects are designed.\n\n' +
      'FOCUS recommends that programmes move away from a sole focus on peer-to-peer (migrant-to-migrant) relationships and make sure receiving communities are actively engaged. Programmes should build continuous social bonds, bridges between arriving and receiving communities, and links to relevant services. In its practice work, volunteering was identified as a significant vehicle for the direct encounters that are missing.',
    keyFinding:
      'Most people in both communities favour keeping multiple identities, yet contact is low and the receiving community leaves integration to institutions. FOCUS reports that the missing two-way dimension is acknowledged as the biggest current gap in integration practice.',
    practiceImplications:
      '- Count local residents as participants, with their own recruitment, goals and feedback – not as an audience.\n' +
      '- Design for repeated contact (pairs or small groups meeting over several months) rather than one-off events.\n' +
      '- Use volunteering as the bridge: recruit residents as language partners, mentors or co-organisers.\n' +
      '- Counter misperceptions with facts about your own participants, such as their qualifications and work experience, shared with their consent.\n' +
      '- Review your activity list: if most activities are for newcomers only, add at least one strand where residents and newcomers do something together as equals.\n' +
      '- Link people to services as well as to each other: bonds, bridges and links all matter.',
    question: 'what_matters',
    phase: 'development',
    topics: ['two_way_integration', 'volunteers', 'civil_society'],
    language: 'en',
    sources: [FOCUS_CSO_NOTE, FOCUS_ACTION_PLAN_NOTE, FOCUS_BRIEF_1, ISD_WHAT_WORKS],
    organisation: 'foundation',
    network: null,
  },
  {
    key: 'focus-co-creation-fr',
    title:
      "Co-création et partenariats : placer les participants au cœur des programmes d'intégration",
    summary:
      "Le projet FOCUS (2019-2022) a étudié l'intégration des personnes réfugiées arrivées de Syrie après 2015 et des communautés où elles vivent aujourd'hui. Plus de 5 000 personnes ont participé à ses enquêtes en Allemagne, en Suède, en Croatie et en Jordanie. Ses notes de synthèse pour la société civile tirent trois enseignements pour la conception des programmes.\n\n" +
      "1. L'autonomisation est essentielle. Les pratiques qui donnent aux participants un rôle passif renforcent le sentiment d'impuissance, ce qui nuit directement à l'intégration. Les méthodes co-créatives et participatives peuvent avoir un effet puissant et positif.\n\n" +
      "2. La co-création doit guider le programme dès le départ. L'intégrer dès les premières étapes est réaliste et faisable, qu'il s'agisse d'une petite initiative ou d'un programme à l'échelle d'un système. Les communautés concernées – personnes arrivantes comme habitants de la société d'accueil – doivent participer à l'analyse des besoins, à la conception, à la mise en œuvre, au suivi et à l'évaluation. Cela renforce l'appropriation collective et permet de mieux répondre à des besoins très divers.\n\n" +
      "3. Les partenariats multi-acteurs sont centraux. Les besoins et les opportunités dépassent toujours ce qu'une seule organisation peut offrir ; une approche à plusieurs acteurs permet de répondre à des besoins variés et changeants.\n\n" +
      "Dans les entretiens de FOCUS avec 31 responsables de politiques et de programmes (2019), l'inclusion des personnes migrantes dans l'analyse des besoins n'était pas explicitement mentionnée. FOCUS rattache ces enseignements au Plan d'action de l'UE en faveur de l'intégration et de l'inclusion 2021-2027, qui demande un soutien ciblé et adapté à une population diverse : selon FOCUS, les approches participatives aident à y parvenir.",
    keyFinding:
      "Donner aux participants un rôle passif affaiblit l'intégration. Associer les personnes arrivantes et les habitants dès la conception, puis au suivi et à l'évaluation, est réaliste à toute échelle et rend les programmes plus adaptés aux besoins.",
    practiceImplications:
      '- Avant de rédiger un projet, organisez au moins un atelier de conception avec des personnes réfugiées et des habitants du quartier, et défrayez leur temps.\n' +
      '- Confiez de vraies décisions (calendrier, lieux, contenus) à un comité mixte, pas seulement un avis consultatif.\n' +
      '- Associez une organisation dirigée par des personnes migrantes comme partenaire à part entière, avec sa propre ligne budgétaire.\n' +
      '- Faites participer ce même groupe au suivi : choix des indicateurs, lecture des résultats, ajustements.\n' +
      '- Cartographiez les autres acteurs (services sociaux, employeurs, associations de quartier) et répartissez clairement les rôles avant le démarrage.',
    question: 'what_works',
    phase: 'implementation',
    topics: ['co_creation', 'partnerships', 'civil_society'],
    language: 'fr',
    sources: [FOCUS_CSO_NOTE, FOCUS_ACTION_PLAN_NOTE, FOCUS_SENIOR_PROFESSIONALS_STUDY],
    organisation: 'welcome-ngo',
    network: 'ngo-practice-network',
  },
  {
    key: 'focus-mhpss',
    title:
      'Mental health and psychosocial support: part of all integration work, not only trauma care',
    summary:
      "FOCUS's field studies supported the view that equal access to health services is essential to integration. Two issues were raised: information about rights, and the availability of language support.\n\n" +
      'A core principle from FOCUS is that mental health and psychosocial support (MHPSS) must be seen in a much broader context than trauma-related services. Trauma services remain essential. But FOCUS recommends treating MHPSS as an integral dimension of successful integration practice, moving away from a sole focus on trauma-informed care, and considering mental health and psychosocial needs more broadly at community level.\n\n' +
      "FOCUS's note on the EU Action Plan on Integration and Inclusion 2021–27 observes that the Action Plan acknowledges mental health as critical to integration, but in the narrow context of trauma-related services. FOCUS argues MHPSS should be built into all elements of integration work, in addition to the essential provision of trauma-related services.\n\n" +
      "This matches what practitioners asked for. In FOCUS's 2019 interviews with 31 senior professionals, mental health – its importance and appropriate action – was among the most frequently mentioned knowledge gaps, and practical help with incorporating mental health and psychosocial elements into integration programmes was welcomed.\n\n" +
      'The FOCUS Approach to Dynamic Integration links wellbeing and resilience with trust and reciprocity, social connectedness and a sense of belonging for all community members, arriving and receiving.',
    keyFinding:
      'Mental health support should not stop at trauma services. FOCUS recommends treating psychosocial wellbeing as part of every integration activity and addressing it at community level, while making sure people know their health rights and can get language support.',
    practiceImplications:
      '- Review each activity (language classes, job coaching, housing advice) and ask whether it builds social connection, a sense of control and belonging. Adjust formats before adding new services.\n' +
      '- Explain health rights in people’s own language at first contact, and repeat it later: FOCUS’s field studies raised information about rights as an issue.\n' +
      '- Budget for interpreters at health appointments, or partner with a service that provides them.\n' +
      '- Train front-line staff and volunteers in basic psychosocial support and in when and how to refer to specialist care.\n' +
      '- Keep trauma-related services available and agree referral routes with them in writing.\n' +
      '- Include wellbeing in monitoring, for example a short wellbeing question at entry and at follow-up.',
    question: 'what_works',
    phase: 'implementation',
    topics: ['mental_health', 'health_access', 'access_to_services'],
    language: 'en',
    sources: [FOCUS_CSO_NOTE, FOCUS_ACTION_PLAN_NOTE, FOCUS_BRIEF_1],
    organisation: 'refugee-council',
    network: null,
  },
  {
    key: 'focus-long-term-support-de',
    title: 'Unterstützung über die Aufnahmephase hinaus',
    summary:
      'Viele Integrationsangebote enden, sobald die kurze Aufnahmephase vorbei ist. Das FOCUS-Projekt (2019–2022) stellt fest, dass die Frustration darüber weit verbreitet ist. Würden praktische Vernetzungs-, Beratungs- und Sprachangebote über einen längeren Zeitraum fortgeführt, hätte das nach FOCUS voraussichtlich eine sehr positive Wirkung. Bemerkenswert: Auch Mitglieder der aufnehmenden Gesellschaft erkennen die Logik und den Nutzen einer längeren Unterstützung an.\n\n' +
      'FOCUS stützt sich auf Feldstudien in Deutschland, Schweden, Kroatien und Jordanien mit über 5.000 Teilnehmenden. Im Mittelpunkt standen Geflüchtete aus Syrien, die nach 2015 angekommen sind, und die Gemeinschaften, in denen sie heute leben.\n\n' +
      'Schon in den FOCUS-Interviews mit 31 Führungskräften aus Verwaltung und Nichtregierungsorganisationen (Februar bis Mai 2019) gehörte der Bedarf nach der Aufnahmephase – für Geflüchtete wie für die aufnehmende Gesellschaft – zu den am häufigsten genannten Wissenslücken. Die Befragten beschrieben zugleich einen Wandel: weg von kurzfristigen Reaktionen auf Krisen, hin zu langfristiger Nachhaltigkeit und Wirkung.\n\n' +
      'In seiner Notiz zum EU-Aktionsplan für Integration und Inklusion 2021–2027 ordnet FOCUS diesen Befund dem Punkt „Unterstützung in den verschiedenen Phasen des Prozesses“ zu. Die Notiz ist ausdrücklich als Hilfe für Organisationen gedacht, die Programme für die neue Förderperiode (etwa AMIF und ESF+) vorbereiten.',
    keyFinding:
      'Dass viele Angebote nach der kurzen Aufnahmephase enden, sorgt für verbreitete Frustration. Längere Vernetzungs-, Beratungs- und Sprachangebote hätten laut FOCUS voraussichtlich eine sehr positive Wirkung – und auch die aufnehmende Gesellschaft erkennt ihren Nutzen an.',
    practiceImplications:
      '- Planen Sie ab Projektbeginn eine Anschlussphase ein: Welche Beratung, welches Sprachangebot und welcher Kontakt bleibt, wenn die Aufnahme endet?\n' +
      '- Verknüpfen Sie Sprachkurse mit Arbeit und Nachbarschaft, damit sie auch nach der Aufnahmephase tragen.\n' +
      '- Setzen Sie Ehrenamtliche und Patenschaften gezielt für die Zeit nach der Erstbetreuung ein, mit einer festen hauptamtlichen Ansprechperson.\n' +
      '- Nehmen Sie die Anschlussphase ausdrücklich in AMIF- oder ESF+-Anträge auf und verweisen Sie auf den entsprechenden Punkt im EU-Aktionsplan.\n' +
      '- Erfassen Sie, wie viele Teilnehmende nach 12 Monaten noch Kontakt zu Angeboten haben.',
    question: 'what_matters',
    phase: 'implementation',
    topics: ['long_term_support', 'language', 'access_to_services'],
    language: 'de',
    sources: [FOCUS_CSO_NOTE, FOCUS_ACTION_PLAN_NOTE, FOCUS_SENIOR_PROFESSIONALS_STUDY],
    organisation: 'lower-saxony',
    network: null,
  },
  {
    key: 'focus-housing-discrimination',
    title: 'Housing, racism and gender: treat discrimination as a barrier in every programme',
    summary:
      'FOCUS found that secure and appropriate housing is essential to integration and has both socio-economic and socio-psychological dimensions. Segregation also undermines the chance of positive social connections between arriving and receiving communities.\n\n' +
      "In FOCUS's qualitative field research, housing was the field where both perceptions of racism and discrimination, and racist and discriminatory opinions, were most prevalent.\n\n" +
      'More broadly, refugees face structural barriers – for example in getting work that matches their level of skills, or secure and appropriate housing. FOCUS concludes that racism and gender discrimination should be a concern of all integration practice and recognised as a barrier to integration. Work in its practice stream suggests that mainstreaming gender and anti-discrimination practice is achievable if it is given adequate priority.\n\n' +
      'FOCUS notes that this is a relatively undeveloped area in the EU Action Plan on Integration and Inclusion 2021–27, but that its own research suggests it should be a priority for action.\n\n' +
      "Practitioners had already flagged the gap. In FOCUS's 2019 interviews with 31 senior professionals, the role of racism in determining integration outcomes was one of the most frequently mentioned knowledge gaps, and the impact of concentrating migrants in marginalised communities was also raised.",
    keyFinding:
      'Housing is where FOCUS found racism and discrimination most prevalent, and segregation limits social contact. FOCUS says racism and gender discrimination should be recognised as barriers in all integration work, and that mainstreaming this is achievable when prioritised.',
    practiceImplications:
      "- Record discrimination where it happens: add a simple question to housing and job-search support ('were you refused, and why?') and review the answers every quarter.\n" +
      '- Work with landlords and employers directly, not only with newcomers: offer a named contact, mediation and information on anti-discrimination law.\n' +
      '- Avoid housing people only where it is cheapest if that concentrates them in marginalised areas; weigh access to work, schools and neighbours.\n' +
      '- Look at gender separately: do women reach housing advice, job coaching and language classes at the same rate as men? If not, change times, childcare or location.\n' +
      '- Give one named person responsibility for anti-discrimination across the programme, with time set aside for it.',
    question: 'what_matters',
    phase: 'implementation',
    topics: ['housing', 'racism_discrimination', 'gender', 'employment'],
    language: 'en',
    sources: [FOCUS_CSO_NOTE, FOCUS_ACTION_PLAN_NOTE, FOCUS_SENIOR_PROFESSIONALS_STUDY],
    organisation: 'network-eu',
    network: null,
  },
  {
    key: 'isd-what-works',
    title: 'What works in integration: lessons for governments and funders (ISD)',
    summary:
      'This briefing by the Institute for Strategic Dialogue (ISD), given in the COMPAS Breakfast Briefing series, sets out initial findings from a project on the challenges of evaluating integration. It draws on practitioners in the UK, Germany, the Netherlands and Sweden.\n\n' +
      'Why evaluation is hard:\n' +
      '- Countries use different definitions of integration, or none. Responsibility is often spread across ministries and levels of government, so targets are not coordinated and data is not collected in a structured way.\n' +
      '- Policies disagree on who the target group is and rarely distinguish by length of stay, nationality or circumstances of migration. Everyone agrees integration should be two-way, but projects are not designed that way and reciprocity is not monitored.\n' +
      "- Integration is heavily politicised. Debate tends towards short-term, 'knee-jerk' responses, although integration can take generations. Some countries have shifted towards assimilationist rhetoric that puts the responsibility on minorities and overlooks structural factors.\n" +
      '- Evaluation focuses on structural indicators such as jobs and education because they are easier to measure, while public debate is about participation, belonging and trust, which are much harder to evaluate.\n\n' +
      'Key learnings:\n' +
      "- Practitioners 'get on with it'. NGOs are more flexible than government departments, work with wider groups than policy defines and keep re-informing their work. The independence of trusts and foundations lets them give honest, critical assessment.\n" +
      '- Practitioners in all four countries agree that building trust between and within communities is integral to all integration programming. Governments should invest in the activities that build it.\n' +
      '- Many socio-cultural elements will not be quantifiable. Governments and donors should collect and publish learning from funded projects, including personal testimonies, small-scale figures and practice examples: a learning-based approach to evaluation.\n' +
      "- Governments should invest in longer-term initiatives, review their target groups (including non-migrants where the aim is attitude change) and 'integration-proof' mainstream policies.",
    keyFinding:
      'Important parts of integration, such as trust and belonging, cannot be reduced to numbers. ISD recommends that governments and funders invest in trust-building and take a learning-based approach to evaluation, collecting testimonies, small-scale data and practice lessons from the projects they fund.',
    practiceImplications:
      'For funders and commissioners:\n' +
      '- Ask grantees for learning points and short participant stories alongside numbers, and publish a yearly digest.\n' +
      '- Fund community spaces and dialogue activities that build trust; targeted programmes depend on them.\n' +
      '- Prefer multi-year grants: short cycles keep organisations in crisis mode.\n\n' +
      'For programme leads:\n' +
      '- Define your target group precisely (length of stay, status, circumstances) and include residents if your aim is to change attitudes.\n' +
      '- Report the structural outcomes you can measure, and describe in plain words the social changes you see but cannot count.\n' +
      '- Pass on what you learn about gaps in policy: NGOs often see change on the ground before national policy catches up.',
    question: 'what_works',
    phase: 'evaluation',
    topics: ['evaluation', 'civil_society', 'funding', 'two_way_integration', 'political_climate'],
    language: 'en',
    sources: [ISD_WHAT_WORKS],
    organisation: 'foundation',
    network: null,
  },
  {
    key: 'eu-action-plan-focus',
    title: 'The EU Action Plan on Integration and Inclusion 2021–27: what FOCUS research adds',
    summary:
      'The European Commission published its Action Plan on Integration and Inclusion 2021–2027 (COM(2020) 758 final) in November 2020. It replaces a 2016 plan and, for the first time, also covers EU citizens with a migrant background. It is meant to complement other policies, especially the New Pact on Migration and Asylum and the EU Anti-Racism Action Plan. It sets out key principles and values for integration practice and priority actions for 2021–27, and has been central to the drafting of funding instruments, in particular AMIF and ESF+.\n\n' +
      'As an aid for organisations preparing proposals in the new programming period, the FOCUS project linked its research to ten points of the Action Plan:\n' +
      '- encourage two-way integration;\n' +
      "- encourage 'encounters and exchanges' that empower both communities;\n" +
      '- target and tailor support to the needs of a diverse population;\n' +
      '- ensure access to health services, in particular mental health services;\n' +
      '- access to quality and affordable housing;\n' +
      '- improve and make accessible the evidence base;\n' +
      '- mainstream gender and anti-discrimination practices;\n' +
      '- provide support at different stages of the process;\n' +
      '- support evaluation;\n' +
      '- maximise EU added value through multi-stakeholder partnerships.\n\n' +
      "FOCUS's assessment: the Action Plan marks a substantial step forward in aligning the EU framework for integration with research on best practice. But its measures do not always fully address its own principles, and the operation of the New Pact on Migration and Asylum clearly contrasts with integration objectives in important ways. FOCUS flags two gaps in particular: mental health is treated in the narrow context of trauma-related services, and gender and anti-discrimination is a relatively undeveloped area.",
    keyFinding:
      'The Action Plan is a substantial step towards research-based integration practice, and FOCUS maps its findings to ten of its points. Two gaps stand out: mental health is framed mainly as trauma care, and gender and anti-discrimination measures are underdeveloped.',
    practiceImplications:
      '- In an AMIF or ESF+ proposal, name the Action Plan point your programme addresses and cite the research behind it (this library links several summaries).\n' +
      '- Go further than the Action Plan where FOCUS sees gaps: include community-level psychosocial support, not only trauma referrals, and a gender and anti-discrimination check in every strand.\n' +
      '- If you work with EU citizens with a migrant background, note that the Action Plan now covers them, but check the rules of each fund before assuming they are eligible.\n' +
      '- Build multi-stakeholder partnerships into the design, not only as co-signatories: agree in writing who does what.\n' +
      '- Budget for an evaluation that is realistic for your scale and timescale (see the evaluation summary in this library).',
    question: 'what_works',
    phase: 'development',
    topics: ['funding', 'partnerships', 'mental_health', 'gender', 'evaluation'],
    language: 'en',
    sources: [EU_ACTION_PLAN, FOCUS_ACTION_PLAN_NOTE],
    organisation: 'ministry',
    network: null,
  },
  {
    key: 'politics-and-funding-pressure',
    title: 'Integration under political pressure: what the research says about funding and framing',
    summary:
      'Two sources in this library describe how politics shapes integration work.\n\n' +
      "FOCUS's 2019 interviews with 31 senior professionals in 7 countries and at EU level found that the impact of radical anti-refugee politics is being felt by organisations in some countries and regions, leading to uncertainty about funding and the ability to implement programmes. The field had grown used to developing initiatives at short notice in response to 'crises' and was trying to move towards long-term sustainability and impact. EU funding was described as critical: most organisations rely on AMIF, and the next multi-annual EU budget was expected to be central to future activity. The role of political leadership in influencing integration was raised as a knowledge gap.\n\n" +
      "ISD's briefing for COMPAS describes integration as a heavily politicised policy area. Political debate tends to produce 'knee-jerk' responses to largely unrelated perceived problems, sometimes framing integration as a matter of national security or of 'problem' communities, and it is driven by the latest crisis even though integration can take generations. Some countries have moved from promoting multiculturalism towards assimilationist rhetoric that stresses migrants' 'obligations' and shifts responsibility onto minorities, overlooking structural factors. Where evidence exists, it has sometimes been used in ways that misjudge the complexity of public opinion or polarise it further.\n\n" +
      'ISD also notes that, after fiscal cuts, many civil society organisations operate on much reduced budgets, and that governments need to invest in longer-term initiatives.',
    keyFinding:
      'Anti-refugee politics creates uncertainty about funding and delivery, and crisis-driven debate works against integration, which takes generations. FOCUS finds EU funding critical to continuity; ISD calls on governments to invest in longer-term initiatives.',
    practiceImplications:
      '- Map which programmes depend on a single funding stream or political decision, and keep a continuity plan for each: what stops, and what can continue at minimum cost.\n' +
      "- Frame programmes around shared, long-term goals for the whole community – work, schools, neighbourhoods – rather than around 'problem' groups.\n" +
      '- Use evidence carefully in public: give context and avoid figures that can easily be turned against the people you serve.\n' +
      '- Keep trusted civil society partners on multi-year agreements; they hold relationships that take years to rebuild.\n' +
      '- Share early warning signs with peers in this circle, such as funding calls that change priorities.',
    question: 'what_matters',
    phase: 'development',
    topics: ['political_climate', 'funding', 'long_term_support'],
    language: 'en',
    sources: [FOCUS_SENIOR_PROFESSIONALS_STUDY, FOCUS_CSO_NOTE, ISD_WHAT_WORKS],
    organisation: 'ministry',
    network: 'reception-directors-circle',
  },
];

export const DEMO_CASE_STUDIES: DemoCaseStudy[] = [
  {
    key: 'ghent-turin-mentoring-pair',
    programmeName: 'Ghent–Turin Post-Reception Mentoring Pair (illustrative example)',
    organisation: 'ghent',
    city: 'Ghent',
    country: 'BE',
    summary:
      'Illustrative example: Two city integration teams run an 18-month peer-mentoring pair on support after the reception phase. Ghent acts as mentor city and Turin as mentee. They agree one question per visit – for instance, how to keep newcomers connected to language and advice services once reception support ends. The pair holds three two-day peer visits, each with a site visit, a meeting with a migrant-led organisation and a neighbourhood group, and a half-day working session, plus a monthly online call. Each visit ends with a two-page note listing what the mentee city will try, what it will cost and who is responsible. The budget covers a part-time coordinator, travel for small delegations and interpretation. The model follows the city-to-city mentoring that senior professionals in the FOCUS study rated very helpful but described as effortful and usually one-off; here the effort is costed up front so that other cities can plan for it.',
    targetGroups: [
      'city integration and reception staff',
      'migrant-led organisations in both cities',
      'recently recognised refugees (indirectly)',
    ],
    twoWay:
      'Each visit includes a meeting with a neighbourhood residents’ group as well as a migrant-led organisation, and both are invited to comment on the mentee city’s action plan.',
    annualBudgetEur: 42000,
    staffFte: 0.4,
    volunteers: 0,
    durationMonths: 18,
    fundingSources: ['amif', 'local_budget'],
    outcomes:
      'Illustrative outcomes: three visits and monthly calls held; the mentee city adopts two practices (a follow-up call 12 months after people leave reception, and a shared referral list with local NGOs) and drops a third after testing; both cities publish their cost notes.',
    evaluation:
      'Short self-assessment by both teams at the start and end (which practices were tried, kept or dropped), a feedback form after each visit, and a check 12 months after the pair ends on whether adopted practices are still running. No claims are made about integration outcomes.',
    adaptation:
      'Works for smaller municipalities if the mentor has similar powers and budget. Keep the one-question-per-visit format and the written note. If travel is too expensive, replace one visit with a video walk-through. Budget for interpretation if the cities do not share a working language.',
    contact: 'Integration policy officer, City of Ghent (demo)',
    topics: ['partnerships', 'long_term_support', 'evaluation'],
    language: 'en',
    network: 'city-mentoring-exchange',
  },
  {
    key: 'lyon-binomes-voisinage',
    programmeName: 'Binômes de voisinage (illustrative example)',
    organisation: 'welcome-ngo',
    city: 'Lyon',
    country: 'FR',
    summary:
      "Illustrative example: Une association lyonnaise forme des binômes entre une personne réfugiée arrivée depuis moins de deux ans et un habitant du même quartier. Les binômes s'engagent à se voir au moins deux fois par mois pendant six mois : conversation en français, démarches du quotidien, découverte du quartier. Les bénévoles suivent une formation d'une demi-journée (écoute, limites du rôle, orientation vers les services) et un groupe d'échange mensuel animé par la coordinatrice. Des rencontres trimestrielles réunissent tous les binômes. Le programme vise les deux publics : les habitants sont recrutés, accompagnés et interrogés au même titre que les personnes arrivantes. Il s'appuie sur le constat de FOCUS selon lequel les contacts entre communautés restent rares et le bénévolat est un levier important pour les rencontres directes.",
    targetGroups: [
      'personnes réfugiées arrivées depuis moins de deux ans',
      'habitants du quartier (bénévoles)',
    ],
    twoWay:
      'Les habitants sont des participants à part entière : ils fixent leurs propres objectifs, sont formés et répondent aux mêmes questionnaires que les personnes arrivantes.',
    annualBudgetEur: 46000,
    staffFte: 0.8,
    volunteers: 40,
    durationMonths: 24,
    fundingSources: ['local_budget', 'private_foundation', 'donations'],
    outcomes:
      'Résultats illustratifs : environ 40 binômes par an ; la plupart se voient encore après six mois ; les personnes arrivantes déclarent davantage de contacts réguliers avec des habitants, et les bénévoles une meilleure connaissance de la situation des personnes réfugiées.',
    evaluation:
      "Questionnaire court à l'entrée, à six mois et à douze mois pour les deux membres du binôme (accord de recontact recueilli à l'inscription) ; suivi du nombre de rencontres déclarées ; groupe de discussion annuel avec bénévoles et personnes arrivantes.",
    adaptation:
      "Fonctionne dans tout quartier où l'association a déjà des relais. Prévoir au moins 0,5 ETP de coordination pour 25 binômes. En zone rurale, des échanges en ligne peuvent compléter les rencontres. Adapter la formation au cadre local (droit au séjour, accès aux droits).",
    contact: 'Coordinatrice du bénévolat, Neighbours Welcome Association (démo)',
    topics: ['two_way_integration', 'volunteers', 'language'],
    language: 'fr',
    network: null,
  },
  {
    key: 'sweden-language-work-pathway',
    programmeName: 'Language-and-Work Pathway After Introduction (illustrative example)',
    organisation: 'ministry',
    city: 'Stockholm',
    country: 'SE',
    summary:
      'Illustrative example: A national agency funds and coordinates a four-year pathway for refugees whose initial introduction support has ended but who are not yet in stable work. Six partner municipalities deliver it. Each participant has a named advisor for up to 24 months, vocational language training combined with work placements, and a workplace mentor at the host employer. Advisors stay in contact after a job starts to prevent early drop-out. NGOs and migrant-led organisations in each municipality run peer groups and language cafés with volunteers, funded through small partner grants. The agency sets common data definitions, pays for an external evaluation and shares results with the municipalities twice a year. It responds to the finding, reported by FOCUS, that frustration at the withdrawal of support after the short reception phase is widely felt, and that longer networking, advisory and language programmes would potentially have a very positive impact.',
    targetGroups: [
      'refugees who have completed initial introduction support',
      'adults 20-55 not in stable employment',
      'employers and workplace mentors',
    ],
    twoWay:
      'Employers and colleagues take part as workplace mentors with short training; language cafés are open to all residents.',
    annualBudgetEur: 2400000,
    staffFte: 22.0,
    volunteers: 150,
    durationMonths: 48,
    fundingSources: ['national_budget', 'esf_plus'],
    outcomes:
      'Illustrative outcomes: about 1,200 participants a year across six municipalities; the share in work or education 12 months after entry is compared with people in municipalities that join later; drop-out in the first three months of employment is tracked.',
    evaluation:
      'External evaluation using the staggered start across municipalities to compare participants with eligible people not yet enrolled; 12-month recontact built into consent; annual participant and employer survey; interviews with a sample of participants, mentors and advisors.',
    adaptation:
      'A region or a single large municipality can run it with three or four advisors. Keep the named advisor and the contact after a job starts – they are the core of the model. Check ESF+ eligibility rules and co-financing rates in your country before budgeting.',
    contact: 'Programme manager, National Integration Agency (demo)',
    topics: ['language', 'employment', 'long_term_support', 'evaluation'],
    language: 'en',
    network: null,
  },
  {
    key: 'leipzig-wellbeing-circles',
    programmeName: 'Gesprächskreise für Wohlbefinden (illustrative example)',
    organisation: 'migrant-voices',
    city: 'Leipzig',
    country: 'DE',
    summary:
      'Illustrative example: Eine migrantische Selbstorganisation in Leipzig bietet wöchentliche Gesprächskreise zu Alltagsbelastungen an – Stress, Schlaf, Einsamkeit, Familienleben, Umgang mit Behörden. Die Kreise laufen in vier Sprachen und werden von geschulten Peer-Moderierenden geleitet, die selbst Migrations- oder Fluchterfahrung haben. Eine Psychologin auf Honorarbasis schult sie, bietet monatliche Supervision und klärt Verweise an Fachdienste, mit denen schriftliche Absprachen bestehen. Die Themen legen die Teilnehmenden selbst fest. Einmal im Monat findet ein offenes Treffen in einem Nachbarschaftszentrum statt, zu dem auch Anwohnende kommen. Das Angebot folgt der FOCUS-Empfehlung, psychosoziale Unterstützung nicht auf Traumaversorgung zu beschränken, sondern auf Gemeinschaftsebene zu verankern.',
    targetGroups: [
      'geflüchtete und zugewanderte Erwachsene',
      'Frauen mit Betreuungspflichten',
      'junge Erwachsene 18–25',
    ],
    twoWay:
      'Monatliche offene Treffen im Nachbarschaftszentrum mit Anwohnenden (gemeinsames Kochen, Spaziergänge, Gespräche); Anwohnende planen diese Treffen mit.',
    annualBudgetEur: 115000,
    staffFte: 1.5,
    volunteers: 14,
    durationMonths: 24,
    fundingSources: ['amif', 'private_foundation'],
    outcomes:
      'Illustrative Ergebnisse: rund 120 Teilnehmende pro Jahr in acht Kreisen; Verweise an Fachdienste werden dokumentiert und nachverfolgt; Teilnehmende berichten von mehr sozialen Kontakten und weniger Isolation.',
    evaluation:
      'Kurzer Fragebogen zum Wohlbefinden zu Beginn, nach drei und nach zwölf Monaten (Einwilligung zur erneuten Kontaktaufnahme bei der Anmeldung); Dokumentation der Verweise und ihres Ausgangs; jährliche Reflexionsrunde, in der Moderierende und Teilnehmende über Änderungen mitentscheiden.',
    adaptation:
      'Die fachliche Supervision ist nicht verhandelbar. Sprachen nach der örtlichen Zusammensetzung wählen. Peer-Moderierende für ihre Zeit entschädigen. Verweiswege zu Psychotherapie und Beratungsstellen vor dem Start schriftlich vereinbaren.',
    contact: 'Projektkoordination, Migrant Voices Collective (Demo)',
    topics: ['mental_health', 'co_creation', 'civil_society'],
    language: 'de',
    network: 'ngo-practice-network',
  },
  {
    key: 'lower-saxony-co-created-grants',
    programmeName: 'Co-Created Small Grants with Migrant-Led Organisations (illustrative example)',
    organisation: 'lower-saxony',
    city: 'Hanover',
    country: 'DE',
    summary:
      'Illustrative example: A regional integration directorate runs a small-grants scheme designed and decided together with migrant-led organisations, co-financed by ESF+ and the regional budget. A panel of twelve – six representatives of migrant-led organisations and six residents and local officials – sets priorities each year, scores applications and reviews results. Grants of up to 10,000 EUR fund local projects such as homework clubs, women’s sports groups and information sessions on housing rights. Grantees get a one-day training in simple monitoring and meet twice a year to share lessons. The directorate handles administration so that small organisations face light paperwork: a two-page application and a short report with a story and a few numbers. The design applies FOCUS’s principle that co-creation should guide programmes from the earliest stage, and its call for multi-stakeholder partnerships.',
    targetGroups: [
      'migrant-led organisations',
      'refugee and migrant communities in the region',
      'local residents',
    ],
    twoWay:
      'Residents and local officials sit on the grants panel alongside migrant-led organisations, and funded projects must involve participants from the wider community.',
    annualBudgetEur: 420000,
    staffFte: 3.0,
    volunteers: 12,
    durationMonths: 36,
    fundingSources: ['esf_plus', 'other'],
    outcomes:
      'Illustrative outcomes: about 22 grants a year, more than half to organisations that had never received public funding; several grantees go on to apply for larger funds; in year two the panel moves priorities towards housing after grantees report discrimination.',
    evaluation:
      'Light reporting by grantees (short narrative, participant numbers, one participant story); an annual learning meeting with published notes; a mid-term review by an external facilitator who interviews panel members and grantees about whether decision-making was genuinely shared.',
    adaptation:
      'Give the mixed panel real decisions, not only an advisory role, and pay panel members’ expenses. Match grant size and reporting to what small organisations can manage; if your funder requires more, the administering body should carry that burden.',
    contact: 'Head of community grants, Lower Saxony Integration Directorate (demo)',
    topics: ['co_creation', 'partnerships', 'civil_society', 'funding'],
    language: 'en',
    network: null,
  },
  {
    key: 'tampere-language-at-work',
    programmeName: 'Language at Work with Workplace Mentors (illustrative example)',
    organisation: 'tampere',
    city: 'Tampere',
    country: 'FI',
    summary:
      'Illustrative example: A city immigrant services team combines Finnish language teaching with work from the first month. Participants spend two days a week in class and three days on a work placement with a local employer in care, logistics, hospitality or construction. A language teacher visits each workplace monthly and turns real work situations into lesson material. Each participant has a workplace mentor – a colleague who volunteers and receives a half-day training in plain language and inclusion. The city’s employment services arrange placements and follow up for six months after a job contract starts. The programme links language learning directly to employment and keeps advisory support going beyond the first months, as practitioners in the FOCUS research asked.',
    targetGroups: [
      'refugees and other migrants with basic Finnish',
      'adults out of work for more than six months',
      'local employers and their staff',
    ],
    twoWay:
      'Colleagues act as workplace mentors and are trained in plain-language communication; employers’ staff and participants meet at two shared events a year.',
    annualBudgetEur: 310000,
    staffFte: 4.0,
    volunteers: 30,
    durationMonths: 30,
    fundingSources: ['esf_plus', 'local_budget'],
    outcomes:
      'Illustrative outcomes: about 60 participants a year; language level and employment status recorded at entry, exit and 12 months; employers asked whether they would take a participant again.',
    evaluation:
      'Language assessment at entry and exit; employment status at 6 and 12 months (recontact consent collected at entry); a short survey of workplace mentors; comparison with city records for jobseekers with similar language levels who did not take part.',
    adaptation:
      'Choose sectors with real local vacancies. Start with employers that already hire migrants and ask them to recruit others. Teacher workplace visits are the costly part: reduce their frequency rather than drop them. Check how ESF+ rules treat placements (insurance, allowances) in your country.',
    contact: 'Employment and language coordinator, City of Tampere (demo)',
    topics: ['language', 'employment', 'volunteers', 'two_way_integration'],
    language: 'en',
    network: 'city-mentoring-exchange',
  },
  {
    key: 'open-doors-neighbour-grants',
    programmeName: 'Receiving Communities Micro-Grants (illustrative example)',
    organisation: 'foundation',
    city: 'Brussels',
    country: 'BE',
    summary:
      'Illustrative example: A private foundation funds existing local groups – sports clubs, parent associations, neighbourhood committees – to run regular activities together with newly arrived refugees. Grants of 3,000 to 8,000 EUR require that newcomers help plan the activity and that it meets at least monthly for a year. The foundation’s small team runs a start-up workshop, brings grantees together twice a year and asks for a short learning report. The scheme responds to FOCUS findings that contact between communities is low and that the receiving community tends not to see a personal role for itself in integration; it aims to make residents active participants rather than bystanders.',
    targetGroups: [
      'local residents’ associations and clubs',
      'newly arrived refugees',
      'volunteers in sports, culture and parent groups',
    ],
    twoWay:
      'The whole design is two-way: grantees are receiving-community groups, and newcomers co-plan each activity with them.',
    annualBudgetEur: 260000,
    staffFte: 1.5,
    volunteers: 180,
    durationMonths: 36,
    fundingSources: ['private_foundation'],
    outcomes:
      'Illustrative outcomes: about 28 groups funded a year; most activities continue after the grant ends; groups report new members from newcomer communities, and some newcomers take on volunteer roles.',
    evaluation:
      'Each grantee reports attendance (residents and newcomers separately) and answers three questions about what changed; an external review in year three interviews a sample of groups; learning notes are published openly.',
    adaptation:
      'Works best where clubs and associations are already active. Keep grants small and paperwork light, and pair new grantees with experienced ones. Where the political climate is hostile, frame the grants around neighbourhood life rather than migration.',
    contact: 'Programme officer, Open Doors Foundation (demo)',
    topics: ['two_way_integration', 'volunteers', 'civil_society', 'funding'],
    language: 'en',
    network: null,
  },
  {
    key: 'turin-housing-mediation',
    programmeName: 'Housing Access Mediation Service (illustrative example)',
    organisation: 'turin',
    city: 'Turin',
    country: 'IT',
    summary:
      'Illustrative example: A city welcome service runs a housing mediation team for refugees moving out of reception accommodation. Two mediators and a part-time legal adviser work with private landlords: they offer a single contact person, help with contracts and deposits through a small city guarantee fund, and step in early when problems arise. Tenants attend information sessions on rights and obligations in several languages. Refusals and discriminatory treatment reported by tenants are logged and followed up, and the team checks whether women and single-parent households reach the service at the same rate as others. Placements are spread across neighbourhoods where possible. The service responds to FOCUS findings that housing is the field where racism and discrimination are most prevalent and that segregation undermines social connection.',
    targetGroups: [
      'refugees leaving reception accommodation',
      'single-parent households',
      'private landlords',
    ],
    twoWay:
      'Landlords and neighbourhood associations are engaged directly through landlord information evenings and a volunteer welcome contact in the street where a household moves in.',
    annualBudgetEur: 185000,
    staffFte: 2.5,
    volunteers: 10,
    durationMonths: 24,
    fundingSources: ['amif', 'local_budget'],
    outcomes:
      'Illustrative outcomes: around 80 households housed a year, across more neighbourhoods than before; most tenancies still running after 12 months; the discrimination log is used in talks with landlord associations.',
    evaluation:
      'Tenancy status at 6 and 12 months, guarantee fund claims, a log of reported refusals and discrimination, results split by gender and household type, and an annual review meeting with tenants and landlords.',
    adaptation:
      'A guarantee or deposit fund is usually what persuades landlords; start it small. Recruit mediators who speak the languages of arriving communities. Check national rules on rent guarantees and data protection before logging discrimination reports.',
    contact: 'Housing mediation coordinator, City of Turin (demo)',
    topics: ['housing', 'racism_discrimination', 'gender', 'access_to_services'],
    language: 'en',
    network: null,
  },
];

export const DEMO_DISCUSSIONS: DemoDiscussion[] = [
  {
    network: 'city-mentoring-exchange',
    channel: {
      slug: 'peer-visits',
      name: 'Peer visits and mentoring pairs',
      topics: ['partnerships', 'long_term_support'],
    },
    title: 'Before the first peer visit: how do you choose the one question?',
    attribution: 'named',
    author: 'demo@tandem.example',
    body:
      "We're about to start the Ghent–Turin pair (linked below) and I want to avoid the classic study tour where everyone nods and nothing changes.\n\n" +
      'Our plan: one question per visit, agreed in writing four weeks ahead, and a two-page note at the end saying what the visiting city will try, what it costs and who owns it.\n\n' +
      'Candidate question for visit one: **how do you keep people connected to language and advice services once reception support ends?**\n\n' +
      'Two things I would value from those who have done this:\n' +
      '1. How did you choose the question – from front-line staff or from management?\n' +
      '2. Did you involve a migrant-led organisation in the visit, and how?',
    replies: [
      {
        author: 'lucia@tandem.example',
        body: "From the Turin side: the question suits us, because that's exactly where we lose people. We picked it by asking our front-line team which cases come back to them after six months. One request: let's have the migrant-led organisation as a partner in the working session, not a stop on the site visit. The FOCUS study found migrants are rarely mentioned in gap analyses – let's not repeat that.",
      },
      {
        author: 'mikko@tandem.example',
        body: 'When we were mentored, the visits were the easy part; the follow-up faded once the project money ended. Put the monthly calls and the note-writing time in the budget explicitly. It is maybe a day a month, but if nobody owns it, it does not happen.',
      },
    ],
    links: [
      {
        type: 'case_study',
        key: 'ghent-turin-mentoring-pair',
        note: 'The pair we are setting up: budget, staff time and the one-question-per-visit format.',
      },
      {
        type: 'research',
        key: 'focus-ideas-and-networks',
        note: 'Why city mentoring is rated very helpful but usually stays one-off, and where programme ideas actually come from.',
      },
    ],
  },
  {
    network: 'city-mentoring-exchange',
    channel: {
      slug: 'evaluation-templates',
      name: 'Shared evaluation templates',
      topics: ['evaluation'],
    },
    title: 'Three shared questions at entry, exit and 12 months?',
    attribution: 'named',
    author: 'jonas@tandem.example',
    body:
      'Several of you asked for a common evaluation template. Proposal: instead of a big framework, we agree **three questions** that every city asks at entry, at exit and 12 months later, with recontact consent collected at registration.\n\n' +
      '1. Are you currently in work, education or training?\n' +
      '2. In the last month, how often did you talk with someone from the local community outside your family? (never / once / several times / weekly)\n' +
      '3. Do you know where to go with a problem about housing, health or work? (yes / partly / no)\n\n' +
      "This won't prove 'integration' – the evaluation summary is clear that this is not credible for programmes of our size – but it gives comparable data across cities at almost no cost. Objections?",
    replies: [
      {
        author: 'katrin@tandem.example',
        body: 'Supportive. Question 2 is the one nobody collects, and it is exactly the two-way gap everyone talks about. Please add a line on data sharing between cities to the consent text – our data protection officer will ask on day one.',
      },
      {
        author: 'mikko@tandem.example',
        body: 'We already ask something close to question 1 at 6 and 12 months in Language at Work, so we can test the wording with the next intake and report back here. The hard part is reaching people after a year: text messages work far better for us than email.',
      },
      {
        author: 'lucia@tandem.example',
        body: 'Could we translate the three questions into the main languages once, centrally, and share them in this channel? Otherwise every city pays for the same translation.',
      },
    ],
    links: [
      {
        type: 'research',
        key: 'focus-evaluation-practice',
        note: 'Why judging short programmes on "achieving integration" is not credible, and the 12-month recontact idea from practitioners.',
      },
      {
        type: 'case_study',
        key: 'tampere-language-at-work',
        note: 'Already measures employment at 6 and 12 months; a good place to pilot the shared questions.',
      },
    ],
  },
  {
    network: 'ngo-practice-network',
    channel: {
      slug: 'volunteers-and-residents',
      name: 'Volunteers and receiving communities',
      topics: ['volunteers', 'two_way_integration'],
    },
    title: 'Resident volunteers drop out after the second meeting – what keeps them involved?',
    attribution: 'named',
    author: 'amine@tandem.example',
    body:
      'In our neighbour pairs in Lyon, too many resident volunteers stop coming after the second or third meeting. The newcomers usually want to continue, so it is a real loss.\n\n' +
      "What we've tried: a half-day training and a monthly group meeting. What we haven't tried: giving residents their own goals, or asking them why they leave.\n\n" +
      "The two-way integration summary says receiving communities tend to put the responsibility on institutions rather than see a personal role. I suspect our recruitment message ('help a refugee') reinforces that.\n\n" +
      'How do you recruit and keep residents as participants rather than helpers?',
    replies: [
      {
        author: 'sofie@tandem.example',
        body: "We changed our recruitment text from 'help' to 'meet your new neighbour and do something together' – cooking, cycling, football. Fewer sign-ups, but far fewer drop-outs. We also phone every volunteer after week three; that is when people quietly disappear.",
      },
      {
        author: 'claire@tandem.example',
        body: 'From the funder side: our micro-grants only go to existing residents’ groups such as sports clubs and parent associations, so residents arrive with their own reason to be there. Happy to share the grant criteria.',
      },
      {
        author: 'rahel@tandem.example',
        body: 'Ask the newcomers too. In our groups people said pairs worked best when both had something to offer, not only to receive – teaching a recipe, a language, a skill. That is what makes it two-way in practice.',
      },
    ],
    links: [
      {
        type: 'research',
        key: 'focus-two-way-integration',
        note: 'Contact between communities is low and residents leave integration to institutions; FOCUS sees volunteering as a key bridge.',
      },
      {
        type: 'case_study',
        key: 'lyon-binomes-voisinage',
        note: 'The neighbour-pair programme this thread is about, with its budget and evaluation plan.',
      },
      {
        type: 'case_study',
        key: 'open-doors-neighbour-grants',
        note: 'An alternative route: funding existing residents’ groups to run activities with newcomers.',
      },
    ],
  },
  {
    network: 'ngo-practice-network',
    channel: {
      slug: 'mhpss',
      name: 'Mental health and psychosocial support',
      topics: ['mental_health', 'co_creation'],
    },
    title: 'Peer-led wellbeing groups: how do you organise supervision and referrals?',
    attribution: 'named',
    author: 'rahel@tandem.example',
    body:
      'We run peer-led wellbeing circles in four languages (case study linked below, in German). The facilitators are community members, not therapists – that is why people come – but it also means we need solid supervision and clear referral routes.\n\n' +
      'Current set-up: a psychologist on a fee trains facilitators and holds monthly supervision; referrals go to two counselling services we have written agreements with.\n\n' +
      '- How often do your peer facilitators get supervision?\n' +
      '- Do you pay them? We give an expense allowance, which feels too little.\n' +
      '- How do you handle waiting lists for specialist care?',
    replies: [
      {
        author: 'sofie@tandem.example',
        body: 'We do group supervision every two weeks for the first three months, then monthly. And yes, pay them – a fixed fee per session. Unpaid peer facilitators burn out, and you lose exactly the people who hold the trust.',
      },
      {
        author: 'ana@tandem.example',
        body: 'Useful for everyone here: FOCUS recommends treating psychosocial support as part of all integration work, not only trauma services. I will bring this thread into the platform’s input on the next AMIF programming round, because peer models rarely fit the current budget lines.',
      },
    ],
    links: [
      {
        type: 'research',
        key: 'focus-mhpss',
        note: 'The case for community-level psychosocial support alongside trauma services – the basis for peer-led groups.',
      },
      {
        type: 'case_study',
        key: 'leipzig-wellbeing-circles',
        note: 'Our set-up in detail: staffing, supervision, referral agreements and costs.',
      },
    ],
  },
  {
    network: 'reception-directors-circle',
    channel: {
      slug: 'funding-and-politics',
      name: 'Funding and the political climate',
      topics: ['political_climate', 'funding'],
    },
    title: 'Protecting post-reception support when the budget is questioned',
    attribution: 'chatham',
    author: 'erik@tandem.example',
    body:
      'Under the usual rule. Next year’s budget discussion has started, and support after reception is the line most at risk: it is less visible than reception and harder to defend with numbers.\n\n' +
      'Arguments I intend to use:\n' +
      '- FOCUS reports wide frustration when programmes stop after the short reception phase, and found that receiving communities also accept the logic of longer support.\n' +
      '- The EU Action Plan includes support at different stages of the process, which helps with co-financing.\n\n' +
      'What has worked for you in making this case to politicians who want quick results? And what did you have to give up to protect it?',
    replies: [
      {
        author: 'katrin@tandem.example',
        body: 'What worked for us: we stopped presenting it as an integration cost and showed it as avoiding repeat demand on social services later. We also found a cross-party sponsor early. What we gave up was a separate cultural programme; it now runs through NGO partners on foundation money.',
      },
      {
        author: 'demo@tandem.example',
        body: 'We protected the language and advice strand by tying it to employment status at 12 months, which we can actually report. The cost: the social-contact activities now depend on volunteers. And mind the ISD point about evidence being used to polarise – we keep our figures factual and local.',
      },
    ],
    links: [
      {
        type: 'research',
        key: 'politics-and-funding-pressure',
        note: 'What FOCUS and ISD say about anti-refugee politics, funding uncertainty and crisis-driven debate.',
      },
      {
        type: 'research',
        key: 'focus-long-term-support-de',
        note: 'The FOCUS finding on support after reception, including acceptance by receiving communities (in German).',
      },
      {
        type: 'research',
        key: 'eu-action-plan-focus',
        note: 'The Action Plan points, including support at different stages, that co-financed programmes can refer to.',
      },
    ],
  },
  {
    network: 'reception-directors-circle',
    channel: {
      slug: 'accountability',
      name: 'Accountability and evaluation',
      topics: ['evaluation', 'political_climate'],
    },
    title: "What do we report upwards when 'integration' itself can't be measured?",
    attribution: 'chatham',
    author: 'katrin@tandem.example',
    body:
      "Our political leadership wants a single headline indicator for 'integration success' by the end of the year. I think that is the wrong ask, but I need a credible alternative, not just a refusal.\n\n" +
      'Draft position:\n' +
      '- report structural outcomes we can measure (work, education, language) at 12 months;\n' +
      '- report delivery of practices with a sound evidence base, such as contact between newcomers and residents and continued advice after reception;\n' +
      '- add a short annual learning note with testimonies and small-scale data from funded projects, as ISD suggests.\n\n' +
      'Would this satisfy your leadership? What has been rejected elsewhere?',
    replies: [
      {
        author: 'erik@tandem.example',
        body: "This is close to what we use. The learning note was the hardest sell – it looked 'soft' – until we presented it as an early-warning system: funded projects see problems before our statistics do.",
      },
      {
        author: 'demo@tandem.example',
        body: 'One addition: state clearly what the indicators cannot show. When we did that, it protected us later when the numbers moved for reasons that had nothing to do with the programme.',
      },
    ],
    links: [
      {
        type: 'research',
        key: 'isd-what-works',
        note: 'The case for a learning-based approach to evaluation when socio-cultural outcomes cannot be quantified.',
      },
      {
        type: 'research',
        key: 'focus-evaluation-practice',
        note: 'Practitioners’ view that evidence-based activity is a reasonable proxy when time and money are limited.',
      },
    ],
  },
];
