"""The ИИН and БИН: property-based checks against an independent reading of the rules."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from core_factories import valid_iin
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from inspector_app.domain.iin import IinError, is_valid_iin, make_iin, parse_bin, parse_iin

# -- the specification, re-implemented here without looking at inspector_app.domain.iin ------------


def spec_check_digit(first_eleven: str) -> int | None:
    digits = [int(c) for c in first_eleven]
    first = sum(w * d for w, d in zip(range(1, 12), digits, strict=True)) % 11
    if first != 10:
        return first
    weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
    second = sum(w * d for w, d in zip(weights, digits, strict=True)) % 11
    return None if second == 10 else second


def spec_parse(number: str) -> tuple[date, str] | None:
    """(birth date, sex) of a 12-digit string, or None when it is not a valid ИИН."""
    if len(number) != 12 or not all("0" <= c <= "9" for c in number):
        return None
    marker = int(number[6])
    if marker < 1 or marker > 6:
        return None
    year = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}[marker] + int(number[:2])
    month, day = int(number[2:4]), int(number[4:6])
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    if spec_check_digit(number[:11]) != int(number[11]):
        return None
    return date(year, month, day), "M" if marker % 2 else "F"


def with_check_digit(first_eleven: str) -> str:
    digit = spec_check_digit(first_eleven)
    assert digit is not None
    return first_eleven + str(digit)


births = st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31))
sexes = st.sampled_from(["M", "F"])
serials = st.integers(min_value=0, max_value=9999)
twelve_digits = st.text(alphabet="0123456789", min_size=12, max_size=12)


@st.composite
def plausible_numbers(draw) -> str:
    """12 digits with a real date and a century marker: about one in eleven is valid."""
    birth = draw(st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)))
    marker = {18: 1, 19: 3, 20: 5}[birth.year // 100] + draw(st.integers(0, 1))
    return f"{birth:%y%m%d}{marker}{draw(serials):04d}{draw(st.integers(0, 9))}"


# -- properties ---------------------------------------------------------------------------


@given(births, sexes, serials)
def test_every_made_iin_parses_back_to_its_date_and_sex(birth, sex, serial):
    iin = make_iin(birth, sex, serial)
    if iin is None:  # no check digit fits these 11 digits: the spec agrees
        assert spec_check_digit(_eleven(birth, sex, serial)) is None
        return
    info = parse_iin(iin)
    assert (info.birth_date, info.sex, info.iin) == (birth, sex, iin)
    assert spec_parse(iin) == (birth, sex)


def _eleven(birth: date, sex: str, serial: int) -> str:
    marker = {18: 1, 19: 3, 20: 5}[birth.year // 100] + (0 if sex == "M" else 1)
    return f"{birth:%y%m%d}{marker}{serial:04d}"


@given(births, sexes, serials, st.integers(0, 11), st.integers(1, 9))
def test_a_single_digit_change_is_rejected_or_parses_consistently(birth, sex, serial, position,
                                                                  shift):
    iin = make_iin(birth, sex, serial)
    assume(iin is not None)
    changed = iin[:position] + str((int(iin[position]) + shift) % 10) + iin[position + 1:]
    try:
        info = parse_iin(changed)
    except IinError:
        assert spec_parse(changed) is None
        return
    # Accepted: then it is a genuinely valid number and the parse tells its own date and sex.
    assert position != 11, "changing only the check digit can never stay valid"
    assert spec_parse(changed) == (info.birth_date, info.sex)
    assert f"{info.birth_date:%y%m%d}" == changed[:6]


@settings(max_examples=300)
@given(st.one_of(twelve_digits, plausible_numbers()))
@example("900215400102")  # valid
@example("000229500003")  # 29 February 2000
def test_random_numbers_are_accepted_exactly_when_the_spec_says_so(number):
    expected = spec_parse(number)
    try:
        info = parse_iin(number)
    except IinError:
        assert expected is None
    else:
        assert expected == (info.birth_date, info.sex)
    assert is_valid_iin(number) == (expected is not None)


@given(st.text(max_size=20))
def test_parse_iin_raises_nothing_but_iin_error_on_any_text(text):
    try:
        parse_iin(text)
    except IinError as exc:
        assert isinstance(exc, ValueError)
        assert exc.code.startswith("iin.")
        assert str(exc)


# -- known examples ----------------------------------------------------------------------


def test_known_valid_iin():
    info = parse_iin("900215400102")
    assert info.birth_date == date(1990, 2, 15)
    assert info.sex == "F"


def test_spaces_around_and_inside_are_ignored():
    assert parse_iin(" 900215 400102 ").iin == "900215400102"


def test_centuries_and_sexes():
    for marker, year, sex in ((1, 1885, "M"), (2, 1885, "F"), (3, 1985, "M"), (4, 1985, "F"),
                              (5, 2005, "M"), (6, 2005, "F")):
        number = valid_iin(date(year, 6, 7), sex)
        assert number[6] == str(marker)
        info = parse_iin(number)
        assert (info.birth_date, info.sex) == (date(year, 6, 7), sex)


def _error(text: str) -> IinError:
    with pytest.raises(IinError) as caught:
        parse_iin(text)
    return caught.value


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("", "iin.empty", "empty"),
        ("   ", "iin.empty", "empty"),
        ("90021540010", "iin.length", "12 digits, not 11"),
        ("9002154001023", "iin.length", "12 digits, not 13"),
        ("90021540010A", "iin.not_digits", "digits only"),
        ("9002154-0102", "iin.not_digits", "digits only"),
        ("９００２１５４００１０２", "iin.not_digits", "digits only"),  # full-width digits
    ],
)
def test_malformed_text_is_rejected_with_a_message_that_says_why(text, code, words):
    error = _error(text)
    assert error.code == code
    assert words in str(error)


@pytest.mark.parametrize("marker", ["0", "7", "8", "9"])
def test_seventh_digit_outside_one_to_six_is_rejected(marker):
    number = with_check_digit(f"900215{marker}0010")
    error = _error(number)
    assert error.code == "iin.century"
    assert "7th digit" in str(error) and marker in str(error)


@pytest.mark.parametrize("start", ["900231", "900230", "010229", "901301", "900001", "900100"])
def test_impossible_birth_dates_are_rejected(start):
    number = with_check_digit(f"{start}30010")
    error = _error(number)
    assert error.code == "iin.birth_date"
    assert "not a real date" in str(error) and start in str(error)


def test_29_february_only_in_leap_years():
    assert parse_iin(with_check_digit("00022950001")).birth_date == date(2000, 2, 29)
    assert _error(with_check_digit("00022930001")).code == "iin.birth_date"  # 1900: not leap


def test_wrong_check_digit_is_rejected():
    good = "900215400102"
    for digit in "0123456789":
        if digit != good[-1]:
            error = _error(good[:-1] + digit)
            assert error.code == "iin.check_digit"
            assert "check digit" in str(error)


def _eleven_digits_where_both_passes_give_ten() -> str:
    for serial in range(10000):
        first = f"9002154{serial:04d}"
        if spec_check_digit(first) is None:
            return first
    raise AssertionError("none found")  # pragma: no cover


def test_when_both_passes_give_ten_no_number_is_valid():
    first = _eleven_digits_where_both_passes_give_ten()
    for digit in "0123456789":
        error = _error(first + digit)
        assert error.code == "iin.no_check_digit"
        assert "no check digit" in str(error)
    assert make_iin(date(1990, 2, 15), "F", int(first[7:])) is None


def test_second_pass_is_used_when_the_first_gives_ten():
    for serial in range(10000):
        first = f"8505123{serial:04d}"
        digits = [int(c) for c in first]
        if sum(w * d for w, d in zip(range(1, 12), digits, strict=True)) % 11 == 10 \
                and spec_check_digit(first) is not None:
            break
    number = first + str(spec_check_digit(first))
    assert parse_iin(number).birth_date == date(1985, 5, 12)
    assert _error(first + "0" if number[-1] != "0" else first + "1").code == "iin.check_digit"


# -- БИН ---------------------------------------------------------------------------------


def test_valid_bin():
    number = with_check_digit("05034000123")
    assert parse_bin(number) == number


@pytest.mark.parametrize("kind", ["0", "1", "3", "7", "9"])
def test_bin_fifth_digit_must_be_four_to_six(kind):
    number = with_check_digit(f"0503{kind}000123")
    with pytest.raises(IinError) as caught:
        parse_bin(number)
    assert caught.value.code == "bin.kind"
    assert "5th digit" in str(caught.value)


def test_bin_check_digit():
    number = with_check_digit("05035000123")
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    with pytest.raises(IinError) as caught:
        parse_bin(wrong)
    assert caught.value.code in ("bin.check_digit", "iin.check_digit", "iin.no_check_digit")
    assert "BIN" in str(caught.value)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_bin_accepts_exactly_by_kind_and_check_digit(number):
    expected = number[4] in "456" and spec_check_digit(number[:11]) == int(number[11])
    try:
        parse_bin(number)
    except IinError:
        assert not expected
    else:
        assert expected
