"""Texts of the Import page (``import.*``)."""

TEXTS = {
    "import.title": {"en": "Import exports", "fr": "Importer des exports"},
    "import.intro": {
        "en": "Drop the files you downloaded from your platforms into **{workspace}**. Boussole recognises the layout, "
        "shows what it will store, and never counts a row twice: importing the same file again changes nothing.",
        "fr": "Déposez les fichiers téléchargés depuis vos plateformes dans **{workspace}**. Boussole reconnaît leur "
        "mise en page, montre ce qu’il va enregistrer et ne compte jamais une ligne deux fois : réimporter le même "
        "fichier ne change rien.",
    },
    "import.uploader": {"en": "Export files (CSV, TSV, TXT, XLSX, XLS)", "fr": "Fichiers d’export (CSV, TSV, TXT, XLSX, XLS)"},
    "import.uploader.help": {
        "en": "Several files at once are fine. Up to {size} MB per file. Comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252.",
        "fr": "Plusieurs fichiers à la fois, c’est possible. Jusqu’à {size} Mo par fichier. Virgule, point-virgule ou "
        "tabulation ; UTF-8, UTF-16 ou Windows-1252.",
    },
    "import.limit": {"en": "Maximum size: {size} MB per file.", "fr": "Taille maximale : {size} Mo par fichier."},
    "import.account": {"en": "Account name (optional)", "fr": "Nom du compte (facultatif)"},
    "import.account.help": {
        "en": "Used when an export does not say which account it comes from (e.g. @ourbrand).",
        "fr": "Utilisé quand un export n’indique pas de quel compte il provient (p. ex. @notremarque).",
    },
    "import.unavailable": {
        "en": "The importer is not available in this installation.",
        "fr": "L’outil d’importation n’est pas disponible dans cette installation.",
    },
    "import.detected": {"en": "Recognised as **{label}**", "fr": "Reconnu comme **{label}**"},
    "import.targets": {"en": "Will be stored in: {tables}", "fr": "Sera enregistré dans : {tables}"},
    "import.preview": {
        "en": "First rows as they will be stored — {table}",
        "fr": "Premières lignes telles qu’elles seront enregistrées — {table}",
    },
    "import.preview.empty": {"en": "No rows to preview.", "fr": "Aucune ligne à prévisualiser."},
    "import.file.meta": {"en": "{size} · encoding {encoding}", "fr": "{size} · encodage {encoding}"},
    "import.go": {"en": "Import {n} file(s)", "fr": "Importer {n} fichier(s)"},
    "import.nothing": {
        "en": "None of these files can be imported as they are. See the notes under each file.",
        "fr": "Aucun de ces fichiers ne peut être importé tel quel. Voyez les remarques sous chaque fichier.",
    },
    "import.progress": {"en": "Importing {file}…", "fr": "Importation de {file}…"},
    "import.results": {"en": "Last import", "fr": "Dernière importation"},
    "import.result.ok": {
        "en": "**{file}** → {table}: {read} rows read, {added} added, {updated} updated, {skipped} unchanged.",
        "fr": "**{file}** → {table} : {read} lignes lues, {added} ajoutées, {updated} mises à jour, {skipped} inchangées.",
    },
    "import.result.same": {
        "en": "**{file}**: already imported, nothing changed.",
        "fr": "**{file}** : déjà importé, rien n’a changé.",
    },
    "import.result.failed": {"en": "**{file}** was not imported.", "fr": "**{file}** n’a pas été importé."},
    "import.result.see_data": {
        "en": "The Data page shows everything the workspace now holds.",
        "fr": "La page Données montre tout ce que contient maintenant l’espace de travail.",
    },
    # errors, by ImportFailure.code
    "import.err.where": {"en": "Line {line}, column “{column}”.", "fr": "Ligne {line}, colonne « {column} »."},
    "import.err.where_line": {"en": "Line {line}.", "fr": "Ligne {line}."},
    "import.err.expected": {"en": "Expected {expected}; found {found}.", "fr": "Attendu : {expected} ; trouvé : {found}."},
    "import.err.invalid": {"en": "A value in the file is not valid.", "fr": "Une valeur du fichier n’est pas valide."},
    "import.err.number": {"en": "A cell should hold a number.", "fr": "Une cellule devrait contenir un nombre."},
    "import.err.date": {"en": "A cell should hold a date.", "fr": "Une cellule devrait contenir une date."},
    "import.err.negative": {"en": "A count cannot be negative.", "fr": "Un décompte ne peut pas être négatif."},
    "import.err.future": {"en": "A date lies in the future.", "fr": "Une date est dans le futur."},
    "import.err.empty": {"en": "The file is empty.", "fr": "Le fichier est vide."},
    "import.err.header_only": {
        "en": "The file has a header but no data rows.",
        "fr": "Le fichier a une ligne d’en-tête mais aucune ligne de données.",
    },
    "import.err.binary": {
        "en": "This is not a CSV or Excel export (a PDF, an image, a zip archive or a damaged file?).",
        "fr": "Ce n’est pas un export CSV ou Excel (un PDF, une image, une archive zip ou un fichier abîmé ?).",
    },
    "import.err.xls": {
        "en": "Old .xls workbooks cannot be read here: open it in your spreadsheet and save it as .xlsx or CSV.",
        "fr": "Les anciens classeurs .xls ne sont pas lus ici : ouvrez-le dans votre tableur et enregistrez-le en .xlsx ou en CSV.",
    },
    "import.err.csv": {
        "en": "The file is not well-formed CSV (a quote is never closed).",
        "fr": "Le fichier n’est pas un CSV bien formé (un guillemet n’est jamais refermé).",
    },
    "import.err.truncated": {
        "en": "The last line is cut short: the download may have been interrupted.",
        "fr": "La dernière ligne est coupée : le téléchargement a peut-être été interrompu.",
    },
    "import.err.duplicate_column": {
        "en": "Two columns have the same name but different values.",
        "fr": "Deux colonnes portent le même nom mais ont des valeurs différentes.",
    },
    "import.err.sci_id": {
        "en": "An identifier was turned into scientific notation by a spreadsheet (e.g. 1.23E+18). "
        "Download the export again and import it without opening it in a spreadsheet first.",
        "fr": "Un tableur a transformé un identifiant en notation scientifique (p. ex. 1,23E+18). "
        "Téléchargez de nouveau l’export et importez-le sans l’ouvrir d’abord dans un tableur.",
    },
    "import.err.missing": {"en": "The file could not be found.", "fr": "Le fichier est introuvable."},
    "import.err.unknown_layout": {
        "en": "Boussole does not know this layout yet. Tell it once which column is which; it will remember for the next files like it.",
        "fr": "Boussole ne connaît pas encore cette mise en page. Indiquez-lui une fois à quoi correspond chaque colonne ; "
        "il s’en souviendra pour les prochains fichiers semblables.",
    },
    # words that ImportFailure.expected often holds
    "import.exp.a number": {"en": "a number", "fr": "un nombre"},
    "import.exp.a whole number": {"en": "a whole number", "fr": "un nombre entier"},
    "import.exp.a date": {"en": "a date", "fr": "une date"},
    "import.exp.a date and time": {"en": "a date and time", "fr": "une date et une heure"},
    "import.exp.a value": {"en": "a value", "fr": "une valeur"},
    "import.exp.a number >= 0": {"en": "a number ≥ 0", "fr": "un nombre ≥ 0"},
    "import.exp.nothing": {"en": "nothing", "fr": "rien"},
    # generic column mapping
    "import.map.title": {"en": "Which column is which?", "fr": "Quelle colonne correspond à quoi ?"},
    "import.map.table": {"en": "What does this file contain?", "fr": "Que contient ce fichier ?"},
    "import.map.platform": {"en": "Platform", "fr": "Plateforme"},
    "import.map.platform.none": {"en": "(given by a column / not applicable)", "fr": "(donnée par une colonne / sans objet)"},
    "import.map.account": {"en": "Account (optional)", "fr": "Compte (facultatif)"},
    "import.map.ignore": {"en": "— ignore —", "fr": "— ignorer —"},
    "import.map.date_order": {"en": "A date such as 02/03/2026 means", "fr": "Une date comme 02/03/2026 veut dire"},
    "import.map.date_order.dmy": {"en": "2 March (day first)", "fr": "2 mars (jour d’abord)"},
    "import.map.date_order.mdy": {"en": "February 3 (month first)", "fr": "3 février (mois d’abord)"},
    "import.map.date_order.help": {
        "en": "Only used when every date in a column could be read both ways; a date such as 25/03 settles it by itself.",
        "fr": "Sert seulement quand toutes les dates d’une colonne se lisent dans les deux sens ; une date comme 25/03 tranche d’elle-même.",
    },
    "import.map.header": {"en": "File column “{header}”", "fr": "Colonne du fichier « {header} »"},
    "import.map.save": {"en": "Save this mapping", "fr": "Enregistrer cette correspondance"},
    "import.map.saved": {
        "en": "Mapping saved. The file is now recognised; check the preview, then import.",
        "fr": "Correspondance enregistrée. Le fichier est maintenant reconnu ; vérifiez l’aperçu, puis importez.",
    },
    "import.map.required": {
        "en": "Map a column to each of these before saving: {columns}.",
        "fr": "Associez une colonne à chacun de ces champs avant d’enregistrer : {columns}.",
    },
    "import.map.twice": {
        "en": "Each field can receive only one column: {columns}.",
        "fr": "Chaque champ ne peut recevoir qu’une colonne : {columns}.",
    },
    "import.map.no_header": {
        "en": "No header line was found in this file, so its columns cannot be mapped.",
        "fr": "Aucune ligne d’en-tête n’a été trouvée dans ce fichier : ses colonnes ne peuvent pas être associées.",
    },
    # how-to guides
    "import.guides": {"en": "Where to find your exports", "fr": "Où trouver vos exports"},
}
