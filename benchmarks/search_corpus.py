"""Generated guide text for the search benchmark: a vocabulary of cooperative words per language.

Word frequencies are controlled so the queries of `search_latency.py` hit known shares of the
pages: very common words (in most guides, like 'facture'), common ones (about one guide in
ten) and rare ones (one guide in 400, placed deterministically so even 1,000 guides hold a
few). Everything else is drawn from a Zipf-distributed vocabulary, as real text is. Guide `n`
of a language is always the same text, so growing from 1,000 to 50,000 guides keeps the first
ones unchanged.
"""

import random
from dataclasses import dataclass


def word_list(text):
    return text.split()


# (forms, share of guides holding one of them)
VERY_COMMON = {
    "fr": [(["facture", "factures", "facturer"], 0.85), (["contrat", "contrats"], 0.6)],
    "nl": [(["factuur", "facturen", "factureren"], 0.85), (["contract", "contracten"], 0.6)],
    "en": [(["invoice", "invoices", "invoicing"], 0.85), (["contract", "contracts"], 0.6)],
}
VERY_COMMON_ALWAYS = {
    "fr": ["membre", "membres"],
    "nl": ["lid", "leden"],
    "en": ["member", "members"],
}
COMMON = {
    "fr": [
        ["assurance", "assurances"],
        ["conseiller", "conseillère", "conseillers"],
        ["retard", "retards"],
        ["paiement", "paiements"],
        ["salaire", "salaires"],
        ["budget", "budgets"],
        ["TVA"],
        ["déclaration", "déclarations"],
    ],
    "nl": [
        ["verzekering", "verzekeringen"],
        ["adviseur", "adviseurs"],
        ["laattijdig", "laattijdige"],
        ["betaling", "betalingen"],
        ["loon", "lonen"],
        ["budget", "budgetten"],
        ["btw"],
        ["aangifte", "aangiften"],
    ],
    "en": [
        ["insurance"],
        ["adviser", "advisers"],
        ["late"],
        ["payment", "payments"],
        ["salary", "salaries"],
        ["budget", "budgets"],
        ["VAT"],
        ["declaration", "declarations"],
    ],
}
COMMON_SHARE = 0.1
RARE = {
    "fr": ["mécénat", "luthier", "scénographie", "marionnettiste", "calligraphie", "apiculture"],
    "nl": ["mecenaat", "vioolbouwer", "scenografie", "poppenspeler", "kalligrafie", "imkerij"],
    "en": ["patronage", "luthier", "scenography", "puppeteer", "calligraphy", "beekeeping"],
}
RARE_EVERY = 400

# The rest of the text, most frequent first (drawn with Zipf weights 1/rank).
FILLER = {
    "fr": word_list(
        "activité espace document demande compte projet équipe dossier étape travail jour mois "
        "année prix montant date adresse courriel formulaire question réponse délai service outil "
        "organisation association entreprise artiste mission prestation heure semaine rappel "
        "signature justificatif attestation certificat banque virement solde avance remboursement "
        "achat matériel déplacement voiture train repas logiciel ordinateur réunion atelier "
        "séance accueil bureau permanence inscription statut droit obligation règle procédure "
        "validation vérification envoyer préparer vérifier encoder choisir demander recevoir "
        "payer signer télécharger compléter contacter prévenir garder calculer simple complet "
        "officiel mensuel annuel nouveau urgent précis possible nécessaire public privé local "
        "européen culturel technique juridique comptable social fiscal numérique spectacle "
        "concert tournée exposition traduction graphisme photographie vidéo musique théâtre danse "
        "édition livre enseignement animation coordination production diffusion subvention "
        "partenaire fournisseur commande livraison stock location caution pension chômage "
        "vacances maladie accident"
    ),
    "nl": word_list(
        "activiteit ruimte document aanvraag rekening project team dossier stap werk dag maand "
        "jaar prijs bedrag datum adres mail formulier vraag antwoord termijn dienst tool "
        "organisatie vereniging onderneming kunstenaar opdracht prestatie uur week herinnering "
        "handtekening bewijsstuk attest certificaat bank overschrijving saldo voorschot "
        "terugbetaling aankoop materiaal verplaatsing auto trein maaltijd software computer "
        "vergadering workshop sessie onthaal kantoor permanentie inschrijving statuut recht "
        "verplichting regel procedure validatie controle versturen voorbereiden controleren "
        "invoeren kiezen vragen ontvangen storten ondertekenen downloaden aanvullen contacteren "
        "verwittigen bewaren berekenen eenvoudig volledig officieel maandelijks jaarlijks nieuw "
        "dringend precies mogelijk nodig openbaar privé lokaal europees cultureel technisch "
        "juridisch boekhoudkundig sociaal fiscaal digitaal voorstelling concert tournee "
        "tentoonstelling vertaling grafisch fotografie video muziek theater dans uitgeverij boek "
        "onderwijs animatie coördinatie productie spreiding subsidie partner leverancier "
        "bestelling levering voorraad verhuur waarborg pensioen werkloosheid vakantie ziekte "
        "ongeval"
    ),
    "en": word_list(
        "activity space document request account project team file step work day month year price "
        "amount date address email form question answer deadline service tool organisation "
        "association company artist assignment engagement hour week reminder signature receipt "
        "certificate statement bank transfer balance advance refund purchase equipment travel car "
        "train meal software computer meeting workshop session welcome office helpdesk "
        "registration status right obligation rule procedure approval check send prepare verify "
        "enter choose ask receive pay sign download complete contact notify keep calculate simple "
        "full official monthly yearly new urgent exact possible necessary public private local "
        "european cultural technical legal accounting social tax digital show concert tour "
        "exhibition translation design photography video music theatre dance publishing book "
        "teaching facilitation coordination production distribution grant partner supplier order "
        "delivery stock rental deposit pension unemployment holiday illness accident"
    ),
}
# Slipped between the words of a sentence.
FUNCTION_WORDS = {
    "fr": word_list("de la le les des du votre vos pour avec dans sur et ou un une en au à par"),
    "nl": word_list("de het een van uw voor met in op en of aan bij naar door als dan te"),
    "en": word_list("the a an of your for with in on and or to at by from as then"),
}
FILLER_WEIGHTS = {
    language: [1 / rank for rank in range(1, len(vocabulary) + 1)]
    for language, vocabulary in FILLER.items()
}


@dataclass
class GuideText:
    title: str
    summary: str
    needs: list
    steps: list  # dicts with title, body (HTML) and tip, as StepBlock stores them


class GuideWriter:
    """Writes guide `n` of one language; the same `n` always gives the same text."""

    def __init__(self, language):
        self.language = language
        self.filler = FILLER[language]
        self.function_words = FUNCTION_WORDS[language]
        self.cum_weights = []
        total = 0
        for weight in FILLER_WEIGHTS[language]:
            total += weight
            self.cum_weights.append(total)

    def words(self, rng, count):
        content = rng.choices(self.filler, cum_weights=self.cum_weights, k=count)
        words = []
        for word in content:
            if words and rng.random() < 0.6:
                words.append(rng.choice(self.function_words))
            words.append(word)
        return words

    def guide(self, n):
        rng = random.Random(f"{self.language}-{n}")
        # Sentences as word lists, by field, so chosen words can be slipped into any of them.
        title = self.words(rng, rng.randint(3, 5))
        summary = [self.words(rng, rng.randint(6, 10)) for _ in range(rng.randint(1, 2))]
        needs = [self.words(rng, rng.randint(2, 5)) for _ in range(rng.randint(0, 3))]
        steps = []
        for _ in range(rng.randint(2, 6)):
            paragraphs = [
                [self.words(rng, rng.randint(7, 14)) for _ in range(rng.randint(1, 3))]
                for _ in range(rng.randint(1, 3))
            ]
            tip = self.words(rng, rng.randint(6, 12)) if rng.random() < 0.4 else []
            steps.append((self.words(rng, rng.randint(3, 6)), paragraphs, tip))
        body_sentences = [
            sentence for _title, paragraphs, _tip in steps for p in paragraphs for sentence in p
        ]
        places = [title, *summary, *body_sentences]

        chosen = [
            rng.choice(forms) for forms, share in VERY_COMMON[self.language] if rng.random() < share
        ]
        chosen += [rng.choice(VERY_COMMON_ALWAYS[self.language])]
        chosen += [
            rng.choice(forms) for forms in COMMON[self.language] if rng.random() < COMMON_SHARE
        ]
        chosen += [
            word
            for index, word in enumerate(RARE[self.language])
            if n % RARE_EVERY == (index * 61) % RARE_EVERY
        ]
        for word in chosen:
            sentence = rng.choice(places)
            sentence.insert(rng.randint(0, len(sentence)), word)

        return GuideText(
            title=as_title(title),
            summary=" ".join(as_sentence(sentence) for sentence in summary)[:300],
            needs=[as_title(need) for need in needs],
            steps=[
                {
                    "title": as_title(step_title),
                    "body": "".join(
                        "<p>" + " ".join(as_sentence(s) for s in paragraph) + "</p>"
                        for paragraph in paragraphs
                    ),
                    "tip": as_sentence(tip) if tip else "",
                }
                for step_title, paragraphs, tip in steps
            ],
        )


def as_title(words):
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def as_sentence(words):
    return as_title(words) + "."
