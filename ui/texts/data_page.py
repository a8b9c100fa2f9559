"""Texts of the Data page (``data.*``) and the Workspaces page (``workspaces.*``)."""

TEXTS = {
    "data.title": {"en": "What this workspace holds", "fr": "Ce que contient cet espace de travail"},
    "data.intro": {
        "en": "Every table of **{workspace}**: how many rows, which dates they cover, missing days in daily series and "
        "when each was last imported.",
        "fr": "Chaque table de **{workspace}** : combien de lignes, quelles dates elles couvrent, les jours manquants "
        "des séries quotidiennes et la date de la dernière importation.",
    },
    "data.empty": {
        "en": "This workspace is empty. Import exports on the Import page.",
        "fr": "Cet espace de travail est vide. Importez des exports dans la page Importer.",
    },
    "data.summary": {
        "en": "{rows} rows in {tables} tables, {size} on disk.",
        "fr": "{rows} lignes dans {tables} tables, {size} sur le disque.",
    },
    "data.table.rows": {"en": "{rows} rows", "fr": "{rows} lignes"},
    "data.table.last_import": {"en": "last import {when}", "fr": "dernière importation le {when}"},
    "data.table.never": {"en": "no import recorded", "fr": "aucune importation enregistrée"},
    "data.col.group": {"en": "Platform or source", "fr": "Plateforme ou source"},
    "data.col.rows": {"en": "Rows", "fr": "Lignes"},
    "data.col.first": {"en": "First date", "fr": "Première date"},
    "data.col.last": {"en": "Last date", "fr": "Dernière date"},
    "data.col.missing": {"en": "Missing days", "fr": "Jours manquants"},
    "data.col.gaps": {"en": "Gaps", "fr": "Trous"},
    "data.gaps.none": {"en": "none", "fr": "aucun"},
    "data.gaps.more": {"en": "and {n} more", "fr": "et {n} de plus"},
    "data.posts_chart": {"en": "Posts per week", "fr": "Publications par semaine"},
    "data.posts_chart.y": {"en": "Posts", "fr": "Publications"},
    "data.history": {"en": "Import history", "fr": "Historique des importations"},
    "data.history.empty": {"en": "Nothing imported yet.", "fr": "Rien n’a encore été importé."},
    "data.col.when": {"en": "When", "fr": "Quand"},
    "data.col.file": {"en": "File", "fr": "Fichier"},
    "data.col.format": {"en": "Format", "fr": "Format"},
    "data.col.read": {"en": "Read", "fr": "Lues"},
    "data.col.added": {"en": "Added", "fr": "Ajoutées"},
    "data.col.updated": {"en": "Updated", "fr": "Mises à jour"},
    "data.col.skipped": {"en": "Unchanged", "fr": "Inchangées"},
    "data.download": {"en": "Download a table", "fr": "Télécharger une table"},
    "data.download.table": {"en": "Table", "fr": "Table"},
    "data.download.format": {"en": "Format", "fr": "Format"},
    "data.download.button": {"en": "Download {table} ({fmt})", "fr": "Télécharger {table} ({fmt})"},
    "data.download.help": {
        "en": "CSV opens in any spreadsheet (cells that a spreadsheet would run as formulas are prefixed with ’); "
        "Parquet keeps exact types for pandas, DuckDB or Spark.",
        "fr": "Le CSV s’ouvre dans tout tableur (les cellules qu’un tableur exécuterait comme formules sont précédées "
        "de ’) ; le Parquet garde les types exacts pour pandas, DuckDB ou Spark.",
    },
    # workspaces page
    "workspaces.title": {"en": "Workspaces", "fr": "Espaces de travail"},
    "workspaces.intro": {
        "en": "One workspace per organisation or client: its data and settings never mix with another's.",
        "fr": "Un espace de travail par organisation ou par client : ses données et ses réglages ne se mélangent "
        "jamais avec ceux d’un autre.",
    },
    "workspaces.current": {"en": "current", "fr": "actuel"},
    "workspaces.rows": {"en": "{rows} rows", "fr": "{rows} lignes"},
    "workspaces.open": {"en": "Open", "fr": "Ouvrir"},
    "workspaces.none": {"en": "No workspace yet.", "fr": "Aucun espace de travail pour l’instant."},
    "workspaces.create": {"en": "Create a workspace", "fr": "Créer un espace de travail"},
    "workspaces.name": {"en": "Name", "fr": "Nom"},
    "workspaces.name.help": {
        "en": "Letters, digits, '-', '_' or '.', up to 64 characters, starting with a letter or digit. It appears in links.",
        "fr": "Lettres, chiffres, « - », « _ » ou « . », 64 caractères au plus, en commençant par une lettre ou un "
        "chiffre. Il apparaît dans les liens.",
    },
    "workspaces.create.button": {"en": "Create", "fr": "Créer"},
    "workspaces.created": {"en": "Workspace {name} created and opened.", "fr": "Espace de travail {name} créé et ouvert."},
    "workspaces.invalid": {
        "en": "This name cannot be used: letters, digits, '-', '_' or '.', starting with a letter or digit.",
        "fr": "Ce nom n’est pas utilisable : lettres, chiffres, « - », « _ » ou « . », en commençant par une lettre ou un chiffre.",
    },
    "workspaces.exists": {
        "en": "A workspace named {name} already exists.",
        "fr": "Un espace de travail nommé {name} existe déjà.",
    },
    "workspaces.rename": {"en": "Rename", "fr": "Renommer"},
    "workspaces.rename.new": {"en": "New name", "fr": "Nouveau nom"},
    "workspaces.rename.button": {"en": "Rename", "fr": "Renommer"},
    "workspaces.renamed": {"en": "Renamed {old} to {new}.", "fr": "{old} renommé en {new}."},
    "workspaces.delete": {"en": "Delete", "fr": "Supprimer"},
    "workspaces.delete.warning": {
        "en": "Deleting **{name}** removes all its data and settings for good. Type its name to confirm.",
        "fr": "Supprimer **{name}** efface définitivement toutes ses données et ses réglages. Tapez son nom pour confirmer.",
    },
    "workspaces.delete.confirm": {"en": "Type the name to confirm", "fr": "Tapez le nom pour confirmer"},
    "workspaces.delete.button": {"en": "Delete for good", "fr": "Supprimer définitivement"},
    "workspaces.deleted": {"en": "Workspace {name} deleted.", "fr": "Espace de travail {name} supprimé."},
    "workspaces.select": {"en": "Workspace", "fr": "Espace de travail"},
    "data.undo.last": {"en": "Last change to the store: **{what}**, {when}.", "fr": "Dernière modification des données : **{what}**, {when}."},
    "data.undo.confirm": {"en": "I want to undo it (the data goes back to how it was just before)",
                          "fr": "Je veux l’annuler (les données reviennent à leur état juste avant)"},
    "data.undo.button": {"en": "Undo this change", "fr": "Annuler cette modification"},
    "data.undo.done": {"en": "Undone: {what}. The previous data is back (this undo can itself be undone).",
                       "fr": "Annulé : {what}. Les données précédentes sont revenues (cette annulation peut elle-même être annulée)."},
    "data.undo.action.import": {"en": "an import", "fr": "une importation"},
    "data.undo.action.delete": {"en": "a deletion", "fr": "une suppression"},
    "data.undo.action.undo": {"en": "an undo", "fr": "une annulation"},
    "data.undo.action.pull": {"en": "an API pull", "fr": "une collecte API"},
}
