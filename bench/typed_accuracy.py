"""How well typed answers are read: per step and per kind of answer, on each corpus file and on
the whole corpus, with the misreadings that would store a wrong value.

Run with ``python -m bench.typed_accuracy`` (``-v`` lists every misreading). The held-out files
(``tests/corpus/heldout*.txt``) were written before the readers were changed for them, so their
score is the one that says how the reading generalises to answers nobody has seen.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from tests.test_typed_corpus import CORPUS, HARMLESS, corpus_file, read, step_type

Entry = tuple[str, str, str]


def kind(step: str, expected: str) -> str:
    """The kind of answer a case is: a value, nothing to give, a question, yes/no, a choice."""
    if expected == "<none>":
        return "none"
    if expected.startswith("?"):
        return "question"
    if expected in ("<refused>", "<several>", "<unmatched>", "<amount>"):
        return "refused"
    if step in ("consent", "confirm", "domestic"):
        return "yes/no"
    if step in ("etalase", "kecamatan", "summary", "product_summary") or ":" in step:
        return "choice"
    return "value"


def report(name: str, entries: list[Entry], verbose: bool) -> None:
    by_step: dict[str, list[bool]] = defaultdict(list)
    by_kind: dict[str, list[bool]] = defaultdict(list)
    wrong_stored: list[str] = []
    misread: list[str] = []
    for step, text, expected in entries:
        got = read(step, text)
        ok = got == expected
        by_step[step_type(step)].append(ok)
        by_kind[kind(step_type(step), expected)].append(ok)
        if not ok:
            line = f"  {step}: {text!r} read as {got!r}, meant {expected!r}"
            misread.append(line)
            if got not in HARMLESS:
                wrong_stored.append(line)
    right = sum(ok for oks in by_step.values() for ok in oks)
    print(
        f"\n{name}: {right}/{len(entries)} read right ({right / len(entries):.1%}), "
        f"{len(wrong_stored)} would store a wrong value"
    )
    for title, groups in (("step", by_step), ("kind", by_kind)):
        cells = [f"{key} {sum(oks)}/{len(oks)}" for key, oks in sorted(groups.items())]
        print(f"  by {title}: " + ", ".join(cells))
    for line in wrong_stored:
        print("  WRONG VALUE" + line[1:])
    if verbose:
        print("\n".join(misread))


def main() -> None:
    verbose = "-v" in sys.argv
    files = sorted(Path(CORPUS).glob("*.txt"))
    whole: list[Entry] = []
    for path in files:
        entries = corpus_file(path)
        whole.extend(entries)
        report(path.name, entries, verbose and "heldout" in path.name)
    report("whole corpus", whole, False)


if __name__ == "__main__":
    main()
