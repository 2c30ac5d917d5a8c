// SPDX-License-Identifier: GPL-2.0
/*
 * ipctest: exercises /dev/baoipc<id> (read, write, poll, O_NONBLOCK).
 *
 *   ipctest read DEV [N]      blocking read of up to N bytes (default 4096),
 *                             written to stdout
 *   ipctest nbread DEV [N]    the same with O_NONBLOCK ("EAGAIN" if empty)
 *   ipctest write DEV TEXT    blocking write of TEXT; prints the count
 *   ipctest nbwrite DEV N     O_NONBLOCK writes of N bytes; prints the count
 *   ipctest poll DEV          prints the poll flags (timeout 0)
 *   ipctest selftest DEV PHYS SIZE ROFF RSIZE WOFF WSIZE
 *                             plays the peer VM through /dev/mem (the
 *                             window at PHYS, the channels as in the device
 *                             tree) and checks the device's behaviour; the
 *                             device must be idle. Needs iomem=relaxed when
 *                             the driver holds the window.
 *
 * Build: riscv64-linux-gnu-gcc -static -O2 -o ipctest ipctest.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define HDR 64

struct ring {
    volatile uint32_t head;
    volatile uint32_t tail;
    uint32_t reserved[14];
    volatile uint8_t data[];
};

static int failures, checks;

#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        checks++;                                                              \
        if (cond) {                                                            \
            printf("ok   ");                                                   \
        } else {                                                               \
            printf("FAIL ");                                                   \
            failures++;                                                        \
        }                                                                      \
        printf(__VA_ARGS__);                                                   \
        printf("\n");                                                          \
        fflush(stdout);                                                        \
    } while (0)

static int open_dev(const char *dev, int flags)
{
    int fd = open(dev, flags);

    if (fd < 0) {
        fprintf(stderr, "ipctest: %s: %s\n", dev, strerror(errno));
        exit(2);
    }
    return fd;
}

static unsigned long num(const char *s)
{
    char *end;
    unsigned long v = strtoul(s, &end, 0);

    if (!*s || *end) {
        fprintf(stderr, "ipctest: bad number %s\n", s);
        exit(2);
    }
    return v;
}

static void print_poll(short ev)
{
    printf("%s%s%s%s%s\n", ev & POLLIN ? " POLLIN" : "",
           ev & POLLOUT ? " POLLOUT" : "", ev & POLLERR ? " POLLERR" : "",
           ev & POLLHUP ? " POLLHUP" : "", ev ? "" : " none");
}

static short poll_now(int fd)
{
    struct pollfd p = {.fd = fd, .events = POLLIN | POLLOUT};

    if (poll(&p, 1, 0) < 0) {
        perror("poll");
        exit(2);
    }
    return p.revents;
}

static int cmd_read(const char *dev, size_t n, int flags)
{
    char *buf = malloc(n);
    int fd = open_dev(dev, O_RDONLY | flags);
    ssize_t r = read(fd, buf, n);

    if (r < 0) {
        printf("%s\n", errno == EAGAIN ? "EAGAIN" : strerror(errno));
        return 1;
    }
    fwrite(buf, 1, r, stdout);
    return 0;
}

static int cmd_write(const char *dev, const char *buf, size_t n, int flags)
{
    int fd = open_dev(dev, O_WRONLY | flags);
    ssize_t r = write(fd, buf, n);

    if (r < 0) {
        printf("%s\n", errno == EAGAIN ? "EAGAIN" : strerror(errno));
        return 1;
    }
    printf("wrote %zd\n", r);
    return 0;
}

static void on_alarm(int sig)
{
    (void)sig;
}

static int selftest(const char *dev, unsigned long phys, unsigned long size,
                    unsigned long roff, unsigned long rsize, unsigned long woff,
                    unsigned long wsize)
{
    struct sigaction sa = {.sa_handler = on_alarm}; /* no SA_RESTART */
    uint32_t rcap = rsize - HDR, wcap = wsize - HDR, i;
    char buf[16384], big[16384];
    struct ring *rx, *tx;
    int mem, fd, nb;
    uint8_t *win;
    ssize_t r;
    short ev;

    mem = open_dev("/dev/mem", O_RDWR | O_SYNC);
    win = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, mem, phys);
    if (win == MAP_FAILED) {
        perror("mmap /dev/mem");
        return 2;
    }
    rx = (struct ring *)(win + roff);
    tx = (struct ring *)(win + woff);
    memset(win, 0, size);
    fd = open_dev(dev, O_RDWR);
    nb = open_dev(dev, O_RDWR | O_NONBLOCK);
    sigaction(SIGALRM, &sa, NULL);

    /* Empty. */
    ev = poll_now(fd);
    CHECK(ev == POLLOUT, "fresh window: poll gives POLLOUT only (%#x)", ev);
    r = read(nb, buf, sizeof(buf));
    CHECK(r < 0 && errno == EAGAIN, "O_NONBLOCK read on empty: EAGAIN");
    CHECK(lseek(fd, 0, SEEK_SET) < 0 && errno == ESPIPE, "lseek: ESPIPE");

    /* The peer writes; the device reads. */
    const char *msg = "hello from the peer\n";
    size_t len = strlen(msg);

    memcpy((void *)rx->data, msg, len);
    __sync_synchronize();
    rx->head = len;
    ev = poll_now(fd);
    CHECK(ev == (POLLIN | POLLOUT),
          "peer wrote %zu bytes: POLLIN|POLLOUT (%#x)", len, ev);
    r = read(fd, buf, 5);
    CHECK(r == 5 && !memcmp(buf, msg, 5), "read(5) = %zd \"%.5s\"", r, buf);
    CHECK(rx->tail == 5, "read channel tail = %u", rx->tail);
    r = read(fd, buf, sizeof(buf));
    CHECK(r == (ssize_t)len - 5 && !memcmp(buf, msg + 5, len - 5),
          "read(rest) = %zd", r);
    CHECK(rx->tail == len && rx->head == len, "tail caught up with head (%u)",
          rx->tail);
    r = read(nb, buf, sizeof(buf));
    CHECK(r < 0 && errno == EAGAIN, "drained: O_NONBLOCK read gives EAGAIN");

    /* Wrapping read: 12 bytes from cap - 5. */
    rx->tail = rx->head = rcap - 5;
    for (i = 0; i < 12; i++)
        rx->data[(rcap - 5 + i) % rcap] = 'A' + i;
    __sync_synchronize();
    rx->head = (rcap - 5 + 12) % rcap;
    r = read(fd, buf, sizeof(buf));
    CHECK(r == 12 && !memcmp(buf, "ABCDEFGHIJKL", 12),
          "wrapping read = %zd \"%.12s\"", r, buf);
    CHECK(rx->tail == 7, "read channel tail wrapped to %u", rx->tail);

    /* The device writes; the peer sees it. */
    r = write(fd, "abc", 3);
    CHECK(r == 3 && tx->head == 3 && !memcmp((void *)tx->data, "abc", 3),
          "write(\"abc\") = %zd, write channel head = %u", r, tx->head);

    /* Fill: O_NONBLOCK returns what fits (cap - 1 in all). */
    for (i = 0; i < sizeof(big); i++)
        big[i] = (char)(i * 7 + 1);
    r = write(nb, big, sizeof(big));
    CHECK(r == (ssize_t)wcap - 1 - 3,
          "O_NONBLOCK write of %zu = %zd (free was %u)", sizeof(big), r,
          wcap - 1 - 3);
    CHECK(tx->head == wcap - 1 && !memcmp((void *)tx->data + 3, big, r),
          "write channel full: head = %u, data intact", tx->head);
    r = write(nb, "x", 1);
    CHECK(r < 0 && errno == EAGAIN, "O_NONBLOCK write on full: EAGAIN");
    ev = poll_now(fd);
    CHECK(!(ev & POLLOUT), "full: no POLLOUT (%#x)", ev);
    alarm(1);
    r = write(fd, "x", 1);
    CHECK(r < 0 && errno == EINTR, "blocking write on full, signal: EINTR");

    /* The peer takes everything; the next write wraps. */
    tx->tail = tx->head;
    ev = poll_now(fd);
    CHECK(ev & POLLOUT, "peer consumed: POLLOUT (%#x)", ev);
    r = write(fd, "0123456789", 10);
    CHECK(r == 10 && tx->head == 9 && tx->data[wcap - 1] == '0' &&
              !memcmp((void *)tx->data, "123456789", 9),
          "wrapping write = %zd, head = %u", r, tx->head);

    /* A blocking read on empty sleeps until a signal. */
    alarm(1);
    r = read(fd, buf, sizeof(buf));
    CHECK(r < 0 && errno == EINTR, "blocking read on empty, signal: EINTR");

    /* A corrupt index is refused. */
    rx->head = rcap + 5;
    r = read(fd, buf, sizeof(buf));
    CHECK(r < 0 && errno == EIO, "corrupt read channel head: EIO");
    ev = poll_now(fd);
    CHECK(ev & POLLERR, "corrupt: POLLERR (%#x)", ev);
    rx->head = rx->tail;

    /* Leave an empty window. */
    memset(win, 0, size);
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures ? 1 : 0;
}

static void usage(void)
{
    fprintf(stderr,
            "usage: ipctest read|nbread DEV [N] | write DEV TEXT | nbwrite DEV "
            "N |\n"
            "       poll DEV | selftest DEV PHYS SIZE ROFF RSIZE WOFF WSIZE\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : "";

    if (argc < 3)
        usage();
    if (!strcmp(cmd, "read") || !strcmp(cmd, "nbread"))
        return cmd_read(argv[2], argc > 3 ? num(argv[3]) : 4096,
                        cmd[0] == 'n' ? O_NONBLOCK : 0);
    if (!strcmp(cmd, "write") && argc == 4)
        return cmd_write(argv[2], argv[3], strlen(argv[3]), 0);
    if (!strcmp(cmd, "nbwrite") && argc == 4) {
        size_t n = num(argv[3]);
        char *buf = malloc(n);

        memset(buf, 'w', n);
        return cmd_write(argv[2], buf, n, O_NONBLOCK);
    }
    if (!strcmp(cmd, "poll")) {
        int fd = open_dev(argv[2], O_RDWR | O_NONBLOCK);

        print_poll(poll_now(fd));
        return 0;
    }
    if (!strcmp(cmd, "selftest") && argc == 9)
        return selftest(argv[2], num(argv[3]), num(argv[4]), num(argv[5]),
                        num(argv[6]), num(argv[7]), num(argv[8]));
    usage();
    return 2;
}
