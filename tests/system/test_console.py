# SPDX-License-Identifier: Apache-2.0
"""The harness's Console (conftest.py), on a scripted console instead of
QEMU: a VM line another source cut is found whole, in pieces as they
arrive, whatever the read boundaries; the cursor moves on past each match;
EOF and TIMEOUT behave as in pexpect."""

import pexpect
import pytest

from console import Console


class Scripted:
    """Hands out the given chunks, one per read, then EOF."""

    timeout = 5

    def __init__(self, *chunks):
        self.chunks = list(chunks)

    def read_nonblocking(self, size, timeout):
        if not self.chunks:
            raise pexpect.EOF("end")
        chunk = self.chunks.pop(0)
        if chunk is None:
            raise pexpect.TIMEOUT("quiet")
        return chunk


CUT = ("[baobab] warning: VM 0 vCPU 0: load at 0x40000000\r\n",
       "[vm0] fault: caught scause=0x5 st",
       "\r\n[vm1] ticker: 3\r\n",
       "[vm0]+ val=0x40000000\r\n",
       "[vm0] fault: ok\r\n")


def test_a_cut_vm_line_is_matched_whole():
    console = Console(Scripted(*CUT))
    console.expect(r"\[baobab\] warning: VM 0")
    assert console.expect(r"\[vm0\] fault: caught scause=0x5 "
                          r"stval=0x40000000") == 0
    console.expect(r"\[vm0\] fault: ok")
    assert "[vm1] ticker: 3" in console.text()
    assert "[vm0]+" not in console.text()


@pytest.mark.parametrize("split", range(1, 8))
def test_a_tag_split_between_reads_still_joins(split):
    rest = "[vm0]+ val=0x40000000\r\n"
    console = Console(Scripted(*CUT[:3], rest[:split], None, rest[split:]))
    console.expect(r"(?m)^\[vm0\] fault: caught scause=0x5 "
                   r"stval=0x40000000$")
    assert console.text().count("\n") == 3, console.text()


def test_the_start_of_a_rest_is_not_a_new_line():
    # "[vm0]" alone may be the start of "[vm0]+ ": VM 0 continuing a line
    # begun before the ticker line, not printing after it.
    console = Console(Scripted(*CUT[:3], "[vm0]", None,
                               "+ val=0x40000000\n[baobab] VM 0 stopped\n"))
    console.expect(r"ticker: 3\n")
    assert console.expect([r"\[vm0\]", r"\[baobab\] VM 0 stopped"]) == 1


def test_a_line_begun_before_a_match_and_ended_after_it_is_found():
    # VM 1's prompt, cut by VM 0's line, then its answer: the answer came
    # after VM 0's line, although its line began before it.
    console = Console(Scripted("[vm1] root@baobab:/# \n",
                               '[vm0] ipc: received "Hello"\n',
                               "[vm1]+ \x1b[6nbaremetal got: Hello\n"))
    console.expect(r'(?m)^\[vm0\] ipc: received "Hello"$')
    console.expect(r"(?m)^\[vm1\] .*baremetal got: Hello$")
    assert console.before == ""
    assert console.expect([r"\[vm", pexpect.EOF]) == 1


def test_a_line_still_arriving_does_not_end_at_a_dollar():
    console = Console(Scripted("[vm1] ticker: 1", None, "5\n"))
    console.expect(r"(?m)^\[vm1\] ticker: (\d+)$")
    assert console.match.group(1) == "15"


def test_a_word_still_arriving_is_not_cut_short():
    # CI on QEMU 10 read "0\\x00" here when a sentinel ended the line.
    console = Console(Scripted("[baobab] FATAL: hypervisor trap on hart 1",
                               None, "2\n"))
    console.expect(r"hart (\S+)")
    assert console.match.group(1) == "12"


def test_a_number_still_arriving_is_not_cut_short():
    console = Console(Scripted("[vm1] ticker: 1", None, "5\n"))
    console.expect(r"ticker: (\d+)")
    assert console.match.group(1) == "15"


def test_text_a_match_used_is_not_matched_again():
    console = Console(Scripted("[vm1] ticker: 1\n[vm1] ticker: 2\n"))
    console.expect(r"ticker: 1")
    console.expect(r"ticker: \d+\n")
    assert console.after == "ticker: 2\n"


def test_a_timeout_keeps_what_is_still_arriving():
    console = Console(Scripted("[vm1] ticker: 15", None, "\n"))
    console.drain()  # "ticker: 15" has come, its end not yet
    assert console.expect([r"(?m)ticker: (\d+)$", pexpect.TIMEOUT],
                          timeout=0) == 1
    console.expect(r"(?m)ticker: (\d+)$")
    assert console.match.group(1) == "15"


def test_a_prompt_waiting_for_input_matches():
    console = Console(Scripted("[vm0] root@baobab:~# ", None, None))
    console.child.timeout = 0.5
    console.expect(r"root@baobab:[^\r\n]*# ")
    assert console.after == "root@baobab:~# "


def test_before_is_what_came_since_the_last_match():
    console = Console(Scripted("# ", "ls\n", "a\nb\n@@rc=0@@\n# "))
    console.expect(r"# ")
    console.expect(r"@@rc=(\d+)@@")
    assert console.before == "ls\na\nb\n"
    console.expect(r"# ")


def test_the_cursor_moves_past_each_match():
    console = Console(Scripted("[vm1] ticker: 1\n[vm1] ticker: 2\n"
                               "[vm1] ticker: 3\n"))
    seen = []
    for _ in range(3):
        console.expect(r"\[vm1\] ticker: (\d+)\n")
        seen.append(console.match.group(1))
    assert seen == ["1", "2", "3"]
    assert console.expect([r"ticker", pexpect.EOF]) == 1


def test_lines_wait_in_any_order():
    console = Console(Scripted("[vm1] done\n[vm0] do", "ne\n[vm2] x\n"))
    console.expect_lines(["[vm0] done", "[vm1] done"])
    console.expect(r"\[vm2\] x")


def test_what_never_comes_fails_with_the_console():
    console = Console(Scripted("[vm0] hello\n"))
    with pytest.raises(pexpect.EOF, match=r"(?s)QEMU exited.*\[vm0\] hello"):
        console.expect(r"goodbye")
    quiet = Console(Scripted(*[None] * 3))
    quiet.child.timeout = 0
    with pytest.raises(pexpect.TIMEOUT):
        quiet.expect(r"goodbye")
    assert quiet.expect([r"goodbye", pexpect.TIMEOUT], timeout=0) == 1
