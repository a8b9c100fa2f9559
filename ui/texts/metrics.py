"""Words for what the metrics library emits as codes: metric ids (label + help), objectives,
goal statuses, goal validation issues, SMART criteria, ROI reasons and value bases, funnel stages."""

TEXTS = {
    # ---------------------------------------------------------------- objectives
    "metrics.objective.presence": {"en": "Presence", "fr": "Présence"},
    "metrics.objective.sentiment": {"en": "Sentiment", "fr": "Sentiment"},
    "metrics.objective.relationships": {"en": "Relationships", "fr": "Relations"},
    "metrics.objective.traffic": {"en": "Traffic", "fr": "Trafic"},
    "metrics.objective.roi": {"en": "Return on investment", "fr": "Retour sur investissement"},
    # ---------------------------------------------------------------- registry metrics
    "metrics.followers": {"en": "Followers", "fr": "Abonnés"},
    "metrics.followers.help": {
        "en": "Followers or fans at the end of the period, all accounts added up. On its own it says little: read it next to engagement.",
        "fr": "Abonnés ou fans à la fin de la période, tous comptes additionnés. Seul, ce chiffre dit peu de chose : lisez-le avec l’engagement.",
    },
    "metrics.new_followers": {"en": "New followers (net)", "fr": "Nouveaux abonnés (net)"},
    "metrics.new_followers.help": {
        "en": "Followers gained minus followers lost during the period.",
        "fr": "Abonnés gagnés moins abonnés perdus pendant la période.",
    },
    "metrics.follower_growth_rate": {"en": "Follower growth", "fr": "Croissance des abonnés"},
    "metrics.follower_growth_rate.help": {
        "en": "Net new followers divided by the followers at the start of the period.",
        "fr": "Nouveaux abonnés nets divisés par le nombre d’abonnés au début de la période.",
    },
    "metrics.mentions": {"en": "Mentions", "fr": "Mentions"},
    "metrics.mentions.help": {
        "en": "Times the brand was named in blogs, forums, news and social networks (listening data).",
        "fr": "Nombre de fois où la marque a été citée dans les blogues, forums, médias et réseaux sociaux (données d’écoute).",
    },
    "metrics.comments": {"en": "Comments", "fr": "Commentaires"},
    "metrics.comments.help": {
        "en": "Comments received on the brand’s own posts.",
        "fr": "Commentaires reçus sur les publications de la marque.",
    },
    "metrics.impressions": {"en": "Impressions", "fr": "Impressions"},
    "metrics.impressions.help": {
        "en": "Times the brand’s content was displayed.",
        "fr": "Nombre d’affichages des contenus de la marque.",
    },
    "metrics.engagements": {"en": "Engagements", "fr": "Interactions"},
    "metrics.engagements.help": {
        "en": "Reactions, comments, shares and clicks on the brand’s content.",
        "fr": "Réactions, commentaires, partages et clics sur les contenus de la marque.",
    },
    "metrics.engagement_rate_reach": {"en": "Engagement rate (by reach)", "fr": "Taux d’engagement (sur la portée)"},
    "metrics.engagement_rate_reach.help": {
        "en": "Engagements divided by the people reached: how much the content moved those who saw it.",
        "fr": "Interactions divisées par les personnes atteintes : à quel point le contenu a fait réagir ceux qui l’ont vu.",
    },
    "metrics.engagement_rate_followers": {"en": "Engagement rate (by followers)", "fr": "Taux d’engagement (sur les abonnés)"},
    "metrics.engagement_rate_followers.help": {
        "en": "Engagements in the period divided by the followers at its end: how active the audience is.",
        "fr": "Interactions de la période divisées par les abonnés à la fin de celle-ci : à quel point l’audience est active.",
    },
    "metrics.share_of_voice": {"en": "Share of voice", "fr": "Part de voix"},
    "metrics.share_of_voice.help": {
        "en": "The brand’s mentions as a share of the mentions of every tracked brand (the brand and its competitors).",
        "fr": "Les mentions de la marque rapportées à celles de toutes les marques suivies (la marque et ses concurrents).",
    },
    "metrics.positive": {"en": "Positive mentions", "fr": "Mentions positives"},
    "metrics.positive.help": {"en": "Mentions whose tone is positive.", "fr": "Mentions au ton positif."},
    "metrics.neutral": {"en": "Neutral mentions", "fr": "Mentions neutres"},
    "metrics.neutral.help": {"en": "Mentions with neither a positive nor a negative tone.", "fr": "Mentions ni positives ni négatives."},
    "metrics.negative": {"en": "Negative mentions", "fr": "Mentions négatives"},
    "metrics.negative.help": {"en": "Mentions whose tone is negative.", "fr": "Mentions au ton négatif."},
    "metrics.pos_neg_ratio": {"en": "Positive-to-negative ratio", "fr": "Ratio positif / négatif"},
    "metrics.pos_neg_ratio.help": {
        "en": "Positive mentions for each negative one. Above 1, praise outweighs criticism.",
        "fr": "Nombre de mentions positives pour une négative. Au-dessus de 1, les éloges l’emportent sur les critiques.",
    },
    "metrics.net_sentiment": {"en": "Net sentiment (neutral excluded)", "fr": "Sentiment net (neutres exclues)"},
    "metrics.net_sentiment.help": {
        "en": "(positive − negative) ÷ (positive + negative). Neutral mentions are left out. From −100 % to +100 %.",
        "fr": "(positives − négatives) ÷ (positives + négatives). Les mentions neutres sont écartées. De −100 % à +100 %.",
    },
    "metrics.new_leads": {"en": "New leads", "fr": "Nouveaux prospects"},
    "metrics.new_leads.help": {
        "en": "New contacts and leads recorded in the period (partners, vendors, speakers, customers).",
        "fr": "Nouveaux contacts et prospects enregistrés pendant la période (partenaires, fournisseurs, conférenciers, clients).",
    },
    "metrics.lead_value": {"en": "Lead value", "fr": "Valeur des prospects"},
    "metrics.lead_value.help": {
        "en": "Sum of the values recorded on the period’s new leads.",
        "fr": "Somme des valeurs inscrites sur les nouveaux prospects de la période.",
    },
    "metrics.sessions": {"en": "Website sessions (all)", "fr": "Sessions du site (toutes)"},
    "metrics.sessions.help": {"en": "Visits to the website, from every source.", "fr": "Visites du site web, toutes sources confondues."},
    "metrics.social_sessions": {"en": "Sessions from social", "fr": "Sessions venant des réseaux"},
    "metrics.social_sessions.help": {
        "en": "Website visits that came from a social network.",
        "fr": "Visites du site web arrivées depuis un réseau social.",
    },
    "metrics.social_share": {"en": "Social share of sessions", "fr": "Part sociale des sessions"},
    "metrics.social_share.help": {
        "en": "Sessions from social networks divided by all sessions.",
        "fr": "Sessions venant des réseaux sociaux divisées par l’ensemble des sessions.",
    },
    "metrics.conversions": {"en": "Conversions from social", "fr": "Conversions venant des réseaux"},
    "metrics.conversions.help": {
        "en": "Goals completed on the website (bookings, sign-ups…) during visits that came from social networks.",
        "fr": "Objectifs atteints sur le site (réservations, inscriptions…) lors de visites venues des réseaux sociaux.",
    },
    "metrics.revenue": {"en": "Revenue from social", "fr": "Revenus venant des réseaux"},
    "metrics.revenue.help": {
        "en": "Revenue recorded by the website analytics for visits that came from social networks.",
        "fr": "Revenus enregistrés par l’outil d’analyse du site pour les visites venues des réseaux sociaux.",
    },
    "metrics.cost": {"en": "Cost", "fr": "Coût"},
    "metrics.cost.help": {
        "en": "Ad spend, staff time, tools and agency fees for social media, in the workspace currency.",
        "fr": "Publicité, temps du personnel, outils et honoraires d’agence pour les réseaux sociaux, dans la devise de l’espace.",
    },
    "metrics.value": {"en": "Value obtained", "fr": "Valeur obtenue"},
    "metrics.value.help": {
        "en": "Measured revenue plus the estimated value of conversions and leads.",
        "fr": "Revenus mesurés plus la valeur estimée des conversions et des prospects.",
    },
    "metrics.roi": {"en": "Return on investment", "fr": "Retour sur investissement"},
    "metrics.roi.help": {
        "en": "(value obtained − cost) ÷ cost. +50 % means each dollar spent brought back $1.50.",
        "fr": "(valeur obtenue − coût) ÷ coût. +50 % signifie que chaque dollar dépensé en a rapporté 1,50.",
    },
    # ---------------------------------------------------------------- other summary figures
    "metrics.users": {"en": "Website users (all)", "fr": "Utilisateurs du site (tous)"},
    "metrics.social_users": {"en": "Users from social", "fr": "Utilisateurs venant des réseaux"},
    "metrics.conversation_rate": {"en": "Conversation (comments per post)", "fr": "Conversation (commentaires par publication)"},
    "metrics.conversation_rate.help": {
        "en": "Comments divided by the number of posts published in the period.",
        "fr": "Commentaires divisés par le nombre de publications de la période.",
    },
    "metrics.amplification_rate": {"en": "Amplification (shares per post)", "fr": "Amplification (partages par publication)"},
    "metrics.amplification_rate.help": {
        "en": "Shares divided by the number of posts published in the period.",
        "fr": "Partages divisés par le nombre de publications de la période.",
    },
    "metrics.applause_rate": {"en": "Applause (likes per post)", "fr": "Approbation (mentions J’aime par publication)"},
    "metrics.applause_rate.help": {
        "en": "Likes and reactions divided by the number of posts published in the period.",
        "fr": "Mentions J’aime et réactions divisées par le nombre de publications de la période.",
    },
    "metrics.roas": {"en": "Revenue per ad dollar", "fr": "Revenus par dollar de publicité"},
    "metrics.cpl": {"en": "Cost per lead", "fr": "Coût par prospect"},
    "metrics.cpa": {"en": "Cost per conversion", "fr": "Coût par conversion"},
    "metrics.users.help": {"en": "Distinct visitors of the website.", "fr": "Visiteurs distincts du site web."},
    # ---------------------------------------------------------------- goal statuses
    "metrics.status.not_started": {"en": "Not started", "fr": "Pas commencé"},
    "metrics.status.no_data": {"en": "No data", "fr": "Aucune donnée"},
    "metrics.status.too_early": {"en": "Too early to tell", "fr": "Trop tôt pour juger"},
    "metrics.status.on_track": {"en": "On track", "fr": "En bonne voie"},
    "metrics.status.at_risk": {"en": "At risk", "fr": "À risque"},
    "metrics.status.off_track": {"en": "Off track", "fr": "En retard"},
    "metrics.status.achieved": {"en": "Achieved", "fr": "Atteint"},
    "metrics.status.missed": {"en": "Missed", "fr": "Manqué"},
    "metrics.status.invalid": {"en": "Needs fixing", "fr": "À corriger"},
    # ---------------------------------------------------------------- SMART criteria
    "metrics.criterion.specific": {"en": "Specific", "fr": "Spécifique"},
    "metrics.criterion.measurable": {"en": "Measurable", "fr": "Mesurable"},
    "metrics.criterion.time_bound": {"en": "Time-bound", "fr": "Temporellement défini"},
    "metrics.criterion.realistic": {"en": "Realistic", "fr": "Réaliste"},
    # ---------------------------------------------------------------- goal issues
    "metrics.issue.missing_metric": {"en": "Choose the metric the goal is about.", "fr": "Choisissez l’indicateur visé par la cible."},
    "metrics.issue.unknown_metric": {"en": "“{metric}” is not a metric Boussole knows.", "fr": "« {metric} » n’est pas un indicateur connu de Boussole."},
    "metrics.issue.unknown_platform": {"en": "“{platform}” is not a known platform.", "fr": "« {platform} » n’est pas une plateforme connue."},
    "metrics.issue.scope_not_supported": {
        "en": "{metric} cannot be broken down by {scope}: remove that filter.",
        "fr": "{metric} ne peut pas être ventilé par {scope} : retirez ce filtre.",
    },
    "metrics.issue.metric_not_in_data": {
        "en": "{metric} cannot be measured yet: import {tables} first.",
        "fr": "{metric} n’est pas encore mesurable : importez d’abord {tables}.",
    },
    "metrics.issue.missing_baseline": {"en": "Enter the baseline (where you start from).", "fr": "Indiquez le point de départ (la valeur initiale)."},
    "metrics.issue.missing_target": {"en": "Enter the target value.", "fr": "Indiquez la valeur visée."},
    "metrics.issue.target_equals_baseline": {
        "en": "The target equals the baseline: there is nothing to achieve.",
        "fr": "La valeur visée est égale au point de départ : il n’y a rien à accomplir.",
    },
    "metrics.issue.missing_start": {"en": "Enter the start date.", "fr": "Indiquez la date de début."},
    "metrics.issue.missing_deadline": {"en": "Enter the deadline.", "fr": "Indiquez l’échéance."},
    "metrics.issue.deadline_not_after_start": {
        "en": "The deadline must come after the start date.",
        "fr": "L’échéance doit être postérieure à la date de début.",
    },
    "metrics.issue.deadline_passed": {"en": "The deadline has passed.", "fr": "L’échéance est dépassée."},
    "metrics.issue.objective_mismatch": {
        "en": "This metric usually measures the “{expected}” objective.",
        "fr": "Cet indicateur mesure habituellement l’objectif « {expected} ».",
    },
    "metrics.issue.unrealistic.week": {
        "en": "Probably unrealistic: it needs {factor}× the best week ever observed ({needed} needed, best so far {best}).",
        "fr": "Probablement irréaliste : il faut {factor} fois la meilleure semaine jamais observée ({needed} nécessaires, record actuel {best}).",
    },
    "metrics.issue.unrealistic.month": {
        "en": "Probably unrealistic: it needs {factor}× the best month ever observed ({needed} needed, best so far {best}).",
        "fr": "Probablement irréaliste : il faut {factor} fois le meilleur mois jamais observé ({needed} nécessaires, record actuel {best}).",
    },
    "metrics.issue.unrealistic_no_best.week": {
        "en": "Probably unrealistic: no week so far has moved in that direction ({needed} needed per week).",
        "fr": "Probablement irréaliste : aucune semaine n’a encore évolué dans ce sens ({needed} nécessaires par semaine).",
    },
    "metrics.issue.unrealistic_no_best.month": {
        "en": "Probably unrealistic: no month so far has moved in that direction ({needed} needed per month).",
        "fr": "Probablement irréaliste : aucun mois n’a encore évolué dans ce sens ({needed} nécessaires par mois).",
    },
    "metrics.issue.followers_only": {
        "en": "Every goal is a follower count. Add a goal on engagement, sentiment, leads or traffic: followers alone do not show results.",
        "fr": "Toutes les cibles portent sur les abonnés. Ajoutez-en une sur l’engagement, le sentiment, les prospects ou le trafic : "
        "les abonnés seuls ne montrent pas de résultats.",
    },
    "metrics.issue.objective_uncovered": {"en": "No goal yet for the “{objective}” objective.", "fr": "Aucune cible pour l’objectif « {objective} »."},
    "metrics.scope.platform": {"en": "platform", "fr": "plateforme"},
    "metrics.scope.campaign": {"en": "campaign", "fr": "campagne"},
    # ---------------------------------------------------------------- ROI reasons and bases
    "metrics.reason.no_cost": {"en": "no cost recorded for this period", "fr": "aucun coût enregistré pour cette période"},
    "metrics.reason.zero_cost": {"en": "the recorded cost is zero", "fr": "le coût enregistré est nul"},
    "metrics.reason.unknown_currency": {
        "en": "a cost is in a currency without an exchange rate (set it in the workspace settings)",
        "fr": "un coût est dans une devise sans taux de change (à saisir dans les paramètres de l’espace)",
    },
    "metrics.reason.no_value": {
        "en": "no revenue, valued conversions or valued leads in this period",
        "fr": "aucun revenu, aucune conversion ni aucun prospect valorisés pour cette période",
    },
    "metrics.reason.no_ad_cost": {"en": "no ad spend recorded", "fr": "aucune dépense publicitaire enregistrée"},
    "metrics.reason.no_revenue": {"en": "no revenue recorded", "fr": "aucun revenu enregistré"},
    "metrics.reason.no_leads": {"en": "no leads in this period", "fr": "aucun prospect pour cette période"},
    "metrics.reason.no_conversions": {"en": "no conversions in this period", "fr": "aucune conversion pour cette période"},
    "metrics.reason.no_clicks": {"en": "no ad clicks recorded", "fr": "aucun clic publicitaire enregistré"},
    "metrics.reason.no_impressions": {"en": "no ad impressions recorded", "fr": "aucune impression publicitaire enregistrée"},
    "metrics.basis.measured": {"en": "measured", "fr": "mesurée"},
    "metrics.basis.estimated": {"en": "estimated", "fr": "estimée"},
    "metrics.basis.mixed": {"en": "partly estimated", "fr": "en partie estimée"},
    # ---------------------------------------------------------------- funnel stages
    "metrics.stage.new": {"en": "New", "fr": "Nouveau"},
    "metrics.stage.contacted": {"en": "Contacted", "fr": "Contacté"},
    "metrics.stage.qualified": {"en": "Qualified", "fr": "Qualifié"},
    "metrics.stage.won": {"en": "Won", "fr": "Gagné"},
    "metrics.stage.lost": {"en": "Lost", "fr": "Perdu"},
    # sentiment labels
    "metrics.sentiment.positive": {"en": "Positive", "fr": "Positif"},
    "metrics.sentiment.neutral": {"en": "Neutral", "fr": "Neutre"},
    "metrics.sentiment.negative": {"en": "Negative", "fr": "Négatif"},
}
