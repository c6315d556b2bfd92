"""Lesson decks as data: every card can be shown and answered, branches and menus behave."""
from __future__ import annotations

import random

import pytest

from coach.lessons import ANOTHER, NEXT, PICK, answer, load_deck

DECKS = ["listening", "intimacy", "partner"]


@pytest.mark.parametrize("name", DECKS)
def test_every_card_has_text_and_quizzes_have_exactly_one_right_answer(name):
    deck = load_deck(name)
    assert deck.cards
    for card in deck.cards:
        assert all(len(text) < 900 for text in card.texts), f"{card.id} is too long for a chat message"
        if card.kind == "quiz":
            assert sum(o.correct for o in card.options) == 1, card.id
        if card.kind == "try":
            assert card.checks and card.default, card.id
        assert all(len(b["title"]) <= 60 for b in card.buttons()), card.id


def test_listening_covers_the_four_skills_in_order():
    ids = [card.id for card in load_deck("listening").cards]
    assert [ids.index(i) for i in ("reflect", "validate", "questions", "fix_or_feel")] == sorted(
        ids.index(i) for i in ("reflect", "validate", "questions", "fix_or_feel"))


def test_a_read_card_moves_on_with_anything():
    card = load_deck("listening").card(0)
    assert answer(card, NEXT).advance
    assert answer(card, "ok whatever").advance


@pytest.mark.parametrize("said", ["b", "B", "2", "Sounds like you're carrying most of it alone"])
def test_a_quiz_accepts_the_key_the_number_or_the_title(said):
    deck = load_deck("listening")
    quiz = next(c for c in deck.cards if c.id == "reflect_quiz")
    outcome = answer(quiz, said, random.Random(1))
    assert outcome.advance
    assert "Her point, in your words" in outcome.feedback[0]


def test_a_try_card_needs_more_than_one_word():
    card = next(c for c in load_deck("listening").cards if c.id == "validate_try")
    outcome = answer(card, "ok")
    assert not outcome.advance and "few words" in outcome.feedback[0]


def test_a_try_card_catches_a_but():
    card = next(c for c in load_deck("listening").cards if c.id == "validate_try")
    outcome = answer(card, "I hear you but she didn't mean it")
    assert outcome.advance and "Careful" in outcome.feedback[0]


def test_the_partner_deck_branches_on_who_is_reading():
    deck = load_deck("partner")
    choice = deck.card(0)
    assert answer(choice, "partner").branch == "partner"
    assert answer(choice, "I want to share this with my partner").branch == "share"
    partner_ids = _walk(deck, "partner")
    share_ids = _walk(deck, "share")
    assert "safe_space" in partner_ids and "note" not in partner_ids
    assert share_ids == ["who", "note", "handover"]


def _walk(deck, branch):
    step, seen = 0, []
    while step is not None:
        seen.append(deck.card(step).id)
        step = deck.following(step, branch)
    return seen


def test_the_menu_offers_another_idea_or_takes_the_pick():
    deck = load_deck("intimacy")
    menu = next(c for c in deck.cards if c.kind == "menu")
    assert answer(menu, ANOTHER).another
    assert answer(menu, "nah not that").another
    assert answer(menu, PICK).advance
    assert len(deck.ideas) >= 12
    first = deck.ideas[0].id
    assert all(deck.another_idea(first, random.Random(seed)).id != first for seed in range(20))


def test_an_unclear_answer_says_what_to_type():
    deck = load_deck("partner")
    outcome = answer(deck.card(0), "b")
    assert not outcome.advance and "type 1 or 2" in outcome.feedback[0]
    quiz = next(c for c in load_deck("listening").cards if c.kind == "quiz")
    assert "type a, b or c" in answer(quiz, "purple").feedback[0]
