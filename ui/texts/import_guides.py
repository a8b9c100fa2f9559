"""Per-platform how-tos shown beside the uploader (``import.guide.*``): where each export is
downloaded and which one Boussole expects. Menu names follow each platform's own wording."""

GUIDES = ("x", "meta", "meta_ads", "linkedin", "youtube", "tiktok", "ga4", "google_ads", "listening", "crm")

TEXTS = {
    "import.guide.x.title": {"en": "X (Twitter)", "fr": "X (Twitter)"},
    "import.guide.x.body": {
        "en": "In **X Analytics** (analytics on the account menu), open the **Content** tab, pick the date range and "
        "choose **Export data**: one row per post. The **Overview** export gives the account's daily totals; import "
        "both. The older *tweet activity* files (per tweet or *by day*) are accepted too.",
        "fr": "Dans **X Analytics** (le menu Analytique du compte), ouvrez l’onglet **Contenu**, choisissez la période "
        "puis **Exporter les données** : une ligne par publication. L’export **Vue d’ensemble** donne les totaux "
        "quotidiens du compte ; importez les deux. Les anciens fichiers *tweet activity* (par tweet ou *by day*) "
        "sont aussi acceptés.",
    },
    "import.guide.meta.title": {
        "en": "Facebook and Instagram (Meta Business Suite)",
        "fr": "Facebook et Instagram (Meta Business Suite)",
    },
    "import.guide.meta.body": {
        "en": "In **Meta Business Suite**, go to **Insights › Content**, set the dates and click **Export data** "
        "(CSV) for post-level results. For the page or account series (followers, reach per day), use the export "
        "button of **Insights › Overview** or **Audience**. Facebook and Instagram are exported separately; import "
        "each file as it comes.",
        "fr": "Dans **Meta Business Suite**, allez dans **Statistiques › Contenu**, réglez les dates et cliquez sur "
        "**Exporter les données** (CSV) pour les résultats par publication. Pour les séries de la page ou du compte "
        "(abonnés, couverture par jour), utilisez le bouton d’export de **Statistiques › Vue d’ensemble** ou "
        "**Audience**. Facebook et Instagram s’exportent séparément ; importez chaque fichier tel quel.",
    },
    "import.guide.meta_ads.title": {"en": "Meta Ads Manager", "fr": "Gestionnaire de publicités Meta"},
    "import.guide.meta_ads.body": {
        "en": "In **Ads Manager**, open **Reports** (or the campaigns table), add a **Day** breakdown if you want daily "
        "spend, then **Export › Export table data** as CSV or XLSX. Boussole reads spend, impressions, clicks and "
        "results per campaign into the costs.",
        "fr": "Dans le **Gestionnaire de publicités**, ouvrez **Rapports** (ou le tableau des campagnes), ajoutez une "
        "ventilation par **Jour** pour les dépenses quotidiennes, puis **Exporter › Exporter les données du tableau** "
        "en CSV ou XLSX. Boussole range dépenses, impressions, clics et résultats par campagne dans les coûts.",
    },
    "import.guide.linkedin.title": {"en": "LinkedIn Page", "fr": "Page LinkedIn"},
    "import.guide.linkedin.body": {
        "en": "As a page admin, open the page, then **Analytics** and the **Content**, **Followers** or **Visitors** "
        "section; choose the period and click **Export**. You get an .xlsx file: import it unchanged (each sheet is "
        "read).",
        "fr": "En tant qu’administrateur, ouvrez la page, puis **Statistiques** et la section **Contenu**, "
        "**Abonnés** ou **Visiteurs** ; choisissez la période et cliquez sur **Exporter**. Vous obtenez un fichier "
        ".xlsx : importez-le sans le modifier (chaque onglet est lu).",
    },
    "import.guide.youtube.title": {"en": "YouTube Studio", "fr": "YouTube Studio"},
    "import.guide.youtube.body": {
        "en": "In **YouTube Studio › Analytics**, click **Advanced mode**, choose the period and the breakdown (video, "
        "or date), then the download icon **› Comma-separated values (.csv)**. The download is a zip: unzip it and "
        "import *Table data.csv* and *Chart data.csv*.",
        "fr": "Dans **YouTube Studio › Statistiques**, cliquez sur **Mode avancé**, choisissez la période et la "
        "ventilation (vidéo ou date), puis l’icône de téléchargement **› Valeurs séparées par des virgules (.csv)**. "
        "Le téléchargement est un zip : décompressez-le et importez *Table data.csv* et *Chart data.csv*.",
    },
    "import.guide.tiktok.title": {"en": "TikTok Studio", "fr": "TikTok Studio"},
    "import.guide.tiktok.body": {
        "en": "In **TikTok Studio › Analytics** (on a computer), pick the **Overview**, **Content** or **Followers** tab "
        "and the date range, then **Download data** and choose CSV or XLSX.",
        "fr": "Dans **TikTok Studio › Statistiques** (sur ordinateur), choisissez l’onglet **Vue d’ensemble**, "
        "**Contenu** ou **Abonnés** et la période, puis **Télécharger les données** au format CSV ou XLSX.",
    },
    "import.guide.ga4.title": {"en": "Google Analytics 4", "fr": "Google Analytics 4"},
    "import.guide.ga4.body": {
        "en": "Open a report (for social visits: **Reports › Acquisition › Traffic acquisition**, with *Session "
        "source / medium* and, for campaigns, *Session campaign*), then **Share this report › Download file › "
        "Download CSV**. An **Exploration** with a *Date* dimension can be exported the same way; it gives day-by-day "
        "figures.",
        "fr": "Ouvrez un rapport (pour les visites venues des réseaux : **Rapports › Acquisition › Acquisition de "
        "trafic**, avec *Source/support de la session* et, pour les campagnes, *Campagne de la session*), puis "
        "**Partager ce rapport › Télécharger le fichier › Télécharger au format CSV**. Une **Exploration** avec la "
        "dimension *Date* s’exporte de la même façon et donne des chiffres jour par jour.",
    },
    "import.guide.google_ads.title": {"en": "Google Ads", "fr": "Google Ads"},
    "import.guide.google_ads.body": {
        "en": "In **Google Ads**, open **Campaigns** (or **Reports**), set the dates, add a *Day* segment if you want "
        "daily spend, then the **Download** icon and CSV (or Excel CSV). Title and total lines are skipped.",
        "fr": "Dans **Google Ads**, ouvrez **Campagnes** (ou **Rapports**), réglez les dates, ajoutez le segment *Jour* "
        "pour les dépenses quotidiennes, puis l’icône **Télécharger** et CSV (ou CSV Excel). Les lignes de titre et de "
        "total sont ignorées.",
    },
    "import.guide.listening.title": {
        "en": "Listening tools (Meltwater, Brandwatch…)",
        "fr": "Outils d’écoute (Meltwater, Brandwatch…)",
    },
    "import.guide.listening.body": {
        "en": "Export the **mentions** list of your search or monitor (in Meltwater: *Explore* or *Monitor* › "
        "download as CSV; in Brandwatch: the mentions component › *Download* › CSV). One row per mention. If the file "
        "has no sentiment column, Boussole scores French and English texts itself.",
        "fr": "Exportez la **liste des mentions** de votre recherche ou veille (dans Meltwater : *Explore* ou *Monitor* "
        "› téléchargement CSV ; dans Brandwatch : le composant des mentions › *Download* › CSV). Une ligne par mention. "
        "Si le fichier n’a pas de colonne de sentiment, Boussole évalue lui-même les textes en français et en anglais.",
    },
    "import.guide.crm.title": {
        "en": "Contacts and leads (HubSpot, Salesforce)",
        "fr": "Contacts et prospects (HubSpot, Salesforce)",
    },
    "import.guide.crm.body": {
        "en": "In **HubSpot**, open **Contacts**, filter the view, then **Export** (CSV) with the creation date, "
        "original source, UTM campaign and lifecycle stage. In **Salesforce**, run a **Leads** report and "
        "**Export › Details only** as CSV. E-mails and phone numbers are never stored: they are replaced by an "
        "anonymous identifier.",
        "fr": "Dans **HubSpot**, ouvrez **Contacts**, filtrez la vue puis **Exporter** (CSV) avec la date de création, "
        "la source d’origine, la campagne UTM et l’étape du cycle de vie. Dans **Salesforce**, lancez un rapport "
        "**Pistes** puis **Exporter › Détails uniquement** en CSV. Les courriels et numéros de téléphone ne sont jamais "
        "enregistrés : ils sont remplacés par un identifiant anonyme.",
    },
}
