"""The status normaliser: native vocabulary, and foreign status text read the way a human reads it."""

from __future__ import annotations

import pytest

from opsbook.decisions.status import (
    RelationRef,
    clean_word,
    native_status,
    read_relations,
    read_status,
    suggestion,
)


@pytest.mark.parametrize(
    ("text", "status", "kind"),
    [
        ("Accepted", "accepted", "exact"),
        ("ACCEPTED", "accepted", "exact"),
        ("PROPOSED", "proposed", "exact"),
        ("**Accepted**", "accepted", "exact"),
        ("Accepted.", "accepted", "exact"),
        ("__Deprecated__.", "deprecated", "exact"),
        ("✅ Accepted", "accepted", "exact"),
        ("🚧 proposed", "proposed", "exact"),
        (":white_check_mark: accepted", "accepted", "exact"),
        ("[Rejected]", "rejected", "exact"),
        ("Accepted (2020-01-02)", "accepted", "exact"),
        ("accepted on 2021-03-04", "accepted", "exact"),
        ("Approved", "accepted", "mapped"),
        ("In Review", "proposed", "mapped"),
        ("draft", "proposed", "mapped"),
        ("Superceded", "superseded", "mapped"),
        ("Declined", "rejected", "mapped"),
        ("Pending", "proposed", "mapped"),
        ("on hold", "proposed", "mapped"),
        ("Partly superseded", "accepted", "mapped"),
        ("Implemented", "accepted", "mapped"),
        ("Partially Accepted", "accepted", "mapped"),
        ("Incomplete", "proposed", "mapped"),
        ("Reverted", "deprecated", "mapped"),
        ("On ice", "on ice", "kept"),
        ("", None, "empty"),
        ("   \n  ", None, "empty"),
        ("<!-- optional -->", None, "empty"),
    ],
)
def test_status_words(text: str, status: str | None, kind: str) -> None:
    reading = read_status(text)
    assert (reading.status, reading.kind) == (status, kind)


def test_raw_text_is_kept_for_mapped_and_kept_words() -> None:
    assert read_status("Approved").raw == "Approved"
    assert read_status("  Pending  \n\nmore").raw == "Pending"


def test_superseded_by_link_is_a_status_and_a_relation() -> None:
    reading = read_status("Superseded by [DNS Infrastructure](0015-dns-infrastructure.md)")
    assert reading.status == "superseded"
    assert reading.relations == (RelationRef("superseded_by", "DNS Infrastructure", "0015-dns-infrastructure.md"),)


def test_dot_slash_link_and_lower_case() -> None:
    reading = read_status("superseded by [20201029-superseder](./20201029-superseder.md)")
    assert reading.status == "superseded"
    assert reading.relations[0].target == "./20201029-superseder.md"


def test_compound_value() -> None:
    reading = read_status("accepted; supersedes ADR-0045")
    assert reading.status == "accepted"
    assert reading.relations == (RelationRef("supersedes", "ADR-0045", None),)


def test_several_successors() -> None:
    reading = read_status("Superseded by [A](a.md), [B](b.md)")
    assert [r.target for r in reading.relations] == ["a.md", "b.md"]
    assert read_status("Superseded by 0002 and 0003").relations == (
        RelationRef("superseded_by", "0002"),
        RelationRef("superseded_by", "0003"),
    )


def test_adr_tools_status_section_with_links_below() -> None:
    text = "Accepted\n\nAmended by [17. Terraform Data Structure](0017-terraform-data-structure.md)\n"
    reading = read_status(text)
    assert reading.status == "accepted"
    assert reading.relations == (
        RelationRef("amended_by", "17. Terraform Data Structure", "0017-terraform-data-structure.md"),
    )


def test_adr_tools_spellings() -> None:
    assert read_relations("Supercedes [1. Record](0001-record.md)")[0].kind == "supersedes"
    assert read_relations("Superceded by [2. New](0002-new.md)")[0].kind == "superseded_by"
    assert read_relations("Amends [10. X](0010-x.md)")[0].kind == "amends"
    # "Supersedes x" alone says nothing about this record's own status.
    assert read_status("Supercedes [1. Record](0001-record.md)").status is None


def test_clean_word() -> None:
    assert clean_word("  **Accepted.** ") == "accepted"
    assert clean_word("Accepted!") == "accepted"


def test_native_status_is_case_insensitive_and_strict() -> None:
    assert native_status("Accepted") == "accepted"
    assert native_status(" SUPERSEDED ") == "superseded"
    assert native_status("approved") is None
    assert native_status("pending") is None


def test_suggestion_for_a_synonym() -> None:
    assert suggestion("Approved") == " (did you mean accepted?)"
    assert suggestion("banana") == ""


# --- statuses with qualifiers, as real decision logs write them ------------------------------------


@pytest.mark.parametrize(
    ("text", "status", "qualifier"),
    [
        ("Accepted ([PR #2897](https://github.com/o/r/pull/2897))", "accepted", "PR #2897"),
        ("Accepted (PR #2897)", "accepted", "PR #2897"),
        ("Accepted. Tracking issue: [#4512](https://github.com/o/r/issues/4512)", "accepted", "Tracking issue: #4512"),
        ("Implemented (moved to [the handbook](../handbook.md))", "accepted", "moved to the handbook"),
        ("Deprecated (no superseding ADR)", "deprecated", "no superseding ADR"),
        ("Rejected in favour of ADR 111", "rejected", "in favour of ADR 111"),
        ("Rejected in favor of [ADR-0111](0111-use-grpc.md)", "rejected", "in favor of ADR-0111"),
        ("Partially Accepted", "accepted", None),
        ("**Accepted** - 2023-04-01", "accepted", "2023-04-01"),
        ("Proposed: waiting for the security review", "proposed", "waiting for the security review"),
        ("Superseded (see [ADR 12](0012-x.md))", "superseded", "see ADR 12"),
        ("Accepted", "accepted", None),
    ],
)
def test_the_leading_phrase_is_the_status_and_the_rest_a_qualifier(
    text: str, status: str, qualifier: str | None
) -> None:
    reading = read_status(text)
    assert (reading.status, reading.qualifier) == (status, qualifier)


def test_rejected_in_favour_of_is_a_relation_to_the_chosen_record() -> None:
    reading = read_status("Rejected in favour of [ADR 111](0111-use-grpc.md)")
    assert reading.relations == (RelationRef("in_favour_of", "ADR 111", "0111-use-grpc.md"),)


def test_the_status_map_can_be_extended() -> None:
    assert (read_status("Shipped (v2.1)").status, read_status("Shipped (v2.1)").kind) == ("shipped", "kept")
    reading = read_status("Shipped (v2.1)", {"shipped": "accepted"})
    assert (reading.status, reading.kind, reading.qualifier) == ("accepted", "mapped", "v2.1")
    # The longest phrase wins: the site's "accepted with changes" over the built-in "accepted".
    assert read_status("Accepted with changes", {"accepted with changes": "accepted"}).qualifier is None
