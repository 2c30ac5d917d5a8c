# SPDX-License-Identifier: Apache-2.0
"""guests/linux/build.sh: a warm cache is reused without the network and
leaves the outputs untouched; an unreachable mirror on a cold cache is a
clear one-line error, not a hang."""

import os
import subprocess

from conftest import ROOT, scaled

BUILD = ROOT / "guests" / "linux" / "build.sh"
OUT = ROOT / "build" / "guests" / "linux"
DEAD = "http://127.0.0.1:9"  # discard port: nothing listens


def run(env, *args):
    return subprocess.run([str(BUILD), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=scaled(600))


def test_warm_cache_needs_no_network_and_keeps_outputs():
    assert run(os.environ.copy()).returncode == 0  # fills the cache
    before = {p.name: p.stat().st_mtime_ns for p in OUT.iterdir()}
    env = dict(os.environ, http_proxy=DEAD, https_proxy=DEAD,
               DEBIAN_MIRROR=f"{DEAD}/debian")
    res = run(env)
    assert res.returncode == 0, res.stderr
    assert "reused the cache, no network access" in res.stdout + res.stderr
    assert {p.name: p.stat().st_mtime_ns for p in OUT.iterdir()} == before


def test_unreachable_mirror_on_a_cold_cache_is_a_clear_error(tmp_path):
    env = dict(os.environ, BAOBAB_CACHE=str(tmp_path / "cache"),
               DEBIAN_MIRROR=f"{DEAD}/debian")
    res = run(env, str(tmp_path / "out"))
    assert res.returncode != 0
    err = res.stderr.strip().splitlines()[-1]
    assert err.startswith(f"linux-guest: error: cannot reach {DEAD}/debian"), \
        res.stderr
    assert not (tmp_path / "out" / "Image").exists()
