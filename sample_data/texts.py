"""Vocabulary of the demo workspace: the fictional region, its people, and text templates.

Every sentence here was written for Boussole's demo; the places, people and organisations
are invented. Templates use ``str.format`` slots filled by :mod:`sample_data.generate`.
Nothing here may contain an ``@``: the demo never stores anything that looks like an
e-mail address or a handle.
"""

from __future__ import annotations

DISPLAY_NAME = "Tourisme Haute-Rivière"
OWN_BRAND = "Haute-Rivière"
COMPETITORS = ("Val-des-Cèdres", "Baie-des-Brumes")
COMPETITOR_AGENCIES = {"Val-des-Cèdres": "Destination Val-des-Cèdres", "Baie-des-Brumes": "Tourisme Baie-des-Brumes"}
PARTNERS = ("Station Mont-Orignal", "Festival Rivière en fête")
ACCOUNT = "tourismehauteriviere"
WEBSITE = "hauteriviere.ca"

MOUNTAIN = "Mont-Orignal"
EVENT = "Festival Rivière en fête"
ROAD = "route 317"
PERSON_DG = "Julie Bergeron"  # directrice générale of the agency
PERSON_MAYOR = "Samuel Ouellet"  # préfet of the regional county
PERSON_DESK = "Annie Lavoie"  # welcome desk

PLACES = ("Lac-Caché", "Saint-Éloi-des-Monts", "Rivière-aux-Sables", "Sainte-Aurélie", "Pointe-aux-Hérons")
TRAILS = ("sentier des Trois-Crêtes", "sentier du Héron", "sentier des Cascades")
TRAILS_EN = ("Three Ridges trail", "Heron trail", "Cascades trail")

# (term, kind) for the tracked_terms config document: each appears in generated texts.
TRACKED_TERMS = (
    (PERSON_DG, "person"),
    (PERSON_MAYOR, "person"),
    (PERSON_DESK, "person"),
    ("Station Mont-Orignal", "organisation"),
    (EVENT, "organisation"),
    ("Ministère des Transports", "organisation"),
    ("forfait ski-hébergement", "product"),
    ("Passeport Plein Air", "product"),
    ("guide touristique", "product"),
    (ROAD, "topic"),
)

FIRST_NAMES_FR = (
    "Marie",
    "Julie",
    "Catherine",
    "Isabelle",
    "Sophie",
    "Nathalie",
    "Geneviève",
    "Mélanie",
    "Émilie",
    "Chloé",
    "Jean",
    "Pierre",
    "Marc",
    "Louis",
    "François",
    "Mathieu",
    "Alexandre",
    "Simon",
    "Olivier",
    "Gabriel",
)
FIRST_NAMES_EN = ("Emily", "Sarah", "Jessica", "Megan", "Laura", "James", "Ryan", "Kevin", "Daniel", "Andrew")
LAST_NAMES = (
    "Tremblay",
    "Gagnon",
    "Roy",
    "Côté",
    "Bouchard",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Gagné",
    "Ouellet",
    "Pelletier",
    "Bélanger",
    "Lévesque",
    "Bergeron",
    "Leblanc",
    "Paquette",
    "Girard",
    "Simard",
    "Boucher",
    "Smith",
    "Campbell",
    "MacDonald",
    "Wilson",
    "Taylor",
    "Murphy",
)
NEWS_OUTLETS = ("Le Courrier de Haute-Rivière", "L'Écho des Monts", "Radio Boréale 98,1", "Le Riverain", "Northshore Weekly")
BLOGS = (
    "Carnet de route de Julie",
    "Les Escapades de Sam",
    "Trois enfants dans un VR",
    "Wanderlust Québec",
    "Le Skieur du dimanche",
)
FORUMS = ("forum Ski Québec", "forum Routes et motos", "forum Voyage en famille")
EMAIL_DOMAINS = ("example.org", "example.net", "courriel.example", "mail.example")

# ------------------------------------------------------------------ posts (own accounts)
# (season, lang, text): season in winter/spring/summer/fall/any; "festival" = May to mid-July (before the event)
POSTS = (
    ("winter", "fr", "Qui a hâte aux premières descentes au {mountain}? Dites-nous votre piste préférée en commentaire!"),
    (
        "winter",
        "fr",
        "Le forfait ski-hébergement est en vente : deux nuits, deux billets de ski et un souper en auberge. Tous les détails sur notre site.",
    ),
    ("winter", "fr", "Tempête cette nuit : 35 cm de neige fraîche au {mountain}. On se voit sur les pistes?"),
    ("winter", "fr", "Raquette au clair de lune sur le {trail} : trois départs guidés chaque samedi de février."),
    ("winter", "fr", "Pêche blanche, glissade ou patin sur le lac : quelle activité d'hiver préférez-vous en famille?"),
    ("winter", "en", "Who's ready for first tracks at {mountain}? Tell us your favourite run!"),
    ("winter", "en", "Our ski and stay package is on sale: two nights, two lift tickets and dinner at a country inn."),
    ("winter", "en", "Fresh snow overnight in {place}. Snowshoes or skis this weekend?"),
    ("spring", "fr", "La saison des sucres est commencée! Voici cinq cabanes à sucre de la région à découvrir ce printemps."),
    (
        "spring",
        "fr",
        "Printemps gourmand : nos producteurs ouvrent leurs portes les fins de semaine de mai. Laquelle visiterez-vous en premier?",
    ),
    ("spring", "fr", "Les crues printanières rendent les chutes de {place} spectaculaires. Prudence près des berges!"),
    ("spring", "en", "Sugar shack season is here! Five maple shacks in the region worth the drive this spring."),
    ("spring", "en", "Birdwatchers, the herons are back at {place}. Have you spotted one yet?"),
    ("festival", "fr", "Le {event} revient du {d1} au {d2}! La programmation complète est maintenant en ligne."),
    ("summer", "fr", "Plage, kayak ou vélo? Trois idées pour une journée parfaite au {place} cet été."),
    (
        "summer",
        "fr",
        "Vous avez pris une belle photo au {trail}? Partagez-la avec le mot-clic #HauteRivière, on republie nos coups de cœur chaque vendredi.",
    ),
    ("summer", "fr", "Le Passeport Plein Air donne accès à 12 parcs et sentiers de la région. L'avez-vous déjà essayé?"),
    ("festival", "fr", "Soirée d'ouverture du {event} : feux d'artifice à 22 h au quai de {place}."),
    ("festival", "en", "The {event} is back from {d1} to {d2}. The full line-up is online now!"),
    ("summer", "en", "Beach, kayak or bike? Three ideas for a perfect summer day in {place}."),
    ("summer", "en", "Share your best shot from the {trail_en} with #HauteRiviere: we feature our favourites every Friday."),
    ("fall", "fr", "Les couleurs sont à leur apogée autour de {place} cette semaine. Vous y étiez ce week-end?"),
    ("fall", "fr", "Route des couleurs : un itinéraire de 120 km, quatre belvédères et une fromagerie pour la pause."),
    ("fall", "fr", "Journée pluvieuse? Musée, fromagerie ou spa : lequel choisiriez-vous?"),
    ("fall", "en", "Fall colours are peaking around {place} this week. Did you catch them?"),
    ("fall", "en", "The colour route: 120 km, four lookouts and a cheese dairy for lunch. Who's in?"),
    ("any", "fr", "Notre guide touristique {year} est arrivé! Téléchargez-le gratuitement sur notre site."),
    ("any", "fr", "Coup de cœur de l'équipe : le déjeuner du Café de la Gare à {place}. Vous connaissez?"),
    ("any", "fr", "Trois randonnées familiales de moins de 5 km près de {place}, parfaites pour les petites jambes."),
    ("any", "fr", "Rencontre avec une artisane de {place} qui tisse la laine de ses moutons depuis 30 ans."),
    ("any", "fr", "Question du jour : quel est votre endroit secret préféré dans la région?"),
    ("any", "en", "Our {year} visitor guide is out. Download it for free and start planning."),
    ("any", "en", "Team favourite: breakfast at Café de la Gare in {place}. Have you been?"),
    ("any", "en", "Planning a team retreat? Our business events team can help you find the right venue."),
)

# ------------------------------------------------------------------ mentions
# MENTIONS[topic][sentiment][lang] -> templates. Slots: brand, place, event, mountain, road, person, trail
MENTIONS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "ski": {
        "positive": {
            "fr": (
                "Journée parfaite au {mountain}, neige excellente et personnel accueillant. Merci {brand}!",
                "Le forfait ski-hébergement de {brand} vaut vraiment le coup, on y retourne en mars.",
                "Conditions superbes ce matin à la Station Mont-Orignal, les enfants ont adoré leur cours de ski.",
            ),
            "en": (
                "Amazing powder day at {mountain}! Great job {brand}, we loved it.",
                "The ski and stay package in {brand} was excellent value, highly recommend.",
            ),
        },
        "negative": {
            "fr": (
                "Deux heures d'attente au télésiège du {mountain}, franchement décevant.",
                "Billets encore plus chers cette année à la Station Mont-Orignal, trop cher pour une famille.",
                "Billets de ski encore plus chers cette année du côté de {brand}, trop cher pour une famille.",
                "Pistes glacées et mal damées aujourd'hui, pas fort pour le prix payé.",
            ),
            "en": (
                "Lift lines at {mountain} were terrible today, two hours wasted.",
                "Way too expensive for a family ski day around {brand} this season.",
            ),
        },
        "neutral": {
            "fr": (
                "Quelqu'un sait si les pistes du {mountain} ouvrent ce week-end?",
                "Conditions de ski publiées par {brand} : 42 pistes ouvertes sur 51.",
                "On part skier à {place} samedi, des conseils pour la location d'équipement?",
            ),
            "en": (
                "Does anyone know if {mountain} is open this weekend?",
                "Heading to {mountain} on Saturday, first time skiing in the {brand} area.",
            ),
        },
    },
    "festival": {
        "positive": {
            "fr": (
                "Quelle soirée au {event}! Ambiance incroyable, bravo à toute l'équipe.",
                "Le {event} est toujours aussi magique, les spectacles étaient superbes.",
                "Très belle organisation au {event} cette année, navettes efficaces et bénévoles souriants.",
            ),
            "en": (
                "What a night at the {event}! Incredible vibe, well done to the whole team.",
                "Loved every minute of the {event}, great music and friendly volunteers.",
            ),
        },
        "negative": {
            "fr": (
                "Trop de monde au {event} et pas assez de toilettes, mauvaise organisation.",
                "Stationnement impossible près du {event}, on a abandonné après 40 minutes.",
            ),
            "en": (
                "Far too crowded at the {event} and not enough washrooms. Poorly organised.",
                "Parking near the {event} was a nightmare, we gave up after 40 minutes.",
            ),
        },
        "neutral": {
            "fr": (
                "La programmation du {event} est sortie, qui y va?",
                "Horaire des navettes pour le {event} disponible sur le site de {brand}.",
            ),
            "en": (
                "The {event} line-up is out. Anyone going?",
                "Shuttle times for the {event} are posted on the {brand} website.",
            ),
        },
    },
    "hébergement": {
        "positive": {
            "fr": (
                "Séjour merveilleux dans un chalet trouvé grâce à {brand}, vue superbe sur le lac.",
                "Auberge charmante et accueil chaleureux à {place}, on recommande sans hésiter!",
            ),
            "en": (
                "Wonderful stay in a cabin we found through {brand}, stunning lake view.",
                "Charming inn and a warm welcome in {place}. Highly recommended!",
            ),
        },
        "negative": {
            "fr": (
                "Impossible de trouver une chambre libre à {place} pour la fin de semaine, c'est décevant.",
                "Chalet sale et propriétaire injoignable, très mauvaise expérience dans la région de {brand}.",
            ),
            "en": (
                "No rooms left anywhere in {place} this weekend, really disappointing.",
                "Dirty cabin and an owner we could never reach. Bad experience near {brand}.",
            ),
        },
        "neutral": {
            "fr": (
                "Des suggestions d'hébergement près de {place} pour une famille de cinq?",
                "Camping ou chalet pour une semaine à {place} en juillet, qu'est-ce que vous conseillez?",
            ),
            "en": (
                "Any lodging suggestions near {place} for a family of five?",
                "Camping or cabin for a week in {place}? Looking for advice.",
            ),
        },
    },
    "routes": {
        "positive": {
            "fr": (
                "La {road} refaite à neuf, enfin un trajet agréable vers {place}.",
                "Merci à {brand} pour les mises à jour régulières sur l'état des routes, très utile.",
            ),
            "en": ("Thanks {brand} for the regular road updates, very helpful.",),
        },
        "negative": {
            "fr": (
                "Encore des travaux sur la {road}, détour interminable pour se rendre à {place}.",
                "Nids-de-poule partout sur la {road}, la région de {brand} mérite mieux.",
            ),
            "en": ("Potholes everywhere on {road}. The {brand} region deserves better.",),
        },
        "neutral": {
            "fr": (
                "État de la {road} ce matin? Quelqu'un est passé par {place}?",
                "Le Ministère des Transports annonce des travaux de nuit sur la {road} la semaine prochaine.",
            ),
            "en": ("How is {road} this morning? Anyone driven through {place}?",),
        },
    },
    "service client": {
        "positive": {
            "fr": (
                "Réponse rapide et très utile du bureau d'accueil de {brand}, merci {person}!",
                "Super conseils de l'équipe de {brand} au téléphone pour planifier notre itinéraire.",
            ),
            "en": ("Quick and really helpful answer from the {brand} visitor centre. Thank you!",),
        },
        "negative": {
            "fr": (
                "Toujours aucune réponse de {brand} à mon message après une semaine. Service décevant.",
                "Bureau d'accueil fermé en plein samedi d'été, pas très sérieux.",
            ),
            "en": ("Still no reply from {brand} after a week. Disappointing service.",),
        },
        "neutral": {
            "fr": ("Le bureau d'information touristique de {brand} est-il ouvert le dimanche?",),
            "en": ("Is the {brand} visitor centre open on Sundays?",),
        },
    },
    "plein air": {
        "positive": {
            "fr": (
                "Randonnée splendide au {trail}, les panoramas valent chaque effort!",
                "Le Passeport Plein Air est une excellente idée, on a visité quatre parcs cet été.",
            ),
            "en": ("Gorgeous hike on the {trail_en}, the views are worth every step!",),
        },
        "negative": {
            "fr": ("Le {trail} est mal entretenu, arbres tombés un peu partout. Dommage.",),
            "en": ("The {trail_en} is poorly maintained, fallen trees everywhere. Shame.",),
        },
        "neutral": {
            "fr": ("Le {trail} est-il accessible aux chiens en laisse?",),
            "en": ("Are dogs allowed on the {trail_en}?",),
        },
    },
}

# news outlets and blogs write longer, more neutral pieces
NEWS = {
    "fr": (
        "{person}, directrice générale de {brand}, annonce une hausse de la fréquentation estivale.",
        "Tourisme : {brand} mise sur le plein air et le Passeport Plein Air pour attirer les familles.",
        "Le {event} attend plus de 40 000 visiteurs à {place}, selon {brand}.",
        "Le préfet {mayor} et {brand} présentent le nouveau guide touristique régional.",
    ),
    "en": (
        "{brand} reports a strong summer season, says director {person}.",
        "Regional tourism: {brand} bets on outdoor passes to attract families.",
    ),
}

# the planted crisis: a landslide closes the road during a busy weekend
CRISIS = {
    "negative": {
        "fr": (
            "Fermeture de la {road} sans préavis : des centaines de visiteurs bloqués, où est la communication de {brand}?",
            "On avait réservé deux nuits à {place} et la {road} est fermée. Aucune info de {brand}, inacceptable.",
            "Glissement de terrain sur la {road}, détour de 90 minutes. Personne ne répond chez {brand}.",
            "Activités annulées à cause de la fermeture de la {road}... et le remboursement, {brand}?",
            "Bloqués depuis trois heures sur la {road}, aucune information claire. Gestion de crise lamentable.",
        ),
        "en": (
            "Stuck for hours because of the {road} closure and {brand} posts nothing. Awful communication.",
            "Our whole weekend in {place} is ruined by the {road} closure. Will {brand} refund anything?",
            "Landslide on {road}, 90-minute detour, no clear information anywhere. Terrible.",
        ),
    },
    "neutral": {
        "fr": (
            "Le Ministère des Transports confirme la fermeture complète de la {road} pour au moins 48 heures.",
            "Glissement de terrain sur la {road} près de {place} : un détour est balisé par le rang 5.",
        ),
        "en": ("Transport ministry confirms {road} is fully closed near {place} for at least 48 hours.",),
    },
    "positive": {
        "fr": ("Merci {person} et l'équipe de {brand} pour les mises à jour sur la {road}, enfin des réponses claires.",),
        "en": ("Thanks {brand} for finally posting clear detour maps for {road}.",),
    },
}

PREFIX = {"fr": ("", "", "", "Bon, ", "Sérieux, ", "Petite note : "), "en": ("", "", "", "Honestly, ", "FYI: ", "Ok so ")}
SUFFIX = {
    "positive": ("", "", " #HauteRivière", " #Québec", " 😍", " ❤️"),
    "negative": ("", "", " 😡", " #déçu", " 👎"),
    "neutral": ("", "", "", " #Québec", " #roadtrip"),
}
