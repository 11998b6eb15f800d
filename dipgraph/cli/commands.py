"""The dipgraph command line: a thin layer over :mod:`dipgraph` (each command has a
Python twin on :class:`dipgraph.KnowledgeGraph`).

Exit codes: 0 success, 1 bad input or data (with a message, never a traceback),
2 bad usage. Commands let the library's errors (:class:`dipgraph.errors.DipgraphError`)
rise: :func:`main` reports them, in one place (:mod:`dipgraph.cli.failures`).
"""

from __future__ import annotations

import gc
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from dipgraph.cli import failures, output
from dipgraph.cli.actor_edit import actor_app
from dipgraph.cli.output import Format
from dipgraph.errors import DipgraphError
from dipgraph.graph.knowledge import ROLE_CHOICES, VIA_CHOICES
from dipgraph.graph.paths import MAX_HOPS
from dipgraph.graph.rank import MEASURES

app = typer.Typer(
    name="dipgraph",
    help="A checked knowledge graph of diplomatic actors: check facts, ask who talked to "
    "whom, find how two actors are connected, run SPARQL, export the graph.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)

FactsOption = Annotated[
    Path | None,
    typer.Option(
        "--facts",
        "-f",
        help="Facts directory (default: ./facts, else the bundled dataset).",
        show_default=False,
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", help="Output format.")]
SinceOption = Annotated[
    str | None,
    typer.Option(help="Only facts that may fall on or after this date (YYYY[-MM[-DD]])."),
]
UntilOption = Annotated[
    str | None,
    typer.Option(help="Only facts that may fall on or before this date (YYYY[-MM[-DD]])."),
]
ActorArgument = Annotated[
    str | None,
    typer.Argument(help="Only contacts of this actor (id, name or alias, any language)."),
]
WithOption = Annotated[
    str | None,
    typer.Option("--with", help="Only contacts where this actor was on another side."),
]


# How an actor takes part in a contact: the library's fixed list, so that another value
# is bad usage (exit 2) here.
Role = StrEnum("Role", {choice: choice for choice in ROLE_CHOICES})  # type: ignore[misc]
# What a path may cross: the library's fixed list, for the same reason.
Via = StrEnum("Via", {choice: choice for choice in VIA_CHOICES})  # type: ignore[misc]
DEFAULT_ROLE = Role("party")
DEFAULT_VIA = Via("contacts")


RoleOption = Annotated[
    Role,
    typer.Option(help="How ACTOR takes part: party (default), subject, host, mediator, or any."),
]
TypeOption = Annotated[
    str | None, typer.Option("--type", help="Contact type (phone_call, meeting...).")
]
TopicOption = Annotated[str | None, typer.Option(help="Topic, including narrower ones.")]
StatusOption = Annotated[
    str | None,
    typer.Option(
        help="Only contacts of this status: happened, planned, proposed or denied "
        "(default: those that happened).",
        show_default=False,
    ),
]
AnyStatusOption = Annotated[
    bool, typer.Option(help="Also planned, proposed and denied contacts (as path --any-status).")
]


def fail(message: str) -> NoReturn:
    """Exit 1 with a message; control characters in it (but newline) are shown as escapes."""
    typer.echo(f"error: {output.cell(message)}", err=True)
    raise typer.Exit(1)


def _print_version(value: bool) -> None:
    if value:
        from dipgraph import __version__

        typer.echo(f"dipgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """A checked knowledge graph of diplomatic actors: check facts, ask who talked to whom,
    find how two actors are connected, run SPARQL, export the graph."""


BaseIriOption = Annotated[
    str | None,
    typer.Option(
        "--base-iri",
        help="Base of the data IRIs ({base}actor/{id}...); default: the facts' dataset.yaml.",
        show_default=False,
    ),
]


def open_graph(
    facts: Path | None,
    base_iri: str | None = None,
    sparql: bool = False,
    first_query: str | None = None,
) -> Any:
    """Load and check the facts (``sparql``: the store will be wanted, first for
    ``first_query``; see dipgraph.load). FactsError lists every error (see main)."""
    import dipgraph

    return dipgraph.load(facts, base_iri, cache=True, prepare_store=sparql, first_query=first_query)


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


@app.command()
def check(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Report only the problems of these files or folders (the whole facts "
            "directory is still checked: references cross files). '-' is the text of "
            "--stdin-filename, read from standard input.",
            show_default=False,
        ),
    ] = None,
    facts: FactsOption = None,
    strict: Annotated[bool, typer.Option(help="Treat warnings as errors.")] = False,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            help="text (path:line:col on stderr), json, sarif (SARIF 2.1.0) or github "
            "(workflow annotations); the last three on stdout.",
        ),
    ] = CheckFormat.text,
    stdin_filename: Annotated[
        Path | None,
        typer.Option(
            "--stdin-filename",
            help="The fact file whose text '-' gives (an editor's unsaved buffer).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check every fact file; print each problem as path:line:col.

    Clean facts are kept in the compile cache, so the command that follows starts warm.
    """
    import dipgraph
    from dipgraph.cli import check_report

    root = facts or _default_facts()
    wanted, text_of = _checked_files(files or [], root, stdin_filename)
    kinds = ("source", "actor", "topic", "place", "post", "contact", "statement")
    if text_of is None:
        report = dipgraph.check_report(root)
    else:  # an editor's buffer in place of its file: no cache
        from dipgraph.cached_graph.check_report import CheckReport

        found, found_problems = dipgraph.check(root, text_of=text_of)
        counted = {k: len(found.by_kind(k)) for k in kinds}
        report = CheckReport(found_problems, counted, len(found.files))
    problems = report.problems
    if wanted:
        problems = [p for p in problems if any(_within(p.path, w) for w in wanted)]
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if fmt is CheckFormat.text:
        if problems:  # one write: at 100k facts a report can hold 10^5 lines
            typer.echo("\n".join(map(str, problems)), err=True)
    elif fmt is CheckFormat.json:
        counts = {f"{k}s": report.counts[k] for k in kinds}
        typer.echo(check_report.as_json(problems, report.files, counts))
    elif fmt is CheckFormat.sarif:
        typer.echo(check_report.as_sarif(problems, dipgraph.__version__))
    else:
        typer.echo(check_report.as_github(problems), nl=False)
    if errors or (strict and warnings):
        fail(f"{errors} error(s), {warnings} warning(s) in {report.files} file(s)")
    if fmt is CheckFormat.text:
        counts_text = ", ".join(f"{report.counts[k]} {k}s" for k in kinds)
        typer.echo(f"ok: {report.files} files checked: {counts_text}; {warnings} warning(s)")
        if report.unchanged:
            typer.echo("(no file changed since the last check: its answer, no file read)")
        elif report.reread is not None and report.reread < report.files:
            again = f"{report.reread} of {report.files} file(s) read again"
            typer.echo(f"({again}: the others did not change)")


def _checked_files(
    files: list[Path], root: Path, stdin_filename: Path | None
) -> tuple[list[Path], tuple[Path, bytes] | None]:
    """The files whose problems are reported, and the one read from stdin, if any."""
    wanted, text_of = [], None
    for path in files:
        if str(path) == "-":
            if stdin_filename is None:
                bad_usage("'-' reads a fact file's text from stdin: name it with --stdin-filename")
            text_of = (stdin_filename, sys.stdin.buffer.read())
            path = stdin_filename
        elif not path.exists():
            fail(f"not found: {path}")
        if not path.resolve().is_relative_to(root.resolve()):
            fail(f"{path} is not inside the facts directory {root} (choose it with --facts)")
        wanted.append(path.resolve())
    if stdin_filename is not None and text_of is None:
        bad_usage("--stdin-filename names the file '-' reads: give '-' as a file")
    if text_of is not None and not text_of[0].is_file():
        fail(f"--stdin-filename {text_of[0]}: not a fact file in {root} (save it once first)")
    return wanted, text_of


def _within(shown: str, wanted: Path) -> bool:
    path = Path(shown).resolve()
    return path == wanted or path.is_relative_to(wanted)


def bad_usage(message: str) -> NoReturn:
    """Exit 2 with a message: the command was called wrongly."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _default_facts() -> Path:
    from dipgraph.bundled import default_facts_dir

    return default_facts_dir()


@app.command()
def schema(facts: FactsOption = None) -> None:
    """Print the JSON Schema of fact files (for editor autocompletion and checks); its
    $id lies under the base IRI the facts' dataset.yaml declares."""
    from dipgraph.loader.dataset import dataset_of
    from dipgraph.schema.jsonschema import fact_file_schema

    output.print_json(fact_file_schema(dataset_of(facts or _default_facts()).base))


@app.command()
def build(
    facts: FactsOption = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path("build"),
    formats: Annotated[
        str,
        typer.Option(
            "--formats",
            help="Comma-separated formats: ttl, html, nt, jsonld, trig, nq, graphml, gexf, "
            "csv, ftm, ontology, or 'all'.",
        ),
    ] = "ttl,html",
    base_iri: BaseIriOption = None,
    validate: Annotated[
        bool,
        typer.Option("--validate", help="Check the RDF against the SHACL shapes first (pySHACL)."),
    ] = False,
) -> None:
    """Check the facts and write the exports (each written to a temporary file, then renamed)."""
    from dipgraph.build import build_exports

    graph = open_graph(facts, base_iri)
    if validate:
        from dipgraph.graph.shacl import validate as shacl_validate

        violations = shacl_validate(graph.quads)
        for violation in violations:
            typer.echo(f"shacl: {violation}", err=True)
        if violations:
            fail(f"SHACL: {len(violations)} violation(s); nothing written")
        typer.echo(f"SHACL: conforms ({len(graph.quads)} triples)", err=True)
    try:
        written = build_exports(graph, out, formats, progress=sys.stderr.isatty())
    except OSError as error:
        fail(cannot_write(error, out))
    for path in written:
        typer.echo(f"wrote {output.text(str(path))}")


def cannot_write(error: OSError, out: Path) -> str:
    """An export that could not be written (a folder that cannot exist, a full disk...)."""
    where = f" ({error.filename})" if error.filename and Path(error.filename) != out else ""
    return f"cannot write {out}: {error.strerror or error}{where}"


def select_talks(
    graph: Any,
    actor: str | None,
    with_: str | None,
    since: str | None,
    until: str | None,
    type_: str | None,
    topic: str | None,
    status: str | None,
    any_status: bool,
    role: str = "party",
) -> list[dict[str, Any]]:
    """The contacts the talks filters select (shared by `talks` and `html`)."""
    return graph.talks(
        actor,
        with_,
        role=role,
        since=since,
        until=until,
        type=type_,
        topic=topic,
        status=status,
        any_status=any_status,
    )


@app.command()
def html(
    actor: ActorArgument = None,
    with_: WithOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type_: TypeOption = None,
    topic: TopicOption = None,
    status: StatusOption = None,
    any_status: AnyStatusOption = False,
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path(
        "build/dipgraph.html"
    ),
    facts: FactsOption = None,
) -> None:
    """Write the interactive graph as one HTML file that opens offline (same filters as talks)."""
    from dipgraph.exports.html import write_html

    graph = open_graph(facts)
    filters = (actor, with_, since, until, type_, topic, status)
    contacts = None
    if any(f is not None for f in filters):  # else every contact, each with its status
        contacts = {row["id"] for row in select_talks(graph, *filters, any_status)}
    if out.exists() and out.is_dir():
        fail(f"--out {out} is a directory; give a file name")
    try:
        written = write_html(graph, out, contacts)
    except OSError as error:
        fail(cannot_write(error, out))
    typer.echo(f"wrote {output.text(str(written))}")


@app.command()
def talks(
    actor: ActorArgument = None,
    with_: WithOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type_: TypeOption = None,
    topic: TopicOption = None,
    status: StatusOption = None,
    any_status: AnyStatusOption = False,
    role: RoleOption = DEFAULT_ROLE,
    facts: FactsOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Who talked to whom, in date order (undated contacts last): contacts that happened,
    unless --any-status or --status asks for others (as path).

    ACTOR alone lists the contacts it was a party to; --role subject, host, mediator
    or any lists those it holds that role in. --with B keeps contacts where ACTOR and B
    sat on different sides.
    """
    graph = open_graph(facts)
    rows = select_talks(
        graph, actor, with_, since, until, type_, topic, status, any_status, role.value
    )
    columns = output.TALKS_CSV_COLUMNS if fmt == Format.csv else output.TALKS_COLUMNS
    output.emit(
        rows, rows, columns, fmt, title=f"{len(rows)} contact(s)", empty="no contacts match"
    )


@app.command()
def path(
    source: Annotated[str, typer.Argument(metavar="FROM", help="First actor.")],
    target: Annotated[str, typer.Argument(metavar="TO", help="Second actor.")],
    max_hops: Annotated[int, typer.Option(help="Longest path to consider.", min=1)] = MAX_HOPS,
    all_: Annotated[
        bool, typer.Option("--all", help="All simple paths up to --max-hops, shortest first.")
    ] = False,
    via: Annotated[
        Via, typer.Option(help="contacts (default), or all to also cross posts and memberships.")
    ] = DEFAULT_VIA,
    since: SinceOption = None,
    until: UntilOption = None,
    temporal: Annotated[
        bool, typer.Option(help="Only chains of contacts whose dates may follow one another.")
    ] = False,
    any_status: Annotated[
        bool, typer.Option(help="Also cross planned, proposed and denied contacts.")
    ] = False,
    facts: FactsOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """How two actors are connected, with the evidence of every hop."""
    graph = open_graph(facts)
    result = graph.path(
        source,
        target,
        max_hops=max_hops,
        all=all_,
        via=via.value,
        since=since,
        until=until,
        temporal=temporal,
        any_status=any_status,
    )
    hops = [
        {**hop, "path": number}
        for number, found in enumerate(result["paths"], 1)
        for hop in found["hops"]
    ]
    if fmt != Format.table:
        output.emit(result, hops, output.HOP_COLUMNS, fmt)
        return
    names = graph.actor_names.display  # the index holds the names: no fact is decoded
    if not result["paths"]:
        typer.echo(
            f"no path between {names[result['from']]} and {names[result['to']]} "
            f"within {max_hops} hops (via {via.value}{', temporal' if temporal else ''})"
        )
        return
    for number, found in enumerate(result["paths"], 1):
        chain = " → ".join(names[a] for a in found["actors"])
        rows = [h for h in hops if h["path"] == number]
        output.print_table(
            rows, output.HOP_COLUMNS[1:], title=f"path {number} ({len(rows)} hops): {chain}"
        )


Measure = StrEnum("Measure", {choice: choice for choice in MEASURES})  # type: ignore[misc]
DEFAULT_MEASURE = Measure("degree")


@app.command()
def rank(
    by: Annotated[
        Measure,
        typer.Option(help="degree (counterparts, then contacts), betweenness or brokerage."),
    ] = DEFAULT_MEASURE,
    since: SinceOption = None,
    until: UntilOption = None,
    type_: TypeOption = None,
    topic: TopicOption = None,
    status: Annotated[
        str | None,
        typer.Option(help="Only contacts of this status (default: those that happened)."),
    ] = None,
    any_status: Annotated[
        bool, typer.Option(help="Contacts of every status: planned, proposed and denied too.")
    ] = False,
    limit: Annotated[int, typer.Option(help="How many actors to list (0: all).", min=0)] = 20,
    explain: Annotated[
        str | None,
        typer.Option(metavar="ACTOR", help="List the contacts behind this actor's figure instead."),
    ] = None,
    facts: FactsOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Who matters: actors ranked by degree, betweenness or brokerage between countries,
    over the contacts the talks filters select (see the README's definitions).

    Betweenness is computed only with --by betweenness: it searches from every actor
    (minutes at 10k contacts).
    """
    from dipgraph.cli.rank_view import BEHIND_COLUMNS, behind_title, rank_columns

    graph = open_graph(facts)
    filters = {
        "since": since,
        "until": until,
        "type": type_,
        "topic": topic,
        "status": status,
        "any_status": any_status,
    }
    if explain is not None:
        explained = graph.explain_rank(explain, by.value, **filters)
        rows = explained["behind"]
        output.emit(
            explained,
            rows,
            BEHIND_COLUMNS[by.value],
            fmt,
            title=behind_title(explained),
            empty=f"nothing behind {explained['name']}'s {by.value}: 0",
        )
        return
    rows = graph.rank(by.value, limit=limit or None, **filters)
    columns = rank_columns(by.value, csv=fmt == Format.csv)
    output.emit(
        rows,
        rows,
        columns,
        fmt,
        title=f"{len(rows)} actor(s) by {by.value}",
        empty="no contacts match",
    )


@app.command()
def show(
    actor: Annotated[str, typer.Argument(help="Actor (id, name or alias, any language).")],
    facts: FactsOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """An actor's profile: names, posts over time, contacts, statements, sources."""
    graph = open_graph(facts)
    profile = graph.show(actor)
    from dipgraph.cli.profile_view import PROFILE_COLUMNS, print_profile, profile_rows

    if fmt == Format.table:
        print_profile(profile)
    else:
        output.emit(profile, profile_rows(profile), PROFILE_COLUMNS, fmt)


@app.command()
def actors(
    text: Annotated[str | None, typer.Argument(help="Words the name must contain.")] = None,
    kind: Annotated[str | None, typer.Option(help="person, organization or state.")] = None,
    facts: FactsOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List actors, or search them by name in any language."""
    graph = open_graph(facts)
    rows = graph.actors(text, kind)
    output.emit(
        rows,
        rows,
        output.ACTOR_COLUMNS,
        fmt,
        title=f"{len(rows)} actor(s)",
        empty="no actor matches",
    )


@app.command()
def sparql(
    query: Annotated[
        str | None, typer.Argument(help="A named query, @FILE, or SPARQL text.")
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="NAME=VALUE bound as a variable (repeatable)."),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    timeout: Annotated[
        float | None,
        typer.Option(help="Stop the query after this many seconds (exit 1).", min=0.01),
    ] = None,
    allow_service: Annotated[
        bool,
        typer.Option(
            "--allow-service",
            help="Let SERVICE clauses send HTTP requests to the addresses they name "
            "(federation); refused by default.",
        ),
    ] = False,
    facts: FactsOption = None,
    fmt: FormatOption = Format.table,
    base_iri: BaseIriOption = None,
) -> None:
    """Run a read-only SPARQL query; --format json prints SPARQL 1.1 Results JSON.

    Ctrl-C stops a running query at once (exit 130).
    """
    from dipgraph.graph.sparql import named_queries

    if list_ or query is None:
        rows = [
            {
                "name": q.name,
                "params": " ".join(p for p, _ in q.params),
                "description": q.description,
            }
            for q in named_queries().values()
        ]
        output.emit(
            rows,
            rows,
            [
                ("name", lambda r: r["name"]),
                ("params", lambda r: r["params"]),
                ("description", lambda r: r["description"]),
            ],
            fmt,
        )
        return
    bindings: dict[str, str] = {}
    for item in param or []:
        name, sep, value = item.partition("=")
        if not sep or not name:
            fail(f"--param takes NAME=VALUE, not '{item}'")
        bindings[name.strip().lstrip("?$")] = value
    import time

    from dipgraph.graph.sparql import check_query, require_params, resolve_query
    from dipgraph.sparql.deadline import QueryTimeout, run_with_deadline

    # Before the facts: a cold start checks and compiles them all first. Within --timeout:
    # what is spent checking the text is not left for running it. A FactsError may also
    # come after loading, from a cold start's checks (see main).
    began = time.monotonic()
    text, named = resolve_query(query)
    require_params(query, named, bindings)
    try:
        try:
            run_with_deadline(lambda: check_query(text, allow_service), timeout)
        except QueryTimeout as error:  # the check's thread still runs: leave at once
            failures.report(error)
            _exit_now(failures.exit_code(error))
        checked = time.monotonic() - began
        graph = open_graph(facts, base_iri, sparql=True, first_query=query)
        _run_sparql(graph, query, bindings, fmt, timeout, allow_service, checked)
    except KeyboardInterrupt:
        typer.echo("interrupted: the query was stopped", err=True)
        _exit_now(130)


def _run_sparql(
    graph: Any,
    query: str,
    bindings: dict[str, str],
    fmt: Format,
    timeout: float | None,
    allow_service: bool,
    spent: float = 0.0,
) -> None:
    """Evaluate on a thread the main thread can abandon (Ctrl-C, --timeout, of which
    ``spent`` seconds went on checking the query), then print."""
    from dipgraph.cli.sparql_view import end_output, print_rendered
    from dipgraph.sparql.deadline import QueryTimeout, run_with_deadline
    from dipgraph.sparql.results import render

    def within_deadline(evaluate: Any) -> Any:
        return run_with_deadline(evaluate, timeout, spent)

    graph.prepare_store()  # built or opened before --timeout starts counting
    try:
        rendered = graph.answer(
            query,
            lambda result: render(result, fmt.value),
            bindings,
            allow_service,
            within_deadline,
        )
    except QueryTimeout as error:  # the query's thread still runs: leave at once
        failures.report(error)
        _exit_now(failures.exit_code(error))
    print_rendered(rendered)
    end_output()
    _leave_without_freeing()


def _leave_without_freeing() -> NoReturn:
    """The answer is out: wait for a cold start's child (it may be writing the cache
    entry), then end the process without freeing the store. Freeing its millions of
    allocations one by one, for a process about to end, took a second at 100k
    contacts, after the answer."""
    from dipgraph.cache.child import finish_children

    finish_children()
    _exit_now(0)


def _exit_now(code: int) -> NoReturn:
    from dipgraph.sparql.deadline import exit_now

    exit_now(code)
    raise AssertionError("unreachable")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port (0 picks a free one).", min=0, max=65535)] = 7800,
    timeout: Annotated[
        float, typer.Option(help="Seconds a query may run; then it is stopped.", min=0.1)
    ] = 30.0,
    workers: Annotated[
        int, typer.Option(help="Query worker processes (queries run at once).", min=1, max=64)
    ] = 2,
    max_query_memory: Annotated[
        int,
        typer.Option(
            help="MiB of memory a query may use beyond its worker's, and the most its "
            "answer may take; then it is stopped (0: no limit).",
            min=0,
        ),
    ] = 1024,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="Also answer requests for this host name (repeatable); by default only "
            "the listening address (and localhost names on loopback).",
        ),
    ] = None,
    cors: Annotated[
        list[str] | None,
        typer.Option(
            "--cors",
            help="Let web pages from this origin (https://app.example, or *) query the "
            "endpoint (repeatable); no CORS by default.",
        ),
    ] = None,
    verbose: Annotated[bool, typer.Option(help="Log every request.")] = False,
    facts: FactsOption = None,
    base_iri: BaseIriOption = None,
) -> None:
    """Serve a read-only SPARQL 1.1 Protocol endpoint at /sparql and the HTML graph at /.

    SERVICE (federation) is always refused; queries past --timeout are stopped.
    """
    from dipgraph.cli.server_logs import show_server_logs
    from dipgraph.sparql.hosts import option_problem
    from dipgraph.sparql.server import is_loopback, make_server

    problem = option_problem(tuple(allow_host or ()), tuple(cors or ()))
    if problem:
        fail(problem)
    show_server_logs()  # this process is the command's own
    server = None
    try:  # Ctrl-C or SIGTERM, wherever they come (see main): the workers go, quietly
        graph = open_graph(facts, base_iri)
        if not is_loopback(host):
            typer.echo(
                f"warning: listening on {output.text(host)}, not loopback: anyone who can "
                "reach it can query the graph",
                err=True,
            )
        try:
            server = make_server(
                graph,
                facts or _default_facts(),
                host,
                port,
                timeout,
                workers,
                max_query_memory << 20,
                tuple(allow_host or ()),
                tuple(cors or ()),
                verbose,
            )
        except OSError as error:
            fail(f"cannot listen on {host}:{port}: {error.strerror or error}")
        gc.freeze()  # the graph lives as long as the server: collections need not rescan it
        bound_host, bound_port = server.server_address[:2]
        shown = f"[{bound_host}]" if ":" in bound_host else bound_host
        typer.echo(
            f"serving http://{shown}:{bound_port}/sparql and the graph at "
            f"http://{shown}:{bound_port}/ (Ctrl-C stops)",
            err=True,
        )
        if not server.pool.isolated:
            typer.echo("note: query workers could not be cut off the network", err=True)
        server.run()  # (waitress ends its loop on KeyboardInterrupt)
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.close()


def _stop_serving_on_signals() -> None:
    """Ctrl-C and SIGTERM (what systemd and container runtimes send to stop a service)
    stop ``serve`` the same way, at any moment: the first raises KeyboardInterrupt in the
    main thread; any later one is ignored while the server stops."""
    import signal

    def stop(number: int, frame: Any) -> None:
        for each in (signal.SIGINT, signal.SIGTERM):
            signal.signal(each, signal.SIG_IGN)
        raise KeyboardInterrupt

    for each in (signal.SIGINT, signal.SIGTERM):
        signal.signal(each, stop)


@app.command()
def push(
    url: Annotated[
        str, typer.Argument(help="Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store")
    ],
    user: Annotated[str | None, typer.Option(help="HTTP basic auth user.")] = None,
    password_env: Annotated[
        str | None,
        typer.Option(
            help="Environment variable holding the password (with --user; default "
            "DIPGRAPH_PUSH_PASSWORD). It must be set.",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option(help="Seconds the whole push may take.", min=0.1)
    ] = 300.0,
    facts: FactsOption = None,
    base_iri: BaseIriOption = None,
) -> None:
    """Upload every named graph to a SPARQL server (Graph Store HTTP Protocol, PUT).

    Each graph is replaced in turn, not all at once: if a push fails midway, push again.
    """
    import os

    from dipgraph.sparql.push import (
        check_user,
        password_in_url_warning,
        plain_http_warning,
        redact,
    )
    from dipgraph.sparql.push import push as push_graphs

    password = None
    if password_env is not None and user is None:
        fail("--password-env needs --user")
    check_user(user)
    if user is not None:
        variable = password_env or "DIPGRAPH_PUSH_PASSWORD"
        password = os.environ.get(variable)
        if password is None:
            fail(f"--user {user} needs a password: set the environment variable {variable}")
    warnings = [plain_http_warning(url, user), password_in_url_warning(url)]
    for warning in filter(None, warnings):
        typer.echo(f"warning: {warning}", err=True)
    graph = open_graph(facts, base_iri)
    sent = push_graphs(graph, url, user, password, timeout)
    for item in sent:
        typer.echo(f"{item.graph}: {item.triples} triples (HTTP {item.status})")
    typer.echo(
        f"pushed {sum(i.triples for i in sent)} triples in {len(sent)} graphs to {redact(url)}"
    )


@app.command()
def stats(facts: FactsOption = None, fmt: FormatOption = Format.table) -> None:
    """Counts of facts per kind and per source."""
    graph = open_graph(facts)
    data = graph.stats()
    kinds = data["kinds"]
    rows = [{"source": source, **counts} for source, counts in data["per_source"].items()]
    # Sources, actors, topics and places quote no source: counted once, in the total.
    named = ", ".join(f"{kinds[k]} {k}" for k in ("sources", "actors", "topics", "places"))
    rows.append({"source": f"total ({named})", **kinds})
    columns: list[output.Column] = [("source", lambda r: r["source"])]
    columns += [(k, output.field(k)) for k in ("posts", "contacts", "statements")]
    output.emit(data, rows, columns, fmt, title="facts per source (a fact counts under each)")


class SuggestFormat(StrEnum):
    yaml = "yaml"
    json = "json"


@app.command()
def suggest(
    article: Annotated[
        Path, typer.Argument(help="The article: UTF-8 text, Arabic or English; '-': stdin.")
    ],
    facts: FactsOption = None,
    source_id: Annotated[
        str | None,
        typer.Option(
            "--source-id",
            help="Source id the quotes cite (default: the facts' source of this file).",
        ),
    ] = None,
    fmt: Annotated[
        SuggestFormat, typer.Option("--format", help="Output format.")
    ] = SuggestFormat.yaml,
    lexicon: Annotated[
        Path | None,
        typer.Option(help="Directory of lexicon files replacing the shipped ones of that name."),
    ] = None,
    into: Annotated[
        Path | None,
        typer.Option(
            help="Facts directory to write into: the text (sources/ID.txt), its source record "
            "and the drafts (articles/ID.yaml); the known facts are read from there too."
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY[-MM[-DD]]) when the article prints none."),
    ] = None,
) -> None:
    """Draft actors, posts, contacts and statements from an article, each with an exact quote.

    Lexicons are YAML files in dipgraph/suggest/lexicon/; --lexicon DIR reads your own
    copies of any of them instead. With --into, relative days ("أمس الخميس") are dated
    from the publication date the article prints (or --published).
    """
    import dipgraph
    from dipgraph.dates import PartialDate
    from dipgraph.suggest.output import to_json, to_yaml

    from_stdin = str(article) == "-"
    text = _stdin_article() if from_stdin else None
    article_path = None if from_stdin else article
    day = PartialDate.parse(published) if published else None
    drafts = dipgraph.suggest(
        article_path, into or facts or _default_facts(), source_id, text=text, lexicon=lexicon
    )
    if into is not None:
        from dipgraph.suggest.into import write_into

        try:
            written = write_into(drafts, into, day)
        except OSError as error:
            fail(f"cannot write into {into}: {error.strerror or error}")
        when = f", published {written.published}" if written.published else ""
        typer.echo(f"wrote {written.text} and {written.facts}{when}")
        typer.echo(f"next: edit {written.facts}, then dipgraph check --facts {into}")
        return
    typer.echo(to_json(drafts) if fmt is SuggestFormat.json else to_yaml(drafts), nl=False)


class ImportKind(StrEnum):
    wikidata = "wikidata"
    ftm = "ftm"


@app.command("import")
def import_(
    kind: Annotated[
        ImportKind, typer.Argument(help="wikidata (JSON entities) or ftm (JSON lines).")
    ],
    file: Annotated[Path, typer.Argument(help="The dataset file, inside the facts directory.")],
    retrieved: Annotated[
        str, typer.Option("--retrieved", help="When the file was retrieved (YYYY-MM-DD).")
    ],
    facts: FactsOption = None,
    source_id: Annotated[
        str | None, typer.Option("--source-id", help="Id of the dataset's source entry.")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write the draft here (default: print it)."),
    ] = None,
) -> None:
    """Draft actors, posts and memberships from a dataset (Wikidata P39 with P580/P582 and
    P463, FtM Occupancy and Membership), as a fact file to review whose evidence cites the
    dataset; check proves each value."""
    from dipgraph.imports import import_dataset
    from dipgraph.imports.output import to_yaml

    root = facts or _default_facts()
    where = out.parent if out is not None else root
    drafted = import_dataset(kind.value, file, root, retrieved, source_id, where)
    text = to_yaml(drafted)
    if out is None:
        typer.echo(text, nl=False)
        return
    from dipgraph.exports.atomic import atomic_text

    try:
        with atomic_text(out) as stream:
            stream.write(text)
    except OSError as error:
        fail(cannot_write(error, out))
    typer.echo(
        f"wrote {output.text(str(out))}: {len(drafted.actors)} actor(s), "
        f"{len(drafted.posts)} post(s), {len(drafted.memberships)} membership(s) "
        "to review"
    )


def _stdin_article() -> str:
    """The article piped in (``suggest -``), bounded and UTF-8 as a file would be."""
    from dipgraph.suggest import MAX_ARTICLE_BYTES, ArticleError

    data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"stdin: suggest reads articles up to {MAX_ARTICLE_BYTES:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleError(f"stdin: not UTF-8 text (byte {error.start})") from error


app.add_typer(actor_app, name="actor")


def main() -> None:
    """Console entry point: a closed pipe (| head) ends quietly, without a traceback,
    with exit 1 wherever it is seen (click does so, and Python's signal docs advise it).

    A command runs once and exits, and what it builds is acyclic: the cyclic garbage
    collector would only rescan the loaded graph (0.1-0.3 s a query at 100k contacts).
    ``serve`` runs for long, so it keeps the collector and freezes the loaded graph.
    """
    try:
        if sys.argv[1:2] != ["serve"]:
            gc.disable()
        else:
            _stop_serving_on_signals()  # as early as can be: before the command's imports
        failures.show_warnings_as_lines()
        from dipgraph.process_memory import allow_tuning

        allow_tuning()  # this process is the command's own: pauses and malloc_trim may act
        app()
    except KeyboardInterrupt:  # before typer handles Ctrl-C itself (see dipgraph.cli)
        sys.exit(130)
    except DipgraphError as error:
        sys.exit(failures.report(error))
    except BrokenPipeError:
        # Python flushes stdout at exit: point it at nothing, so the flush cannot fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
