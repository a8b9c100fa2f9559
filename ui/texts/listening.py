"""Texts of the Listening page (``listening.*``)."""

TEXTS = {
    "listening.intro": {
        "en": "What people say about you and your competitors: sudden surges, the themes they love or criticise, your share of the conversation, and every mention.",
        "fr": "Ce qui se dit de vous et de vos concurrents : les poussées soudaines, les thèmes appréciés ou critiqués, votre part de la conversation, et chaque mention.",
    },
    "listening.empty": {
        "en": "No mentions in this workspace yet. Import a listening export (Meltwater, Brandwatch, Talkwalker or a plain CSV of mentions) on the Import page.",
        "fr": "Aucune mention dans cet espace de travail pour l’instant. Importez un export d’écoute (Meltwater, Brandwatch, Talkwalker ou un CSV simple de mentions) dans la page Importer.",
    },
    # headline
    "listening.kpi.mentions": {"en": "Mentions", "fr": "Mentions"},
    "listening.kpi.mentions.help": {
        "en": "Mentions of your brand in the period, compared with the previous period.",
        "fr": "Mentions de votre marque pendant la période, comparées à la période précédente.",
    },
    "listening.kpi.net": {"en": "Net sentiment", "fr": "Sentiment net"},
    "listening.kpi.net.help": {
        "en": "(positive − negative) / (positive + negative) mentions of your brand; neutral ones do not count. Change in points.",
        "fr": "(positives − négatives) / (positives + négatives) pour votre marque ; les neutres ne comptent pas. Écart en points.",
    },
    "listening.kpi.sov": {"en": "Share of voice", "fr": "Part de voix"},
    "listening.kpi.sov.help": {
        "en": "Your mentions out of all mentions of you and your competitors in the period.",
        "fr": "Vos mentions parmi toutes celles de votre marque et de vos concurrents pendant la période.",
    },
    "listening.kpi.alerts": {"en": "Alerts (6 months)", "fr": "Alertes (6 mois)"},
    "listening.kpi.alerts.crises": {"en": "{n} crises", "fr": "{n} crises"},
    "listening.kpi.alerts.crises.one": {"en": "{n} crisis", "fr": "{n} crise"},
    "listening.kpi.alerts.help": {
        "en": "Unusual surges in mentions of your brand over the last {days} days of the period; a crisis is a surge that is also much more negative than usual.",
        "fr": "Poussées inhabituelles de mentions de votre marque sur les {days} derniers jours de la période ; une crise est une poussée nettement plus négative que d’habitude.",
    },
    # tabs
    "listening.tab.alerts": {"en": "Spikes and crises", "fr": "Pics et crises"},
    "listening.tab.map": {"en": "Volume and positivity", "fr": "Volume et positivité"},
    "listening.tab.sov": {"en": "Share of voice", "fr": "Part de voix"},
    "listening.tab.explorer": {"en": "Mentions", "fr": "Mentions"},
    "listening.tab.settings": {"en": "Lexicon, terms, alerts", "fr": "Lexique, termes, alertes"},
    "listening.brand.all": {"en": "All brands together", "fr": "Toutes les marques ensemble"},
    "listening.brand.own": {"en": "{brand} (you)", "fr": "{brand} (vous)"},
    "listening.sentiment.positive": {"en": "Positive", "fr": "Positif"},
    "listening.sentiment.neutral": {"en": "Neutral", "fr": "Neutre"},
    "listening.sentiment.negative": {"en": "Negative", "fr": "Négatif"},
    "listening.sentiment.none": {"en": "Not rated", "fr": "Non évalué"},
    "listening.origin.export": {"en": "export", "fr": "export"},
    "listening.origin.model": {"en": "model", "fr": "modèle"},
    "listening.origin.manual": {"en": "by hand", "fr": "à la main"},
    # alerts
    "listening.alerts.brand": {"en": "Whose mentions", "fr": "Mentions de qui"},
    "listening.alerts.freq": {"en": "Detail", "fr": "Détail"},
    "listening.alerts.freq.D": {"en": "By day", "fr": "Par jour"},
    "listening.alerts.freq.h": {"en": "By hour", "fr": "Par heure"},
    "listening.alerts.caption.D": {
        "en": "Mentions per day, {range}. The dotted line is the alert level: a day above it raises an alert.",
        "fr": "Mentions par jour, {range}. Le pointillé marque le seuil d’alerte : un jour qui le dépasse déclenche une alerte.",
    },
    "listening.alerts.caption.h": {
        "en": "Mentions per hour, {range} (a short window, to see how a surge starts). The dotted line is the alert level.",
        "fr": "Mentions par heure, {range} (une fenêtre courte, pour voir comment une poussée démarre). Le pointillé marque le seuil d’alerte.",
    },
    "listening.alerts.other": {"en": "Positive, neutral or not rated", "fr": "Positives, neutres ou non évaluées"},
    "listening.alerts.negative": {"en": "Negative", "fr": "Négatives"},
    "listening.alerts.threshold": {"en": "Alert level", "fr": "Seuil d’alerte"},
    "listening.alerts.y": {"en": "Mentions", "fr": "Mentions"},
    "listening.alerts.none_data": {"en": "No mentions in this window.", "fr": "Aucune mention dans cette fenêtre."},
    "listening.alerts.list": {"en": "Alerts", "fr": "Alertes"},
    "listening.alerts.none": {
        "en": "No unusual surge in this window (sensitivity {sens}).",
        "fr": "Aucune poussée inhabituelle dans cette fenêtre (sensibilité {sens}).",
    },
    "listening.alert.crisis": {"en": "Crisis", "fr": "Crise"},
    "listening.alert.spike": {"en": "Spike", "fr": "Pic"},
    "listening.alert.peak": {"en": "Peak mentions", "fr": "Mentions au sommet"},
    "listening.alert.vs_usual": {"en": "usually {usual}", "fr": "d’habitude {usual}"},
    "listening.alert.neg": {"en": "Negative share", "fr": "Part négative"},
    "listening.alert.total": {"en": "Mentions during the alert", "fr": "Mentions pendant l’alerte"},
    "listening.alert.terms": {"en": "What it was about:", "fr": "De quoi on parlait :"},
    "listening.alert.examples": {"en": "Examples", "fr": "Exemples"},
    "listening.alerts.rule.title": {"en": "How alerts are raised", "fr": "Comment les alertes sont déclenchées"},
    "listening.alerts.rule": {
        "en": "A day is compared with the {w} days before it. It raises an alert when its mentions exceed the usual level "
        "(the median of those days) by more than {k} times their typical spread, are at least twice the usual level, "
        "and number at least {n}. Alerts less than {cool} days apart are grouped. An alert is a **crisis** when at least "
        "40 % of its rated mentions are negative and that share is 20 points above the usual one. Sensitivity, grouping "
        "and minimum are set in the last tab.",
        "fr": "Chaque jour est comparé aux {w} jours qui le précèdent. Il déclenche une alerte quand ses mentions dépassent le "
        "niveau habituel (la médiane de ces jours) de plus de {k} fois leur dispersion typique, font au moins le double de ce "
        "niveau et sont au moins {n}. Les alertes espacées de moins de {cool} jours sont regroupées. Une alerte est une "
        "**crise** quand au moins 40 % de ses mentions évaluées sont négatives et que cette part dépasse de 20 points la part "
        "habituelle. Sensibilité, regroupement et minimum se règlent dans le dernier onglet.",
    },
    # map
    "listening.map.caption": {
        "en": "Each bubble is a person, organisation, product, topic or hashtag: further right = talked about more, higher = "
        "spoken of more positively, bigger = more people reached.",
        "fr": "Chaque bulle est une personne, une organisation, un produit, un sujet ou un mot-clic : plus à droite = plus "
        "mentionné, plus haut = mieux perçu, plus grosse = plus de personnes atteintes.",
    },
    "listening.map.window": {"en": "Dates", "fr": "Dates"},
    "listening.map.window.period": {"en": "Selected period", "fr": "Période choisie"},
    "listening.map.window.month": {"en": "Month by month", "fr": "Mois par mois"},
    "listening.map.month": {"en": "Month", "fr": "Mois"},
    "listening.map.period": {"en": "Period: {range}", "fr": "Période : {range}"},
    "listening.map.brands": {"en": "Brands", "fr": "Marques"},
    "listening.map.kinds": {"en": "Show", "fr": "Afficher"},
    "listening.map.trails": {"en": "Show the drift", "fr": "Montrer l’évolution"},
    "listening.map.trails.help": {
        "en": "An arrow leads to each labelled bubble from where it stood in the previous period or month.",
        "fr": "Une flèche mène à chaque bulle nommée depuis sa position de la période ou du mois précédent.",
    },
    "listening.map.trail_legend": {"en": "Previous position", "fr": "Position précédente"},
    "listening.map.entities": {"en": "Entities", "fr": "Entités"},
    "listening.map.x": {"en": "Mentions (log scale)", "fr": "Mentions (échelle logarithmique)"},
    "listening.map.y": {"en": "Net sentiment", "fr": "Sentiment net"},
    "listening.map.q.loud_liked": {"en": "Much talked about, liked", "fr": "Très présent, apprécié"},
    "listening.map.q.quiet_liked": {"en": "Marginal, liked", "fr": "Marginal, apprécié"},
    "listening.map.q.loud_disliked": {"en": "Much talked about, criticised", "fr": "Très présent, critiqué"},
    "listening.map.q.quiet_disliked": {"en": "Marginal, criticised", "fr": "Marginal, critiqué"},
    "listening.map.hover": {
        "en": "<b>%{customdata[0]}</b> (%{customdata[1]})<br>%{customdata[6]} mentions · net %{customdata[5]}<br>"
        "%{customdata[2]} positive · %{customdata[3]} negative<br>reach %{customdata[4]}",
        "fr": "<b>%{customdata[0]}</b> (%{customdata[1]})<br>%{customdata[6]} mentions · net %{customdata[5]}<br>"
        "%{customdata[2]} positives · %{customdata[3]} négatives<br>portée %{customdata[4]}",
    },
    "listening.map.read": {
        "en": "{w}. The dotted vertical line is the median volume; net sentiment = (positive − negative) / (positive + negative).",
        "fr": "{w}. Le pointillé vertical marque le volume médian ; sentiment net = (positives − négatives) / (positives + négatives).",
    },
    "listening.map.hidden": {
        "en": "{n} entities with fewer than 3 mentions, or none positive or negative, are in the table but not on the chart.",
        "fr": "{n} entités avec moins de 3 mentions, ou sans mention positive ni négative, figurent dans le tableau mais pas sur le graphique.",
    },
    "listening.map.hidden.one": {"en": "{n} entity with fewer than 3 mentions, or none positive or negative, is in the table but not on the chart.", "fr": "{n} entité avec moins de 3 mentions, ou sans mention positive ni négative, figure dans le tableau mais pas sur le graphique."},
    "listening.map.empty": {
        "en": "Nothing to place for these dates: no tracked term, topic or hashtag with positive or negative mentions.",
        "fr": "Rien à placer pour ces dates : aucun terme suivi, sujet ou mot-clic avec des mentions positives ou négatives.",
    },
    "listening.kind.person": {"en": "person", "fr": "personne"},
    "listening.kind.organisation": {"en": "organisation", "fr": "organisation"},
    "listening.kind.product": {"en": "product", "fr": "produit"},
    "listening.kind.topic": {"en": "topic", "fr": "sujet"},
    "listening.kind.hashtag": {"en": "hashtag", "fr": "mot-clic"},
    "listening.col.entity": {"en": "Entity", "fr": "Entité"},
    "listening.col.kind": {"en": "Kind", "fr": "Type"},
    "listening.col.volume": {"en": "Mentions", "fr": "Mentions"},
    "listening.col.positive": {"en": "Positive", "fr": "Positives"},
    "listening.col.negative": {"en": "Negative", "fr": "Négatives"},
    "listening.col.net": {"en": "Net sentiment", "fr": "Sentiment net"},
    "listening.col.reach": {"en": "Reach", "fr": "Portée"},
    "listening.col.brand": {"en": "Brand", "fr": "Marque"},
    "listening.col.when": {"en": "Published", "fr": "Publiée"},
    "listening.col.sentiment": {"en": "Sentiment", "fr": "Sentiment"},
    "listening.col.origin": {"en": "Rated by", "fr": "Évalué par"},
    "listening.col.text": {"en": "Text", "fr": "Texte"},
    "listening.col.source": {"en": "Source", "fr": "Provenance"},
    "listening.col.topic": {"en": "Topic", "fr": "Sujet"},
    "listening.col.lang": {"en": "Lang.", "fr": "Langue"},
    "listening.col.author": {"en": "Author", "fr": "Auteur"},
    "listening.col.url": {"en": "Link", "fr": "Lien"},
    "listening.col.url.open": {"en": "open", "fr": "ouvrir"},
    # share of voice
    "listening.sov.no_competitors": {
        "en": "Name your competitors (Settings → Client) to compare your share of the conversation.",
        "fr": "Indiquez vos concurrents (Paramètres → Client) pour comparer votre part de la conversation.",
    },
    "listening.unattributed": {
        "en": "{n} mentions of this period name no known brand ({names}): they are counted for nobody.",
        "fr": "{n} mentions de cette période ne nomment aucune marque connue ({names}) : elles ne comptent pour personne.",
    },
    "listening.unattributed.one": {"en": "{n} mention of this period names no known brand ({names}): it is counted for nobody.", "fr": "{n} mention de cette période ne nomme aucune marque connue ({names}) : elle ne compte pour personne."},
    "listening.unattributed.fix": {
        "en": "Add those spellings as aliases in Settings → Client.",
        "fr": "Ajoutez ces graphies comme alias dans Paramètres → Client.",
    },
    "listening.sov.empty": {"en": "No mentions of your brand or competitors in these weeks.", "fr": "Aucune mention de votre marque ni de vos concurrents ces semaines-là."},
    "listening.sov.caption": {
        "en": "Each brand's share of all mentions of the tracked brands, week by week (Monday to Sunday), {range}.",
        "fr": "Part de chaque marque dans l’ensemble des mentions des marques suivies, semaine par semaine (lundi à dimanche), {range}.",
    },
    "listening.sov.mentions": {"en": "mentions", "fr": "mentions"},
    "listening.sov.summary": {
        "en": "Week of {week}: {share} for you; {avg} over the 26 weeks.",
        "fr": "Semaine du {week} : {share} pour vous ; {avg} sur les 26 semaines.",
    },
    # explorer
    "listening.ex.dates": {"en": "Published between", "fr": "Publiées entre"},
    "listening.ex.any": {"en": "All", "fr": "Tous"},
    "listening.ex.search": {"en": "Words in the text", "fr": "Mots dans le texte"},
    "listening.ex.search.ph": {"en": "e.g. parking", "fr": "p. ex. stationnement"},
    "listening.ex.source": {"en": "Source", "fr": "Provenance"},
    "listening.ex.sentiment": {"en": "Sentiment", "fr": "Sentiment"},
    "listening.ex.topic": {"en": "Topic", "fr": "Sujet"},
    "listening.ex.brand": {"en": "Brand", "fr": "Marque"},
    "listening.ex.lang": {"en": "Language", "fr": "Langue"},
    "listening.ex.count": {"en": "{n} of {total} mentions.", "fr": "{n} mentions sur {total}."},
    "listening.ex.count.one": {"en": "{n} of {total} mentions.", "fr": "{n} mention sur {total}."},
    "listening.ex.limited": {"en": "The {n} most recent are listed.", "fr": "Les {n} plus récentes sont affichées."},
    "listening.ex.relabel.help": {
        "en": "Change the sentiment to correct it: your label is kept over exports and the model, even after a re-import.",
        "fr": "Changez le sentiment pour le corriger : votre choix l’emporte sur les exports et le modèle, même après une réimportation.",
    },
    "listening.ex.relabel.note": {
        "en": "Click a sentiment cell to correct it, then save. Labels set by hand are never overwritten by an import or a re-score.",
        "fr": "Cliquez sur une cellule de sentiment pour la corriger, puis enregistrez. Un choix fait à la main n’est jamais écrasé par une importation ni par une réévaluation.",
    },
    "listening.ex.save": {"en": "Save {n} corrections", "fr": "Enregistrer {n} corrections"},
    "listening.ex.save.one": {"en": "Save {n} correction", "fr": "Enregistrer {n} correction"},
    "listening.ex.saved": {"en": "{n} mentions relabelled.", "fr": "{n} mentions réévaluées à la main."},
    "listening.ex.saved.one": {"en": "{n} mention relabelled.", "fr": "{n} mention réévaluée à la main."},
    # settings: lexicon
    "listening.lex.title": {"en": "Sentiment lexicon", "fr": "Lexique de sentiment"},
    "listening.lex.caption": {
        "en": "Mentions that arrive without a sentiment are rated by Boussole's own French and English model, on this computer. "
        "Add the words of your trade it gets wrong: −1 very negative, +1 very positive.",
        "fr": "Les mentions qui arrivent sans sentiment sont évaluées par le modèle français et anglais de Boussole, sur cet "
        "ordinateur. Ajoutez les mots de votre domaine qu’il comprend mal : −1 très négatif, +1 très positif.",
    },
    "listening.lex.lang": {"en": "Language", "fr": "Langue"},
    "listening.lex.lang.fr": {"en": "French words", "fr": "Mots en français"},
    "listening.lex.lang.en": {"en": "English words", "fr": "Mots en anglais"},
    "listening.lex.word": {"en": "Word or expression", "fr": "Mot ou expression"},
    "listening.lex.word.help": {"en": "Lower case; several words are matched as one expression.", "fr": "En minuscules ; plusieurs mots forment une expression."},
    "listening.lex.score": {"en": "Score (−1 to +1)", "fr": "Note (−1 à +1)"},
    "listening.lex.score.help": {"en": "From −1 (very negative) to +1 (very positive).", "fr": "De −1 (très négatif) à +1 (très positif)."},
    "listening.lex.save": {"en": "Save the lexicon", "fr": "Enregistrer le lexique"},
    "listening.lex.saved": {
        "en": "Lexicon saved ({n} entries in this language). Re-score to apply it to mentions already imported.",
        "fr": "Lexique enregistré ({n} entrées dans cette langue). Réévaluez pour l’appliquer aux mentions déjà importées.",
    },
    "listening.lex.saved.one": {"en": "Lexicon saved ({n} entry in this language). Re-score to apply it to mentions already imported.", "fr": "Lexique enregistré ({n} entrée dans cette langue). Réévaluez pour l’appliquer aux mentions déjà importées."},
    "listening.lex.try": {"en": "Try a sentence", "fr": "Essayer une phrase"},
    "listening.lex.try.ph": {"en": "Type a mention to see how it is rated", "fr": "Tapez une mention pour voir son évaluation"},
    "listening.lex.result": {"en": "**{label}** (score {score}, language: {text_lang})", "fr": "**{label}** (note {score}, langue : {text_lang})"},
    "listening.lex.rescore": {"en": "Re-score with the current lexicon", "fr": "Réévaluer avec le lexique actuel"},
    "listening.lex.rescore.help": {
        "en": "Rates again every mention rated by the model or not rated at all. Sentiments from your exports and those set by hand are kept.",
        "fr": "Évalue de nouveau chaque mention notée par le modèle ou pas encore notée. Les sentiments venus de vos exports et ceux choisis à la main sont conservés.",
    },
    "listening.lex.rescoring": {"en": "Rating the mentions…", "fr": "Évaluation des mentions…"},
    "listening.lex.rescored": {
        "en": "{changed} of {candidates} mentions changed. Kept as they were: {manual} set by hand, {export} from exports.",
        "fr": "{changed} mentions sur {candidates} ont changé. Conservées telles quelles : {manual} choisies à la main, {export} venues des exports.",
    },
    # settings: tracked terms
    "listening.terms.title": {"en": "Tracked terms", "fr": "Termes suivis"},
    "listening.terms.caption": {
        "en": "People, organisations, products and topics to place on the volume and positivity map (found in mention texts, "
        "regardless of case and accents).",
        "fr": "Personnes, organisations, produits et sujets à placer sur la carte volume et positivité (repérés dans le texte "
        "des mentions, sans égard à la casse ni aux accents).",
    },
    "listening.terms.term": {"en": "Term", "fr": "Terme"},
    "listening.terms.kind": {"en": "Kind", "fr": "Type"},
    "listening.terms.save": {"en": "Save the terms", "fr": "Enregistrer les termes"},
    "listening.terms.saved": {"en": "{n} terms saved.", "fr": "{n} termes enregistrés."},
    "listening.terms.saved.one": {"en": "{n} term saved.", "fr": "{n} terme enregistré."},
    # settings: alerts
    "listening.cfg.title": {"en": "Alert settings", "fr": "Réglages des alertes"},
    "listening.cfg.sensitivity": {"en": "Sensitivity (spread multiples)", "fr": "Sensibilité (multiples de la dispersion)"},
    "listening.cfg.sensitivity.help": {
        "en": "Lower = more alerts. 3.5 is a good start.",
        "fr": "Plus bas = plus d’alertes. 3,5 est un bon départ.",
    },
    "listening.cfg.cooldown": {"en": "Grouping (days)", "fr": "Regroupement (jours)"},
    "listening.cfg.cooldown.help": {
        "en": "Surges less than this many days apart count as one alert.",
        "fr": "Les poussées espacées de moins de ce nombre de jours comptent pour une seule alerte.",
    },
    "listening.cfg.min": {"en": "Minimum mentions", "fr": "Mentions minimum"},
    "listening.cfg.min.help": {
        "en": "A day with fewer mentions never raises an alert.",
        "fr": "Un jour avec moins de mentions ne déclenche jamais d’alerte.",
    },
    "listening.cfg.save": {"en": "Save the alert settings", "fr": "Enregistrer les réglages"},
    # review queue (ui/review.py)
    "listening.tab.review": {"en": "Review queue", "fr": "File de révision"},
    "listening.review.title": {"en": "Teach the scorer your reading", "fr": "Apprenez au modèle votre lecture"},
    "listening.review.caption": {
        "en": "The mentions of the period the scorer is least sure about come first. One click (or the keys 1, 2, 3) "
              "stores your label; your labels always win. Then let the scorer learn from them: similar mentions are re-scored.",
        "fr": "Les mentions de la période sur lesquelles le modèle hésite le plus viennent d’abord. Un clic (ou les touches 1, 2, 3) "
              "enregistre votre avis ; vos étiquettes priment toujours. Faites ensuite apprendre le modèle : les mentions semblables sont réévaluées.",
    },
    "listening.review.labelled": {"en": "Labelled by you", "fr": "Étiquetées par vous"},
    "listening.review.labelled.help": {
        "en": "Mentions of this workspace whose sentiment was set by a person (all periods).",
        "fr": "Mentions de cet espace dont le sentiment a été fixé par une personne (toutes périodes).",
    },
    "listening.review.todo": {"en": "Left to review", "fr": "Restent à revoir"},
    "listening.review.todo.help": {
        "en": "Mentions of the period not yet labelled by a person.",
        "fr": "Mentions de la période pas encore étiquetées par une personne.",
    },
    "listening.review.accuracy": {"en": "Estimated accuracy", "fr": "Exactitude estimée"},
    "listening.review.accuracy.delta": {"en": "{pts} vs default scorer", "fr": "{pts} vs modèle par défaut"},
    "listening.review.accuracy.help": {
        "en": "Share of your {n} labels the learnt scorer gets right when it has not seen them (5-fold cross-validation, "
              "at the last training). The default scorer gets {default} of them right.",
        "fr": "Part de vos {n} étiquettes que le modèle appris retrouve sans les avoir vues (validation croisée en 5 blocs, "
              "au dernier apprentissage). Le modèle par défaut en retrouve {default}.",
    },
    "listening.review.accuracy.none": {
        "en": "Shown once the scorer has learnt from your labels.",
        "fr": "Affichée une fois que le modèle a appris de vos étiquettes.",
    },
    "listening.review.empty": {
        "en": "Nothing left to review in this period.",
        "fr": "Plus rien à revoir sur cette période.",
    },
    "listening.review.suggested": {
        "en": "Scorer’s reading: {label} (certainty {certainty})",
        "fr": "Lecture du modèle : {label} (certitude {certainty})",
    },
    "listening.review.skip": {"en": "Skip", "fr": "Passer"},
    "listening.review.saved": {"en": "Saved as {label}.", "fr": "Enregistrée comme {label}."},
    "listening.review.next": {"en": "Next in the queue", "fr": "Suivantes dans la file"},
    "listening.review.col.suggested": {"en": "Scorer’s reading", "fr": "Lecture du modèle"},
    "listening.review.col.certainty": {"en": "Certainty", "fr": "Certitude"},
    "listening.review.model": {"en": "Scorer of this workspace", "fr": "Modèle de cet espace"},
    "listening.review.model.active": {
        "en": "Learnt from your labels: version {version}, {n} labels, trained {when} (UTC).",
        "fr": "Appris de vos étiquettes : version {version}, {n} étiquettes, entraîné le {when} (UTC).",
    },
    "listening.review.model.default": {
        "en": "Default scorer (nothing learnt from your labels yet).",
        "fr": "Modèle par défaut (rien appris de vos étiquettes pour l’instant).",
    },
    "listening.review.train": {"en": "Learn from my labels", "fr": "Apprendre de mes étiquettes"},
    "listening.review.train.help": {
        "en": "Trains this workspace’s layer on every label set by hand (at least 2), then re-scores the mentions rated by the model. "
              "Export and manual labels are never changed.",
        "fr": "Entraîne la couche de cet espace sur toutes les étiquettes posées à la main (au moins 2), puis réévalue les mentions notées "
              "par le modèle. Les étiquettes d’export et manuelles ne changent jamais.",
    },
    "listening.review.training": {"en": "Learning and re-scoring…", "fr": "Apprentissage et réévaluation…"},
    "listening.review.trained": {
        "en": "Version {version} learnt from {n} labels; {changed} mentions rated by the model changed label.",
        "fr": "Version {version} apprise de {n} étiquettes ; {changed} mentions notées par le modèle changent d’étiquette.",
    },
    "listening.review.reset": {"en": "Reset to the default scorer", "fr": "Revenir au modèle par défaut"},
    "listening.review.reset.help": {
        "en": "Forgets what was learnt (your labels stay) and re-scores the mentions with the default scorer.",
        "fr": "Oublie ce qui a été appris (vos étiquettes restent) et réévalue les mentions avec le modèle par défaut.",
    },
    "listening.review.wasreset": {
        "en": "Back to the default scorer; {changed} mentions rated by the model changed label.",
        "fr": "Retour au modèle par défaut ; {changed} mentions notées par le modèle changent d’étiquette.",
    },
}
