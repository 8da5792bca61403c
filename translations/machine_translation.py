"""DeepL machine translation that follows the glossary, so in-house words are translated alike.

wagtail-localize's DeepL translator takes fixed glossary ids. Here the glossary is built from the
glossary terms editors keep (a term in the source language paired with its translation in the
target language), sent to DeepL's glossary API, and its id kept in the shared cache with a digest
of its entries: when a term changes, the digest changes, and the glossary is made again.
"""

import hashlib
import logging

import requests
from django.apps import apps
from django.core.cache import cache
from wagtail_localize.machine_translators.deepl import DeepLTranslator, language_code
from wagtail_localize.strings import StringValue

logger = logging.getLogger(__name__)
DEFAULT_API_URL = "https://api.deepl.com"
FREE_API_URL = "https://api-free.deepl.com"
BRITISH_ENGLISH = "EN-GB"


def glossary_entries(model_label, source_locale, target_locale):
    """(source term, target term) for every term translated into the target language."""
    model = apps.get_model(model_label)
    targets = dict(
        model.objects.filter(locale=target_locale).values_list("translation_key", "term")
    )
    pairs = []
    for key, term in model.objects.filter(locale=source_locale).values_list(
        "translation_key", "term"
    ):
        target = targets.get(key, "").strip()
        # DeepL refuses entries with tabs or line breaks, and empty ones.
        if term.strip() and target and not {"\t", "\n"} & set(term + target):
            pairs.append((term.strip(), target))
    return sorted(pairs)


class GlossaryDeepLTranslator(DeepLTranslator):
    """DeepL with the portal's glossary passed as terminology.

    Options: AUTH_KEY; API_URL (defaults to DeepL's free or paid service from the key);
    GLOSSARY_MODEL, an "app.Model" label of a translatable model with a `term` field.
    """

    def api_url(self):
        default = FREE_API_URL if self.options["AUTH_KEY"].endswith(":fx") else DEFAULT_API_URL
        return (self.options.get("API_URL") or default).rstrip("/")

    def get_api_endpoint(self):
        return f"{self.api_url()}/v2/translate"

    def timeout(self):
        return int(self.options.get("TIMEOUT", 30))

    def glossary_id(self, source_locale, target_locale):
        model_label = self.options.get("GLOSSARY_MODEL")
        if not model_label:
            return None
        entries = glossary_entries(model_label, source_locale, target_locale)
        if not entries:
            return None
        tsv = "\n".join(f"{source}\t{target}" for source, target in entries)
        digest = hashlib.sha256(tsv.encode()).hexdigest()
        source_lang = language_code(source_locale.language_code)
        target_lang = language_code(target_locale.language_code)
        cache_key = f"deepl-glossary:{self.api_url()}:{source_lang}:{target_lang}"
        known = cache.get(cache_key)
        if known and known[0] == digest:
            return known[1]
        response = requests.post(
            f"{self.api_url()}/v2/glossaries",
            data={
                "name": f"portal {source_lang}-{target_lang}",
                "source_lang": source_lang,
                "target_lang": target_lang,
                "entries": tsv,
                "entries_format": "tsv",
            },
            headers=self.get_headers(),
            timeout=self.timeout(),
        )
        response.raise_for_status()
        glossary_id = response.json()["glossary_id"]
        cache.set(cache_key, (digest, glossary_id), None)
        if known:
            self.delete_glossary(known[1])
        return glossary_id

    def delete_glossary(self, glossary_id):
        # A glossary left behind only takes space at DeepL: a failure is logged, not raised.
        try:
            requests.delete(
                f"{self.api_url()}/v2/glossaries/{glossary_id}",
                headers=self.get_headers(),
                timeout=self.timeout(),
            ).raise_for_status()
        except requests.RequestException:
            logger.warning("Could not delete the old DeepL glossary %s", glossary_id)

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        # A bare "EN" is deprecated at DeepL and gives American spelling; a Belgian cooperative
        # writes British English. Glossaries keep "EN": DeepL pairs them by base language.
        if parameters.get("target_lang") == "EN":
            parameters["target_lang"] = BRITISH_ENGLISH
        glossary_id = self.glossary_id(source_locale, target_locale)
        if glossary_id:
            parameters["glossary_id"] = glossary_id
        return parameters

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        response = requests.post(
            self.get_api_endpoint(),
            self.get_parameters(source_locale, target_locale, strings),
            timeout=self.timeout(),
            headers=self.get_headers(),
        )
        response.raise_for_status()
        return {
            string: StringValue(translation["text"])
            for string, translation in zip(strings, response.json()["translations"], strict=True)
        }
