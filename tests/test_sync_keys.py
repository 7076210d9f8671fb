"""Keys, fingerprints, trust, the encrypted stream and the coverage of exports."""

from __future__ import annotations

import io
import json

import pytest
from sync_fixtures import keys_of, make_district, make_point, use

from inspector_app.sync import state
from inspector_app.sync.coverage import coverage
from inspector_app.sync.crypto import DecryptingReader, EncryptingWriter
from inspector_app.sync.errors import SyncError
from inspector_app.sync.keys import fingerprint
from inspector_app.sync.trust import export_public_key, trust_key_file


@pytest.fixture
def offices(tmp_path):
    district = make_district(tmp_path)
    point = make_point(tmp_path, "ATY-017")
    yield district, point, tmp_path
    point.db.close()
    district.db.close()


def test_fingerprint_is_short_grouped_and_covers_both_keys():
    text = fingerprint(b"\x01" * 32, b"\x02" * 32)
    groups = text.split(" ")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert text == text.upper()
    assert text != fingerprint(b"\x01" * 32, b"\x03" * 32)


def test_point_trusts_its_district_once_and_a_new_key_needs_replace(offices, tmp_path):
    district, point, folder = offices
    use(district)
    export_public_key(district, folder / "d.pub")
    use(point)
    peer = trust_key_file(point, folder / "d.pub")
    assert peer.fingerprint == keys_of(district).public.fingerprint
    assert trust_key_file(point, folder / "d.pub").fingerprint == peer.fingerprint
    other = make_district(folder, code="ATY-ROP2")
    use(other)
    export_public_key(other, folder / "other.pub")
    use(point)
    with pytest.raises(SyncError) as caught:
        trust_key_file(point, folder / "other.pub")
    assert caught.value.code == "sync.already_trusted"
    trust_key_file(point, folder / "other.pub", replace=True)
    assert state.district(point.db).point_code == "ATY-ROP2"
    assert len(state.peers(point.db)) == 1
    other.db.close()


def test_tampered_key_file_is_refused(offices):
    district, point, folder = offices
    use(district)
    export_public_key(district, folder / "d.pub")
    document = json.loads((folder / "d.pub").read_text(encoding="utf-8"))
    document["point_code"] = "ATY-EVIL"
    (folder / "d.pub").write_text(json.dumps(document), encoding="utf-8")
    use(point)
    with pytest.raises(SyncError) as caught:
        trust_key_file(point, folder / "d.pub")
    assert caught.value.code == "sync.bad_key_file"


def test_district_can_enrol_a_point_ahead_from_its_key_file(offices):
    district, point, folder = offices
    use(point)
    export_public_key(point, folder / "p.pub")
    use(district)
    peer = trust_key_file(district, folder / "p.pub")
    assert (peer.point_code, peer.role) == ("ATY-017", "point")


def test_stream_round_trip_over_many_chunks(offices):
    district, _, _ = offices
    keys = keys_of(district)
    payload = bytes(range(256)) * 5000
    sink = io.BytesIO()
    writer = EncryptingWriter(sink, keys.public.encryption, chunk_size=4096)
    for start in range(0, len(payload), 1000):
        writer.write(payload[start:start + 1000])
    writer.close()
    reader = DecryptingReader(io.BytesIO(sink.getvalue()), keys.encryption)
    assert b"".join(reader.chunks()) == payload
    cut = sink.getvalue()[: -4096 - 16 - 4]  # drop the final chunk whole
    with pytest.raises(SyncError) as caught:
        b"".join(DecryptingReader(io.BytesIO(cut), keys.encryption).chunks())
    assert caught.value.code == "sync.truncated"


def test_coverage_tells_gaps_from_skipped_exports():
    held = coverage([(1, 0, 10), (3, 10, 30), (5, 40, 50)])
    assert (held.held_export_no, held.held_seq, held.last_export_no) == (3, 30, 5)
    assert held.skipped == [2] and held.gaps == [4]
    repeated = coverage([(2, 0, 20), (1, 0, 10), (2, 0, 20)])
    assert (repeated.held_export_no, repeated.gaps, repeated.skipped) == (2, [], [])
    broken = coverage([(1, 0, 10), (2, 15, 20)])
    assert broken.breaks == [2] and broken.held_export_no == 1
