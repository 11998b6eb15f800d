"""``dipgraph actor accept|rename|merge``: an actor's id changed in every fact file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

actor_app = typer.Typer(
    name="actor",
    help="Accept a drafted actor, rename an actor's id, or merge a drafted actor into a "
    "known one, updating every reference in the facts folder.",
    no_args_is_help=True,
)

FactsDir = Annotated[
    Path | None,
    typer.Option("--facts", "-f", help="Facts directory (default: ./facts).", show_default=False),
]


def _run(action, facts: Path | None, *ids: str) -> None:
    """Run the edit; an EditError (a refusal, with the problems it met) goes to
    dipgraph.cli.failures, as every command's errors do."""
    from dipgraph.errors import FactsNotFound

    root = facts or Path("facts")
    if not root.is_dir():
        raise FactsNotFound(f"facts directory not found: {root}")
    try:
        edited = action(root, *ids)
    except OSError as error:
        typer.echo(f"error: cannot write into {root}: {error.strerror or error}", err=True)
        raise typer.Exit(1) from None
    files = ", ".join(str(p) for p in edited.files)
    typer.echo(
        f"ok: {edited.references} reference(s) updated in {len(edited.files)} file(s): {files}"
    )


@actor_app.command()
def accept(
    provisional: Annotated[str, typer.Argument(help="The draft's provisional id (new-person-1).")],
    new_id: Annotated[str, typer.Argument(help="The id to give the actor.")],
    facts: FactsDir = None,
) -> None:
    """Give a drafted actor its id, in its record and every reference."""
    from dipgraph.editing.ids import EditError, rename
    from dipgraph.loader.drafts import is_provisional_id

    def accept_one(root: Path, old: str, new: str):
        if not is_provisional_id(old):
            raise EditError(f"'{old}' is no draft's provisional id: use dipgraph actor rename")
        return rename(root, old, new)

    _run(accept_one, facts, provisional, new_id)


@actor_app.command("rename")
def rename_command(
    old: Annotated[str, typer.Argument(help="The actor's id now.")],
    new: Annotated[str, typer.Argument(help="Its new id.")],
    facts: FactsDir = None,
) -> None:
    """Change an actor's id in its record and every reference."""
    from dipgraph.editing.ids import rename

    _run(rename, facts, old, new)


@actor_app.command("merge")
def merge_command(
    drafted: Annotated[str, typer.Argument(help="The drafted actor's id, which goes.")],
    known: Annotated[str, typer.Argument(help="The known actor's id, which stays.")],
    facts: FactsDir = None,
) -> None:
    """Merge a drafted actor into a known one: its record goes, references move."""
    from dipgraph.editing.ids import merge

    _run(merge, facts, drafted, known)
