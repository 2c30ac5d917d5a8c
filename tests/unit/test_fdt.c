/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for the flattened devicetree reader (src/lib/fdt.c,
 * src/lib/fdt_query.c).
 *
 * The tests read .dtb fixtures that dtc compiles from the .dts files in
 * tests/unit/data/.
 * The directory holding the .dtb files is taken from the first command
 * line argument or, if there is none, from the environment variable
 * FDT_TEST_DATA_DIR:
 *
 *   ./test_fdt build/test-fdt
 *   FDT_TEST_DATA_DIR=build/test-fdt ./test_fdt
 *
 * Expected fixtures: test-tree.dtb, qemu-virt.dtb, timebase-u64.dtb,
 * timebase-cpu.dtb, tiny.dtb and tiny-v16.dtb (tiny.dts compiled with
 * dtc -V 16). tests/unit/unit.mk builds them.
 *
 * Every blob is copied into a heap buffer of exactly its size, so under
 * -fsanitize=address any read past the end is reported.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lib/fdt.h>
#include <lib/util.h>

/* Header field offsets (DT spec 5.2), for corrupting copies. */
#define HDR_MAGIC 0
#define HDR_TOTALSIZE 4
#define HDR_OFF_DT_STRUCT 8
#define HDR_OFF_DT_STRINGS 12
#define HDR_OFF_MEM_RSVMAP 16
#define HDR_VERSION 20
#define HDR_LAST_COMP_VERSION 24
#define HDR_SIZE_DT_STRINGS 32
#define HDR_SIZE_DT_STRUCT 36

struct blob {
    uint8_t *data;
    size_t size;
};

static const char *data_dir;
static struct blob test_tree, qemu_virt, tb_u64, tb_cpu, tiny, tiny_v16;

/* ---- Fixture handling --------------------------------------------------- */

static struct blob load_dtb(const char *name)
{
    struct blob b = {NULL, 0};
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", data_dir, name);

    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "cannot open fixture %s\n", path);
        return b;
    }
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n > 0 && fseek(f, 0, SEEK_SET) == 0) {
            b.data = malloc((size_t)n);
            if (b.data != NULL && fread(b.data, 1, (size_t)n, f) == (size_t)n)
                b.size = (size_t)n;
        }
    }
    fclose(f);
    return b;
}

static int load_fixtures(void **state)
{
    (void)state;
    test_tree = load_dtb("test-tree.dtb");
    qemu_virt = load_dtb("qemu-virt.dtb");
    tb_u64 = load_dtb("timebase-u64.dtb");
    tb_cpu = load_dtb("timebase-cpu.dtb");
    tiny = load_dtb("tiny.dtb");
    tiny_v16 = load_dtb("tiny-v16.dtb");
    return test_tree.size && qemu_virt.size && tb_u64.size && tb_cpu.size &&
                   tiny.size && tiny_v16.size
               ? 0
               : -1;
}

static int free_fixtures(void **state)
{
    (void)state;
    free(test_tree.data);
    free(qemu_virt.data);
    free(tb_u64.data);
    free(tb_cpu.data);
    free(tiny.data);
    free(tiny_v16.data);
    return 0;
}

/* Exact-size heap copy, so corrupted copies keep ASan's bounds. */
static uint8_t *copy_of(const struct blob *b)
{
    uint8_t *p = malloc(b->size);
    assert_non_null(p);
    memcpy(p, b->data, b->size);
    return p;
}

static uint32_t get_be32(const uint8_t *p)
{
    return fdt_be32(p);
}

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static int node_at(const struct blob *b, const char *path)
{
    int node = fdt_path(b->data, path);
    assert_true(node >= 0);
    return node;
}

/* ---- Byte order --------------------------------------------------------- */

static void test_be_decoding_is_host_independent(void **state)
{
    (void)state;
    const uint8_t bytes[9] = {0xff, 0x01, 0x23, 0x45, 0x67,
                              0x89, 0xab, 0xcd, 0xef};

    /* Odd address on purpose: decoding must not need alignment. */
    assert_int_equal(fdt_be32(bytes + 1), 0x01234567u);
    assert_true(fdt_be64(bytes + 1) == 0x0123456789abcdefull);
}

/* ---- Valid blobs -------------------------------------------------------- */

static void test_check_accepts_fixtures(void **state)
{
    (void)state;
    const struct blob *all[] = {&test_tree, &qemu_virt, &tb_u64,
                                &tb_cpu,    &tiny,      &tiny_v16};

    for (size_t i = 0; i < ARRAY_SIZE(all); i++) {
        assert_int_equal(fdt_check(all[i]->data, all[i]->size), 0);
        assert_int_equal(fdt_totalsize(all[i]->data), all[i]->size);
    }
    /* A buffer larger than the blob is fine. */
    assert_int_equal(fdt_check(tiny.data, tiny.size + 100), 0);
}

static void test_walk_visits_nodes_in_order(void **state)
{
    (void)state;
    const char *expected[] = {"", "node@10"};
    const int expected_depth[] = {0, 1};
    int depth = -42;
    int i = 0;
    int node;

    for (node = fdt_next_node(tiny.data, -1, &depth); node >= 0;
         node = fdt_next_node(tiny.data, node, &depth), i++) {
        assert_true(i < 2);
        assert_string_equal(fdt_node_name(tiny.data, node), expected[i]);
        assert_int_equal(depth, expected_depth[i]);
    }
    assert_int_equal(node, FDT_ERR_NOTFOUND);
    assert_int_equal(i, 2);
}

static void test_walk_counts_whole_tree(void **state)
{
    (void)state;
    int count = 0;
    int max_depth = 0;
    int depth = 0;

    for (int n = fdt_next_node(test_tree.data, -1, &depth); n >= 0;
         n = fdt_next_node(test_tree.data, n, &depth)) {
        count++;
        if (depth > max_depth)
            max_depth = depth;
    }
    /*
     * root, chosen, 3 memory, memory-controller (6); reserved-memory + 3
     * (10); cpus + 5 cpus + interrupt-controller + cpu-map/cluster0/core0
     * (20); soc + 3 (24); wide-bus, pci-like + one child each (28);
     * defaults-bus + child (30).
     */
    assert_int_equal(count, 30);
    assert_int_equal(max_depth, 4); /* /cpus/cpu-map/cluster0/core0 */

    /* Without depth tracking the walk still reaches the end. */
    count = 0;
    int n;
    for (n = fdt_next_node(test_tree.data, -1, NULL); n >= 0;
         n = fdt_next_node(test_tree.data, n, NULL))
        count++;
    assert_int_equal(count, 30);
    assert_int_equal(n, FDT_ERR_NOTFOUND);
}

static void test_walk_stops_at_end_of_subtree(void **state)
{
    (void)state;
    int cpus = node_at(&test_tree, "/cpus");
    int depth = 0;
    int children = 0;
    int n;

    for (n = fdt_next_node(test_tree.data, cpus, &depth); n >= 0;
         n = fdt_next_node(test_tree.data, n, &depth))
        if (depth == 1)
            children++;
    assert_int_equal(n, FDT_ERR_NOTFOUND);
    assert_int_equal(children, 6); /* 5 cpus + cpu-map, nothing from /soc */
}

static void test_subnode_matches_names(void **state)
{
    (void)state;
    const void *b = test_tree.data;
    int root = fdt_next_node(b, -1, NULL);

    assert_int_equal(root, fdt_path(b, "/"));
    assert_string_equal(fdt_node_name(b, root), "");

    int mem = fdt_subnode(b, root, "memory");
    assert_true(mem >= 0);
    assert_string_equal(fdt_node_name(b, mem), "memory@80000000");

    int mem2 = fdt_subnode(b, root, "memory@100000000");
    assert_true(mem2 >= 0);
    assert_string_equal(fdt_node_name(b, mem2), "memory@100000000");

    /* A unit address in the query must match exactly. */
    assert_int_equal(fdt_subnode(b, root, "memory@8000"), FDT_ERR_NOTFOUND);
    /* A prefix of the name is not a match. */
    assert_int_equal(fdt_subnode(b, root, "mem"), FDT_ERR_NOTFOUND);
    assert_int_equal(fdt_subnode(b, root, "nonexistent"), FDT_ERR_NOTFOUND);
    /* Only direct children: cpu@0 lives under /cpus. */
    assert_int_equal(fdt_subnode(b, root, "cpu"), FDT_ERR_NOTFOUND);

    int cpus = fdt_subnode(b, root, "cpus");
    assert_string_equal(fdt_node_name(b, fdt_subnode(b, cpus, "cpu")), "cpu@0");
    assert_int_equal(fdt_subnode(b, root, NULL), FDT_ERR_NOTFOUND);
}

static void test_path_lookup(void **state)
{
    (void)state;
    const void *b = test_tree.data;

    assert_string_equal(fdt_node_name(b, fdt_path(b, "/cpus")), "cpus");
    assert_string_equal(fdt_node_name(b, fdt_path(b, "/cpus/cpu@2")), "cpu@2");
    assert_string_equal(
        fdt_node_name(b, fdt_path(b, "/cpus/cpu@0/interrupt-controller")),
        "interrupt-controller");
    assert_string_equal(
        fdt_node_name(b, fdt_path(b, "/cpus/cpu-map/cluster0/core0")), "core0");
    /* Redundant and trailing slashes are tolerated. */
    assert_int_equal(fdt_path(b, "//cpus//cpu@1/"), fdt_path(b, "/cpus/cpu@1"));
    assert_int_equal(fdt_path(b, "/soc/serial"),
                     fdt_path(b, "/soc/serial@10000000"));

    assert_int_equal(fdt_path(b, "/cpus/cpu@3"), FDT_ERR_NOTFOUND);
    assert_int_equal(fdt_path(b, "/nope/cpu@0"), FDT_ERR_NOTFOUND);
    assert_int_equal(fdt_path(b, "cpus"), FDT_ERR_BADPATH);
    assert_int_equal(fdt_path(b, ""), FDT_ERR_BADPATH);
    assert_int_equal(fdt_path(b, NULL), FDT_ERR_BADPATH);
}

static void test_parent(void **state)
{
    (void)state;
    const void *b = test_tree.data;
    int root = fdt_path(b, "/");
    int cpus = fdt_path(b, "/cpus");

    assert_int_equal(fdt_parent(b, root), FDT_ERR_NOTFOUND);
    assert_int_equal(fdt_parent(b, cpus), root);
    assert_int_equal(fdt_parent(b, fdt_path(b, "/cpus/cpu@7")), cpus);
    assert_int_equal(fdt_parent(b, fdt_path(b, "/cpus/cpu-map/cluster0")),
                     fdt_path(b, "/cpus/cpu-map"));
    /* /soc follows the deep /cpus subtree: depth bookkeeping must hold. */
    assert_int_equal(fdt_parent(b, fdt_path(b, "/soc")), root);
    assert_int_equal(fdt_parent(b, 3), FDT_ERR_BADOFFSET);
    assert_int_equal(fdt_parent(b, -5), FDT_ERR_BADOFFSET);
}

static void test_prop_values(void **state)
{
    (void)state;
    const void *b = test_tree.data;
    int root = fdt_path(b, "/");
    int len = 0;

    const char *model = fdt_prop(b, root, "model", &len);
    assert_non_null(model);
    assert_int_equal(len, (int)sizeof("Baobab FDT test tree"));
    assert_string_equal(model, "Baobab FDT test tree");

    /* Empty property: non-NULL value, length 0. */
    int bus = fdt_path(b, "/soc/platform-bus@4000000");
    assert_non_null(fdt_prop(b, bus, "dma-coherent", &len));
    assert_int_equal(len, 0);

    /* Missing property: NULL and the error in len. */
    assert_null(fdt_prop(b, root, "no-such-prop", &len));
    assert_int_equal(len, FDT_ERR_NOTFOUND);
    assert_null(fdt_prop(b, root, "no-such-prop", NULL));
    assert_null(fdt_prop(b, root, NULL, &len));

    /* Properties of a child are not properties of the parent. */
    assert_null(fdt_prop(b, fdt_path(b, "/soc"), "clock-frequency", &len));
    assert_int_equal(len, FDT_ERR_NOTFOUND);
}

static void test_prop_integers(void **state)
{
    (void)state;
    const void *b = test_tree.data;
    int cpus = fdt_path(b, "/cpus");
    uint32_t u32 = 0;
    uint64_t u64 = 0;

    assert_true(fdt_prop_u32(b, cpus, "timebase-frequency", &u32));
    assert_int_equal(u32, 10000000);
    assert_true(fdt_prop_u64(b, cpus, "timebase-frequency", &u64));
    assert_true(u64 == 10000000);
    assert_true(fdt_prop_u32(b, cpus, "#address-cells", &u32));
    assert_int_equal(u32, 1);

    /* Wrong sizes are rejected rather than truncated. */
    int cpu0 = fdt_path(b, "/cpus/cpu@0");
    assert_false(fdt_prop_u32(b, cpu0, "riscv,isa", &u32));
    assert_false(fdt_prop_u32(b, cpu0, "missing", &u32));
    int mem = fdt_path(b, "/memory@80000000");
    assert_false(fdt_prop_u32(b, mem, "reg", &u32));
    assert_false(fdt_prop_u64(b, mem, "reg", &u64));

    assert_true(fdt_prop_u64(tb_u64.data, fdt_path(tb_u64.data, "/cpus"),
                             "timebase-frequency", &u64));
    assert_true(u64 == 25000000);
}

static void test_prop_strings(void **state)
{
    (void)state;
    const void *b = test_tree.data;
    int cpu0 = fdt_path(b, "/cpus/cpu@0");

    assert_true(fdt_prop_streq(b, cpu0, "device_type", "cpu"));
    assert_false(fdt_prop_streq(b, cpu0, "device_type", "cp"));
    assert_false(fdt_prop_streq(b, cpu0, "device_type", "cpus"));
    assert_false(fdt_prop_streq(b, cpu0, "missing", "cpu"));
    assert_false(fdt_prop_streq(b, cpu0, "device_type", NULL));
}

static void test_stringlist(void **state)
{
    (void)state;
    const char list[] = "qemu,platform\0simple-bus"; /* 2 strings, 25 bytes */
    int len = (int)sizeof(list);

    assert_true(fdt_stringlist_contains(list, len, "qemu,platform"));
    assert_true(fdt_stringlist_contains(list, len, "simple-bus"));
    assert_false(fdt_stringlist_contains(list, len, "simple"));
    assert_false(fdt_stringlist_contains(list, len, "platform"));
    assert_false(fdt_stringlist_contains(list, len, ""));
    /* An unterminated last string is never matched nor overrun. */
    assert_false(fdt_stringlist_contains(list, len - 1, "simple-bus"));
    assert_true(fdt_stringlist_contains(list, len - 1, "qemu,platform"));
    assert_false(fdt_stringlist_contains(list, 0, "qemu,platform"));
    assert_false(fdt_stringlist_contains(NULL, 4, "x"));

    const void *b = test_tree.data;
    int bus = fdt_path(b, "/soc/platform-bus@4000000");
    assert_true(fdt_node_is_compatible(b, bus, "simple-bus"));
    assert_true(fdt_node_is_compatible(b, bus, "qemu,platform"));
    assert_false(fdt_node_is_compatible(b, bus, "ns16550a"));
    assert_false(fdt_node_is_compatible(b, fdt_path(b, "/chosen"), "x"));
}

static void test_status(void **state)
{
    (void)state;
    const void *b = test_tree.data;

    /* status = "okay", "ok", absent, "disabled"; then a bad offset. */
    assert_true(fdt_node_is_okay(b, fdt_path(b, "/cpus/cpu@0")));
    assert_true(fdt_node_is_okay(b, fdt_path(b, "/cpus/cpu@1")));
    assert_true(fdt_node_is_okay(b, fdt_path(b, "/cpus/cpu@2")));
    assert_false(fdt_node_is_okay(b, fdt_path(b, "/cpus/cpu@4")));
    assert_false(fdt_node_is_okay(b, 2));
}

static void test_reg_decoding(void **state)
{
    (void)state;
    const void *b = test_tree.data;
    uint64_t addr = 0, size = 0;

    /* Root: 2 address + 2 size cells. */
    int mem = fdt_path(b, "/memory@100000000");
    assert_int_equal(fdt_reg_count(b, mem), 3);
    assert_true(fdt_reg(b, mem, 2, &addr, &size));
    assert_true(addr == 0x300000000ull && size == 4 * GIB);
    assert_false(fdt_reg(b, mem, 3, &addr, &size));
    assert_false(fdt_reg(b, mem, -1, &addr, &size));

    /* /soc: 1 + 1 cells. */
    int uart = fdt_path(b, "/soc/serial@10000000");
    assert_int_equal(fdt_reg_count(b, uart), 1);
    assert_true(fdt_reg(b, uart, 0, &addr, &size));
    assert_true(addr == 0x10000000 && size == 0x100);

    /* /cpus: 1 + 0 cells; size may be NULL. */
    assert_true(fdt_reg(b, fdt_path(b, "/cpus/cpu@7"), 0, &addr, NULL));
    assert_true(addr == 7);
    assert_true(fdt_reg(b, fdt_path(b, "/cpus/cpu@7"), 0, &addr, &size));
    assert_true(size == 0);

    /* Parent without #address-cells/#size-cells: defaults 2 and 1. */
    int child = fdt_path(b, "/defaults-bus/child@1000");
    assert_int_equal(fdt_reg_count(b, child), 2);
    assert_true(fdt_reg(b, child, 0, &addr, &size));
    assert_true(addr == 0x100001000ull && size == 0x100);
    assert_true(fdt_reg(b, child, 1, &addr, &size));
    assert_true(addr == 0x2000 && size == 0x200);

    /* Length not a multiple of the entry size. */
    int bad = fdt_path(b, "/soc/bad-reg@1000");
    assert_int_equal(fdt_reg_count(b, bad), FDT_ERR_BADVALUE);
    assert_false(fdt_reg(b, bad, 0, &addr, &size));

    /* More cells than a 64-bit value holds. */
    assert_int_equal(fdt_reg_count(b, fdt_path(b, "/wide-bus/dev@0")),
                     FDT_ERR_BADVALUE);
    assert_false(fdt_reg(b, fdt_path(b, "/wide-bus/dev@0"), 0, &addr, &size));
    assert_int_equal(fdt_reg_count(b, fdt_path(b, "/pci-like/dev@0")),
                     FDT_ERR_BADVALUE);

    /* No reg at all; the root has no parent to give it cells. */
    assert_int_equal(fdt_reg_count(b, fdt_path(b, "/chosen")),
                     FDT_ERR_NOTFOUND);
    assert_false(fdt_reg(b, fdt_path(b, "/"), 0, &addr, &size));
}

static void test_mem_rsv(void **state)
{
    (void)state;
    uint64_t addr = 0, size = 0;

    assert_int_equal(fdt_mem_rsv(test_tree.data, 0, &addr, &size), 0);
    assert_true(addr == 0x80000000 && size == 0x40000);
    assert_int_equal(fdt_mem_rsv(test_tree.data, 1, &addr, &size),
                     FDT_ERR_NOTFOUND);
    assert_int_equal(fdt_mem_rsv(test_tree.data, -1, &addr, &size),
                     FDT_ERR_NOTFOUND);
    assert_int_equal(fdt_mem_rsv(qemu_virt.data, 0, NULL, NULL),
                     FDT_ERR_NOTFOUND);
}

/* ---- Boot-time queries -------------------------------------------------- */

static void test_memory_regions(void **state)
{
    (void)state;
    struct fdt_region r[8];

    int n = fdt_memory_regions(test_tree.data, r, 8);
    assert_int_equal(n, 3);
    assert_true(r[0].base == 0x80000000 && r[0].size == 2 * GIB);
    assert_true(r[1].base == 0x100000000ull && r[1].size == 256 * MIB);
    assert_true(r[2].base == 0x300000000ull && r[2].size == 4 * GIB);

    assert_int_equal(fdt_memory_regions(test_tree.data, NULL, 0), 3);
    assert_int_equal(fdt_memory_regions(test_tree.data, r, 2), FDT_ERR_NOSPACE);
    assert_int_equal(fdt_memory_regions(tiny.data, r, 8), 0);

    n = fdt_memory_regions(qemu_virt.data, r, 8);
    assert_int_equal(n, 1);
    assert_true(r[0].base == 0x80000000 && r[0].size == 4 * GIB);
}

static void test_reserved_regions(void **state)
{
    (void)state;
    struct fdt_region r[8];

    int n = fdt_reserved_regions(test_tree.data, r, 8);
    assert_int_equal(n, 2);
    assert_true(r[0].base == 0x80000000 && r[0].size == 0x40000); /* rsvmap */
    assert_true(r[1].base == 0x80040000 && r[1].size == 0x20000); /* node */
    assert_int_equal(fdt_reserved_regions(test_tree.data, r, 1),
                     FDT_ERR_NOSPACE);

    assert_int_equal(fdt_reserved_regions(qemu_virt.data, r, 8), 0);
    assert_int_equal(fdt_reserved_regions(tiny.data, r, 8), 2);
    assert_true(r[0].base == 0x1000 && r[0].size == 0x2000);
    assert_true(r[1].base == 0x0 && r[1].size == 0x1000);
}

static void test_cpu_harts(void **state)
{
    (void)state;
    uint32_t harts[8];

    /* cpu@4 is disabled; cpu-map is not a cpu. */
    int n = fdt_cpu_harts(test_tree.data, harts, 8);
    assert_int_equal(n, 4);
    assert_int_equal(harts[0], 0);
    assert_int_equal(harts[1], 1);
    assert_int_equal(harts[2], 2);
    assert_int_equal(harts[3], 7);
    assert_int_equal(fdt_cpu_harts(test_tree.data, NULL, 0), 4);
    assert_int_equal(fdt_cpu_harts(test_tree.data, harts, 3), FDT_ERR_NOSPACE);

    n = fdt_cpu_harts(qemu_virt.data, harts, 8);
    assert_int_equal(n, 4);
    for (int i = 0; i < n; i++)
        assert_int_equal(harts[i], i);

    /* No /cpus at all. */
    assert_int_equal(fdt_cpu_harts(tiny.data, harts, 8), FDT_ERR_NOTFOUND);
}

static void test_timebase(void **state)
{
    (void)state;
    uint32_t hz = 0;

    assert_true(fdt_timebase_frequency(test_tree.data, &hz));
    assert_int_equal(hz, 10000000);
    assert_true(fdt_timebase_frequency(qemu_virt.data, &hz));
    assert_int_equal(hz, 10000000);
    assert_true(fdt_timebase_frequency(tb_u64.data, &hz));
    assert_int_equal(hz, 25000000);
    assert_true(fdt_timebase_frequency(tb_cpu.data, &hz));
    assert_int_equal(hz, 1000000);
    assert_false(fdt_timebase_frequency(tiny.data, &hz));

    /* 0 or more than 32 bits is unusable. */
    uint8_t *b = copy_of(&tb_u64);
    int len = 0;
    uint8_t *tb = (uint8_t *)fdt_prop(b, fdt_path(b, "/cpus"),
                                      "timebase-frequency", &len);
    assert_non_null(tb);
    assert_int_equal(len, 8);
    put_be32(tb, 1);
    assert_false(fdt_timebase_frequency(b, &hz));
    memset(tb, 0, 8);
    assert_false(fdt_timebase_frequency(b, &hz));
    free(b);
}

static void test_cpu_isa(void **state)
{
    (void)state;
    const char *isa = NULL;

    const char *expected = "rv64imafdch_zicsr_zifencei_zihintpause_sstc";

    int len = fdt_cpu_isa(test_tree.data, 0, &isa);
    assert_int_equal(len, (int)strlen(expected));
    assert_string_equal(isa, expected);
    assert_non_null(strstr(isa, "_sstc"));

    assert_true(fdt_cpu_isa(test_tree.data, 7, &isa) > 0);
    assert_string_equal(isa, "rv64imafdch_sstc");
    /* Disabled harts still report their ISA. */
    assert_true(fdt_cpu_isa(test_tree.data, 4, &isa) > 0);
    assert_string_equal(isa, "rv64imac");
    assert_int_equal(fdt_cpu_isa(test_tree.data, 3, &isa), FDT_ERR_NOTFOUND);
    assert_int_equal(fdt_cpu_isa(tb_cpu.data, 1, &isa), FDT_ERR_NOTFOUND);

    /* An unterminated riscv,isa is refused, not overrun. */
    uint8_t *b = copy_of(&test_tree);
    char *val =
        (char *)fdt_prop(b, fdt_path(b, "/cpus/cpu@7"), "riscv,isa", &len);
    assert_non_null(val);
    val[len - 1] = 'x';
    assert_int_equal(fdt_cpu_isa(b, 7, &isa), FDT_ERR_BADVALUE);
    free(b);

    for (uint32_t hart = 0; hart < 4; hart++) {
        assert_true(fdt_cpu_isa(qemu_virt.data, hart, &isa) > 0);
        assert_non_null(strstr(isa, "_sstc"));
        assert_int_equal(strncmp(isa, "rv64imafdch", 11), 0);
    }
}

static void test_version_16_blob(void **state)
{
    (void)state;
    const void *b = tiny_v16.data;
    uint64_t addr = 0, size = 0;

    assert_int_equal(get_be32(tiny_v16.data + HDR_VERSION), 16);
    assert_int_equal(fdt_check(b, tiny_v16.size), 0);
    int node = fdt_path(b, "/node");
    assert_true(node >= 0);
    assert_true(fdt_reg(b, node, 0, &addr, &size));
    assert_true(addr == 0x10 && size == 0x20);
}

static void test_unaligned_blob(void **state)
{
    (void)state;
    /* Firmware should 8-byte align the blob, but we must not depend on it. */
    uint8_t *buf = malloc(test_tree.size + 1);
    assert_non_null(buf);
    memcpy(buf + 1, test_tree.data, test_tree.size);
    const void *b = buf + 1;
    struct fdt_region r[4];
    uint32_t harts[8];
    uint32_t hz = 0;

    assert_int_equal(fdt_check(b, test_tree.size), 0);
    assert_int_equal(fdt_memory_regions(b, r, 4), 3);
    assert_true(r[0].base == 0x80000000 && r[0].size == 2 * GIB);
    assert_int_equal(fdt_cpu_harts(b, harts, 8), 4);
    assert_true(fdt_timebase_frequency(b, &hz));
    assert_int_equal(hz, 10000000);
    free(buf);
}

static void test_strerror(void **state)
{
    (void)state;
    assert_string_equal(fdt_strerror(0), "ok");
    assert_string_equal(fdt_strerror(FDT_ERR_BADMAGIC), "bad magic");
    assert_string_equal(fdt_strerror(-1000), "unknown error");
    for (int e = FDT_ERR_NOSPACE; e <= FDT_ERR_NOTFOUND; e++)
        assert_string_not_equal(fdt_strerror(e), "unknown error");
}

/* ---- Caller-supplied offsets -------------------------------------------- */

static void test_bad_offsets(void **state)
{
    (void)state;
    const void *b = tiny.data;
    int len = 0;
    int depth = 0;
    int node = fdt_path(b, "/node@10");
    const uint8_t *value = fdt_prop(b, node, "value", &len);
    assert_non_null(value);
    /* Offset of the FDT_PROP token of "value" in the struct block. */
    const uint8_t *struct_block =
        tiny.data + get_be32(tiny.data + HDR_OFF_DT_STRUCT);
    int prop_off = (int)(value - 12 - struct_block);
    const int bad[] = {-2, -1000, 1, 2, 3, prop_off, 1 << 20, 0x7ffffffc};

    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        assert_null(fdt_node_name(b, bad[i]));
        assert_null(fdt_prop(b, bad[i], "value", &len));
        assert_int_equal(len, FDT_ERR_BADOFFSET);
        assert_true(fdt_subnode(b, bad[i], "node") < 0);
        assert_true(fdt_parent(b, bad[i]) < 0);
        assert_true(fdt_reg_count(b, bad[i]) < 0);
        if (bad[i] != -1)
            assert_int_equal(fdt_next_node(b, bad[i], &depth),
                             FDT_ERR_BADOFFSET);
    }
}

static void test_misaligned_offset_is_not_a_node(void **state)
{
    (void)state;
    const uint8_t *b = test_tree.data;
    int len = 0;
    const uint8_t *fake =
        fdt_prop(b, fdt_path(b, "/chosen"), "fake-node", &len);
    assert_non_null(fake);
    assert_int_equal(len, 8);
    assert_int_equal(fdt_be32(fake + 2), 0x1); /* looks like FDT_BEGIN_NODE */

    /* Tokens are 4-byte aligned (DT spec 5.4.1), so this is no node. */
    int off = (int)(fake + 2 - (b + get_be32(b + HDR_OFF_DT_STRUCT)));
    assert_int_not_equal(off % 4, 0);
    assert_null(fdt_node_name(b, off));
    assert_int_equal(fdt_next_node(b, off, NULL), FDT_ERR_BADOFFSET);
}

/* ---- Malformed blobs ---------------------------------------------------- */

/*
 * Run every accessor on a blob that may be corrupt. Nothing is asserted
 * about the results: the point is that ASan/UBSan see no bad access and
 * that every loop terminates.
 */
static void exercise_all(const void *b)
{
    struct fdt_region r[8];
    uint32_t harts[8];
    uint32_t u32;
    uint64_t u64, a, s;
    const char *isa;
    int len;
    int depth = 0;
    int steps = 0;

    for (int n = fdt_next_node(b, -1, &depth); n >= 0 && steps < 10000;
         n = fdt_next_node(b, n, &depth), steps++) {
        (void)fdt_node_name(b, n);
        (void)fdt_prop(b, n, "reg", &len);
        (void)fdt_prop_u32(b, n, "value", &u32);
        (void)fdt_prop_u64(b, n, "value", &u64);
        (void)fdt_node_is_okay(b, n);
        (void)fdt_node_is_compatible(b, n, "baobab,tiny");
        (void)fdt_reg(b, n, 0, &a, &s);
        (void)fdt_parent(b, n);
        (void)fdt_subnode(b, n, "node");
    }
    assert_true(steps < 10000);
    (void)fdt_path(b, "/node@10");
    (void)fdt_path(b, "/cpus/cpu@0");
    (void)fdt_mem_rsv(b, 0, &a, &s);
    (void)fdt_memory_regions(b, r, 8);
    (void)fdt_reserved_regions(b, r, 8);
    (void)fdt_cpu_harts(b, harts, 8);
    (void)fdt_timebase_frequency(b, &u32);
    (void)fdt_cpu_isa(b, 0, &isa);
}

/* Apply one corruption to a fresh copy of tiny and return fdt_check(). */
static int check_corrupted(void (*corrupt)(uint8_t *b, size_t size))
{
    uint8_t *b = copy_of(&tiny);
    corrupt(b, tiny.size);
    int err = fdt_check(b, tiny.size);
    /* Accessors only trust totalsize, which these corruptions keep sane. */
    if (get_be32(b + HDR_TOTALSIZE) <= tiny.size)
        exercise_all(b);
    free(b);
    return err;
}

static void corrupt_magic(uint8_t *b, size_t size)
{
    (void)size;
    b[HDR_MAGIC + 3] ^= 0x01;
}

static void test_bad_magic(void **state)
{
    (void)state;
    assert_int_equal(check_corrupted(corrupt_magic), FDT_ERR_BADMAGIC);

    uint8_t *b = copy_of(&tiny);
    corrupt_magic(b, tiny.size);
    assert_int_equal(fdt_path(b, "/"), FDT_ERR_BADMAGIC);
    assert_int_equal(fdt_next_node(b, -1, NULL), FDT_ERR_BADMAGIC);
    assert_int_equal(fdt_totalsize(b), 0);
    free(b);

    assert_int_equal(fdt_check(NULL, 100), FDT_ERR_BADMAGIC);
    assert_int_equal(fdt_path(NULL, "/"), FDT_ERR_BADMAGIC);
    assert_int_equal(fdt_totalsize(NULL), 0);
}

static void corrupt_version_old(uint8_t *b, size_t size)
{
    (void)size;
    put_be32(b + HDR_VERSION, 15);
}

static void corrupt_version_incompatible(uint8_t *b, size_t size)
{
    (void)size;
    put_be32(b + HDR_LAST_COMP_VERSION, 18);
}

static void test_bad_version(void **state)
{
    (void)state;
    assert_int_equal(check_corrupted(corrupt_version_old), FDT_ERR_BADVERSION);
    assert_int_equal(check_corrupted(corrupt_version_incompatible),
                     FDT_ERR_BADVERSION);
}

static void test_truncated_blob(void **state)
{
    (void)state;
    /* Every proper prefix, in a buffer of exactly that size. */
    for (size_t n = 0; n < tiny.size; n++) {
        uint8_t *b = malloc(n ? n : 1);
        assert_non_null(b);
        memcpy(b, tiny.data, n);
        assert_int_equal(fdt_check(b, n), FDT_ERR_TRUNCATED);
        free(b);
    }
    assert_int_equal(fdt_check(tiny.data, tiny.size - 1), FDT_ERR_TRUNCATED);
}

static void corrupt_totalsize_too_big(uint8_t *b, size_t size)
{
    put_be32(b + HDR_TOTALSIZE, (uint32_t)size + 1);
}

static void corrupt_totalsize_huge(uint8_t *b, size_t size)
{
    (void)size;
    put_be32(b + HDR_TOTALSIZE, 0xffffffffu);
}

static void corrupt_totalsize_tiny(uint8_t *b, size_t size)
{
    (void)size;
    put_be32(b + HDR_TOTALSIZE, 8);
}

static void test_totalsize_larger_than_buffer(void **state)
{
    (void)state;
    /* Even when the caller claims a huge buffer, > 1 GiB is refused. */
    uint8_t *b = copy_of(&tiny);
    put_be32(b + HDR_TOTALSIZE, 0x50000000u);
    assert_int_equal(fdt_check(b, SIZE_MAX), FDT_ERR_BADLAYOUT);
    free(b);

    assert_int_equal(check_corrupted(corrupt_totalsize_too_big),
                     FDT_ERR_TRUNCATED);
    assert_int_equal(check_corrupted(corrupt_totalsize_huge),
                     FDT_ERR_TRUNCATED);
    assert_int_equal(check_corrupted(corrupt_totalsize_tiny),
                     FDT_ERR_BADLAYOUT);
}

static void corrupt_struct_off_past_end(uint8_t *b, size_t size)
{
    put_be32(b + HDR_OFF_DT_STRUCT, (uint32_t)size + 4);
}

static void corrupt_struct_off_wraps(uint8_t *b, size_t size)
{
    (void)size;
    put_be32(b + HDR_OFF_DT_STRUCT, 0xfffffff0u);
}

static void corrupt_struct_off_misaligned(uint8_t *b, size_t size)
{
    (void)size;
    put_be32(b + HDR_OFF_DT_STRUCT, get_be32(b + HDR_OFF_DT_STRUCT) + 2);
}

static void corrupt_struct_off_in_header(uint8_t *b, size_t size)
{
    (void)size;
    put_be32(b + HDR_OFF_DT_STRUCT, 0);
}

static void corrupt_struct_size_past_end(uint8_t *b, size_t size)
{
    (void)size;
    put_be32(b + HDR_SIZE_DT_STRUCT,
             get_be32(b + HDR_SIZE_DT_STRUCT) + (uint32_t)size);
}

static void corrupt_strings_off_past_end(uint8_t *b, size_t size)
{
    put_be32(b + HDR_OFF_DT_STRINGS, (uint32_t)size);
}

static void corrupt_strings_size_huge(uint8_t *b, size_t size)
{
    (void)size;
    put_be32(b + HDR_SIZE_DT_STRINGS, 0xfffffff0u);
}

static void corrupt_rsvmap_misaligned(uint8_t *b, size_t size)
{
    (void)size;
    /* A well-formed (empty) map, but not 8-byte aligned (DT spec 5.3.1). */
    uint32_t off = get_be32(b + HDR_OFF_MEM_RSVMAP) + 4;
    put_be32(b + HDR_OFF_MEM_RSVMAP, off);
    memset(b + off, 0, 16);
}

static void corrupt_rsvmap_past_end(uint8_t *b, size_t size)
{
    put_be32(b + HDR_OFF_MEM_RSVMAP, (uint32_t)size & ~7u);
}

static void test_block_offsets_out_of_range(void **state)
{
    (void)state;
    void (*const cases[])(uint8_t *, size_t) = {
        corrupt_struct_off_past_end,   corrupt_struct_off_wraps,
        corrupt_struct_off_misaligned, corrupt_struct_off_in_header,
        corrupt_struct_size_past_end,  corrupt_strings_off_past_end,
        corrupt_strings_size_huge,     corrupt_rsvmap_misaligned,
        corrupt_rsvmap_past_end,
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
        assert_int_equal(check_corrupted(cases[i]), FDT_ERR_BADLAYOUT);
}

/* Offset in the blob of the FDT_PROP token of /node@10's "value". */
static size_t value_prop_token(const uint8_t *b)
{
    int len;
    const uint8_t *value = fdt_prop(b, fdt_path(b, "/node@10"), "value", &len);
    assert_non_null(value);
    return (size_t)(value - b) - 12;
}

static void corrupt_rsvmap_unterminated(uint8_t *b, size_t size)
{
    /* No (0, 0) entry anywhere from the map to the end of the blob. */
    size_t map = get_be32(b + HDR_OFF_MEM_RSVMAP);
    memset(b + map, 0xff, size - map);
}

static void test_rsvmap_unterminated(void **state)
{
    (void)state;
    assert_int_equal(check_corrupted(corrupt_rsvmap_unterminated),
                     FDT_ERR_BADLAYOUT);
}

/* The last name in tiny's strings block is "value"; cut its NUL off. */
static void corrupt_strings_size_cuts_name(uint8_t *b, size_t size)
{
    (void)size;
    put_be32(b + HDR_SIZE_DT_STRINGS, get_be32(b + HDR_SIZE_DT_STRINGS) - 1);
}

static void corrupt_strings_last_nul(uint8_t *b, size_t size)
{
    uint32_t end =
        get_be32(b + HDR_OFF_DT_STRINGS) + get_be32(b + HDR_SIZE_DT_STRINGS);
    assert_true(end == size && b[end - 1] == '\0');
    b[end - 1] = 'x';
}

static void corrupt_nameoff_past_strings(uint8_t *b, size_t size)
{
    (void)size;
    put_be32(b + value_prop_token(b) + 8, get_be32(b + HDR_SIZE_DT_STRINGS));
}

static void corrupt_nameoff_huge(uint8_t *b, size_t size)
{
    (void)size;
    put_be32(b + value_prop_token(b) + 8, 0xfffffffcu);
}

static void test_unterminated_property_name(void **state)
{
    (void)state;
    assert_int_equal(check_corrupted(corrupt_strings_size_cuts_name),
                     FDT_ERR_BADSTRING);
    assert_int_equal(check_corrupted(corrupt_strings_last_nul),
                     FDT_ERR_BADSTRING);
    assert_int_equal(check_corrupted(corrupt_nameoff_past_strings),
                     FDT_ERR_BADSTRING);
    assert_int_equal(check_corrupted(corrupt_nameoff_huge), FDT_ERR_BADSTRING);

    /* The accessor reports the error too, instead of reading past it. */
    uint8_t *b = copy_of(&tiny);
    int node = fdt_path(b, "/node@10");
    corrupt_strings_last_nul(b, tiny.size);
    int len = 0;
    assert_null(fdt_prop(b, node, "value", &len));
    assert_int_equal(len, FDT_ERR_BADSTRING);
    free(b);
}

static void corrupt_prop_len_huge(uint8_t *b, size_t size)
{
    (void)size;
    put_be32(b + value_prop_token(b) + 4, 0xfffffff0u);
}

static void corrupt_prop_len_one_past_struct(uint8_t *b, size_t size)
{
    (void)size;
    size_t tok = value_prop_token(b);
    uint32_t struct_end =
        get_be32(b + HDR_OFF_DT_STRUCT) + get_be32(b + HDR_SIZE_DT_STRUCT);
    put_be32(b + tok + 4, struct_end - (uint32_t)(tok + 12) + 1);
}

static void test_property_len_past_end(void **state)
{
    (void)state;
    assert_int_equal(check_corrupted(corrupt_prop_len_huge),
                     FDT_ERR_BADSTRUCTURE);
    assert_int_equal(check_corrupted(corrupt_prop_len_one_past_struct),
                     FDT_ERR_BADSTRUCTURE);

    uint8_t *b = copy_of(&tiny);
    int node = fdt_path(b, "/node@10");
    corrupt_prop_len_huge(b, tiny.size);
    int len = 0;
    assert_null(fdt_prop(b, node, "value", &len));
    assert_int_equal(len, FDT_ERR_BADSTRUCTURE);
    assert_true(fdt_next_node(b, node, NULL) < 0);
    free(b);
}

static void corrupt_unknown_token(uint8_t *b, size_t size)
{
    (void)size;
    put_be32(b + value_prop_token(b), 0x5);
}

static void corrupt_missing_end(uint8_t *b, size_t size)
{
    (void)size;
    /* FDT_END is the last token: drop it from the block. */
    put_be32(b + HDR_SIZE_DT_STRUCT, get_be32(b + HDR_SIZE_DT_STRUCT) - 4);
}

static void corrupt_unbalanced_end_node(uint8_t *b, size_t size)
{
    (void)size;
    /* Turn the FDT_END into an extra FDT_END_NODE. */
    uint32_t end =
        get_be32(b + HDR_OFF_DT_STRUCT) + get_be32(b + HDR_SIZE_DT_STRUCT) - 4;
    put_be32(b + end, 0x2);
}

static void corrupt_node_name_unterminated(uint8_t *b, size_t size)
{
    (void)size;
    /* Cut the block right after the child's FDT_BEGIN_NODE + "node". */
    int node = fdt_path(b, "/node@10");
    put_be32(b + HDR_SIZE_DT_STRUCT, (uint32_t)node + 8);
}

static void corrupt_prop_after_subnode(uint8_t *b, size_t size)
{
    (void)size;
    /*
     * Replace node@10's "reg" property (token, header, 12-byte value) by
     * an FDT_END_NODE and NOPs: the child closes early and its "value"
     * property now follows a subnode of the root, which DT spec 5.4.2
     * forbids.
     */
    size_t value_tok = value_prop_token(b);
    size_t reg_tok = value_tok - 4 - 8 - 12;
    assert_int_equal(get_be32(b + reg_tok), 0x3); /* FDT_PROP */
    put_be32(b + reg_tok, 0x2);                   /* FDT_END_NODE */
    for (size_t i = reg_tok + 4; i < value_tok; i += 4)
        put_be32(b + i, 0x4); /* FDT_NOP */
}

static void corrupt_second_root(uint8_t *b, size_t size)
{
    (void)size;
    /* Rewrite from node@10 on: END_NODE, BEGIN_NODE "", END_NODE, END. */
    uint8_t *p =
        b + get_be32(b + HDR_OFF_DT_STRUCT) + (uint32_t)fdt_path(b, "/node@10");
    put_be32(p, 0x2);
    put_be32(p + 4, 0x1);
    put_be32(p + 8, 0);
    put_be32(p + 12, 0x2);
    put_be32(p + 16, 0x9);
}

/* End the structure block 4 bytes into the FDT_PROP of "value". */
static void corrupt_struct_ends_in_prop_header(uint8_t *b, size_t size)
{
    (void)size;
    uint32_t struct_off = get_be32(b + HDR_OFF_DT_STRUCT);
    put_be32(b + HDR_SIZE_DT_STRUCT,
             (uint32_t)value_prop_token(b) - struct_off + 8);
}

/* Rewrite tiny's "value" property and what follows. */
static void rewrite_from_value(uint8_t *b, const uint32_t *tokens, size_t n)
{
    uint8_t *p = b + value_prop_token(b);
    uint8_t *end =
        b + get_be32(b + HDR_OFF_DT_STRUCT) + get_be32(b + HDR_SIZE_DT_STRUCT);
    assert_true(p + 4 * n <= end);
    for (size_t i = 0; i < n; i++)
        put_be32(p + 4 * i, tokens[i]);
    for (p += 4 * n; p < end; p += 4)
        put_be32(p, 0x4); /* FDT_NOP */
}

static void corrupt_extra_end_node(uint8_t *b, size_t size)
{
    (void)size;
    /* Close node@10 and root, close one more, open and end a nameless node. */
    static const uint32_t tokens[] = {0x2, 0x2, 0x2, 0x1, 0x0, 0x9};
    rewrite_from_value(b, tokens, 6);
}

static void corrupt_end_inside_node(uint8_t *b, size_t size)
{
    (void)size;
    /* Close node@10 only, then FDT_END while root is still open. */
    static const uint32_t tokens[] = {0x2, 0x9};
    rewrite_from_value(b, tokens, 2);
}

/* In place, one cell only: the timebase the boot sets in generated trees. */
static void test_set_prop_u32_in_place(void **state)
{
    (void)state;
    uint8_t *b = malloc(test_tree.size);
    uint32_t u32 = 0;

    assert_non_null(b);
    memcpy(b, test_tree.data, test_tree.size);
    int cpus = fdt_path(b, "/cpus");
    assert_true(fdt_set_prop_u32(b, cpus, "timebase-frequency", 24000000));
    assert_true(fdt_prop_u32(b, cpus, "timebase-frequency", &u32));
    assert_int_equal(u32, 24000000);
    assert_int_equal(fdt_check(b, test_tree.size), 0);
    /* Not a one-cell property, or none: nothing written. */
    int mem = fdt_path(b, "/memory@80000000");
    assert_false(fdt_set_prop_u32(b, mem, "reg", 1));
    assert_false(fdt_set_prop_u32(b, cpus, "missing", 1));
    assert_memory_equal(b + test_tree.size - 64,
                        (const uint8_t *)test_tree.data + test_tree.size - 64,
                        64);
    free(b);
}

static void test_malformed_structure(void **state)
{
    (void)state;
    assert_int_equal(check_corrupted(corrupt_unknown_token),
                     FDT_ERR_BADSTRUCTURE);
    assert_int_equal(check_corrupted(corrupt_missing_end),
                     FDT_ERR_BADSTRUCTURE);
    assert_int_equal(check_corrupted(corrupt_unbalanced_end_node),
                     FDT_ERR_BADSTRUCTURE);
    assert_int_equal(check_corrupted(corrupt_node_name_unterminated),
                     FDT_ERR_BADSTRUCTURE);
    assert_int_equal(check_corrupted(corrupt_prop_after_subnode),
                     FDT_ERR_BADSTRUCTURE);
    assert_int_equal(check_corrupted(corrupt_second_root),
                     FDT_ERR_BADSTRUCTURE);
    assert_int_equal(check_corrupted(corrupt_extra_end_node),
                     FDT_ERR_BADSTRUCTURE);
    assert_int_equal(check_corrupted(corrupt_end_inside_node),
                     FDT_ERR_BADSTRUCTURE);
    assert_int_equal(check_corrupted(corrupt_struct_ends_in_prop_header),
                     FDT_ERR_BADSTRUCTURE);

    /* Accessors refuse the same damage when fdt_check was skipped. */
    uint8_t *b = copy_of(&tiny);
    int node = fdt_path(b, "/node@10");
    int len = 0;
    corrupt_node_name_unterminated(b, tiny.size);
    assert_null(fdt_node_name(b, node));

    memcpy(b, tiny.data, tiny.size);
    corrupt_struct_ends_in_prop_header(b, tiny.size);
    assert_null(fdt_prop(b, node, "value", &len));
    assert_int_equal(len, FDT_ERR_BADSTRUCTURE);
    assert_non_null(fdt_prop(b, node, "reg", &len)); /* still intact */
    free(b);
}

/*
 * Deterministic mini-fuzz: every byte of the blob set to each of a few
 * values (tokens, 0, 0xff, high bit). fdt_check must return
 * without crashing. Blobs it accepts are run through every accessor; so
 * are rejected ones whose totalsize still fits the buffer when
 * exercise_rejected is set (defence in depth for callers that skip
 * fdt_check; costly on big blobs, hence optional).
 */
static void fuzz_blob(const struct blob *src, const uint8_t *values,
                      size_t n_values, bool exercise_rejected)
{
    for (size_t pos = 0; pos < src->size; pos++) {
        for (size_t v = 0; v < n_values; v++) {
            if (src->data[pos] == values[v])
                continue;
            uint8_t *b = copy_of(src);
            b[pos] = values[v];
            int err = fdt_check(b, src->size);
            assert_true(err <= 0);
            if (err == 0 ||
                (exercise_rejected && get_be32(b + HDR_TOTALSIZE) <= src->size))
                exercise_all(b);
            free(b);
        }
    }
}

static void test_fuzz_single_byte_corruption(void **state)
{
    (void)state;
    static const uint8_t all[] = {0x00, 0x01, 0x02, 0x03, 0x04,
                                  0x09, 0x7f, 0x80, 0xff};
    static const uint8_t few[] = {0x00, 0xff}; /* keeps the run short */

    fuzz_blob(&tiny, all, sizeof(all), true);
    fuzz_blob(&tiny_v16, all, sizeof(all), true);
    fuzz_blob(&test_tree, few, sizeof(few), false);
}

int main(int argc, char **argv)
{
    data_dir = argc > 1 ? argv[1] : getenv("FDT_TEST_DATA_DIR");
    if (data_dir == NULL) {
        fprintf(stderr, "usage: %s DTB_DIR (or set FDT_TEST_DATA_DIR)\n",
                argv[0]);
        return 2;
    }

    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_be_decoding_is_host_independent),
        cmocka_unit_test(test_check_accepts_fixtures),
        cmocka_unit_test(test_walk_visits_nodes_in_order),
        cmocka_unit_test(test_set_prop_u32_in_place),
        cmocka_unit_test(test_walk_counts_whole_tree),
        cmocka_unit_test(test_walk_stops_at_end_of_subtree),
        cmocka_unit_test(test_subnode_matches_names),
        cmocka_unit_test(test_path_lookup),
        cmocka_unit_test(test_parent),
        cmocka_unit_test(test_prop_values),
        cmocka_unit_test(test_prop_integers),
        cmocka_unit_test(test_prop_strings),
        cmocka_unit_test(test_stringlist),
        cmocka_unit_test(test_status),
        cmocka_unit_test(test_reg_decoding),
        cmocka_unit_test(test_mem_rsv),
        cmocka_unit_test(test_memory_regions),
        cmocka_unit_test(test_reserved_regions),
        cmocka_unit_test(test_cpu_harts),
        cmocka_unit_test(test_timebase),
        cmocka_unit_test(test_cpu_isa),
        cmocka_unit_test(test_version_16_blob),
        cmocka_unit_test(test_unaligned_blob),
        cmocka_unit_test(test_strerror),
        cmocka_unit_test(test_bad_offsets),
        cmocka_unit_test(test_misaligned_offset_is_not_a_node),
        cmocka_unit_test(test_bad_magic),
        cmocka_unit_test(test_bad_version),
        cmocka_unit_test(test_truncated_blob),
        cmocka_unit_test(test_totalsize_larger_than_buffer),
        cmocka_unit_test(test_block_offsets_out_of_range),
        cmocka_unit_test(test_rsvmap_unterminated),
        cmocka_unit_test(test_unterminated_property_name),
        cmocka_unit_test(test_property_len_past_end),
        cmocka_unit_test(test_malformed_structure),
        cmocka_unit_test(test_fuzz_single_byte_corruption),
    };
    return cmocka_run_group_tests(tests, load_fixtures, free_fixtures);
}
