# SPDX-License-Identifier: Apache-2.0
"""Every malformed configuration in configs/bad/ stops the build with the
error its header announces (`expect: <regex>`), naming the VM and field,
and leaves no image behind."""

import re
import subprocess
from pathlib import Path

import pytest

from conftest import PLATFORM, ROOT, scaled

BAD = Path(__file__).parent / "configs" / "bad"
CASES = sorted(p.stem for p in BAD.glob("*.c"))


def expected_error(name):
    m = re.search(r"^ \* expect: (.+)$", (BAD / f"{name}.c").read_text(),
                  re.MULTILINE)
    assert m, f"{name}.c has no 'expect:' line"
    return m.group(1)


@pytest.mark.parametrize("name", CASES)
def test_malformed_config_stops_the_build(name):
    res = subprocess.run(
        ["make", f"PLATFORM={PLATFORM}", f"CONFIG={name}",
         f"CONFIG_REPO={BAD.relative_to(ROOT)}"],
        cwd=ROOT, capture_output=True, text=True, timeout=scaled(300))
    assert res.returncode != 0, res.stdout
    assert re.search(rf"error: config '{name}': {expected_error(name)}",
                     res.stderr), res.stderr
    assert not (ROOT / "bin" / PLATFORM / name / "bao.elf").exists()
    assert not (ROOT / "bin" / PLATFORM / name / "bao.bin").exists()


def test_there_is_a_case_for_each_rule():
    assert len(CASES) >= 20
