"""Hand-made sentiment data written for Boussole (MIT, like the rest of the project).

Valences use the VADER scale (-4 .. +4). Entries here take precedence over the generated
lexicons (metrics/sentiment_lexicon_en.py / _fr.py). They come from general knowledge of the
languages (France, Québec, Switzerland, Belgium), not from any evaluation data set.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- emoji
# Our own list of the emoji that carry sentiment in social media posts. Skin-tone modifiers and
# the variation selector U+FE0F are stripped before lookup.
EMOJI: dict[str, float] = {
    # smiling / happy
    "😀": 2.2, "😃": 2.3, "😄": 2.4, "😁": 2.3, "😆": 2.2, "😅": 1.0, "🤣": 2.3, "😂": 1.8,
    "🙂": 1.4, "😉": 1.6, "😊": 2.4, "😇": 2.0, "🥰": 3.0, "😍": 3.0, "🤩": 3.0, "😘": 2.6,
    "😗": 1.5, "☺": 2.2, "😚": 2.2, "😙": 2.0, "🥲": 0.5, "😋": 2.0, "😛": 1.4, "😜": 1.5,
    "🤪": 1.2, "😝": 1.3, "🤗": 2.3, "🤭": 0.8, "😎": 2.0, "🥳": 2.8, "😌": 1.5, "🤤": 1.0,
    "😺": 2.0, "😸": 2.2, "😹": 1.8, "😻": 2.8, "😽": 2.0,
    # hearts, approval, celebration
    "❤": 3.0, "🧡": 2.8, "💛": 2.8, "💚": 2.8, "💙": 2.8, "💜": 2.8, "🤍": 2.5, "🖤": 1.5,
    "🤎": 2.5, "💕": 3.0, "💞": 3.0, "💓": 2.8, "💗": 2.8, "💖": 3.0, "💘": 2.8, "💝": 2.8,
    "❣": 2.5, "♥": 3.0, "💋": 2.2, "👍": 2.0, "👌": 1.8, "👏": 2.2, "🙌": 2.5,
    "💪": 2.0, "🙏": 1.8, "🤝": 1.8, "✌": 1.5, "🤞": 1.2, "🎉": 2.6, "🎊": 2.5, "🥂": 2.2,
    "🍾": 2.2, "🏆": 2.5, "🥇": 2.5, "⭐": 1.8, "🌟": 2.2, "✨": 1.8, "💯": 2.5, "🔥": 1.8,
    "✅": 1.5, "✔": 1.2, "☀": 1.2, "🌞": 1.8, "🌈": 1.8, "🌹": 2.0, "🌸": 1.6, "💐": 2.0,
    "🎁": 2.0, "😏": 0.4, "🆒": 1.8, "🆗": 1.0, "👑": 1.8, "💎": 1.8, "🚀": 1.8,
    # negative
    "🙁": -1.6, "☹": -2.0, "😕": -1.3, "😟": -1.8, "😔": -2.0, "😞": -2.2, "😒": -2.0,
    "😓": -1.5, "😩": -2.3, "😫": -2.3, "😖": -2.2, "😣": -2.0, "😢": -2.3, "😥": -1.8,
    "😭": -1.5, "😿": -2.2, "😤": -2.2, "😠": -2.8, "😡": -3.0, "🤬": -3.2, "👿": -2.8,
    "😈": -0.5, "💀": -1.0, "☠": -2.0, "💩": -2.5, "🤮": -3.0, "🤢": -2.8, "🤧": -1.0,
    "🤒": -1.8, "🤕": -1.8, "😷": -1.2, "😨": -2.0, "😰": -2.0, "😱": -1.8, "😧": -1.8,
    "😦": -1.5, "😮": 0.0, "😯": -0.3, "😲": -0.2, "😳": -0.6, "🥺": -0.6, "😬": -1.0,
    "🙄": -2.0, "😑": -1.2, "😐": -0.8, "😶": -0.6, "🤨": -1.0, "🤔": -0.3, "🤥": -2.0,
    "😪": -1.2, "😴": -0.5, "🥱": -1.2, "🤯": -0.6, "😵": -1.5, "🥴": -0.8, "🥵": -0.8,
    "🥶": -0.8, "👎": -2.2, "💔": -2.6, "🖕": -3.2, "⚠": -1.0, "❌": -1.5, "⛔": -1.5,
    "🚫": -1.5, "😾": -2.2, "🙀": -1.5, "🤦": -2.0, "🤷": -0.5, "🌧": -0.6,
    "⛈": -1.0, "📉": -1.5, "📈": 1.2, "🆘": -2.0, "🚨": -1.2, "🤡": -1.8, "🐍": -1.0,
}

# Western emoticons not (or badly) covered by the VADER lexicon. Matched case-sensitively.
EMOTICONS: dict[str, float] = {
    ":)": 2.0, ":-)": 2.0, ":))": 2.4, ":)))": 2.6, ":D": 2.4, ":-D": 2.4, "xD": 2.0, "XD": 2.2,
    ";)": 1.6, ";-)": 1.6, ";D": 2.0, ":P": 1.2, ":p": 1.2, ":-P": 1.2, ":-p": 1.2, "=)": 1.8,
    "=D": 2.2, "^^": 1.8, "^_^": 2.0, "^.^": 2.0, "<3": 2.8, "<33": 3.0, ":*": 2.2, ":-*": 2.2,
    ":(": -2.0, ":-(": -2.0, ":((": -2.4, ":'(": -2.4, ":'-(": -2.4, "D:": -2.0, ":/": -1.2,
    ":-/": -1.2, ":\\": -1.2, ":|": -0.8, ":-|": -0.8, ">:(": -2.8, ":@": -2.6, "</3": -2.6,
    ":S": -1.2, ":s": -1.2, "-_-": -1.4, "-.-": -1.2, "T_T": -2.2, ";(": -2.0, ":o": -0.2,
    ":O": -0.2, "o_O": -0.6, "O_o": -0.6,
}

# --------------------------------------------------------------------------- English
EN: dict[str, float] = {
    "awesome": 3.1, "amazing": 2.9, "great": 3.1, "cool": 1.6, "lit": 1.5, "dope": 1.5,
    "goat": 1.5, "fire": 0.0, "sick": -1.5, "wicked": 0.5, "lmao": 1.8, "lmfao": 1.8, "rofl": 2.0,
    "lol": 1.2, "haha": 1.8, "hahaha": 2.0, "hehe": 1.4, "yay": 2.4, "woohoo": 2.6, "yess": 1.8,
    "congrats": 2.8, "congratulations": 2.9, "thanks": 1.9, "thank": 1.5, "thx": 1.5, "ty": 1.2,
    "excited": 2.2, "stoked": 2.4, "proud": 2.1, "blessed": 2.4, "grateful": 2.4,
    "love": 3.2, "loved": 2.9, "loving": 2.9, "lovely": 2.8, "fav": 1.8, "fave": 1.8, "favorite": 2.0,
    "favourite": 2.0, "recommend": 1.8, "recommended": 1.8, "win": 2.8, "wins": 2.7, "won": 2.4,
    "sucks": -2.6, "suck": -2.4, "wtf": -2.0, "smh": -1.8, "ugh": -1.8, "meh": -0.8, "fml": -2.5,
    "disappointed": -2.3, "disappointing": -2.2, "terrible": -2.9, "horrible": -2.9, "awful": -2.9,
    "worst": -3.1, "hate": -3.0, "hated": -2.8, "annoying": -2.1, "pathetic": -2.4, "scam": -2.6,
    "rip": -1.6, "crap": -2.0, "trash": -2.0, "garbage": -2.0, "fail": -2.2, "failed": -2.2,
    "boring": -1.8, "broken": -1.8, "delayed": -1.4, "refund": -1.0, "unfair": -2.0,
    "scary": -2.0, "killed": -3.0, "dead": -2.2, "death": -2.8, "dies": -2.5, "died": -2.5,
    "bad": -2.5, "sad": -2.1, "angry": -2.3, "mad": -2.2, "upset": -2.0, "sorry": -0.5,
}

# --------------------------------------------------------------------------- French (all regions)
FR: dict[str, float] = {
    # common everyday words whose generated values are weak or missing
    "génial": 3.0, "géniale": 3.0, "géniaux": 3.0, "super": 2.2, "top": 2.0, "cool": 1.8,
    "chouette": 2.2, "excellent": 3.0, "excellente": 3.0, "parfait": 2.8, "parfaite": 2.8,
    "bravo": 2.8, "félicitations": 2.9, "merci": 2.0, "mercis": 2.0, "magnifique": 3.0,
    "superbe": 2.9, "formidable": 2.9, "fantastique": 3.0, "incroyable": 2.0, "adore": 3.0,
    "adorer": 3.0, "adoré": 3.0, "j'adore": 3.0, "aime": 2.4, "aimé": 2.2, "bien": 1.2,
    "bon": 1.6, "bonne": 1.6, "bons": 1.6, "bonnes": 1.6, "meilleur": 2.2, "meilleure": 2.2,
    "content": 2.2, "contente": 2.2, "contents": 2.2, "heureux": 2.6, "heureuse": 2.6,
    "ravi": 2.6, "ravie": 2.6, "fier": 2.0, "fière": 2.0, "hâte": 1.8, "enfin": 0.6,
    "beau": 2.0, "belle": 2.0, "beaux": 2.0, "belles": 2.0, "joli": 2.0, "jolie": 2.0,
    "sympa": 2.0, "agréable": 2.2, "plaisir": 2.4, "réussite": 2.4, "succès": 2.4,
    "gagné": 2.2, "gagner": 1.8, "victoire": 2.6, "mdr": 1.8, "ptdr": 2.0, "lol": 1.2,
    "haha": 1.8, "hahaha": 2.0, "ouf": 0.8, "kiffe": 2.4, "kiff": 2.4, "kiffer": 2.4,
    "nul": -2.4, "nulle": -2.4, "nuls": -2.4, "nulles": -2.4, "mauvais": -2.4, "mauvaise": -2.4,
    "horrible": -3.0, "affreux": -2.9, "affreuse": -2.9, "terrible": -1.5, "pire": -2.8,
    "honte": -2.6, "honteux": -2.8, "honteuse": -2.8, "déçu": -2.4, "déçue": -2.4,
    "déçus": -2.4, "décevant": -2.4, "décevante": -2.4, "déception": -2.4, "triste": -2.2,
    "tristesse": -2.2, "colère": -2.4, "marre": -2.4, "ras-le-bol": -2.6, "arnaque": -2.8,
    "scandale": -2.8, "scandaleux": -2.9, "inadmissible": -2.8, "inacceptable": -2.8,
    "lamentable": -2.8, "pitoyable": -2.6, "catastrophe": -3.0, "catastrophique": -3.0,
    "dommage": -1.4, "hélas": -1.6, "malheureusement": -1.6, "déteste": -3.0, "détester": -3.0,
    "haine": -3.0, "merde": -2.6, "putain": -1.8, "chiant": -2.2, "chiante": -2.2,
    "relou": -1.8, "galère": -2.0, "galérer": -2.0, "panne": -1.8, "bug": -1.6, "bugue": -1.8,
    "retard": -1.4, "retards": -1.4, "remboursement": -0.8, "problème": -1.4, "problèmes": -1.4,
    "souci": -1.2, "soucis": -1.2, "peur": -2.0, "grave": -1.2, "mort": -2.4, "morts": -2.4,
    "tué": -3.0, "tués": -3.0, "bof": -1.0, "pff": -1.4, "pfff": -1.6, "beurk": -2.2,
    "débile": -2.4, "con": -2.4, "conne": -2.4, "cons": -2.4, "connerie": -2.4, "conneries": -2.4,
    "ridicule": -2.2, "fou": -0.5, "folle": -0.5, "dingue": 0.8, "pauvre": -1.2,
    # Québec
    "tiguidou": 2.6, "malade": -1.2, "capote": 0.8, "capoté": 0.8, "capoter": 0.8,
    "plate": -1.6, "plates": -1.6, "niaiseux": -2.2, "niaiseuse": -2.2, "niaiser": -1.5,
    "niaisage": -1.6, "chialer": -1.8, "chiale": -1.6, "chialeux": -2.0, "écœurant": -0.5,
    "écoeurant": -0.5, "écœurante": -0.5, "écoeurante": -0.5, "écœuré": -2.4, "écoeuré": -2.4,
    "tanné": -2.2, "tannée": -2.2, "magané": -1.8, "maganée": -1.8, "débiné": -1.8,
    "fun": 2.2, "l'fun": 2.2, "trippant": 2.6, "trippante": 2.6, "tripper": 2.0, "trippe": 2.0,
    "hot": 1.5, "bonyeu": -0.5, "poche": -2.2, "pourri": -2.6, "pourrie": -2.6,
    "fâché": -2.2, "fâchée": -2.2, "tabarnak": -1.8, "tabarnac": -1.8, "câlisse": -1.8,
    "calice": -1.2, "crisse": -1.6, "ostie": -1.2, "esti": -1.0, "sacrament": -1.6,
    "bécosse": -1.5, "quétaine": -1.6, "bin": 0.0, "mautadit": -1.6, "maudit": -1.8,
    "maudite": -1.8, "bienvenue": 1.8, "fucké": -2.0, "chum": 0.8, "blonde": 0.0,
    "pantoute": 0.0, "correct": 1.0, "full": 0.0,
    # Switzerland / Belgium
    "bonnard": 2.4, "bonnarde": 2.4, "réjouis": 2.0, "réjouit": 2.0, "réjouir": 2.0,
    "réjouissons": 2.0, "péclot": -1.8, "déguiller": -0.8, "chenit": -1.8, "cheni": -1.8,
    "septante": 0.0, "huitante": 0.0, "nonante": 0.0, "poutze": 0.0, "natel": 0.0,
}

# Multi-word expressions (after lower-casing, elisions kept as "c'" + "est" -> "c'est").
# Checked before single words; the words they cover are not scored again.
PHRASES_FR: dict[str, float] = {
    "c'est malade": 2.6, "trop malade": 2.4, "vraiment malade": 2.2, "full malade": 2.6,
    "c'est écœurant": 1.2, "c'est écoeurant": 1.2, "trop écœurant": 1.8, "trop écoeurant": 1.8,
    "pas mal": 1.6, "pas pire": 1.8, "pas de souci": 1.2, "pas de soucis": 1.2,
    "pas de problème": 1.2, "sans souci": 1.2, "sans faute": 1.0, "sans doute": 0.0,
    "c'est plate": -2.0, "trop plate": -2.2, "eau plate": 0.0, "je capote": 2.0,
    "ça capote": 1.2, "c'est l'fun": 2.4, "c'est le fun": 2.4, "ben bon": 2.2,
    "c'est de la marde": -3.0, "de la marde": -2.6, "en maudit": 0.0, "ça joue": 1.4,
    "c'est top": 2.4, "au top": 2.4, "de ouf": 1.0, "c'est ouf": 1.6, "n'importe quoi": -2.2,
    "coup de gueule": -2.0, "coup de coeur": 2.8, "coup de cœur": 2.8, "à chier": -3.0,
    "foutage de gueule": -3.0, "ras le bol": -2.6, "en avoir marre": -2.6, "j'en ai marre": -2.6,
    "bonne journée": 1.2, "bonne soirée": 1.2, "bonne année": 1.5, "bon appétit": 1.0,
    "c'est chouette": 2.4, "c'est nul": -2.8, "trop bien": 2.8, "trop cool": 2.8,
    "je me réjouis": 2.4, "on se réjouit": 2.4, "fait chier": -2.8, "ça craint": -2.4,
    "pas terrible": -1.6, "mise en garde": -0.8, "à la rue": -1.8,
    # prices and crowds: "cher" alone is the affectionate "dear" (positive in the lexicon)
    "trop cher": -2.2, "trop chère": -2.2, "trop chers": -2.2, "trop chères": -2.2, "hors de prix": -2.4,
    "pas du tout cher": 2.0, "pas du tout chère": 2.0, "pas cher": 1.6, "pas chère": 1.6, "pas chers": 1.6, "pas chères": 1.6, "moins cher": 1.2,
    "plus cher": -1.2, "trop de monde": -1.4, "trop d'attente": -2.0, "trop long": -1.8, "trop lent": -2.0,
    "trop lente": -2.0, "de la balle": 2.6, "c'est pas faux": 1.0, "pas faux": 0.8, "pas si mal": 1.2,
    "grave bien": 2.8, "grave cool": 2.8, "trop stylé": 2.6, "trop beau": 2.8, "trop belle": 2.8,
    "trop mignon": 2.6, "trop mignonne": 2.6, "trop fort": 2.4, "trop forte": 2.4, "trop hâte": 2.4,
}

PHRASES_EN: dict[str, float] = {
    "not bad": 1.5, "no problem": 1.0, "no worries": 1.2, "no doubt": 0.3, "the best": 3.0,
    "can't wait": 2.2, "cant wait": 2.2, "can not wait": 2.2, "look forward": 1.8,
    "looking forward": 2.0, "well done": 2.6, "good job": 2.6, "great job": 3.0,
    "shout out": 1.6, "shoutout": 1.6, "thank you": 2.0, "kind of": 0.0, "sort of": 0.0,
    "waste of": -2.4, "fed up": -2.2, "let down": -2.2, "screwed up": -2.0, "messed up": -2.0,
    "pissed off": -2.8, "sick of": -2.4, "tired of": -2.0, "rip off": -2.6, "ripoff": -2.6,
    "the worst": -3.2, "so sick": 0.0, "to die for": 2.6, "killing it": 2.4, "killed it": 2.6,
    "kill it": 2.0, "happy birthday": 2.4, "good luck": 1.8, "bad luck": -1.8,
}

# --------------------------------------------------------------------------- modifiers
# Intensifiers (>0) and diminishers (<0): added to the magnitude of the next sentiment word.
BOOSTERS_FR: dict[str, float] = {
    "très": 0.3, "tres": 0.3, "trop": 0.3, "vraiment": 0.3, "super": 0.35, "tellement": 0.35,
    "extrêmement": 0.4, "hyper": 0.35, "ultra": 0.35, "méga": 0.35, "mega": 0.35, "si": 0.2,
    "totalement": 0.3, "complètement": 0.3, "absolument": 0.35, "franchement": 0.2,
    "grave": 0.3, "vachement": 0.3, "carrément": 0.3, "énormément": 0.35, "particulièrement": 0.25,
    "full": 0.3, "ben": 0.2, "bin": 0.2, "méchamment": 0.3, "sacrément": 0.3, "tout": 0.1,
    "assez": -0.1, "plutôt": -0.1, "moyennement": -0.3, "légèrement": -0.3,
    "presque": -0.2, "quelque": -0.1, "guère": -0.4,
}
BOOSTERS_EN: dict[str, float] = {
    "very": 0.3, "so": 0.3, "really": 0.3, "extremely": 0.4, "super": 0.35, "totally": 0.3,
    "absolutely": 0.35, "completely": 0.3, "incredibly": 0.35, "truly": 0.3, "highly": 0.3,
    "too": 0.2, "soo": 0.35, "sooo": 0.4, "soooo": 0.4, "damn": 0.3, "fucking": 0.4,
    "freaking": 0.3, "hella": 0.35, "mad": 0.0, "most": 0.25, "more": 0.15, "utterly": 0.35,
    "especially": 0.2, "quite": 0.1, "pretty": 0.1, "such": 0.2, "deeply": 0.3, "fully": 0.2,
    "slightly": -0.3, "somewhat": -0.3, "barely": -0.4, "hardly": -0.4, "marginally": -0.3,
    "little": -0.2, "less": -0.3, "kinda": -0.2, "partly": -0.3, "occasionally": -0.2,
}

# Words that flip the polarity of what follows in the same clause.
NEGATORS_FR = frozenset(
    {"ne", "n'", "pas", "jamais", "aucun", "aucune", "sans", "rien", "ni", "nullement", "pantoute",
     "nan", "non"}
)
NEGATORS_EN = frozenset(
    {"not", "no", "never", "n't", "nor", "neither", "without", "nothing", "nobody", "none", "cannot",
     "dont", "cant", "wont", "isnt", "arent", "aint", "didnt", "doesnt", "wasnt", "werent", "couldnt",
     "shouldnt", "wouldnt", "havent", "hasnt", "hadnt", "nope", "nah"}
)

# "pas du tout" / "pas du tout du tout" / "absolument pas": a negation without VADER's damping
# (the negated valence is fully reversed). "grave" and "trop" after a sentiment word intensify
# it ("j'aime grave", "je l'aime trop") instead of being read on their own.
NEGATION_FULL_FR: tuple[tuple[str, ...], ...] = (("pas", "du", "tout"), ("absolument", "pas"), ("vraiment", "pas"),
                                                 ("point", "du", "tout"), ("rien", "du", "tout"))
POST_BOOSTERS_FR: dict[str, float] = {"grave": 0.3, "trop": 0.3, "beaucoup": 0.2, "énormément": 0.35}

# Contrast words: what comes after weighs more than what comes before.
CONTRAST_FR = frozenset({"mais", "cependant", "pourtant", "toutefois", "néanmoins", "sauf"})
CONTRAST_EN = frozenset({"but", "however", "yet", "though", "although", "nevertheless", "except"})
