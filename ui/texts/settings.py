"""Texts of the Settings page (API sources: configuration, test, pull now, last status)."""

TEXTS = {
    "settings.title": {"en": "Settings", "fr": "Paramètres"},
    "settings.intro": {
        "en": "Connect the platforms that offer an API so that **{workspace}** fills itself: followers, posts, "
        "mentions and website visits. What you enter here applies to this workspace only.",
        "fr": "Branchez les plateformes qui offrent une API pour que **{workspace}** se remplisse tout seul : abonnés, "
        "publications, mentions et visites du site. Ce que vous saisissez ici ne vaut que pour cet espace de travail.",
    },
    "settings.secrets_note": {
        "en": "Passwords, keys and tokens are never typed in here and never displayed: they stay in the .env file on the "
        "server (see .env.example). This page only tells you whether each one is present.",
        "fr": "Les mots de passe, clés et jetons ne se saisissent pas ici et ne s’affichent jamais : ils restent dans le "
        "fichier .env du serveur (voir .env.example). Cette page indique seulement s’ils sont présents.",
    },
    "settings.enabled": {"en": "Include in scheduled pulls", "fr": "Inclure dans les collectes planifiées"},
    "settings.save": {"en": "Save settings", "fr": "Enregistrer les paramètres"},
    "settings.saved": {"en": "Settings saved.", "fr": "Paramètres enregistrés."},
    "settings.test": {"en": "Test the connection", "fr": "Tester la connexion"},
    "settings.pull": {"en": "Pull now", "fr": "Collecter maintenant"},
    "settings.not_configured": {"en": "not set up", "fr": "non configurée"},
    "settings.badge.ok": {"en": "working", "fr": "fonctionne"},
    "settings.badge.failed": {"en": "last pull failed", "fr": "dernière collecte en échec"},
    "settings.badge.off": {"en": "paused", "fr": "en pause"},
    "settings.badge.never": {"en": "never pulled", "fr": "jamais collectée"},
    "settings.secrets": {"en": "Secrets (from the .env file)", "fr": "Secrets (fichier .env)"},
    "settings.secret.set": {"en": "{var}: present ••••••••", "fr": "{var} : présent ••••••••"},
    "settings.secret.unset": {"en": "{var}: missing", "fr": "{var} : absent"},
    "settings.secret.optional": {"en": "(optional)", "fr": "(facultatif)"},
    "settings.secret.hint": {
        "en": "Add the missing line(s) to .env on the server, then test the connection.",
        "fr": "Ajoutez la ou les lignes manquantes au fichier .env du serveur, puis testez la connexion.",
    },
    "settings.advanced": {"en": "Advanced", "fr": "Options avancées"},
    "settings.f.lookback_days": {"en": "Days re-read on every pull", "fr": "Jours relus à chaque collecte"},
    "settings.h.lookback_days": {
        "en": "Platforms revise recent numbers (likes keep coming, analytics settle after a few days): each pull "
        "reads these last days again and updates them.",
        "fr": "Les plateformes révisent les chiffres récents (les mentions J’aime continuent d’arriver, les statistiques "
        "se stabilisent après quelques jours) : chaque collecte relit ces derniers jours et les met à jour.",
    },
    "settings.f.initial_days": {"en": "History fetched by the first pull (days)", "fr": "Historique de la première collecte (jours)"},
    "settings.f.env_suffix": {"en": "Suffix of the secret names in .env", "fr": "Suffixe des noms de secrets dans .env"},
    "settings.h.env_suffix": {
        "en": "To keep several clients’ secrets in one .env: with the suffix ACME this workspace reads "
        "MASTODON_ACCESS_TOKEN_ACME instead of MASTODON_ACCESS_TOKEN, and so on.",
        "fr": "Pour garder les secrets de plusieurs clients dans un seul .env : avec le suffixe ACME, cet espace lit "
        "MASTODON_ACCESS_TOKEN_ACME au lieu de MASTODON_ACCESS_TOKEN, et ainsi de suite.",
    },
    "settings.list_help": {"en": "One per line.", "fr": "Un par ligne."},
    # sources
    "settings.label.rss": {"en": "RSS / Atom alerts", "fr": "Alertes RSS / Atom"},
    "settings.src.mastodon": {
        "en": "Followers, your posts with their favourites, boosts and replies, and mentions (notifications with a "
        "token, or hashtags).",
        "fr": "Abonnés, vos publications avec leurs favoris, partages et réponses, et les mentions (notifications avec "
        "un jeton, ou mots-clics).",
    },
    "settings.src.bluesky": {
        "en": "Followers, your posts with their likes, reposts and replies, and the posts that mention you.",
        "fr": "Abonnés, vos publications avec leurs J’aime, republications et réponses, et les messages qui vous citent.",
    },
    "settings.src.youtube": {
        "en": "Subscribers and your videos with their views, likes and comments.",
        "fr": "Abonnés et vos vidéos avec leurs vues, J’aime et commentaires.",
    },
    "settings.src.ga4": {
        "en": "Website visits per day by source, medium and campaign, with key events and revenue.",
        "fr": "Visites du site par jour, par source, support et campagne, avec les événements clés et les revenus.",
    },
    "settings.src.rss": {
        "en": "Mentions found by Google Alerts, Talkwalker Alerts or any RSS/Atom feed.",
        "fr": "Mentions repérées par Google Alertes, Talkwalker Alerts ou tout flux RSS/Atom.",
    },
    "settings.src.matomo": {
        "en": "Website visits per day by referrer and by campaign.",
        "fr": "Visites du site par jour, par site référent et par campagne.",
    },
    "settings.src.plausible": {
        "en": "Website visits per day by UTM source, medium and campaign.",
        "fr": "Visites du site par jour, par source, support et campagne UTM.",
    },
    # fields
    "settings.f.mastodon.instance": {"en": "Server address", "fr": "Adresse du serveur"},
    "settings.h.mastodon.instance": {"en": "For example https://mastodon.social", "fr": "Par exemple https://mastodon.social"},
    "settings.f.mastodon.account": {"en": "Account name on that server", "fr": "Nom du compte sur ce serveur"},
    "settings.f.mastodon.hashtags": {"en": "Hashtags to watch (without #)", "fr": "Mots-clics à surveiller (sans #)"},
    "settings.f.bluesky.handle": {"en": "Handle", "fr": "Identifiant"},
    "settings.h.bluesky.handle": {"en": "For example yourbrand.bsky.social", "fr": "Par exemple votremarque.bsky.social"},
    "settings.f.bluesky.search_terms": {
        "en": "Words to search for mentions (empty: your handle)",
        "fr": "Mots à chercher pour les mentions (vide : votre identifiant)",
    },
    "settings.f.bluesky.appview": {"en": "Public API address", "fr": "Adresse de l’API publique"},
    "settings.f.bluesky.pds": {"en": "Your account’s server", "fr": "Serveur de votre compte"},
    "settings.f.youtube.channel": {"en": "Channel id (UC…) or @handle", "fr": "Identifiant de chaîne (UC…) ou @nom"},
    "settings.f.ga4.property_id": {"en": "Property id (numbers only)", "fr": "Identifiant de propriété (chiffres seulement)"},
    "settings.h.ga4.property_id": {
        "en": "Admin > Property details. Add the service account’s e-mail as a Viewer of the property.",
        "fr": "Administration > Détails de la propriété. Ajoutez l’adresse du compte de service comme Lecteur de la propriété.",
    },
    "settings.f.rss.feeds": {"en": "Feed addresses", "fr": "Adresses des flux"},
    "settings.h.rss.feeds": {
        "en": "Google Alerts: choose “Deliver to: RSS feed” and copy the feed link. Talkwalker Alerts: choose the RSS delivery.",
        "fr": "Google Alertes : choisissez « Envoyer à : flux RSS » et copiez le lien du flux. Talkwalker Alerts : choisissez "
        "l’envoi par RSS.",
    },
    "settings.f.rss.brand": {"en": "Brand these alerts are about", "fr": "Marque visée par ces alertes"},
    "settings.f.matomo.url": {"en": "Matomo address", "fr": "Adresse de Matomo"},
    "settings.f.matomo.site_id": {"en": "Website id (idSite)", "fr": "Identifiant du site (idSite)"},
    "settings.f.plausible.site_id": {"en": "Site domain in Plausible", "fr": "Domaine du site dans Plausible"},
    "settings.f.plausible.url": {"en": "Plausible address", "fr": "Adresse de Plausible"},
    # results
    "settings.check.ok": {"en": "The connection works.", "fr": "La connexion fonctionne."},
    "settings.err.config": {
        "en": "The settings or credentials are not right: the service refused them. Check them, then test again.",
        "fr": "Les paramètres ou les identifiants ne conviennent pas : le service les a refusés. Vérifiez-les, puis "
        "testez de nouveau.",
    },
    "settings.err.transient": {
        "en": "The service did not answer properly (unavailable, too slow or busy). Nothing was changed; the next "
        "pull will try again.",
        "fr": "Le service n’a pas répondu correctement (indisponible, trop lent ou surchargé). Rien n’a été modifié ; "
        "la prochaine collecte réessaiera.",
    },
    "settings.err.invalid": {
        "en": "The service sent data Boussole could not store. Nothing was changed.",
        "fr": "Le service a envoyé des données que Boussole n’a pas pu enregistrer. Rien n’a été modifié.",
    },
    "settings.err.internal": {
        "en": "Something unexpected went wrong. Nothing was changed.",
        "fr": "Un problème inattendu est survenu. Rien n’a été modifié.",
    },
    "settings.err.detail": {"en": "What the service said", "fr": "Ce qu’a répondu le service"},
    "settings.pull.progress": {"en": "Reading {what}… {n} rows so far", "fr": "Lecture : {what}… {n} lignes pour l’instant"},
    "settings.pull.done": {"en": "Pull finished.", "fr": "Collecte terminée."},
    "settings.pull.locked": {
        "en": "Another pull of this workspace is running (perhaps the scheduled one). Try again in a few minutes.",
        "fr": "Une autre collecte de cet espace est en cours (peut-être la collecte planifiée). Réessayez dans quelques "
        "minutes.",
    },
    "settings.status.ok": {"en": "Last pull: {when}, successful.", "fr": "Dernière collecte : {when}, réussie."},
    "settings.status.failed": {"en": "Last pull: {when}, failed.", "fr": "Dernière collecte : {when}, en échec."},
    "settings.status.last_success": {"en": "Last successful pull: {when}.", "fr": "Dernière collecte réussie : {when}."},
    "settings.status.never": {"en": "Never pulled yet.", "fr": "Aucune collecte pour l’instant."},
    "settings.col.data": {"en": "Data", "fr": "Données"},
    "settings.col.read": {"en": "Rows read", "fr": "Lignes lues"},
    "settings.col.added": {"en": "New", "fr": "Nouvelles"},
    "settings.col.updated": {"en": "Updated", "fr": "Mises à jour"},
    "settings.col.unchanged": {"en": "Unchanged", "fr": "Inchangées"},
    "settings.schedule.title": {"en": "Scheduled pulls", "fr": "Collectes planifiées"},
    "settings.schedule.help": {
        "en": "To pull every hour, add this line to the server’s crontab (crontab -e). A pull that finds another one "
        "still running stops at once, so overlaps are harmless.",
        "fr": "Pour collecter toutes les heures, ajoutez cette ligne à la crontab du serveur (crontab -e). Une collecte "
        "qui en trouve une autre en cours s’arrête aussitôt : les chevauchements sont sans danger.",
    },
}
