"""Sign-in, roles and the access-control notes (ui/access.py, app.py); safe downloads (ui/safe.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "access.signin.intro": {
        "en": "This Boussole is private. Sign in to see your workspaces.",
        "fr": "Cette Boussole est privée. Connectez-vous pour voir vos espaces de travail.",
    },
    "access.signin.oidc": {"en": "Sign in", "fr": "Se connecter"},
    "access.signin": {"en": "Sign in", "fr": "Se connecter"},
    "access.user": {"en": "User name", "fr": "Nom d’utilisateur"},
    "access.password": {"en": "Password", "fr": "Mot de passe"},
    "access.wrong": {
        "en": "Wrong user name or password.",
        "fr": "Nom d’utilisateur ou mot de passe incorrect.",
    },
    "access.signout": {"en": "Sign out", "fr": "Se déconnecter"},
    "access.signout.none": {"en": "Sign in as someone else", "fr": "Se connecter avec un autre compte"},
    "access.no_workspace": {
        "en": "You are signed in as {user}, but no workspace is shared with you yet. Ask the owner to give you a role.",
        "fr": "Vous êtes connecté en tant que {user}, mais aucun espace de travail ne vous est encore ouvert. "
        "Demandez au propriétaire de vous donner un rôle.",
    },
    "access.signed_in": {"en": "Signed in: {user} ({role})", "fr": "Connecté : {user} ({role})"},
    "access.role.viewer": {"en": "viewer", "fr": "lecteur"},
    "access.role.editor": {"en": "editor", "fr": "éditeur"},
    "access.role.owner": {"en": "owner", "fr": "propriétaire"},
    "access.off_note": {
        "en": ":material/lock_open: Access control is off: local use, only this computer can open this page.",
        "fr": ":material/lock_open: Contrôle d’accès désactivé : usage local, seul cet ordinateur peut ouvrir cette page.",
    },
    "access.remote_refused": {
        "en": "This server can be reached from other computers but no access control is configured, so nothing is "
        "shown. Set BOUSSOLE_PASSWORD in .env (or an [auth] section in .streamlit/secrets.toml), or run it on "
        "127.0.0.1 only. See the README, “Hosting”.",
        "fr": "Ce serveur est joignable depuis d’autres ordinateurs mais aucun contrôle d’accès n’est configuré : "
        "rien n’est affiché. Définissez BOUSSOLE_PASSWORD dans .env (ou une section [auth] dans "
        ".streamlit/secrets.toml), ou limitez-le à 127.0.0.1. Voir le README, « Hébergement ».",
    },
    "access.config_error": {
        "en": "The access configuration cannot be read, so nothing is shown: {detail}",
        "fr": "La configuration des accès est illisible : rien n’est affiché. {detail}",
    },
    "safe.download.csv": {
        "en": "Download these {n} rows as CSV",
        "fr": "Télécharger ces {n} lignes en CSV",
    },
    "safe.download.csv.one": {
        "en": "Download this row as CSV",
        "fr": "Télécharger cette ligne en CSV",
    },
}
