"""Messages between the importing process and its children arrive as they were sent."""

from __future__ import annotations

import multiprocessing
from datetime import date

import pytest

from inspector_app.child_process import QueuedSender, receive


def test_plain_and_pickled_messages_arrive_intact_and_in_order():
    receiver, sending_end = multiprocessing.Pipe(duplex=False)
    sender = QueuedSender(sending_end)
    rows = ("rows", "person", [("a" * 32, "Жұмабаева", 3, None, 1.5)], [])
    done = ("done", {"counts": {"person": {"new": 1}}, "when": date(2026, 11, 26)})
    sender.send(rows, plain=True)
    sender.send(done)
    sender.close()
    assert receive(receiver) == rows
    assert receive(receiver) == done


def test_a_plain_message_refuses_values_marshal_cannot_carry():
    receiver, sending_end = multiprocessing.Pipe(duplex=False)
    sender = QueuedSender(sending_end)
    with pytest.raises(ValueError):
        sender.send(("rows", [date(2026, 11, 26)]), plain=True)
    sender.close()
    receiver.close()


def test_the_end_of_the_sender_is_an_eof_error():
    receiver, sending_end = multiprocessing.Pipe(duplex=False)
    sending_end.close()
    with pytest.raises(EOFError):
        receive(receiver)
