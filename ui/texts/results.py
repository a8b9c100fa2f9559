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
    "overview.empty": {
        "en": "This workspace holds no data yet. Import platform exports on the Import page to see where each objective stands.",
        "fr": "Cet espace de travail ne contient pas encore de données. Importez des exports de plateformes dans la page Importer "
        "pour voir où en est chaque objectif.",
    },
    "overview.vs.week": {"en": "vs previous week", "fr": "par rapport à la semaine précédente"},
    "overview.vs.month": {"en": "vs previous month", "fr": "par rapport au mois précédent"},
    "overview.vs.quarter": {"en": "vs previous quarter", "fr": "par rapport au trimestre précédent"},
    "overview.vs.custom": {"en": "vs previous period", "fr": "par rapport à la période précédente"},
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
