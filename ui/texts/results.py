"""Texts of the Results pages: Overview, Objectives, Trends, Goals (and the phrases of ui/insights.py)."""

TEXTS = {
    # ---------------------------------------------------------------- insights (ui/insights.py)
    "insights.mover.up": {
        "en": "{metric} rose by {pct} to {value} (previous period: {previous}).",
        "fr": "{metric} : hausse de {pct}, à {value} (période précédente : {previous}).",
    },
    "insights.mover.down": {
        "en": "{metric} fell by {pct} to {value} (previous period: {previous}).",
        "fr": "{metric} : baisse de {pct}, à {value} (période précédente : {previous}).",
    },
    "insights.good": {"en": "Good news.", "fr": "Bonne nouvelle."},
    "insights.bad": {"en": "Worth a closer look.", "fr": "À surveiller."},
    # ---------------------------------------------------------------- overview
    "overview.subtitle": {
        "en": "{workspace} · {current}, compared with {previous}",
        "fr": "{workspace} · {current}, comparé à {previous}",
    },
    "overview.loading": {"en": "Computing the period’s figures…", "fr": "Calcul des chiffres de la période…"},
    "overview.no_data_in_period": {
        "en": "No data for {period}. Data available: {span}.",
        "fr": "Aucune donnée pour {period}. Données disponibles : {span}.",
    },
    "overview.jump_latest": {
        "en": "Show the latest full week with data ({range})",
        "fr": "Afficher la dernière semaine complète avec des données ({range})",
    },
    "overview.roi.scope.present": {"en": "{range}, all activity", "fr": "{range}, toutes activités confondues"},
    "overview.roi.scope": {
        "en": "{range}, all activity (each campaign's own figures: Campaigns page)",
        "fr": "{range}, toutes activités confondues (chiffres par campagne : page Campagnes)",
    },
    "overview.empty": {
        "en": "This workspace holds no data yet. Import platform exports on the Import page to see where each objective stands.",
        "fr": "Cet espace de travail ne contient pas encore de données. Importez des exports de plateformes dans la page Importer "
        "pour voir où en est chaque objectif.",
    },
    "overview.goals": {"en": "Goals", "fr": "Cibles"},
    "overview.no_goal": {
        "en": "No goal set for this objective yet (Goals page).",
        "fr": "Aucune cible fixée pour cet objectif (page Cibles).",
    },
    "overview.goal.progress": {
        "en": "now {current}, target {target} by {deadline}",
        "fr": "actuellement {current}, visé {target} d’ici le {deadline}",
    },
    "overview.qualified": {"en": "Reached “qualified”: **{n}**", "fr": "Passés à « qualifié » : **{n}**"},
    "overview.won": {"en": "Won: **{n}**", "fr": "Gagnés : **{n}**"},
    "overview.changed.week": {"en": "What changed this week", "fr": "Ce qui a changé cette semaine"},
    "overview.changed.period": {"en": "What changed since the previous period", "fr": "Ce qui a changé depuis la période précédente"},
    "overview.changed.none": {
        "en": "Nothing moved by more than 5 % compared with the previous period.",
        "fr": "Rien n’a bougé de plus de 5 % par rapport à la période précédente.",
    },
    "overview.changed.rule": {
        "en": "The three counts or amounts that moved most, in relative terms, among those above 10 in the previous period.",
        "fr": "Les trois volumes ou montants qui ont le plus varié en proportion, parmi ceux qui dépassaient 10 à la période précédente.",
    },
    "overview.roi.no_cost": {
        "en": "No cost recorded: import ad spend or enter staff time, tools and fees to see the return on investment.",
        "fr": "Aucun coût enregistré : importez les dépenses publicitaires ou saisissez le temps du personnel, les outils et les "
        "honoraires pour voir le retour sur investissement.",
    },
    "overview.roi.line": {"en": "Cost **{cost}** · value {basis}", "fr": "Coût **{cost}** · valeur {basis}"},
    "overview.roi.missing": {"en": "No return on investment: {reason}.", "fr": "Pas de retour sur investissement calculable : {reason}."},
    "overview.roi.estimate_note": {
        "en": "Part of the value is estimated from the value set per conversion or per lead.",
        "fr": "Une partie de la valeur est estimée à partir de la valeur fixée par conversion ou par prospect.",
    },
}

TEXTS.update({
    # ---------------------------------------------------------------- objectives
    "objectives.subtitle": {"en": "{workspace} · {current}", "fr": "{workspace} · {current}"},
    "objectives.other": {"en": "Other social", "fr": "Autres réseaux"},
    "objectives.unknown": {"en": "(unknown)", "fr": "(inconnue)"},
    "objectives.presence.intro": {
        "en": "Audience size, always read next to how much it engages and how often the brand is talked about.",
        "fr": "La taille de l’audience, toujours lue avec son engagement et la fréquence à laquelle on parle de la marque.",
    },
    "objectives.followers_by_platform": {"en": "Followers at the end of the period", "fr": "Abonnés à la fin de la période"},
    "objectives.engagement_rates": {"en": "Engagement rates by platform", "fr": "Taux d’engagement par plateforme"},
    "objectives.er_note": {
        "en": "By reach: engagements ÷ people reached. By followers: engagements ÷ followers at the end of the period. "
        "The two answer different questions, so both are shown.",
        "fr": "Sur la portée : interactions ÷ personnes atteintes. Sur les abonnés : interactions ÷ abonnés à la fin de la période. "
        "Les deux répondent à des questions différentes : les deux sont affichés.",
    },
    "objectives.per_post": {"en": "Reactions per post", "fr": "Réactions par publication"},
    "objectives.per_post.intro": {
        "en": "Avinash Kaushik’s three rates, over the posts published in the period.",
        "fr": "Les trois taux d’Avinash Kaushik, sur les publications de la période.",
    },
    "objectives.sov_chart": {"en": "Mentions of each tracked brand", "fr": "Mentions de chaque marque suivie"},
    "objectives.sentiment.intro": {
        "en": "How people talk about the brand: negative mentions are always shown beside the positive ones.",
        "fr": "Comment on parle de la marque : les mentions négatives sont toujours montrées à côté des positives.",
    },
    "objectives.sent_by_platform": {"en": "Tone of mentions by platform", "fr": "Ton des mentions par plateforme"},
    "objectives.sent_by_topic": {"en": "Tone of mentions by topic", "fr": "Ton des mentions par sujet"},
    "objectives.topic": {"en": "Topic", "fr": "Sujet"},
    "objectives.group": {"en": "Breakdown", "fr": "Ventilation"},
    "objectives.name": {"en": "Name", "fr": "Nom"},
    "objectives.no_mentions": {
        "en": "No mentions in this period. Import a listening export (Meltwater, Brandwatch, Talkwalker…) to follow sentiment.",
        "fr": "Aucune mention pour cette période. Importez un export d’écoute (Meltwater, Brandwatch, Talkwalker…) pour suivre le sentiment.",
    },
    "objectives.relationships.intro": {
        "en": "The people and organisations the brand connected with, where they came from and how far they went.",
        "fr": "Les personnes et organisations avec qui la marque a noué contact, d’où elles viennent et jusqu’où elles sont allées.",
    },
    "objectives.leads_by_source": {"en": "New leads by source", "fr": "Nouveaux prospects par source"},
    "objectives.leads_by_campaign": {"en": "New leads by campaign", "fr": "Nouveaux prospects par campagne"},
    "objectives.no_campaign_leads": {"en": "No lead of this period is tied to a campaign.", "fr": "Aucun prospect de la période n’est rattaché à une campagne."},
    "objectives.funnel": {
        "en": "How far the period’s new leads went (→ share reaching the next stage)",
        "fr": "Jusqu’où sont allés les nouveaux prospects (→ part passée à l’étape suivante)",
    },
    "objectives.funnel.note": {"en": "Lost along the way: {lost}.", "fr": "Perdus en route : {lost}."},
    "objectives.no_leads": {
        "en": "No new lead in this period. Import a CRM export (HubSpot, Salesforce or a simple CSV) to follow relationships.",
        "fr": "Aucun nouveau prospect pour cette période. Importez un export de CRM (HubSpot, Salesforce ou un simple CSV) pour suivre les relations.",
    },
    "objectives.traffic.intro": {
        "en": "Visits to the website that came from social networks, and what they led to.",
        "fr": "Les visites du site web venues des réseaux sociaux, et ce qu’elles ont donné.",
    },
    "objectives.traffic.line": {
        "en": "At most **{users}** users came from social · **{sessions}** sessions and at most **{all_users}** users in all "
        "(users are added up day by day: someone who comes back on several days is counted each day)",
        "fr": "Au plus **{users}** utilisateurs venus des réseaux · **{sessions}** sessions et au plus **{all_users}** utilisateurs "
        "au total (les utilisateurs sont additionnés jour par jour : une personne revenue plusieurs jours compte chaque jour)",
    },
    "objectives.social_by_platform": {"en": "Sessions from each social network", "fr": "Sessions venant de chaque réseau"},
    "objectives.traffic_by_campaign": {"en": "Sessions by campaign (UTM)", "fr": "Sessions par campagne (UTM)"},
    "objectives.sessions": {"en": "Sessions", "fr": "Sessions"},
    "objectives.users": {"en": "Users (at most)", "fr": "Utilisateurs (au plus)"},
    "objectives.conversions": {"en": "Conversions", "fr": "Conversions"},
    "objectives.revenue": {"en": "Revenue", "fr": "Revenus"},
    "objectives.campaign": {"en": "Campaign", "fr": "Campagne"},
    "objectives.no_traffic": {
        "en": "No website traffic in this period. Import a Google Analytics 4 report to follow traffic from social.",
        "fr": "Aucun trafic web pour cette période. Importez un rapport Google Analytics 4 pour suivre le trafic venu des réseaux.",
    },
})

TEXTS.update({
    # ---------------------------------------------------------------- trends
    "trends.intro": {
        "en": "Any metric over time. Shaded bands are campaigns, dotted lines are actions from the journal.",
        "fr": "N’importe quel indicateur dans le temps. Les bandes colorées sont les campagnes, les lignes pointillées les actions du journal.",
    },
    "trends.metric": {"en": "Metric", "fr": "Indicateur"},
    "trends.freq": {"en": "One point per", "fr": "Un point par"},
    "trends.freq.week": {"en": "Week", "fr": "Semaine"},
    "trends.freq.month": {"en": "Month", "fr": "Mois"},
    "trends.range": {"en": "Over", "fr": "Sur"},
    "trends.range.3m": {"en": "3 months", "fr": "3 mois"},
    "trends.range.6m": {"en": "6 months", "fr": "6 mois"},
    "trends.range.12m": {"en": "12 months", "fr": "12 mois"},
    "trends.range.24m": {"en": "24 months", "fr": "24 mois"},
    "trends.rolling": {"en": "Rolling average", "fr": "Moyenne mobile"},
    "trends.rolling.help": {
        "en": "Smooths the line: each point is the mean of the last 4 weeks (or 3 months).",
        "fr": "Lisse la courbe : chaque point est la moyenne des 4 dernières semaines (ou des 3 derniers mois).",
    },
    "trends.rolling.name": {"en": "Rolling average ({n} points)", "fr": "Moyenne mobile ({n} points)"},
    "trends.actual": {"en": "Actual", "fr": "Valeur réelle"},
    "trends.split": {"en": "One line per platform", "fr": "Une courbe par plateforme"},
    "trends.split.help": {"en": "Split the metric by social network.", "fr": "Ventiler l’indicateur par réseau social."},
    "trends.no_split": {
        "en": "This metric has no breakdown by platform.",
        "fr": "Cet indicateur ne se ventile pas par plateforme.",
    },
    "trends.computing": {"en": "Computing the series…", "fr": "Calcul de la série…"},
    "trends.campaigns": {"en": "Campaigns", "fr": "Campagnes"},
    "trends.actions": {"en": "Actions from the journal", "fr": "Actions du journal"},
    "trends.legend": {
        "en": "Each point is the mean of the last {n} periods. Hover a triangle for a campaign, a diamond for an action.",
        "fr": "Chaque point est la moyenne des {n} dernières périodes. Survolez un triangle pour une campagne, un losange pour une action.",
    },
    "trends.legend.plain": {
        "en": "Hover a triangle for a campaign, a diamond for an action.",
        "fr": "Survolez un triangle pour une campagne, un losange pour une action.",
    },
    "trends.summary.week": {
        "en": "{metric}: {first} in the first week shown ({since}), {last} in the last one. Best week: {best} ({best_date}).",
        "fr": "{metric} : {first} la première semaine affichée ({since}), {last} la dernière. Meilleure semaine : {best} ({best_date}).",
    },
    "trends.summary.month": {
        "en": "{metric}: {first} in the first month shown ({since}), {last} in the last one. Best month: {best} ({best_date}).",
        "fr": "{metric} : {first} le premier mois affiché ({since}), {last} le dernier. Meilleur mois : {best} ({best_date}).",
    },
    "trends.spikes": {"en": "Spikes in mentions", "fr": "Pics de mentions"},
    "trends.spike": {
        "en": "{date}: {n} mentions in a day, against about {base} usually.",
        "fr": "{date} : {n} mentions en une journée, contre environ {base} d’habitude.",
    },
    "trends.spike.one": {"en": "{date}: {n} mention in a day, against about {base} usually.", "fr": "{date} : {n} mention en une journée, contre environ {base} d’habitude."},
    "trends.spike.crisis": {
        "en": "{date}: {n} mentions in a day, against about {base} usually, {share} of them negative — a possible crisis.",
        "fr": "{date} : {n} mentions en une journée, contre environ {base} d’habitude, dont {share} négatives — une crise possible.",
    },
    "trends.table": {"en": "Values of the chart", "fr": "Valeurs du graphique"},
})

TEXTS.update({
    # ---------------------------------------------------------------- goals
    "goals.intro": {
        "en": "SMART goals: a metric, a baseline, a target and a deadline. Judged with the data up to {date}.",
        "fr": "Des cibles SMART : un indicateur, un point de départ, une valeur visée et une échéance. Évaluées avec les données jusqu’au {date}.",
    },
    "goals.none": {
        "en": "No goal yet. Add one per objective: it is how the dashboard can say whether you are on track.",
        "fr": "Aucune cible pour l’instant. Ajoutez-en une par objectif : c’est ainsi que le tableau de bord peut dire si vous êtes en bonne voie.",
    },
    "goals.new": {"en": "New goal", "fr": "Nouvelle cible"},
    "goals.new.title": {"en": "New goal", "fr": "Nouvelle cible"},
    "goals.edit.title": {"en": "Edit the goal", "fr": "Modifier la cible"},
    "goals.smart": {
        "en": "Specific (one metric, one scope), measurable (a baseline and a target), achievable and realistic "
        "(compared with what you have already done), time-bound (a start and a deadline).",
        "fr": "Spécifique (un indicateur, un périmètre), mesurable (un point de départ et une valeur visée), atteignable et réaliste "
        "(comparée à ce que vous avez déjà accompli), temporellement définie (un début et une échéance).",
    },
    "goals.f.objective": {"en": "Objective", "fr": "Objectif"},
    "goals.f.metric": {"en": "Metric", "fr": "Indicateur"},
    "goals.f.platform": {"en": "Platform", "fr": "Plateforme"},
    "goals.f.campaign": {"en": "Campaign", "fr": "Campagne"},
    "goals.f.period": {"en": "Followed per", "fr": "Suivi par"},
    "goals.f.period.help": {
        "en": "For counts (mentions, sessions…) the baseline and the target are per week or per month.",
        "fr": "Pour les volumes (mentions, sessions…), le point de départ et la valeur visée s’entendent par semaine ou par mois.",
    },
    "goals.f.baseline": {"en": "Baseline", "fr": "Point de départ"},
    "goals.f.target": {"en": "Target", "fr": "Valeur visée"},
    "goals.f.kind.stock": {
        "en": "A level at a given moment (e.g. followers at the end of a week).",
        "fr": "Un niveau à un moment donné (p. ex. les abonnés à la fin d’une semaine).",
    },
    "goals.f.kind.flow": {
        "en": "A value per week or per month, as chosen in “Followed per”.",
        "fr": "Une valeur par semaine ou par mois, selon le choix « Suivi par ».",
    },
    "goals.f.start": {"en": "Start", "fr": "Début"},
    "goals.f.deadline": {"en": "Deadline", "fr": "Échéance"},
    "goals.f.owner": {"en": "Owner", "fr": "Responsable"},
    "goals.hint.week": {
        "en": "From your data: last complete week {last}; best week of the past year {best}.",
        "fr": "D’après vos données : dernière semaine complète {last}; meilleure semaine de l’année écoulée {best}.",
    },
    "goals.hint.month": {
        "en": "From your data: last complete month {last}; best month of the past year {best}.",
        "fr": "D’après vos données : dernier mois complet {last}; meilleur mois de l’année écoulée {best}.",
    },
    "goals.save": {"en": "Save the goal", "fr": "Enregistrer la cible"},
    "goals.save_anyway": {"en": "Save it anyway", "fr": "Enregistrer quand même"},
    "goals.refused": {
        "en": "This goal cannot be saved yet:",
        "fr": "Cette cible ne peut pas encore être enregistrée :",
    },
    "goals.warned": {
        "en": "Before saving, note:",
        "fr": "Avant d’enregistrer, notez ceci :",
    },
    "goals.saved": {"en": "Goal saved: {metric}.", "fr": "Cible enregistrée : {metric}."},
    "goals.deleted": {"en": "Goal deleted: {metric}.", "fr": "Cible supprimée : {metric}."},
    "goals.scope.all": {"en": "all platforms", "fr": "toutes plateformes"},
    "goals.scope.all_platforms": {"en": "All platforms", "fr": "Toutes les plateformes"},
    "goals.scope.all_campaigns": {"en": "All campaigns", "fr": "Toutes les campagnes"},
    "goals.line.week": {
        "en": "{objective} · followed weekly · from {start} to {deadline} · owner: {owner}",
        "fr": "{objective} · suivi hebdomadaire · du {start} au {deadline} · responsable : {owner}",
    },
    "goals.line.month": {
        "en": "{objective} · followed monthly · from {start} to {deadline} · owner: {owner}",
        "fr": "{objective} · suivi mensuel · du {start} au {deadline} · responsable : {owner}",
    },
    "goals.nobody": {"en": "not set", "fr": "non désigné"},
    "goals.baseline": {"en": "Baseline", "fr": "Point de départ"},
    "goals.current": {"en": "Now", "fr": "Actuellement"},
    "goals.current.at": {"en": "Now ({period})", "fr": "Actuellement ({period})"},
    "goals.target": {"en": "Target", "fr": "Valeur visée"},
    "goals.projection": {"en": "Projected at the deadline", "fr": "Projection à l’échéance"},
    "goals.projection.help": {
        "en": "Straight line through the last 8 weeks or months since the goal started, read at the deadline.",
        "fr": "Droite tracée sur les 8 dernières semaines ou les 8 derniers mois depuis le début de la cible, lue à l’échéance.",
    },
    "goals.progress": {
        "en": "{done} of the way · {elapsed} of the time elapsed",
        "fr": "{done} du chemin parcouru · {elapsed} du temps écoulé",
    },
    "goals.status_text.on_track": {
        "en": "At the current pace the goal will be reached ({pct} of the way by the deadline).",
        "fr": "Au rythme actuel, la cible sera atteinte ({pct} du chemin à l’échéance).",
    },
    "goals.status_text.at_risk": {
        "en": "At the current pace the goal will be narrowly missed ({pct} of the way by the deadline).",
        "fr": "Au rythme actuel, la cible sera manquée de peu ({pct} du chemin à l’échéance).",
    },
    "goals.status_text.off_track": {
        "en": "At the current pace the goal will be missed ({pct} of the way by the deadline): change something.",
        "fr": "Au rythme actuel, la cible sera manquée ({pct} du chemin à l’échéance) : il faut changer quelque chose.",
    },
    "goals.status_text.ahead_but_slowing": {
        "en": "Above target in the last period, but the recent trend points down ({pct} of the way by the deadline if it goes on).",
        "fr": "Au-dessus de la cible sur la dernière période, mais la tendance récente est à la baisse ({pct} du chemin à l’échéance si elle se poursuit).",
    },
    "goals.chart.actual": {"en": "Actual", "fr": "Réel"},
    "goals.chart.target": {"en": "Target", "fr": "Valeur visée"},
    "goals.chart.projection": {"en": "Projection", "fr": "Projection"},
    "goals.edit": {"en": "Edit", "fr": "Modifier"},
    "goals.delete": {"en": "Delete", "fr": "Supprimer"},
    "goals.delete.confirm": {"en": "Delete the goal “{metric}”? This cannot be undone.", "fr": "Supprimer la cible « {metric} » ? C’est définitif."},
    "goals.delete.yes": {"en": "Yes, delete it", "fr": "Oui, supprimer"},
})
