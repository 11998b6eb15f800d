"""The lexicons of ``dipgraph suggest``: YAML data files a curator extends (see lexicon/).

A :class:`PhraseTable` finds the longest listed phrase starting at a token, comparing
folded words with the prefix-stripped forms of the article's words.

>>> table = PhraseTable()
>>> table.add("اتصال هاتفي", "phone_call")
>>> from dipgraph.suggest.text import tokenise
>>> table.longest(tokenise("وفي الاتصال الهاتفي"), 1)
(2, 'phone_call')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from dipgraph.errors import InputError
from dipgraph.loader.reading import TooLarge, byte_place, decode_utf8, read_bounded, text_place
from dipgraph.suggest.text import Token, fold_phrase

if TYPE_CHECKING:
    from dipgraph.suggest.gazetteer import Gazetteer

LEXICON_DIR = Path(__file__).with_name("lexicon")
MAX_LEXICON_BYTES = 16 * 1024 * 1024  # the shipped ones are kilobytes
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LexiconError(InputError):
    """A lexicon file that cannot be read as the documented structure."""


@dataclass(slots=True)
class PhraseTable:
    """Folded phrases (tuples of words) by first word, each with a payload."""

    by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = field(default_factory=dict)

    def add(self, phrase: str, payload: Any) -> None:
        words = fold_phrase(phrase)
        if words:
            self.by_first.setdefault(words[0], []).append((words, payload))

    def longest(
        self, tokens: Sequence[Token], at: int, suffixes: bool = True, verb: bool = False
    ) -> tuple[int, Any] | None:
        """(length in tokens, payload) of the longest phrase starting at ``tokens[at]``;
        ``verb``: its first word read as a verb (no ب ك or article stripped)."""
        best: tuple[int, Any] | None = None
        rank: tuple[int, int, str] = (0, 0, "")
        first = tokens[at]
        forms = first.verbs if verb else first.forms if suffixes else first.names
        for form in forms:
            for words, payload in self.by_first.get(form, ()):
                # the longest phrase; of two as long, the one read with less stripped
                # ("لعقد" as written before "عقد" behind ل): the same whatever the order
                # of the token's forms (a set, ordered by the process's hash seed)
                key = (len(words), len(form), form)
                if best is not None and key <= rank:
                    continue
                if _follows(tokens, at, words, suffixes):
                    best, rank = (len(words), payload), key
        return best

    def has(self, token: Token, verb: bool = False) -> bool:
        """Whether a one-word phrase of the table is this token (``verb``: read as a verb,
        so "وكيري" is not "يرى" behind ك)."""
        forms = token.verbs if verb else token.forms
        return any(len(words) == 1 for form in forms for words, _ in self.by_first.get(form, ()))

    def opens(self, token: Token) -> bool:
        """Whether some phrase of the table starts with this token ("يبحث" of "يبحث مع")."""
        return any(form in self.by_first for form in token.forms)


def _follows(tokens: Sequence[Token], at: int, words: tuple[str, ...], suffixes: bool) -> bool:
    if at + len(words) > len(tokens):
        return False
    sentence = tokens[at].sentence
    for offset, word in enumerate(words[1:], 1):
        token = tokens[at + offset]
        if token.sentence != sentence or word not in (token.forms if suffixes else token.names):
            return False
    return True


@dataclass(slots=True)
class Lexicon:
    """Every table ``suggest`` uses, read from one lexicon directory."""

    contact_types: PhraseTable
    type_rank: dict[str, int]
    speech: PhraseTable
    speech_nouns: PhraseTable  # "إعلان X": the speaker follows (payload: statement kind)
    status: PhraseTable  # payload: the cue group ("future", "cancelled"...)
    status_rank: dict[str, int]  # cue group -> rank (the first listed wins)
    status_of: dict[str, str]  # cue group -> the schema's status it sets
    secret: PhraseTable
    request: PhraseTable
    anaphora: PhraseTable
    anaphora_states: PhraseTable
    anaphora_sides: PhraseTable
    negation: PhraseTable
    between: PhraseTable
    means: PhraseTable
    counterpart: PhraseTable
    apposition: PhraseTable
    self_reference: PhraseTable
    relatives: PhraseTable
    verb_prepositions: PhraseTable
    place_links: PhraseTable
    subject_types: frozenset[str]
    demonstratives: PhraseTable
    complementisers: PhraseTable
    not_names: PhraseTable
    first_person: PhraseTable
    name_links: PhraseTable
    honorifics: PhraseTable
    furniture: PhraseTable
    own_envoy: PhraseTable
    outlets: PhraseTable
    host: PhraseTable
    mediator: PhraseTable
    other_events: PhraseTable
    recall: PhraseTable
    anonymous: PhraseTable
    institutions: PhraseTable
    attribution: PhraseTable
    participles: PhraseTable
    self_predicates: PhraseTable
    obstruction: PhraseTable
    spoken_through: PhraseTable
    delegation: PhraseTable
    other_occasion: PhraseTable
    attendance: PhraseTable
    denied_reports: PhraseTable
    gapped_speech: PhraseTable
    clause_openers: PhraseTable
    documents: PhraseTable
    verb_particles: PhraseTable  # "X قد صرح": between a subject and its verb
    dropped_subjects: PhraseTable  # "وأنه التقى Y": a contact verb whose subject is unsaid
    impersonal_speech: PhraseTable  # "يذكر أن": the article's own words, no one's statement
    welcome_lists: PhraseTable  # "كان في استقبال X لدى وصوله، A، وB": X met A and B
    honorific_pronouns: PhraseTable  # "وأشار معاليه": the article's first-named person
    occasion: PhraseTable
    telling: PhraseTable
    anonymous_officials: PhraseTable
    regnal_ordinals: PhraseTable
    maqsura_names: PhraseTable
    carriers: PhraseTable
    lineage: PhraseTable
    families: PhraseTable
    name_suffixes: PhraseTable
    family_names: PhraseTable
    named_after: PhraseTable
    sender: PhraseTable
    report_about: PhraseTable
    relay: PhraseTable
    titles: PhraseTable
    relational: PhraseTable
    leader: PhraseTable
    descriptive: PhraseTable
    dual_titles: PhraseTable
    occupations: PhraseTable
    plural_titles: PhraseTable
    principal: PhraseTable
    bare_posts: PhraseTable  # heads that are a post alone before a name ("الرئيس X")
    portfolio: PhraseTable
    state_forms: PhraseTable
    demonyms: PhraseTable  # with the gazetteer's adjectives (payload: the entry's id)
    gazetteer: Gazetteer  # the world's states and some organisations (gazetteer.yaml)
    state_names: PhraseTable  # their Arabic names: no word of a new person's name
    months: PhraseTable
    relative_dates: PhraseTable
    places: PhraseTable


def _read(directory: Path, name: str) -> Any:
    """A lexicon file from ``directory``, else the one shipped with dipgraph: a curator's
    directory needs only the files it changes."""
    path = directory / name if (directory / name).is_file() else LEXICON_DIR / name
    try:
        data = read_bounded(path, MAX_LEXICON_BYTES)
        text = decode_utf8(data)
        try:  # libyaml's reader: a tenth of the pure one's time, at every command
            return yaml.load(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            return yaml.safe_load(text)  # the pure reader's message and place for it
    except TooLarge as error:
        raise LexiconError(f"{path}: {error.size_text}, over the lexicon size limit") from None
    except UnicodeDecodeError as error:
        line, col = byte_place(data, error.start)
        raise LexiconError(
            f"{path}:{line}:{col}: not UTF-8 (byte 0x{data[error.start]:02x})"
        ) from None
    except RecursionError:  # brackets nested thousands deep: the reader recurses per level
        raise LexiconError(f"{path}: nested too deep to be a lexicon") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        detail = "; ".join(p for p in (error.context, error.problem) if p) or "invalid YAML"
        raise LexiconError(f"{where}: cannot read the lexicon: {detail}") from None
    except yaml.reader.ReaderError as error:  # a character YAML refuses
        line, col = text_place(decode_utf8(data), error.position)
        raise LexiconError(
            f"{path}:{line}:{col}: a character YAML refuses ({error.reason})"
        ) from None
    except (OSError, yaml.YAMLError) as error:
        raise LexiconError(f"{path}: cannot read the lexicon: {error}") from error


def _words(entry: Any, where: str) -> list[str]:
    """The phrases of an ``{ar: [...], en: [...]}`` entry, or of a plain list."""
    if isinstance(entry, dict):
        lists = list(entry.values())
    elif isinstance(entry, list):
        lists = [entry]
    else:
        raise LexiconError(f"{where}: expected a list of words or {{ar: [...], en: [...]}}")
    words: list[str] = []
    for items in lists:
        if not isinstance(items, list) or not all(isinstance(i, str | int) for i in items):
            raise LexiconError(f"{where}: expected a list of words")
        words.extend(str(i) for i in items)
    return words


def _table(entries: dict[str, Any], where: str) -> tuple[PhraseTable, dict[str, int]]:
    if not isinstance(entries, dict):
        raise LexiconError(f"{where}: expected a mapping of labels to words")
    table = PhraseTable()
    rank: dict[str, int] = {}
    for position, (label, entry) in enumerate(entries.items()):
        rank[str(label)] = position
        for word in _words(entry, f"{where}: {label}"):
            table.add(word, str(label))
    return table, rank


def _flat(entry: Any, where: str, payload: Any = True) -> PhraseTable:
    table = PhraseTable()
    for word in _words(entry, where):
        table.add(word, payload)
    return table


def _heads(titles: dict) -> PhraseTable:
    """Every head of a title: the posts' and the occupations' (no post, but a name follows)."""
    table = _flat(titles.get("heads", []), "titles: heads")
    for word in _words(titles.get("occupations", []), "titles: occupations"):
        table.add(word, True)
    return table


_CUE_TABLES = (
    "secret",
    "request",
    "anaphora",
    "anaphora_states",
    "anaphora_sides",
    "negation",
    "between",
    "means",
    "counterpart",
    "apposition",
    "self_reference",
    "relatives",
    "verb_prepositions",
    "place_links",
    "demonstratives",
    "complementisers",
    "not_names",
    "first_person",
    "name_links",
    "honorifics",
    "furniture",
    "own_envoy",
    "outlets",
    "host",
    "mediator",
    "other_events",
    "recall",
    "anonymous",
    "institutions",
    "attribution",
    "participles",
    "self_predicates",
    "obstruction",
    "spoken_through",
    "delegation",
    "other_occasion",
    "attendance",
    "denied_reports",
    "gapped_speech",
    "clause_openers",
    "documents",
    "verb_particles",
    "dropped_subjects",
    "impersonal_speech",
    "welcome_lists",
    "honorific_pronouns",
    "occasion",
    "telling",
    "anonymous_officials",
    "regnal_ordinals",
    "maqsura_names",
    "carriers",
    "lineage",
    "families",
    "name_suffixes",
    "family_names",
    "named_after",
    "sender",
    "report_about",
    "relay",
)


def _mapping(directory: Path, name: str) -> dict:
    found = _read(directory, name)
    if not isinstance(found, dict):
        raise LexiconError(f"{name}: expected a mapping at the top of the file")
    return found


def _places(entries: Any) -> PhraseTable:
    places = PhraseTable()
    if not isinstance(entries, list):
        raise LexiconError("places.yaml: expected a list of {en: NAME, ar: [spellings]}")
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("en"), str):
            raise LexiconError("places.yaml: each entry needs en: NAME and ar: [spellings]")
        spellings = _words(entry.get("ar") or [], "places")
        names = {"en": entry["en"], "ar": spellings[0] if spellings else entry["en"]}
        for word in [entry["en"], *spellings]:
            places.add(word, names)
    return places


@cache
def load_lexicon(directory: Path = LEXICON_DIR) -> Lexicon:
    """Read and index every lexicon file of ``directory`` (see :func:`_read`)."""
    if not directory.is_dir():
        raise LexiconError(f"lexicon directory not found: {directory}")
    contact_types, type_rank = _table(_mapping(directory, "contact_words.yaml"), "contact_words")
    speech, speech_kinds = _table(_mapping(directory, "speech_verbs.yaml"), "speech_verbs")
    cues = _mapping(directory, "cues.yaml")
    titles = _mapping(directory, "titles.yaml")
    dates = _mapping(directory, "dates.yaml")
    status, status_rank, status_of = _status_cues(cues.get("status", {}))
    demonyms = PhraseTable()
    for state, entry in _mapping(directory, "demonyms.yaml").items():
        for word in _words(entry, f"demonyms: {state}"):
            demonyms.add(word, str(state))
    gazetteer = _gazetteer(directory, demonyms)
    months = PhraseTable()
    for number, names in _table_entries(dates.get("months") or {}, "dates: months"):
        if not str(number).isdigit() or not 1 <= int(number) <= 12:
            raise LexiconError(f"dates: months: {number!r} is not a month number (1-12)")
        for word in _words(names, f"dates: months: {number}"):
            months.add(word, int(number))
    _known_labels(type_rank, "contact_types", "contact_words.yaml")
    _known_labels(speech_kinds, "statement_kinds", "speech_verbs.yaml")
    speech_nouns, noun_kinds = _table(cues.get("speech_nouns", {}), "cues: speech_nouns")
    _known_labels(noun_kinds, "statement_kinds", "cues.yaml: speech_nouns")
    _known_labels({s: 0 for s in status_of.values()}, "contact_statuses", "cues.yaml: status")
    cue_tables = {name: _flat(cues.get(name, []), f"cues: {name}") for name in _CUE_TABLES}
    return Lexicon(
        contact_types=contact_types,
        type_rank=type_rank,
        speech=speech,
        speech_nouns=speech_nouns,
        status=status,
        status_rank=status_rank,
        status_of=status_of,
        subject_types=frozenset(_words(cues.get("subject_types", []), "cues: subject_types")),
        titles=_heads(titles),
        occupations=_flat(titles.get("occupations", []), "titles: occupations"),
        relational=_flat(titles.get("relational", []), "titles: relational"),
        leader=_flat(titles.get("leader", []), "titles: leader"),
        descriptive=_flat(titles.get("descriptive", []), "titles: descriptive"),
        dual_titles=_flat(titles.get("dual", []), "titles: dual"),
        plural_titles=_flat(titles.get("plural", []), "titles: plural"),
        principal=_flat(titles.get("principal", []), "titles: principal"),
        bare_posts=_flat(titles.get("bare_posts", []), "titles: bare_posts"),
        portfolio=_flat(titles.get("portfolio", []), "titles: portfolio"),
        state_forms=_flat(titles.get("state_forms", []), "titles: state_forms"),
        demonyms=demonyms,
        gazetteer=gazetteer,
        state_names=_state_names(gazetteer),
        months=months,
        relative_dates=_flat(dates.get("relative", []), "dates: relative"),
        places=_places(_read(directory, "places.yaml") or []),
        **cue_tables,
    )


def _gazetteer(directory: Path, demonyms: PhraseTable) -> Gazetteer:
    """The gazetteer of gazetteer.yaml, its adjectives added to ``demonyms``."""
    from dipgraph.suggest.gazetteer import GazetteerError, add_adjectives, read_gazetteer

    try:
        gazetteer = read_gazetteer(_read(directory, "gazetteer.yaml"))
    except GazetteerError as error:
        raise LexiconError(str(error)) from None
    add_adjectives(demonyms, gazetteer)
    return gazetteer


def _state_names(gazetteer: Gazetteer) -> PhraseTable:
    """The gazetteer's Arabic names and capitals: "مدير إدارة أمريكا الشمالية" names a
    region after a title, not a new person called "أمريكا الشمالية"."""
    table = PhraseTable()
    for entry in gazetteer.entries.values():
        for name in (*entry.ar, *entry.capitals):
            table.add(name, entry.id)
    return table


def _status_cues(entries: Any) -> tuple[PhraseTable, dict[str, int], dict[str, str]]:
    """Status cue groups: ``GROUP: {status: STATUS, ar: [...], en: [...]}``, in rank
    order; a group without ``status:`` sets the status it is named after."""
    if not isinstance(entries, dict):
        raise LexiconError("cues: status: expected a mapping of cue groups to words")
    table = PhraseTable()
    rank: dict[str, int] = {}
    status_of: dict[str, str] = {}
    for position, (group, entry) in enumerate(entries.items()):
        group = str(group)
        words = entry
        status_of[group] = group
        if isinstance(entry, dict) and "status" in entry:
            status_of[group] = str(entry["status"])
            words = {k: v for k, v in entry.items() if k != "status"}
        rank[group] = position
        for word in _words(words, f"cues: status: {group}"):
            table.add(word, group)
    return table, rank, status_of


def _known_labels(labels: dict[str, int], vocabulary: str, where: str) -> None:
    """Labels must be the schema's words, or the drafts would not pass ``check``."""
    from dipgraph.schema.model import load_model

    allowed = load_model().vocabularies[vocabulary]
    unknown = sorted(set(labels) - set(allowed))
    if unknown:
        raise LexiconError(f"{where}: unknown {', '.join(unknown)}; allowed: {', '.join(allowed)}")


def _table_entries(entries: Any, where: str) -> list[tuple[Any, Any]]:
    if not isinstance(entries, dict):
        raise LexiconError(f"{where}: expected a mapping")
    return list(entries.items())
