"""Texts of the loop page: analyse (insights), adapt (action journal), improve (before/after)."""

TEXTS = {
    "loop.subtitle": {
        "en": "Analyse what moved, decide what to change, check whether it worked — {period}.",
        "fr": "Analyser ce qui a bougé, décider quoi changer, vérifier si cela a marché — {period}.",
    },
    "loop.tab.analyse": {"en": "Analyse", "fr": "Analyser"},
    "loop.tab.adapt": {"en": "Adapt", "fr": "Adapter"},
    "loop.tab.improve": {"en": "Improve", "fr": "Améliorer"},
    "loop.loading": {"en": "Reading the data…", "fr": "Lecture des données…"},
    # ---------------------------------------------------------------- analyse: campaigns
    "loop.campaigns": {"en": "Campaigns: what paid off", "fr": "Campagnes : ce qui a rapporté"},
    "loop.campaigns.best": {
        "en": "Best return: **{name}**, ROI {roi} ({value} of value for {cost} spent).",
        "fr": "Meilleur rendement : **{name}**, RSI {roi} ({value} de valeur pour {cost} dépensés).",
    },
    "loop.campaigns.worst": {
        "en": "Weakest return: **{name}**, ROI {roi} ({value} of value for {cost} spent).",
        "fr": "Rendement le plus faible : **{name}**, RSI {roi} ({value} de valeur pour {cost} dépensés).",
    },
    "loop.campaigns.none": {
        "en": "No campaign with both a cost and a value in this period, so no ROI to compare.",
        "fr": "Aucune campagne avec à la fois un coût et une valeur sur cette période : pas de RSI à comparer.",
    },
    "loop.campaigns.fallback": {
        "en": "No campaign has both a cost and a value in this period; here are the 12 months from {start} to {end}.",
        "fr": "Aucune campagne n’a à la fois un coût et une valeur sur cette période ; voici les 12 mois du {start} au {end}.",
    },
    "loop.campaigns.axis": {"en": "ROI", "fr": "RSI"},
    "loop.campaigns.estimate": {
        "en": "value includes conversions and leads valued at the amounts set per campaign.",
        "fr": "la valeur comprend des conversions et des prospects évalués aux montants fixés par campagne.",
    },
    # ---------------------------------------------------------------- analyse: outperformers
    "loop.outperf": {"en": "Posts that outperformed", "fr": "Publications qui ont surperformé"},
    "loop.outperf.rule": {
        "en": "Rule: a post outperforms when its engagements reach at least {factor} times the median of its account’s posts over the 12 months up to {end}.",
        "fr": "Règle : une publication surperforme quand ses interactions atteignent au moins {factor} fois la médiane des publications de son compte sur les 12 mois jusqu’au {end}.",
    },
    "loop.outperf.count": {
        "en": "{n} posts of this period outperformed; the strongest: {platform}, {date}, {ratio} its account’s median ({eng} engagements).",
        "fr": "{n} publications de la période ont surperformé ; la plus forte : {platform}, {date}, {ratio} la médiane de son compte ({eng} interactions).",
    },
    "loop.outperf.count.one": {
        "en": "{n} post of this period outperformed: {platform}, {date}, {ratio} its account’s median ({eng} engagements).",
        "fr": "{n} publication de la période a surperformé : {platform}, {date}, {ratio} la médiane de son compte ({eng} interactions).",
    },
    "loop.outperf.none": {
        "en": "No post of this period outperformed. The latest ones over the past 12 months are marked on the chart ({n}).",
        "fr": "Aucune publication de la période n’a surperformé. Les plus récentes des 12 derniers mois sont marquées sur le graphique ({n}).",
    },
    "loop.outperf.axis": {"en": "Engagements ÷ account median", "fr": "Interactions ÷ médiane du compte"},
    "loop.outperf.others": {"en": "Other posts", "fr": "Autres publications"},
    "loop.outperf.winners": {"en": "Outperformed", "fr": "Ont surperformé"},
    "loop.outperf.threshold": {"en": "threshold ×{factor}", "fr": "seuil ×{factor}"},
    "loop.times": {"en": "×{n}", "fr": "×{n}"},
    # ---------------------------------------------------------------- analyse: timing
    "loop.timing": {"en": "When posting pays off, and when it is useless", "fr": "Quand publier rapporte, et quand c’est inutile"},
    "loop.timing.rule": {
        "en": "Each post’s engagement rate is divided by its account’s usual rate (1 = as usual), then the median is taken per day and time slot ({tz} time), over the 12 months up to {end}. "
        "Each cell shows that median and, below it, its number of posts. Cells with fewer than {min} posts are greyed and never ranked: a slot of two posts proves nothing.",
        "fr": "Le taux d’interaction de chaque publication est divisé par le taux habituel de son compte (1 = comme d’habitude), puis on prend la médiane par jour et créneau (heure de {tz}), sur les 12 mois jusqu’au {end}. "
        "Chaque case montre cette médiane et, dessous, son nombre de publications. Les cases de moins de {min} publications sont grisées et jamais classées : un créneau de deux publications ne prouve rien.",
    },
    "loop.timing.cell": {"en": "Time slot", "fr": "Créneau"},
    "loop.timing.hours": {"en": "{n} h", "fr": "{n} h"},
    "loop.timing.best": {
        "en": "Best slots: {slots}.",
        "fr": "Meilleurs créneaux : {slots}.",
    },
    "loop.timing.best.none": {
        "en": "No slot stands out (none reaches 1.2 times the usual rate with enough posts).",
        "fr": "Aucun créneau ne se détache (aucun n’atteint 1,2 fois le taux habituel avec assez de publications).",
    },
    "loop.timing.useless": {
        "en": "Posting is close to useless on: {slots}.",
        "fr": "Publier est presque inutile : {slots}.",
    },
    "loop.timing.useless.none": {
        "en": "No slot with enough posts is clearly useless (60 % of the usual rate or less).",
        "fr": "Aucun créneau avec assez de publications n’est clairement inutile (60 % du taux habituel ou moins).",
    },
    "loop.timing.slot": {"en": "{day} {start}–{end} h ({value}, {n} posts)", "fr": "{day} {start} h–{end} h ({value}, {n} publications)"},
    "loop.timing.slot.one": {"en": "{day} {start}–{end} h ({value}, {n} post)", "fr": "{day} {start} h–{end} h ({value}, {n} publication)"},
    "loop.timing.too_few": {
        "en": "{n} of {cells} slots have too few posts to judge (greyed).",
        "fr": "{n} créneaux sur {cells} ont trop peu de publications pour en juger (grisés).",
    },
    "loop.timing.scale": {"en": "× usual rate", "fr": "× taux habituel"},
    "loop.timing.hover": {
        "en": "%{y} %{x}<br>%{customdata[0]} posts<br>median %{customdata[1]}",
        "fr": "%{y} %{x}<br>%{customdata[0]} publications<br>médiane %{customdata[1]}",
    },
    "loop.timing.hover.few": {
        "en": "%{y} %{x}<br>%{customdata[0]} posts: too few to judge",
        "fr": "%{y} %{x}<br>%{customdata[0]} publications : trop peu pour juger",
    },
    "loop.timing.none": {"en": "No post with engagement figures in the last 12 months.", "fr": "Aucune publication avec des interactions ces 12 derniers mois."},
    # ---------------------------------------------------------------- analyse: sentiment
    "loop.sentiment": {"en": "Sentiment", "fr": "Sentiment"},
    "loop.sentiment.up": {
        "en": "Net sentiment improved: {now} against {before} the period before ({delta}).",
        "fr": "Le sentiment net s’est amélioré : {now} contre {before} la période précédente ({delta}).",
    },
    "loop.sentiment.down": {
        "en": "Net sentiment worsened: {now} against {before} the period before ({delta}); negative mentions {neg_now} (before: {neg_before}).",
        "fr": "Le sentiment net s’est dégradé : {now} contre {before} la période précédente ({delta}) ; mentions négatives {neg_now} (avant : {neg_before}).",
    },
    "loop.sentiment.flat": {
        "en": "No real shift in net sentiment: {now} against {before} the period before.",
        "fr": "Pas de vrai changement du sentiment net : {now} contre {before} la période précédente.",
    },
    "loop.sentiment.none": {"en": "No sentiment data for this period.", "fr": "Aucune donnée de sentiment pour cette période."},
    "loop.sentiment.period": {"en": "This period", "fr": "Cette période"},
    # ---------------------------------------------------------------- analyse: goals
    "loop.goals": {"en": "Objectives off track", "fr": "Objectifs qui dérapent"},
    "loop.goals.item": {
        "en": "**{metric}{scope}** is {status}: {current} now, target {target} by {deadline}.",
        "fr": "**{metric}{scope}** : {status} — {current} aujourd’hui, cible {target} d’ici le {deadline}.",
    },
    "loop.goals.none": {"en": "Every goal is on track or achieved.", "fr": "Toutes les cibles sont en bonne voie ou atteintes."},
    "loop.goals.nogoals": {"en": "No goal set yet (Goals page).", "fr": "Aucune cible définie pour l’instant (page Cibles)."},
    "loop.goals.target": {"en": "Target", "fr": "Cible"},
    # ---------------------------------------------------------------- adapt: journal
    "loop.journal": {"en": "Action journal", "fr": "Journal des actions"},
    "loop.journal.intro": {
        "en": "Write down each change you make, why, and the figure it should move: the Improve tab will tell whether it did.",
        "fr": "Notez chaque changement, pourquoi, et le chiffre qu’il devrait faire bouger : l’onglet Améliorer dira s’il l’a fait.",
    },
    "loop.journal.empty": {"en": "No action recorded yet.", "fr": "Aucune action notée pour l’instant."},
    "loop.journal.pick": {"en": "Action to edit", "fr": "Action à modifier"},
    "loop.journal.new": {"en": "New action", "fr": "Nouvelle action"},
    "loop.f.date": {"en": "Date of the change", "fr": "Date du changement"},
    "loop.f.change": {"en": "What we change", "fr": "Ce que l’on change"},
    "loop.f.why": {"en": "Why (the insight behind it)", "fr": "Pourquoi (le constat qui le motive)"},
    "loop.f.hypothesis": {"en": "Hypothesis", "fr": "Hypothèse"},
    "loop.f.metric": {"en": "Metric it should move", "fr": "Indicateur qui devrait bouger"},
    "loop.f.expected": {"en": "Expected change (%)", "fr": "Variation attendue (%)"},
    "loop.f.platform": {"en": "Platform", "fr": "Plateforme"},
    "loop.f.campaign": {"en": "Campaign (optional)", "fr": "Campagne (facultatif)"},
    "loop.f.review": {"en": "Review date", "fr": "Date de bilan"},
    "loop.f.owner": {"en": "Owner", "fr": "Responsable"},
    "loop.f.status": {"en": "Status", "fr": "Statut"},
    "loop.f.decision": {"en": "Next decision", "fr": "Décision suivante"},
    "loop.f.verdict": {"en": "Verdict", "fr": "Verdict"},
    "loop.f.all_platforms": {"en": "All platforms", "fr": "Toutes les plateformes"},
    "loop.f.save": {"en": "Save the action", "fr": "Enregistrer l’action"},
    "loop.f.saved": {"en": "Action saved.", "fr": "Action enregistrée."},
    "loop.f.delete": {"en": "Delete this action", "fr": "Supprimer cette action"},
    "loop.f.deleted": {"en": "Action deleted.", "fr": "Action supprimée."},
    "loop.status.open": {"en": "Open", "fr": "En cours"},
    "loop.status.closed": {"en": "Closed", "fr": "Close"},
    "loop.problem.missing_change": {"en": "Say what changes.", "fr": "Indiquez ce qui change."},
    "loop.problem.missing_date": {"en": "Give the date of the change.", "fr": "Indiquez la date du changement."},
    "loop.problem.unknown_metric": {"en": "Choose the metric it should move.", "fr": "Choisissez l’indicateur à faire bouger."},
    "loop.problem.review_before_date": {
        "en": "The review date must come after the date of the change.",
        "fr": "La date de bilan doit venir après la date du changement.",
    },
    "loop.problem.bad_status": {"en": "Unknown status.", "fr": "Statut inconnu."},
    "loop.journal.line": {
        "en": "**{date}** · {change} — {metric}{scope}, hoped {expected}, review {review} · {owner}",
        "fr": "**{date}** · {change} — {metric}{scope}, visé {expected}, bilan le {review} · {owner}",
    },
    "loop.col.date": {"en": "Date", "fr": "Date"},
    "loop.col.change": {"en": "Change", "fr": "Changement"},
    "loop.col.metric": {"en": "Metric", "fr": "Indicateur"},
    "loop.col.expected": {"en": "Hoped", "fr": "Visé"},
    "loop.col.review": {"en": "Review", "fr": "Bilan"},
    "loop.col.owner": {"en": "Owner", "fr": "Responsable"},
    "loop.col.status": {"en": "Status", "fr": "Statut"},
    "loop.col.verdict": {"en": "Verdict", "fr": "Verdict"},
    # ---------------------------------------------------------------- improve: verdicts
    "loop.improve.intro": {
        "en": "Each action whose review date has passed: the metric’s daily values after the change against the same number of days before it.",
        "fr": "Chaque action dont la date de bilan est passée : les valeurs quotidiennes de l’indicateur après le changement, comparées au même nombre de jours avant.",
    },
    "loop.improve.rule": {
        "en": "Rule: change = daily mean after ÷ daily mean before − 1, each weekday weighted equally, with a 95 % interval that allows for the "
        "weekly pattern and for consecutive days resembling each other (on series with no real change it calls about 5 % of actions improved or worse). "
        "When the same windows a year earlier have data, the change is corrected by last year’s change over the same dates (seasonality). "
        "“Improved” only when the whole interval lies beyond 0 in the hoped direction; “worse” when it lies entirely on the other side; otherwise “no clear change”.",
        "fr": "Règle : variation = moyenne quotidienne après ÷ moyenne quotidienne avant − 1, chaque jour de la semaine pesant autant, avec un intervalle à 95 % "
        "qui tient compte du cycle de la semaine et de la ressemblance entre jours consécutifs (sur des séries sans vrai changement, il déclare environ 5 % des actions améliorées ou détériorées). "
        "Quand les mêmes fenêtres un an plus tôt ont des données, la variation est corrigée de celle de l’an dernier aux mêmes dates (saisonnalité). "
        "« Amélioration » seulement si tout l’intervalle est au-delà de 0 dans le sens espéré ; « détérioration » s’il est entièrement de l’autre côté ; sinon « pas de changement net ».",
    },
    "loop.improve.none": {
        "en": "No action has reached its review date yet.",
        "fr": "Aucune action n’a encore atteint sa date de bilan.",
    },
    "loop.improve.upcoming": {
        "en": "Coming up: {change} — review on {date}.",
        "fr": "À venir : {change} — bilan le {date}.",
    },
    "loop.verdict.improved": {"en": "Improved", "fr": "Amélioration"},
    "loop.verdict.no_clear_change": {"en": "No clear change", "fr": "Pas de changement net"},
    "loop.verdict.worse": {"en": "Worse", "fr": "Détérioration"},
    "loop.verdict.insufficient_data": {"en": "Not enough data", "fr": "Données insuffisantes"},
    "loop.verdict.not_due": {"en": "Not due yet", "fr": "Pas encore à échéance"},
    "loop.ba.summary": {
        "en": "{metric}{scope}: {before} per day over the {days} days before, {after} per day over the {days} days after: {change} (95 % interval {low} to {high}); hoped {expected}.",
        "fr": "{metric}{scope} : {before} par jour sur les {days} jours avant, {after} par jour sur les {days} jours après : {change} (intervalle à 95 % de {low} à {high}) ; visé {expected}.",
    },
    "loop.ba.interval": {
        "en": "The 95 % interval is the range where the true change most likely lies, given the day-to-day noise; “improved” or “worse” only when it leaves out 0.",
        "fr": "L’intervalle à 95 % est la plage où se trouve très probablement la vraie variation, compte tenu des fluctuations quotidiennes ; « amélioration » ou « détérioration » seulement s’il exclut 0.",
    },
    "loop.ba.seasonal": {
        "en": "Seasonality: over the same dates a year earlier the metric moved {seasonal}; the raw change was {raw}, the change above is corrected for it.",
        "fr": "Saisonnalité : aux mêmes dates un an plus tôt, l’indicateur avait varié de {seasonal} ; la variation brute était de {raw}, celle ci-dessus en est corrigée.",
    },
    "loop.ba.no_season": {
        "en": "No data for the same dates a year earlier: seasonality could not be checked.",
        "fr": "Pas de données aux mêmes dates un an plus tôt : la saisonnalité n’a pas pu être vérifiée.",
    },
    "loop.ba.insufficient": {
        "en": "Not enough daily values to judge ({before} days before, {after} after; at least 7 each are needed).",
        "fr": "Trop peu de valeurs quotidiennes pour juger ({before} jours avant, {after} après ; il en faut au moins 7 de chaque côté).",
    },
    "loop.ba.why": {"en": "Why: {why}", "fr": "Pourquoi : {why}"},
    "loop.ba.hypothesis": {"en": "Hypothesis: {h}", "fr": "Hypothèse : {h}"},
    "loop.ba.recorded": {"en": "Recorded verdict: {v} — decision: {d}", "fr": "Verdict noté : {v} — décision : {d}"},
    "loop.ba.window.before": {"en": "Before", "fr": "Avant"},
    "loop.ba.window.after": {"en": "After", "fr": "Après"},
    "loop.ba.window.ly": {"en": "Same dates a year earlier", "fr": "Mêmes dates un an plus tôt"},
    "loop.ba.mean": {"en": "mean", "fr": "moyenne"},
    "loop.ba.decision": {"en": "Next decision", "fr": "Décision suivante"},
    "loop.ba.record": {"en": "Record verdict and decision", "fr": "Noter le verdict et la décision"},
    "loop.ba.recorded_ok": {"en": "Verdict and decision recorded; the action is closed.", "fr": "Verdict et décision notés ; l’action est close."},
    "loop.ba.change_marker": {"en": "change", "fr": "changement"},
    "loop.outperf.sampled": {"en": "{n} of the {total} ordinary posts are drawn (a fixed sample), so the chart stays readable.",
                             "fr": "{n} des {total} publications ordinaires sont tracées (un échantillon fixe), pour garder le graphique lisible."},
}
