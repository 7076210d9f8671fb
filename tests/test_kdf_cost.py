"""The product's scrypt costs, read in a fresh process: the test process lowers them
(``conftest``), so this checks what an installed app really writes."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO

PROBE = """
import json
from inspector_app.protection import encryption
from inspector_app.services.accounts import hash_password
print(json.dumps({"password": hash_password("x").split("$")[1:4],
                  "key": [encryption.KDF_N, encryption.KDF_R, encryption.KDF_P]}))
"""


def test_passwords_and_keys_are_hashed_at_the_products_cost():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          cwd=str(REPO), check=True)
    costs = json.loads(done.stdout)
    assert costs["password"] == [str(2**14), "8", "1"]
    assert costs["key"] == [2**15, 8, 1]
