"""Texts of the Maturity page: the five levels, the questionnaire, evidence, peers, phases."""

TEXTS = {
    "maturity.subtitle": {
        "en": "How far {workspace} makes use of what people say about it, from ignoring it to building it into service and innovation.",
        "fr": "Jusqu’où {workspace} tire parti de ce que le public dit d’elle : de l’ignorer à l’intégrer au service et à l’innovation.",
    },
    # ---------------------------------------------------------------- levels
    "maturity.level.1": {"en": "Not listening", "fr": "Pas d’écoute"},
    "maturity.level.2": {"en": "Listening", "fr": "À l’écoute"},
    "maturity.level.3": {"en": "Reacting", "fr": "Réactive"},
    "maturity.level.4": {"en": "Starting conversations", "fr": "Suscite la conversation"},
    "maturity.level.5": {"en": "Integrated", "fr": "Intégrée"},
    "maturity.level.1.desc": {
        "en": "What customers and the public say online does not reach the organisation.",
        "fr": "Ce que clients et public disent en ligne ne parvient pas à l’organisation.",
    },
    "maturity.level.2.desc": {
        "en": "Social media are followed and feed the organisation’s monitoring.",
        "fr": "Les médias sociaux sont suivis et alimentent la veille de l’organisation.",
    },
    "maturity.level.3.desc": {
        "en": "The organisation answers the messages that matter, within a known delay.",
        "fr": "L’organisation répond aux messages qui comptent, dans un délai connu.",
    },
    "maturity.level.4.desc": {
        "en": "It invites people to talk, with a plan: objectives, editorial line, calendar, a community lead.",
        "fr": "Elle invite le public à s’exprimer, avec un plan : objectifs, ligne éditoriale, calendrier, responsable de communauté.",
    },
    "maturity.level.5.desc": {
        "en": "What is heard online reaches customer service and shapes products and services.",
        "fr": "Ce qui est entendu en ligne parvient au service client et façonne produits et services.",
    },
    "maturity.level.short": {"en": "Level {n}", "fr": "Niveau {n}"},
    "maturity.level.of": {"en": "Level {n} of 5", "fr": "Niveau {n} sur 5"},
    "maturity.result": {"en": "Where you stand", "fr": "Où vous en êtes"},
    "maturity.result.based_on": {
        "en": "Answers of {date} ({answered} of {total} questions answered), checked against the data of the 90 days up to {end}.",
        "fr": "Réponses du {date} ({answered} questions sur {total} répondues), vérifiées avec les données des 90 jours jusqu’au {end}.",
    },
    "maturity.result.no_answers": {
        "en": "No questionnaire answered yet: the level below rests on the data alone and stays at 1 until the questions are answered.",
        "fr": "Aucun questionnaire rempli pour l’instant : le niveau ci-dessous ne repose que sur les données et reste à 1 tant que les questions sont sans réponse.",
    },
    "maturity.reasons": {"en": "Why this level", "fr": "Pourquoi ce niveau"},
    "maturity.reason.reached": {
        "en": "Level {n} ({name}): every practice is in place and the data does not contradict it.",
        "fr": "Niveau {n} ({name}) : toutes les pratiques sont en place et les données ne le contredisent pas.",
    },
    "maturity.reason.blocked_answers": {
        "en": "Level {n} ({name}) is not reached: {count} practices not in place yet.",
        "fr": "Niveau {n} ({name}) non atteint : {count} pratiques pas encore en place.",
    },
    "maturity.reason.blocked_answers.one": {
        "en": "Level {n} ({name}) is not reached: {count} practice not in place yet.",
        "fr": "Niveau {n} ({name}) non atteint : {count} pratique pas encore en place.",
    },
    "maturity.reason.blocked_evidence": {
        "en": "Level {n} ({name}) is not reached: the data contradicts the answers.",
        "fr": "Niveau {n} ({name}) non atteint : les données contredisent les réponses.",
    },
    "maturity.reason.top": {
        "en": "Level 5 reached: keep it up, and check again every quarter.",
        "fr": "Niveau 5 atteint : maintenez le cap et refaites le point chaque trimestre.",
    },
    "maturity.next": {"en": "To reach level {n} ({name})", "fr": "Pour atteindre le niveau {n} ({name})"},
    "maturity.next.evidence": {
        "en": "Make the data show it: {what}",
        "fr": "Faire en sorte que les données le montrent : {what}",
    },
    "maturity.rule": {
        "en": "Rule: a level counts when all its practices are answered “yes” and the data does not contradict them; "
        "your level is the highest one reached with every level below it reached too. Weak or missing data never lowers the level, it is only shown.",
        "fr": "Règle : un niveau compte quand toutes ses pratiques sont cochées « oui » et que les données ne les contredisent pas ; "
        "votre niveau est le plus haut atteint, tous les niveaux inférieurs l’étant aussi. Des données faibles ou absentes ne font jamais baisser le niveau : elles sont seulement signalées.",
    },
    # ---------------------------------------------------------------- comparison
    "maturity.compare": {"en": "Where are you, your partners and your competitors?", "fr": "Où en êtes-vous, vous, vos partenaires et vos concurrents ?"},
    "maturity.compare.caption": {
        "en": "Peers are rated by you (in Peers below); your own level is computed.",
        "fr": "Les pairs sont évalués par vous (dans Pairs, plus bas) ; votre niveau est calculé.",
    },
    "maturity.you": {"en": "You", "fr": "Vous"},
    "maturity.kind.you": {"en": "You", "fr": "Vous"},
    "maturity.kind.competitor": {"en": "Competitor", "fr": "Concurrent"},
    "maturity.kind.partner": {"en": "Partner", "fr": "Partenaire"},
    "maturity.history": {"en": "Your level over time", "fr": "Votre niveau dans le temps"},
    "maturity.history.one": {
        "en": "One assessment so far: save a new one in a few months to follow the trend.",
        "fr": "Une seule évaluation pour l’instant : enregistrez-en une nouvelle dans quelques mois pour suivre l’évolution.",
    },
    "maturity.axis.level": {"en": "Level", "fr": "Niveau"},
    # ---------------------------------------------------------------- detail per level
    "maturity.detail": {"en": "Answers and evidence, level by level", "fr": "Réponses et preuves, niveau par niveau"},
    "maturity.answers": {"en": "Answers", "fr": "Réponses"},
    "maturity.evidence": {"en": "What the data shows", "fr": "Ce que montrent les données"},
    "maturity.state.supports": {"en": "Data agrees", "fr": "Données en accord"},
    "maturity.state.weak": {"en": "Data partly agrees", "fr": "Données en partie en accord"},
    "maturity.state.contradicts": {"en": "Data disagrees", "fr": "Données en désaccord"},
    "maturity.state.unknown": {"en": "Not enough data", "fr": "Pas assez de données"},
    "maturity.disagree.claims_more": {
        "en": "The answers say this is in place, but the data does not show it.",
        "fr": "Les réponses disent que c’est en place, mais les données ne le montrent pas.",
    },
    "maturity.disagree.does_more": {
        "en": "The data shows more than the answers claim: check the answers, perhaps the practice exists but is not formalised.",
        "fr": "Les données en montrent davantage que les réponses : vérifiez-les, la pratique existe peut-être sans être formalisée.",
    },
    "maturity.ev.2": {
        "en": "{mentions} mentions imported over {window} days, on {covered} of those days ({coverage}); last one {last}.",
        "fr": "{mentions} mentions importées sur {window} jours, présentes {covered} de ces jours ({coverage}) ; la dernière le {last}.",
    },
    "maturity.ev.2.none": {
        "en": "No mention of the brand imported in the last {window} days: listening is not running in Boussole.",
        "fr": "Aucune mention de la marque importée ces {window} derniers jours : l’écoute ne tourne pas dans Boussole.",
    },
    "maturity.ev.3": {
        "en": "{answered} of {mentions} mentions answered ({share}); negative ones: {neg_share} answered; median response time {hours}.",
        "fr": "{answered} mentions sur {mentions} ont reçu une réponse ({share}) ; négatives : {neg_share} ; délai médian de réponse {hours}.",
    },
    "maturity.ev.3.unknown": {
        "en": "The imported mentions do not say whether they were answered (no reply date).",
        "fr": "Les mentions importées n’indiquent pas si elles ont reçu une réponse (pas de date de réponse).",
    },
    "maturity.ev.4": {
        "en": "{questions} of {posts} posts ask the audience a question ({share}); comments per post: {rate} (previous 90 days: {before}).",
        "fr": "{questions} publications sur {posts} posent une question au public ({share}) ; commentaires par publication : {rate} (90 jours précédents : {before}).",
    },
    "maturity.ev.4.unknown": {
        "en": "Too few posts in the last 90 days to judge ({posts}).",
        "fr": "Trop peu de publications ces 90 derniers jours pour en juger ({posts}).",
    },
    "maturity.ev.5": {
        "en": "{share} of mentions are tagged with a topic; {actions} journal actions of the last year were built on listening.",
        "fr": "{share} des mentions sont classées par thème ; {actions} actions du journal de l’an dernier s’appuient sur l’écoute.",
    },
    "maturity.ev.5.one": {
        "en": "{share} of mentions are tagged with a topic; {actions} journal action of the last year was built on listening.",
        "fr": "{share} des mentions sont classées par thème ; {actions} action du journal de l’an dernier s’appuie sur l’écoute.",
    },
    "maturity.ev.5.unknown": {
        "en": "No mention and no journal action to judge from.",
        "fr": "Aucune mention ni action du journal pour en juger.",
    },
    "maturity.hours": {"en": "{n} h", "fr": "{n} h"},
    "maturity.answer.yes": {"en": "Yes", "fr": "Oui"},
    "maturity.answer.partly": {"en": "Partly", "fr": "En partie"},
    "maturity.answer.no": {"en": "No", "fr": "Non"},
    "maturity.answer.unknown": {"en": "Don’t know", "fr": "Je ne sais pas"},
    # ---------------------------------------------------------------- questionnaire
    "maturity.form": {"en": "Questionnaire", "fr": "Questionnaire"},
    "maturity.form.intro": {
        "en": "Answer for the organisation as it is today, not as planned. Only “yes” counts towards a level; many organisations leave several questions open, and that is normal.",
        "fr": "Répondez pour l’organisation telle qu’elle est aujourd’hui, pas telle que prévue. Seul « oui » compte pour un niveau ; beaucoup d’organisations laissent plusieurs questions ouvertes, c’est normal.",
    },
    "maturity.form.open": {"en": "Answer or update the questionnaire", "fr": "Remplir ou mettre à jour le questionnaire"},
    "maturity.form.date": {"en": "Date of this assessment", "fr": "Date de cette évaluation"},
    "maturity.form.save": {"en": "Save the assessment", "fr": "Enregistrer l’évaluation"},
    "maturity.form.saved": {"en": "Assessment of {date} saved.", "fr": "Évaluation du {date} enregistrée."},
    "maturity.form.group": {"en": "Level {n} — {name}", "fr": "Niveau {n} — {name}"},
    "maturity.q.accounts_inventory": {
        "en": "Is there an up-to-date list of every account the organisation runs (networks, blogs, forums), with who holds the access?",
        "fr": "Existe-t-il une liste à jour de tous les comptes de l’organisation (réseaux, blogues, forums), avec qui en détient les accès ?",
    },
    "maturity.q.monitoring_scope": {
        "en": "Is it written down what is monitored: the brand, its people, products, competitors, key topics?",
        "fr": "Est-il écrit ce qui est surveillé : la marque, ses porte-parole, ses produits, les concurrents, les sujets clés ?",
    },
    "maturity.q.monitoring_owner": {
        "en": "Is a named person responsible for the monitoring, with time set aside for it?",
        "fr": "Une personne nommée est-elle responsable de la veille, avec du temps prévu pour la faire ?",
    },
    "maturity.q.publishing_rights": {
        "en": "Is it clear who may publish or answer on behalf of the organisation, and who approves what?",
        "fr": "Est-il clair qui peut publier ou répondre au nom de l’organisation, et qui approuve quoi ?",
    },
    "maturity.q.staff_guidelines": {
        "en": "Do employees know what they may and may not say about the organisation online (guidelines they have read)?",
        "fr": "Les employés savent-ils ce qu’ils peuvent dire ou non de l’organisation en ligne (des consignes qu’ils ont lues) ?",
    },
    "maturity.q.response_practice": {
        "en": "Is there an agreed way to respond to key messages — complaints, questions, a crisis — with a target delay?",
        "fr": "Y a-t-il une façon convenue de répondre aux messages clés — plaintes, questions, crise — avec un délai visé ?",
    },
    "maturity.q.objectives": {
        "en": "Are the organisation’s objectives for social media set, each with a measure, a target and a deadline?",
        "fr": "Les objectifs de l’organisation sur les médias sociaux sont-ils fixés, chacun avec une mesure, une cible et une échéance ?",
    },
    "maturity.q.editorial_policy": {
        "en": "Is there an editorial policy: tone, themes, what the brand talks about and what it avoids?",
        "fr": "Y a-t-il une politique éditoriale : ton, thèmes, ce dont la marque parle et ce qu’elle évite ?",
    },
    "maturity.q.content_calendar": {
        "en": "Is content planned in a calendar shared by the people who publish?",
        "fr": "Les contenus sont-ils planifiés dans un calendrier partagé par les personnes qui publient ?",
    },
    "maturity.q.community_owner": {
        "en": "Does someone lead the community: starting conversations, thanking, inviting people to take part?",
        "fr": "Quelqu’un anime-t-il la communauté : lancer des conversations, remercier, inviter à participer ?",
    },
    "maturity.q.roi_owner": {
        "en": "Is someone in charge of measuring results and return on investment, and reporting them regularly?",
        "fr": "Quelqu’un est-il chargé de mesurer les résultats et le retour sur investissement, et d’en rendre compte régulièrement ?",
    },
    "maturity.q.service_integration": {
        "en": "Do questions and complaints seen online reach customer service, and is their follow-up tracked?",
        "fr": "Les questions et plaintes vues en ligne parviennent-elles au service client, avec un suivi de leur traitement ?",
    },
    "maturity.q.innovation_integration": {
        "en": "Do ideas and criticism heard online regularly feed the improvement of products and services?",
        "fr": "Les idées et critiques entendues en ligne alimentent-elles régulièrement l’amélioration des produits et services ?",
    },
    "maturity.q.staff_training": {
        "en": "Are the teams concerned (service, marketing, management) trained in social media, and is their knowledge assessed?",
        "fr": "Les équipes concernées (service, marketing, direction) sont-elles formées aux médias sociaux, et leurs connaissances évaluées ?",
    },
    # ---------------------------------------------------------------- peers
    "maturity.peers": {"en": "Peers", "fr": "Pairs"},
    "maturity.peers.intro": {
        "en": "Rate the competitors and partners you watch, from what you see of them online.",
        "fr": "Évaluez les concurrents et partenaires que vous suivez, d’après ce que vous voyez d’eux en ligne.",
    },
    "maturity.peers.name": {"en": "Name", "fr": "Nom"},
    "maturity.peers.kind": {"en": "Kind", "fr": "Type"},
    "maturity.peers.level": {"en": "Level", "fr": "Niveau"},
    "maturity.peers.date": {"en": "Rated on", "fr": "Évalué le"},
    "maturity.peers.save": {"en": "Save peers", "fr": "Enregistrer les pairs"},
    "maturity.peers.saved": {"en": "Peers saved.", "fr": "Pairs enregistrés."},
    "maturity.peers.none": {
        "en": "No peer rated yet.",
        "fr": "Aucun pair évalué pour l’instant.",
    },
    # ---------------------------------------------------------------- phases
    "maturity.phases": {"en": "Implementation phases", "fr": "Étapes de mise en place"},
    "maturity.phases.progress": {"en": "{pct} of the way (a phase in progress counts half)", "fr": "{pct} du chemin (une étape en cours compte pour moitié)"},
    "maturity.phase.listen": {"en": "1. Listen and monitor", "fr": "1. Écouter et surveiller"},
    "maturity.phase.profiles": {"en": "2. Profiles and brand image", "fr": "2. Profils et image de marque"},
    "maturity.phase.content": {"en": "3. Create content", "fr": "3. Créer des contenus"},
    "maturity.phase.distribute": {"en": "4. Distribute and promote", "fr": "4. Diffuser et promouvoir"},
    "maturity.phase.community": {"en": "5. Build a community", "fr": "5. Bâtir une communauté"},
    "maturity.phase.measure": {"en": "6. Measure, analyse, adjust", "fr": "6. Mesurer, analyser, ajuster"},
    "maturity.phase.status.not_started": {"en": "Not started", "fr": "Pas commencée"},
    "maturity.phase.status.in_progress": {"en": "In progress", "fr": "En cours"},
    "maturity.phase.status.done": {"en": "Done", "fr": "Terminée"},
    "maturity.phases.edit": {"en": "Update the phases", "fr": "Mettre à jour les étapes"},
    "maturity.phases.save": {"en": "Save the phases", "fr": "Enregistrer les étapes"},
    "maturity.phases.saved": {"en": "Phases saved.", "fr": "Étapes enregistrées."},
    "maturity.phases.questions": {"en": "Questions of this phase: {n} of {total} answered “yes”", "fr": "Questions de cette étape : {n} sur {total} à « oui »"},
}
