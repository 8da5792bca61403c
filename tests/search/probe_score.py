"""What a probe of the search counts (tests/search/typos.py, compounds.py): for each query
typed as a member would, whether its first result in the member's language is one of the first
three that what the member meant finds ('right'), something else ('wrong'), or nothing.

Kept free of Django imports: the probes define their scores before Django is set up.
"""

from dataclasses import dataclass, field


@dataclass
class ProbeScore:
    language: str
    right: list = field(default_factory=list)
    wrong: list = field(default_factory=list)
    nothing: list = field(default_factory=list)

    @property
    def queries(self):
        return len(self.right) + len(self.wrong) + len(self.nothing)

    def share(self, outcomes):
        return len(outcomes) / self.queries if self.queries else 0.0

    def record(self, query, meant):
        """Search `query` and count it against `meant`, the keys of what the member meant's
        search lists first."""
        from tests.search.relevance import found_in_language

        results = found_in_language(self.language, query)
        if not results:
            self.nothing.append(query)
        elif results[0] in meant[:3]:
            self.right.append(query)
        else:
            self.wrong.append(query)
