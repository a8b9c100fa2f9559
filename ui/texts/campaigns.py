"""Campaigns page, costs section and UTM tracking page (keys ``campaigns.*``, ``costs.*``, ``utm.*``).

Metric names, ROI reasons and value bases come from ``ui/texts/metrics.py`` (``metrics.*``)."""

TEXTS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ campaigns page
    "campaigns.scope": {"en": "Figures over", "fr": "Chiffres sur"},
    "campaigns.scope.all": {"en": "Each campaign's whole life", "fr": "Toute la durée de chaque campagne"},
    "campaigns.scope.period": {"en": "The selected period ({range})", "fr": "La période choisie ({range})"},
    "campaigns.by": {"en": "Break down by", "fr": "Ventiler par"},
    "campaigns.by.campaign": {"en": "Campaign", "fr": "Campagne"},
    "campaigns.by.platform": {"en": "Platform", "fr": "Plateforme"},
    "campaigns.totals": {"en": "All social media spending", "fr": "Ensemble des dépenses sociales"},
    "campaigns.col.roi": {"en": "ROI", "fr": "RSI"},
    "campaigns.col.roas": {"en": "ROAS", "fr": "ROAS (revenus ÷ pub)"},
    "campaigns.col.leads": {"en": "Leads", "fr": "Prospects"},
    "campaigns.col.sessions": {
        "en": "Sessions from social or the campaign",
        "fr": "Sessions venant des réseaux ou de la campagne",
    },
    "campaigns.col.key": {"en": "Campaign", "fr": "Campagne"},
    "campaigns.col.platform": {"en": "Platform", "fr": "Plateforme"},
    "campaigns.col.source": {"en": "Source", "fr": "Provenance"},
    "campaigns.col.basis": {"en": "Value is", "fr": "Valeur"},
    "campaigns.col.cpc": {"en": "Cost per click", "fr": "Coût par clic"},
    "campaigns.col.cpm": {"en": "Cost per 1,000 impressions", "fr": "Coût pour 1 000 impressions"},
    "campaigns.col.vpc": {"en": "Value per conversion", "fr": "Valeur par conversion"},
    "campaigns.col.vpc_source": {"en": "Set by", "fr": "Fixée par"},
    "campaigns.col.vpl": {"en": "Value per lead", "fr": "Valeur par prospect"},
    "campaigns.col.vpl_source": {"en": "Set by ", "fr": "Fixée par "},
    "campaigns.help.roi": {
        "en": "(value − cost) ÷ cost. Not shown when the cost is zero or unknown.",
        "fr": "(valeur − coût) ÷ coût. Non affiché quand le coût est nul ou inconnu.",
    },
    "campaigns.help.cpl": {
        "en": "Cost divided by the leads attributed to social media.",
        "fr": "Coût divisé par les prospects attribués aux réseaux sociaux.",
    },
    "campaigns.help.cpa": {
        "en": "Cost divided by the conversions (cost per acquisition).",
        "fr": "Coût divisé par les conversions (coût d’acquisition).",
    },
    "campaigns.help.roas": {"en": "Revenue divided by ad spend.", "fr": "Revenus divisés par les dépenses publicitaires."},
    "campaigns.no_roi": {
        "en": "No return on investment to show: {reason}.",
        "fr": "Pas de retour sur investissement à afficher : {reason}.",
    },
    "campaigns.revenue_from_traffic": {"en": "website analytics", "fr": "analytique du site"},
    "campaigns.revenue_from_ads": {"en": "the ad platforms' own figures", "fr": "les chiffres des régies publicitaires"},
    "campaigns.part.revenue": {
        "en": "revenue {amount} (measured, from {source})",
        "fr": "revenus {amount} (mesurés, selon {source})",
    },
    "campaigns.part.conversions": {
        "en": "{n} conversions valued at {amount} (estimated)",
        "fr": "{n} conversions valorisées à {amount} (estimation)",
    },
    "campaigns.part.leads": {
        "en": "{n} leads valued at {amount} (estimated)",
        "fr": "{n} prospects valorisés à {amount} (estimation)",
    },
    "campaigns.value_parts": {"en": "Value = {parts}", "fr": "Valeur = {parts}"},
    "campaigns.estimate_note": {
        "en": "part of the value comes from the value you gave each conversion and each lead (see the assumptions below).",
        "fr": "une partie de la valeur vient de la valeur attribuée à chaque conversion et à chaque prospect (voir les hypothèses plus bas).",
    },
    "campaigns.no_campaign": {"en": "Not tied to a campaign", "fr": "Hors campagne"},
    "campaigns.no_platform": {
        "en": "All platforms (staff, tools, agency)",
        "fr": "Toutes plateformes (personnel, outils, agence)",
    },
    "campaigns.untagged": {"en": "No campaign tag — GA4 {value}", "fr": "Sans balise de campagne — GA4 {value}"},
    "campaigns.chart.cost_value": {"en": "Cost and value obtained", "fr": "Coût et valeur obtenue"},
    "campaigns.table": {"en": "Campaigns", "fr": "Campagnes"},
    "campaigns.table.platform": {"en": "Platforms", "fr": "Plateformes"},
    "campaigns.sort": {"en": "Sort by", "fr": "Trier par"},
    "campaigns.sort.desc": {"en": "Largest first", "fr": "Plus grand d’abord"},
    "campaigns.why_no_roi": {"en": "Why {n} rows have no ROI", "fr": "Pourquoi {n} lignes n’ont pas de RSI"},
    "campaigns.assumptions": {"en": "Assumptions used for the value", "fr": "Hypothèses utilisées pour la valeur"},
    "campaigns.assumptions.formula": {
        "en": "**Value** = revenue (measured) + conversions × value per conversion (estimated) + leads × value per lead (estimated). "
        "**ROI** = (value − cost) ÷ cost. Costs spread over several days are shared out evenly between those days.",
        "fr": "**Valeur** = revenus (mesurés) + conversions × valeur par conversion (estimation) + prospects × valeur par prospect (estimation). "
        "**RSI** = (valeur − coût) ÷ coût. Un coût étalé sur plusieurs jours est réparti également entre ces jours.",
    },
    "campaigns.assumptions.defaults": {
        "en": "Workspace defaults, used when a campaign sets none: {vpc} per conversion, {vpl} per lead.",
        "fr": "Valeurs par défaut de l’espace, utilisées quand une campagne n’en fixe pas : {vpc} par conversion, {vpl} par prospect.",
    },
    "campaigns.assumptions.rates": {"en": "Exchange rates: {rates}.", "fr": "Taux de change : {rates}."},
    "campaigns.src.campaign": {"en": "the campaign", "fr": "la campagne"},
    "campaigns.src.default": {"en": "workspace default", "fr": "défaut de l’espace"},
    "campaigns.src.none": {"en": "not set (not counted)", "fr": "non fixée (non comptée)"},
    "campaigns.compare": {"en": "Compare two campaigns", "fr": "Comparer deux campagnes"},
    "campaigns.compare.a": {"en": "First campaign", "fr": "Première campagne"},
    "campaigns.compare.b": {"en": "Second campaign", "fr": "Deuxième campagne"},
    "campaigns.compare.estimated": {"en": "Value partly estimated.", "fr": "Valeur en partie estimée."},
    "campaigns.cumulative": {"en": "Cumulative cost and value over a campaign", "fr": "Coût et valeur cumulés d’une campagne"},
    "campaigns.cumulative.pick": {"en": "Campaign", "fr": "Campagne "},
    "campaigns.cumulative.title": {"en": "{name}, {range}", "fr": "{name}, {range} "},
    "campaigns.cumulative.future": {"en": "This campaign has not started yet.", "fr": "Cette campagne n’a pas encore commencé."},
    "campaigns.cumulative.empty": {
        "en": "No cost or value recorded for this campaign yet.",
        "fr": "Aucun coût ni aucune valeur enregistrés pour cette campagne.",
    },
    "campaigns.cumulative.note": {
        "en": "the value line includes conversions and leads at the values set for the campaign; the dotted line is measured revenue only.",
        "fr": "la courbe de valeur inclut les conversions et prospects aux valeurs fixées pour la campagne; le pointillé ne montre que les revenus mesurés.",
    },
    "campaigns.cum.cost": {"en": "Cumulative cost", "fr": "Coût cumulé"},
    "campaigns.cum.value": {"en": "Cumulative value", "fr": "Valeur cumulée"},
    "campaigns.cum.measured": {"en": "of which measured revenue", "fr": "dont revenus mesurés"},
    "campaigns.breakeven": {
        "en": "The value caught up with the cost on {date}.",
        "fr": "La valeur a rattrapé le coût le {date}.",
    },
    "campaigns.no_breakeven": {"en": "The value has not caught up with the cost.", "fr": "La valeur n’a pas rattrapé le coût."},
    "campaigns.leads": {"en": "Leads from CRM imports", "fr": "Prospects importés du CRM"},
    "campaigns.leads.none": {
        "en": "No leads yet. Import a HubSpot or Salesforce export (or any CRM CSV) on the Import page.",
        "fr": "Aucun prospect pour l’instant. Importez un export HubSpot ou Salesforce (ou tout CSV de CRM) dans la page Importer.",
    },
    "campaigns.leads.none_period": {"en": "No lead created in this period.", "fr": "Aucun prospect créé pendant cette période."},
    "campaigns.leads.privacy": {
        "en": "Each lead is kept under a pseudonymous code: e-mail addresses and phone numbers are never stored or shown.",
        "fr": "Chaque prospect est conservé sous un code pseudonyme : adresses courriel et numéros de téléphone ne sont jamais stockés ni affichés.",
    },
    "campaigns.leads.count": {"en": "Leads created", "fr": "Prospects créés"},
    "campaigns.leads.campaigns": {"en": "Campaigns bringing leads", "fr": "Campagnes apportant des prospects"},
    "campaigns.leads.won": {"en": "Leads won", "fr": "Prospects gagnés"},
    # ------------------------------------------------------------------ costs
    "costs.title": {"en": "Costs", "fr": "Coûts"},
    "costs.intro": {
        "en": "Ad spend comes from Meta Ads Manager and Google Ads exports; add staff time, tools, agency fees and other spending here, "
        "per campaign or platform and period.",
        "fr": "Les dépenses publicitaires viennent des exports du gestionnaire de publicités de Meta et de Google Ads; ajoutez ici le temps du personnel, les outils, "
        "les honoraires d’agence et les autres dépenses, par campagne ou plateforme et par période.",
    },
    "costs.import_link": {"en": "Import an ads export", "fr": "Importer un export publicitaire"},
    "costs.fx.missing": {
        "en": "Costs in {codes} have no exchange rate to {currency}: their campaigns show no ROI until you set one.",
        "fr": "Des coûts en {codes} n’ont pas de taux de change vers {currency} : leurs campagnes n’affichent pas de RSI tant qu’il manque.",
    },
    "costs.fx.title": {"en": "Exchange rates", "fr": "Taux de change"},
    "costs.fx.help": {
        "en": "How many {currency} one unit of each currency is worth. Costs keep their own currency; they are converted when shown.",
        "fr": "Combien de {currency} vaut une unité de chaque devise. Les coûts gardent leur devise; la conversion se fait à l’affichage.",
    },
    "costs.fx.code": {"en": "Currency", "fr": "Devise"},
    "costs.fx.rate": {"en": "Value in {currency}", "fr": "Valeur en {currency}"},
    "costs.fx.save": {"en": "Save the rates", "fr": "Enregistrer les taux"},
    "costs.fx.saved": {"en": "Exchange rates saved.", "fr": "Taux de change enregistrés."},
    "costs.add": {"en": "Add a cost by hand", "fr": "Ajouter un coût à la main"},
    "costs.category": {"en": "Category", "fr": "Catégorie"},
    "costs.cat.ads": {"en": "Ad spend", "fr": "Publicité"},
    "costs.cat.staff": {"en": "Staff time", "fr": "Temps du personnel"},
    "costs.cat.tools": {"en": "Tools", "fr": "Outils"},
    "costs.cat.agency": {"en": "Agency fees", "fr": "Honoraires d’agence"},
    "costs.cat.other": {"en": "Other", "fr": "Autre"},
    "costs.campaign": {"en": "Campaign (optional)", "fr": "Campagne (facultatif)"},
    "costs.platform": {"en": "Platform (optional)", "fr": "Plateforme (facultatif)"},
    "costs.none": {"en": "None", "fr": "Aucune"},
    "costs.start": {"en": "From", "fr": "Du"},
    "costs.end": {"en": "To", "fr": "Au"},
    "costs.currency": {"en": "Currency (3 letters)", "fr": "Devise (3 lettres)"},
    "costs.amount": {"en": "Amount", "fr": "Montant"},
    "costs.hours": {"en": "or hours", "fr": "ou heures"},
    "costs.rate": {"en": "× hourly rate", "fr": "× taux horaire"},
    "costs.note": {"en": "Note", "fr": "Remarque"},
    "costs.form.help": {
        "en": "Give an amount, or hours and an hourly rate for staff time. A cost over several days is shared out evenly between them. "
        "An entry with the same category, campaign, platform and dates replaces the previous one.",
        "fr": "Indiquez un montant, ou des heures et un taux horaire pour le temps du personnel. Un coût sur plusieurs jours est réparti "
        "également entre eux. Une saisie avec la même catégorie, campagne, plateforme et les mêmes dates remplace la précédente.",
    },
    "costs.save": {"en": "Add the cost", "fr": "Ajouter le coût"},
    "costs.err.dates": {"en": "The end date is before the start date.", "fr": "La date de fin précède la date de début."},
    "costs.err.amount": {
        "en": "Give an amount, or hours and an hourly rate.",
        "fr": "Indiquez un montant, ou des heures et un taux horaire.",
    },
    "costs.saved": {"en": "Cost of {amount} added.", "fr": "Coût de {amount} ajouté."},
    "costs.manual": {"en": "Costs entered by hand", "fr": "Coûts saisis à la main"},
    "costs.manual.none": {"en": "None yet.", "fr": "Aucun pour l’instant."},
    "costs.delete.col": {"en": "Delete", "fr": "Supprimer"},
    "costs.delete": {"en": "Delete the {n} ticked entries", "fr": "Supprimer les {n} saisies cochées"},
    "costs.deleted": {"en": "{n} entries deleted.", "fr": "{n} saisies supprimées."},
    # ------------------------------------------------------------------ UTM page
    "utm.title": {"en": "UTM tracking", "fr": "Suivi UTM"},
    # navigation entry of pages/utm_builder.py (tests require nav.* titles; shell.py does not define it)
    "nav.utm": {"en": "UTM tracking", "fr": "Suivi UTM"},
    "utm.tab.builder": {"en": "Link builder", "fr": "Créateur de liens"},
    "utm.tab.registry": {"en": "Campaign registry", "fr": "Registre des campagnes"},
    "utm.tab.hygiene": {"en": "Tagging check", "fr": "Contrôle du balisage"},
    "utm.field.source": {"en": "Source (utm_source)", "fr": "Source (utm_source) "},
    "utm.field.medium": {"en": "Medium (utm_medium)", "fr": "Support (utm_medium)"},
    "utm.field.campaign": {"en": "Campaign (utm_campaign)", "fr": "Campagne (utm_campaign)"},
    "utm.field.content": {"en": "Content (utm_content)", "fr": "Contenu (utm_content)"},
    "utm.field.term": {"en": "Term (utm_term)", "fr": "Terme (utm_term)"},
    "utm.field.id": {"en": "Campaign id (utm_id)", "fr": "Identifiant (utm_id)"},
    "utm.field.url": {"en": "Page address", "fr": "Adresse de la page"},
    "utm.builder.intro": {
        "en": "Give every campaign link its own tags so its visits and conversions can be counted. Values are written in lower case, "
        "words joined by hyphens, without accents.",
        "fr": "Donnez à chaque lien de campagne ses propres balises pour en compter les visites et les conversions. Les valeurs s’écrivent "
        "en minuscules, mots reliés par des traits d’union, sans accents.",
    },
    "utm.base_url": {"en": "Page to link to", "fr": "Page de destination"},
    "utm.help.source": {
        "en": "Where the link is posted: facebook, instagram, linkedin, newsletter…",
        "fr": "Où le lien est publié : facebook, instagram, linkedin, newsletter…",
    },
    "utm.help.medium": {
        "en": "The kind of traffic: social for organic posts, paid_social for ads, email for newsletters.",
        "fr": "Le type de trafic : social pour les publications, paid_social pour les publicités, email pour les infolettres.",
    },
    "utm.help.campaign": {
        "en": "The campaign's tag, as in the registry (e.g. hiver-2027).",
        "fr": "La balise de la campagne, comme dans le registre (ex. hiver-2027).",
    },
    "utm.help.content": {
        "en": "Tells apart two links of one campaign (visual, format).",
        "fr": "Distingue deux liens d’une même campagne (visuel, format).",
    },
    "utm.help.term": {"en": "Paid keyword or audience, if any.", "fr": "Mot-clé ou audience payés, s’il y a lieu."},
    "utm.help.id": {
        "en": "The ad platform's campaign id, to join cost data in GA4.",
        "fr": "L’identifiant de campagne de la régie, pour relier les coûts dans GA4.",
    },
    "utm.help.paid": {
        "en": "Tick for sponsored posts and ads: the medium must then say it is paid.",
        "fr": "À cocher pour les publications commanditées et les publicités : le support doit alors l’indiquer.",
    },
    "utm.help.vpc": {
        "en": "What one conversion is worth to you; used to estimate the value.",
        "fr": "Ce que vaut une conversion pour vous; sert à estimer la valeur.",
    },
    "utm.help.vpl": {
        "en": "What one new lead is worth to you; used to estimate the value.",
        "fr": "Ce que vaut un nouveau prospect pour vous; sert à estimer la valeur.",
    },
    "utm.pick_campaign": {"en": "Registered campaign", "fr": "Campagne du registre"},
    "utm.pick_none": {"en": "— type a new one below —", "fr": "— saisir une nouvelle ci-dessous —"},
    "utm.paid": {"en": "Paid campaign (ads, sponsored posts)", "fr": "Campagne payante (publicités, publications commanditées)"},
    "utm.suggestions": {
        "en": "Usual sources: {sources}. Usual mediums: {mediums}.",
        "fr": "Sources usuelles : {sources}. Supports usuels : {mediums}.",
    },
    "utm.apply_fixes": {"en": "Apply the suggested spellings", "fr": "Appliquer les graphies suggérées"},
    "utm.need_url": {
        "en": "Enter the page address (starting with https://) to get the link.",
        "fr": "Saisissez l’adresse de la page (commençant par https://) pour obtenir le lien.",
    },
    "utm.result": {"en": "Your tagged link", "fr": "Votre lien balisé"},
    "utm.copy_hint": {
        "en": "Use the copy button at the right of the box.",
        "fr": "Utilisez le bouton de copie à droite du cadre.",
    },
    "utm.all_good": {"en": "These tags follow the conventions.", "fr": "Ces balises respectent les conventions."},
    "utm.issue.required": {"en": "{field} is required.", "fr": "{field} est obligatoire."},
    "utm.issue.bad_url": {
        "en": "The page address must start with https:// and name a site.",
        "fr": "L’adresse doit commencer par https:// et nommer un site.",
    },
    "utm.issue.uppercase": {
        "en": "{field}: “{value}” has capitals; GA4 would list it apart from the lower-case spelling. Use “{suggestion}”.",
        "fr": "{field} : « {value} » contient des majuscules; GA4 le séparerait de la graphie en minuscules. Utilisez « {suggestion} ».",
    },
    "utm.issue.spaces": {
        "en": "{field}: “{value}” contains spaces. Use “{suggestion}”.",
        "fr": "{field} : « {value} » contient des espaces. Utilisez « {suggestion} ».",
    },
    "utm.issue.underscore": {
        "en": "{field}: “{value}” uses “_”; the convention joins words with “-”. Use “{suggestion}”.",
        "fr": "{field} : « {value} » utilise « _ »; la convention relie les mots par « - ». Utilisez « {suggestion} ».",
    },
    "utm.issue.accents": {
        "en": "{field}: “{value}” has accents, which get garbled in links. Use “{suggestion}”.",
        "fr": "{field} : « {value} » contient des accents, abîmés dans les liens. Utilisez « {suggestion} ».",
    },
    "utm.issue.characters": {
        "en": "{field}: “{value}” has special characters. Use “{suggestion}”.",
        "fr": "{field} : « {value} » contient des caractères spéciaux. Utilisez « {suggestion} ».",
    },
    "utm.issue.source_alias": {
        "en": "{field}: “{value}” is another spelling of “{suggestion}”; one spelling keeps the platform in one line of the reports.",
        "fr": "{field} : « {value} » est une autre graphie de « {suggestion} »; une seule graphie garde la plateforme sur une ligne des rapports.",
    },
    "utm.issue.paid_as_social": {
        "en": "A paid campaign tagged utm_medium={value}: GA4 will count these visits as Organic Social, not Paid Social. Use “{suggestion}”.",
        "fr": "Campagne payante balisée utm_medium={value} : GA4 comptera ces visites en « Réseaux sociaux naturels », pas en payant. Utilisez « {suggestion} ».",
    },
    "utm.issue.paid_not_paid": {
        "en": "A paid campaign tagged utm_medium={value}: GA4 will not see it as paid. Use “{suggestion}”.",
        "fr": "Campagne payante balisée utm_medium={value} : GA4 ne la verra pas comme payante. Utilisez « {suggestion} ».",
    },
    "utm.issue.unassigned": {
        "en": "GA4 does not know the medium “{value}”: these visits would land in Unassigned. Try: {suggestion}.",
        "fr": "GA4 ne connaît pas le support « {value} » : ces visites tomberaient dans « Non attribué ». Essayez : {suggestion}.",
    },
    "utm.issue.not_registered": {
        "en": "“{value}” is not in the campaign registry: add it so its cost and value are counted.",
        "fr": "« {value} » n’est pas dans le registre : ajoutez-la pour en compter le coût et la valeur.",
    },
    "utm.registry.intro": {
        "en": "One line per campaign: its tag, platforms, dates, budget, the objective it serves and what a conversion and a lead are worth.",
        "fr": "Une ligne par campagne : sa balise, ses plateformes, ses dates, son budget, l’objectif servi et la valeur d’une conversion et d’un prospect.",
    },
    "utm.registry.saved": {"en": "Registry saved.", "fr": "Registre enregistré."},
    "utm.registry.empty": {"en": "No campaign registered yet.", "fr": "Aucune campagne enregistrée."},
    "utm.registry.edit": {"en": "Campaign to edit", "fr": "Campagne à modifier"},
    "utm.registry.new": {"en": "New campaign", "fr": "Nouvelle campagne"},
    "utm.registry.save": {"en": "Save", "fr": "Enregistrer"},
    "utm.registry.delete": {"en": "Delete this campaign", "fr": "Supprimer cette campagne"},
    "utm.reg.name": {"en": "Name", "fr": "Nom"},
    "utm.reg.platforms": {"en": "Platforms", "fr": "Plateformes "},
    "utm.reg.platforms.placeholder": {"en": "Choose the platforms", "fr": "Choisir les plateformes"},
    "utm.reg.start": {"en": "Start", "fr": "Début"},
    "utm.reg.end": {"en": "End", "fr": "Fin"},
    "utm.reg.budget": {"en": "Budget", "fr": "Budget prévu"},
    "utm.reg.objective": {"en": "Objective served", "fr": "Objectif servi"},
    "utm.reg.vpc": {"en": "Value per conversion ", "fr": "Valeur par conversion "},
    "utm.reg.vpl": {"en": "Value per lead ", "fr": "Valeur par prospect "},
    "utm.reg.err.required": {"en": "{field} is required.", "fr": "{field} : valeur obligatoire."},
    "utm.reg.err.convention": {
        "en": "{field} must be lower case, words joined by hyphens, no accents: “{suggestion}”.",
        "fr": "{field} doit être en minuscules, mots reliés par des traits d’union, sans accents : « {suggestion} ».",
    },
    "utm.reg.err.duplicate": {
        "en": "{field}: another campaign already uses this name or tag.",
        "fr": "{field} : une autre campagne utilise déjà ce nom ou cette balise.",
    },
    "utm.reg.err.dates": {"en": "The end comes before the start.", "fr": "La fin précède le début."},
    "utm.reg.err.negative": {"en": "{field} cannot be negative.", "fr": "{field} ne peut pas être négatif."},
    "utm.reg.err.objective": {"en": "Unknown objective.", "fr": "Objectif inconnu."},
    "utm.regfield.name": {"en": "Name", "fr": "Nom "},
    "utm.regfield.utm_campaign": {"en": "Campaign tag", "fr": "Balise de campagne"},
    "utm.regfield.end": {"en": "End date", "fr": "Date de fin"},
    "utm.regfield.budget": {"en": "Budget", "fr": "Le budget"},
    "utm.regfield.value_per_conversion": {"en": "Value per conversion", "fr": "La valeur par conversion"},
    "utm.regfield.value_per_lead": {"en": "Value per lead", "fr": "La valeur par prospect"},
    "utm.regfield.objective": {"en": "Objective", "fr": "Objectif"},
    # ------------------------------------------------------------------ hygiene report
    "utm.hygiene.intro": {
        "en": "What the imported website traffic says about your tagging: one value spelled several ways, missing or unknown mediums, "
        "paid campaigns counted as organic, campaigns missing from the registry. Each finding comes with the fix and the visits at stake.",
        "fr": "Ce que le trafic importé révèle du balisage : une valeur écrite de plusieurs façons, supports absents ou inconnus, campagnes "
        "payantes comptées comme naturelles, campagnes absentes du registre. Chaque constat indique la correction et les visites en jeu.",
    },
    "utm.hygiene.whole": {
        "en": "All imported traffic (not only the selected period)",
        "fr": "Tout le trafic importé (pas seulement la période choisie)",
    },
    "utm.hygiene.clean": {"en": "Nothing to fix.", "fr": "Rien à corriger."},
    "utm.hygiene.summary": {"en": "**{n} findings**, {warnings} to fix.", "fr": "**{n} constats**, dont {warnings} à corriger."},
    "utm.metric.sessions": {"en": "sessions", "fr": "sessions"},
    "utm.metric.views": {"en": "views", "fr": "vues"},
    "utm.metric.events": {"en": "events", "fr": "événements"},
    "utm.more": {"en": "and {n} more", "fr": "et {n} autres"},
    "utm.kind.source_variants": {"en": "One source, several spellings", "fr": "Une source, plusieurs graphies"},
    "utm.kind.medium_variants": {"en": "One medium, several spellings", "fr": "Un support, plusieurs graphies"},
    "utm.kind.campaign_variants": {"en": "One campaign, several spellings", "fr": "Une campagne, plusieurs graphies"},
    "utm.kind.referrer_variants": {
        "en": "One platform, several referring addresses",
        "fr": "Une plateforme, plusieurs adresses de provenance",
    },
    "utm.kind.missing_medium": {"en": "Medium missing", "fr": "Support manquant"},
    "utm.kind.unassigned": {"en": "Medium unknown to GA4", "fr": "Support inconnu de GA4"},
    "utm.kind.paid_as_social": {"en": "Paid campaign counted as organic", "fr": "Campagne payante comptée comme naturelle"},
    "utm.kind.unregistered": {"en": "Campaign not in the registry", "fr": "Campagne absente du registre"},
    "utm.kind.registry_only": {
        "en": "Registered campaign never seen in traffic",
        "fr": "Campagne du registre jamais vue dans le trafic",
    },
    "utm.kind.landing_variants": {"en": "One landing page, several addresses", "fr": "Une page d’arrivée, plusieurs adresses"},
    "utm.kind.untagged_clicks": {"en": "Ad clicks without UTM tags", "fr": "Clics publicitaires sans balises UTM"},
    "utm.kind.bad_tags": {"en": "Tags breaking the conventions", "fr": "Balises hors conventions"},
    "utm.find.source_variants": {
        "en": "Spellings found: {values}. {n} {metric} are filed under another spelling than “{suggestion}”.",
        "fr": "Graphies trouvées : {values}. {n} {metric} sont classées sous une autre graphie que « {suggestion} ».",
    },
    "utm.find.medium_variants": {
        "en": "Spellings found: {values}. {n} {metric} use another spelling than “{suggestion}”.",
        "fr": "Graphies trouvées : {values}. {n} {metric} utilisent une autre graphie que « {suggestion} ».",
    },
    "utm.find.campaign_variants": {
        "en": "Spellings found: {values}. {n} {metric} are split off from “{suggestion}”.",
        "fr": "Graphies trouvées : {values}. {n} {metric} sont séparées de « {suggestion} ».",
    },
    "utm.find.referrer_variants": {
        "en": "Addresses found: {values} ({n} {metric}). GA4 lists them apart; Boussole counts them all as {suggestion}.",
        "fr": "Adresses trouvées : {values} ({n} {metric}). GA4 les sépare; Boussole les compte toutes pour {suggestion}.",
    },
    "utm.find.missing_medium": {
        "en": "Source / campaign without medium: {values} — {n} {metric}.",
        "fr": "Source / campagne sans support : {values} — {n} {metric}.",
    },
    "utm.find.unassigned": {
        "en": "Source / medium: {values} — {n} {metric} that GA4 files under Unassigned.",
        "fr": "Source / support : {values} — {n} {metric} que GA4 classe en « Non attribué ».",
    },
    "utm.find.paid_as_social": {
        "en": "“{campaign}” has {cost} of ad spend but its links say {values}: {n} {metric} counted as Organic Social.",
        "fr": "« {campaign} » a {cost} de dépenses publicitaires mais ses liens indiquent {values} : {n} {metric} comptées en « Réseaux sociaux naturels ».",
    },
    "utm.find.unregistered": {
        "en": "{values}: {n} {metric} whose cost and value are not followed.",
        "fr": "{values} : {n} {metric} dont le coût et la valeur ne sont pas suivis.",
    },
    "utm.find.registry_only": {
        "en": "“{campaign}” ({cost} spent) has no tagged visit in the imported traffic.",
        "fr": "« {campaign} » ({cost} dépensés) n’a aucune visite balisée dans le trafic importé.",
    },
    "utm.find.landing_variants": {
        "en": "Addresses found: {values}. {n} {metric} are filed apart from “{suggestion}”.",
        "fr": "Adresses trouvées : {values}. {n} {metric} sont classées à part de « {suggestion} ».",
    },
    "utm.find.untagged_clicks": {
        "en": "{n} landing pages carry a {platform} click id but no UTM tag: {values}",
        "fr": "{n} pages d’arrivée portent un identifiant de clic {platform} mais aucune balise UTM : {values}",
    },
    "utm.find.bad_tags": {
        "en": "{field}: {values} — write “{suggestion}”.",
        "fr": "{field} : {values} — écrire « {suggestion} ».",
    },
    "utm.fix.source_variants": {
        "en": "Write utm_source={suggestion} in every link.",
        "fr": "Écrire utm_source={suggestion} dans tous les liens.",
    },
    "utm.fix.medium_variants": {
        "en": "Write utm_medium={suggestion} in every link.",
        "fr": "Écrire utm_medium={suggestion} dans tous les liens.",
    },
    "utm.fix.campaign_variants": {
        "en": "Write utm_campaign={suggestion} in every link of this campaign (build them with the link builder).",
        "fr": "Écrire utm_campaign={suggestion} dans tous les liens de la campagne (créez-les avec le créateur de liens).",
    },
    "utm.fix.referrer_variants": {
        "en": "Nothing to fix for visitors coming on their own; tag your own links with utm_source={suggestion}.",
        "fr": "Rien à corriger pour les visiteurs venus d’eux-mêmes; balisez vos propres liens avec utm_source={suggestion}.",
    },
    "utm.fix.missing_medium": {
        "en": "Add utm_medium to these links. Suggested: {suggestion}",
        "fr": "Ajouter utm_medium à ces liens. Suggestion : {suggestion}",
    },
    "utm.fix.unassigned": {
        "en": "Use a medium GA4 knows (email, social, paid_social, cpc, referral…). Suggested: {suggestion}",
        "fr": "Utiliser un support connu de GA4 (email, social, paid_social, cpc, referral…). Suggestion : {suggestion}",
    },
    "utm.fix.paid_as_social": {
        "en": "Tag the ads with utm_medium={suggestion}.",
        "fr": "Baliser les publicités avec utm_medium={suggestion}.",
    },
    "utm.fix.unregistered": {
        "en": "Add “{suggestion}” to the campaign registry.",
        "fr": "Ajouter « {suggestion} » au registre des campagnes.",
    },
    "utm.fix.registry_only": {
        "en": "Check that the campaign's links carry utm_campaign={suggestion}.",
        "fr": "Vérifier que les liens de la campagne portent utm_campaign={suggestion}.",
    },
    "utm.fix.landing_variants": {
        "en": "Link to one address, “{suggestion}”, and keep test parameters out of shared links.",
        "fr": "Pointer vers une seule adresse, « {suggestion} », et garder les paramètres de test hors des liens partagés.",
    },
    "utm.fix.untagged_clicks": {
        "en": "Add UTM tags to the ads' destination links.",
        "fr": "Ajouter des balises UTM aux liens de destination des publicités.",
    },
    "utm.fix.bad_tags": {"en": "Rebuild the link with the link builder.", "fr": "Recréer le lien avec le créateur de liens."},
    "utm.urls.title": {"en": "Check landing-page addresses", "fr": "Vérifier des adresses de pages d’arrivée"},
    "utm.urls.help": {
        "en": "Paste landing pages as exported (one per line) to spot ad clicks that arrive without tags and tags breaking the conventions.",
        "fr": "Collez des pages d’arrivée telles qu’exportées (une par ligne) pour repérer les clics publicitaires non balisés et les balises hors conventions.",
    },
    "utm.urls.input": {"en": "Landing pages", "fr": "Pages d’arrivée"},
}
