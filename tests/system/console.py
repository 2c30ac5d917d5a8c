# SPDX-License-Identifier: Apache-2.0
"""Reading the shared console the way the tests mean it: each VM's lines
whole.

The VM with the input focus writes through (so a prompt shows), so a line
another VM or the hypervisor prints meanwhile cuts its unfinished line;
the rest comes as a line of its own tagged "[vmN]+ " (src/core/console.c).
Here the rest is put back at the end of the line it continues, where that
line began."""

import bisect
import re
import string
import time

import pexpect

CUT_REST = re.compile(r"\[vm(\d+)\]\+ (.*)")
TAG = re.compile(r"\[vm(\d+)\] ")
# The start of a line still arriving that may yet become "[vmN]+ ".
PARTIAL_TAG = re.compile(r"\[(v(m(\d+(\](\+)?)?)?)?)?")


class Line:
    """One joined line: its text, where each piece of it came from in the
    console (`cols[i]` of the text is `offs[i]` of the console), and where
    its last piece ended."""

    def __init__(self, text, off, complete=True):
        self.text, self.cols, self.offs = text, [0], [off]
        self.complete = complete  # its newline has come
        self.end = off + len(text) + complete  # past its newline, if any

    def copy(self):
        line = Line("", 0)
        line.text, line.cols, line.offs = self.text, list(self.cols), \
            list(self.offs)
        line.complete, line.end = self.complete, self.end
        return line

    def extend(self, text, off, complete=True):
        self.cols.append(len(self.text))
        self.offs.append(off)
        self.text += text
        self.complete = complete
        self.end = off + len(text) + complete

    def offset(self, col):
        """Where column `col` (len(text): its end) came from."""
        if col >= len(self.text):
            return self.end - 1
        i = bisect.bisect_right(self.cols, col) - 1
        return self.offs[i] + col - self.cols[i]

    def first_col_from(self, pos):
        """The first column that came at or after `pos`."""
        for i in range(len(self.cols)):
            piece_end = (self.cols[i + 1] if i + 1 < len(self.cols)
                         else len(self.text))
            if self.offs[i] + piece_end - self.cols[i] > pos:
                return self.cols[i] + max(0, pos - self.offs[i])
        return len(self.text)


class Joiner:
    """Joins cut lines as the console text arrives (without "\\r")."""

    def __init__(self):
        self.lines, self.last, self.length = [], {}, 0

    def feed_line(self, text, off):
        """Take one whole console line (without its newline) at `off`."""
        rest = CUT_REST.fullmatch(text)
        if rest and rest.group(1) in self.last:
            self.lines[self.last[rest.group(1)]].extend(
                rest.group(2), off + rest.start(2))
            return
        tag = TAG.match(text)
        if tag:
            self.last[tag.group(1)] = len(self.lines)
        self.lines.append(Line(text, off))

    def feed(self, text):
        """Take whole lines: `text` ends with a newline."""
        for line in text.split("\n")[:-1]:
            self.feed_line(line, self.length)
            self.length += len(line) + 1


def join_cut_lines(text):
    """The console text with each cut VM line whole again: the rest of a
    line ("[vmN]+ ...") is put back at the end of that VM's line it
    continues, where the line began, and its own line dropped."""
    joiner = Joiner()
    joiner.feed(text if text.endswith("\n") else text + "\n")
    return "\n".join(l.text for l in joiner.lines) + \
        ("\n" if text.endswith("\n") else "")


def vm_lines(text, vm):
    """The lines VM `vm` printed on the shared console, without their tag,
    cut lines joined."""
    tag = f"[vm{vm}] "
    return [l[len(tag):] for l in join_cut_lines(text).split("\n")
            if l.startswith(tag)]


class Console:
    """A QEMU console whose expect() matches on the text with cut lines
    joined, so a test waiting for a VM's line finds it however it was cut.

    A match counts if it ends in text that came after the last match ended
    (so a VM line begun before a match and finished after it is found), and
    of those the one that ended first wins. The rest is pexpect's interface:
    a pattern or a list of them (pexpect.EOF and pexpect.TIMEOUT allowed),
    match/before/after, send/sendline/close."""

    def __init__(self, child):
        self.child = child
        self.raw = ""  # as read, "\r" and all
        self.eof = False
        self.joiner = Joiner()
        self.tail = ""  # the line still arriving
        self.pos = 0  # the console offset the last match ended at
        # The line it ended in (by where that line began) and the column:
        # a match may not start in text a match used up.
        self.used = (None, 0)
        self.match = self.before = self.after = None

    def _read(self, timeout):
        try:
            chunk = self.child.read_nonblocking(1 << 16, timeout)
        except pexpect.TIMEOUT:
            return False
        except pexpect.EOF:
            self.eof = True
            return False
        self.raw += chunk
        text = self.tail + chunk.replace("\r", "")
        whole = text.rfind("\n") + 1
        self.joiner.feed(text[:whole])
        self.tail = text[whole:]
        return True

    def drain(self):
        """Read what is there without waiting. A console must be read all
        along: a full pipe would stall the UART and every VM printing."""
        while self._read(0):
            pass

    def _lines(self):
        """Every joined line, the one still arriving included unless it may
        still turn out to be the rest of an earlier line."""
        lines = self.joiner.lines
        tail = self.tail
        if not tail or (not self.eof and PARTIAL_TAG.fullmatch(tail)):
            return lines
        off = self.joiner.length
        rest = CUT_REST.fullmatch(tail)
        if rest and rest.group(1) in self.joiner.last:
            i = self.joiner.last[rest.group(1)]
            line = lines[i].copy()
            line.extend(rest.group(2), off + rest.start(2), complete=False)
            return lines[:i] + [line] + lines[i + 1:]
        return lines + [Line(tail, off, complete=False)]

    def text(self):
        """Everything read so far, cut lines joined."""
        return "".join(l.text + "\n" * l.complete for l in self._lines())

    def skip(self):
        """Move past everything read so far."""
        self.pos = self.joiner.length + len(self.tail)
        self.used = (None, 0)

    def _search(self, patterns):
        """The match that ended first after the last one: (console offset
        of its last character, pattern index, match, the line it ended in,
        the column it ended at) or None; the text searched and where its
        new part starts."""
        # The line still arriving, if any, goes last: it has no end yet.
        lines = [l for l in self._lines() if l.end > self.pos]
        fresh = [l for l in lines if l.complete] + \
            [l for l in lines if not l.complete]
        text, starts = "", []
        for l in fresh:
            starts.append(len(text))
            text += l.text + ("\n" if l.complete else "")
        arriving = bool(fresh) and not fresh[-1].complete and not self.eof
        new = starts[0] + fresh[0].first_col_from(self.pos) if fresh else 0
        best = None
        for index, p in enumerate(patterns):
            if not isinstance(p, re.Pattern):
                continue
            for m in p.finditer(text):
                if arriving and m.end() == len(text) and \
                        not self._settled(p, text, m):
                    continue
                at = m.end() - 1 if m.end() > m.start() else m.start()
                i = bisect.bisect_right(starts, at) - 1
                last = fresh[i].offset(at - starts[i])
                if m.end() == m.start() and at < new or last < self.pos:
                    continue
                if self._starts_in_used(fresh, starts, m.start()):
                    continue
                key = (last, m.start())
                if best is None or key < best[0]:
                    best = (key, index, m, fresh[i].offs[0],
                            m.end() - starts[i])
        if best is None:
            return None, text, new
        return (best[0][0], *best[1:]), text, new

    def _starts_in_used(self, fresh, starts, at):
        """Whether text offset `at` lies in what an earlier match used of
        its line."""
        i = bisect.bisect_right(starts, at) - 1
        line, col = self.used
        return fresh[i].offs[0] == line and at - starts[i] < col

    @staticmethod
    def _settled(p, text, m):
        """Whether a match that ends where the text does would stay the
        same whatever comes next: "$" must not end "ticker: 1" while "5"
        is on its way, nor "\\S+" stop in the middle of a word; a prompt
        that waits for input is settled."""
        after = (p.match(text + more, m.start())
                 for more in "\n" + string.printable.strip())
        return all(a and a.span() == m.span() for a in after)

    def expect(self, pattern, timeout=-1):
        plist = pattern if isinstance(pattern, list) else [pattern]
        patterns = [re.compile(p) if isinstance(p, str) else p
                    for p in plist]
        timeout = self.child.timeout if timeout == -1 else timeout
        deadline = time.monotonic() + timeout
        while True:
            found, text, new = self._search(patterns)
            if found:
                last, index, m, line, col = found
                self.before = text[new:m.start()] if m.start() > new else ""
                self.after, self.match = m.group(0), m
                self.pos = last + (1 if m.end() > m.start() else 0)
                self.used = (line, col)
                return index
            if self.eof:
                return self._ended(text[new:], patterns, pexpect.EOF,
                                   "QEMU exited")
            left = deadline - time.monotonic()
            if left <= 0:
                return self._ended(text[new:], patterns, pexpect.TIMEOUT,
                                   f"nothing within {timeout:g}s")
            self._read(min(left, 1))

    def expect_lines(self, lines, timeout=-1):
        """Wait until each of `lines` is a whole line ended after the last
        match, in any order."""
        alts = "|".join(re.escape(l) for l in lines)
        pattern = re.compile(rf"^({alts})$", re.MULTILINE)
        seen = set()
        while len(seen) < len(set(lines)):
            self.expect(pattern, timeout)
            seen.add(self.match.group(1))

    def _ended(self, rest, patterns, kind, why):
        """EOF or TIMEOUT: its index if expected, else the exception."""
        self.before, self.after, self.match = rest, kind, None
        if kind in patterns:
            # At the end all is read; a timeout keeps what may still settle.
            if kind is pexpect.EOF:
                self.skip()
            return patterns.index(kind)
        wanted = [p.pattern if isinstance(p, re.Pattern) else p.__name__
                  for p in patterns]
        raise kind(f"{why} before {wanted}; console since the last "
                   f"match:\n{rest[-4000:]}")

    def send(self, s):
        return self.child.send(s)

    def sendline(self, s=""):
        return self.child.sendline(s)

    def close(self, force=True):
        self.child.close(force=force)

    @property
    def exitstatus(self):
        return self.child.exitstatus
