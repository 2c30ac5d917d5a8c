/* SPDX-License-Identifier: Apache-2.0 */
/* AIA register checks on QEMU (M-mode: -bios none; S-mode: -DSMODE, under OpenSBI). */
typedef unsigned long u64;
typedef unsigned int u32;
#define csrr_(csr) ({ u64 __v; asm volatile("li %0, -1\n\tcsrr %0, " #csr : "=&r"(__v) :: "memory"); __v; })
#define csrw_(csr, v) asm volatile("csrw " #csr ", %0" :: "r"((u64)(v)) : "memory")
#define csrs_(csr, v) asm volatile("csrs " #csr ", %0" :: "r"((u64)(v)) : "memory")
#define csrc_(csr, v) asm volatile("csrc " #csr ", %0" :: "r"((u64)(v)) : "memory")
#define csrrw0_(csr) ({ u64 __v; asm volatile("li %0, -1\n\tcsrrw %0, " #csr ", x0" : "=&r"(__v) :: "memory"); __v; })
#define csrr(c) csrr_(c)
#define csrw(c, v) csrw_(c, v)
#define csrs(c, v) csrs_(c, v)
#define csrc(c, v) csrc_(c, v)
#define csrrw0(c) csrrw0_(c)
#ifdef SMODE
#define mie 0x604   /* hie */
#define mip 0x644   /* hip */
#endif

static inline u32 rd32(u64 a) { u32 v = 0xdeadbeef; asm volatile("lw %0, 0(%1)" : "+r"(v) : "r"(a) : "memory"); return v; }
static inline void wr32(u64 a, u32 v) { asm volatile("sw %0, 0(%1)" :: "r"(v), "r"(a) : "memory"); }
static inline unsigned char rd8(u64 a) { return *(volatile unsigned char *)a; }
static inline void wr8(u64 a, unsigned char v) { *(volatile unsigned char *)a = v; }

#define UART 0x10000000UL
volatile u64 ntraps, last_cause, last_tval;

#ifdef SMODE
static long sbi(long eid, long fid, long a0, long a1, long a2) {
    register long r0 asm("a0") = a0, r1 asm("a1") = a1, r2 asm("a2") = a2;
    register long r6 asm("a6") = fid, r7 asm("a7") = eid;
    asm volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r2), "r"(r6), "r"(r7) : "memory");
    return r0;
}
static void putc_(char c) { sbi(1, 0, c, 0, 0); }
#else
static void putc_(char c) { while (!(rd8(UART + 5) & 0x20)) ; wr8(UART, c); }
#endif
static void puts_(const char *s) { while (*s) { if (*s == '\n') putc_('\r'); putc_(*s++); } }
static void puthex(u64 v) { puts_("0x"); int st = 0; for (int i = 60; i >= 0; i -= 4) { int d = (v >> i) & 15; if (d || st || i == 0) { st = 1; putc_("0123456789abcdef"[d]); } } }

/* buffered log: nothing is printed while the UART interrupt is enabled */
#define NLOG 128
static const char *lname[NLOG]; static u64 lval[NLOG]; static u64 ltrap[NLOG]; static int nlog;
static u64 tr0;
static void T(void) { tr0 = ntraps; }
static void rec(const char *n, u64 v) { if (nlog < NLOG) { lname[nlog] = n; lval[nlog] = v; ltrap[nlog] = (ntraps != tr0) ? (last_cause | (1UL << 63)) : 0; nlog++; } tr0 = ntraps; }
static void flush(void) {
    for (int i = 0; i < nlog; i++) {
        puts_("  "); puts_(lname[i]); puts_(" = ");
        if (ltrap[i]) { puts_("TRAP cause "); puthex(ltrap[i] & ~(1UL << 63)); }
        else puthex(lval[i]);
        puts_("\n");
    }
    nlog = 0;
}

void trap_c(void) {
#ifdef SMODE
    u64 epc = csrr(sepc); last_cause = csrr(scause); last_tval = csrr(stval);
#else
    u64 epc = csrr(0x341); last_cause = csrr(0x342); last_tval = csrr(0x343);
#endif
    if ((long)last_cause < 0) { puts_("unexpected interrupt "); puthex(last_cause); puts_("\n"); for (;;) ; }
    unsigned short ins = *(volatile unsigned short *)epc;
    epc += ((ins & 3) == 3) ? 4 : 2;
    ntraps++;
#ifdef SMODE
    csrw(sepc, epc);
#else
    csrw(0x341, epc);
#endif
}

/* CSR numbers */
/* hstatus 0x600 hideleg 0x603 hie 0x604 hgeie 0x607 hvien 0x608 hvictl 0x609 hvip 0x645 hgeip 0xE12
   vsie 0x204 vsip 0x244 vsiselect 0x250 vsireg 0x251 vstopei 0x25C vstopi 0xEB0 */
#define IMSIC_S 0x28000000UL
#define APLIC_M 0x0c000000UL
#define APLIC_S 0x0d000000UL
#define DOMAINCFG 0x0
#define SOURCECFG(i) (4UL * (i))
#define MMSIADDRCFG 0x1bc0
#define MMSIADDRCFGH 0x1bc4
#define SMSIADDRCFG 0x1bc8
#define SMSIADDRCFGH 0x1bcc
#define SETIP0 0x1c00
#define SETIPNUM 0x1cdc
#define IN_CLRIP0 0x1d00
#define SETIE0 0x1e00
#define SETIENUM 0x1edc
#define CLRIENUM 0x1fdc
#define SETIPNUM_LE 0x2000
#define TARGET(i) (0x3000UL + 4UL * (i))
#define IDC0 0x4000UL

static void vsi_w(u64 sel, u64 v) { csrw(0x250, sel); csrw(0x251, v); }
static u64 vsi_r(u64 sel) { csrw(0x250, sel); return csrr(0x251); }
static int popc(u64 v) { int n = 0; while (v) { n += v & 1; v >>= 1; } return n; }
static int geilen, gbits;

static void t1_t2(void) {
    puts_("T1/T2 GEILEN and VGEIN\n");
    T(); csrw(0x607, -1UL); u64 h = csrr(0x607); rec("T1 hgeie after writing ~0", h); csrw(0x607, 0);
    geilen = (h == -1UL) ? 0 : popc(h);
    gbits = 0; while ((1 << gbits) < geilen + 1) gbits++;
    T(); u64 hs = csrr(0x600); csrw(0x600, (hs & ~(0x3fUL << 12)) | (63UL << 12));
    rec("T2 hstatus.VGEIN after writing 63", (csrr(0x600) >> 12) & 0x3f); csrw(0x600, hs & ~(0x3fUL << 12));
    #ifndef SMODE
    T(); rec("mideleg", csrr(0x303));
#endif
    T(); csrw(0x603, -1UL); rec("hideleg after writing ~0", csrr(0x603)); csrw(0x603, 0);
    T(); csrw(0x608, -1UL); rec("hvien after writing ~0", csrr(0x608)); csrw(0x608, 0);
    T(); rec("hgeip", csrr(0xE12));
    T(); rec("mstateen0 (Smstateen?)", csrr(0x30C));
    T(); rec("hstateen0", csrr(0x60C));
    T(); rec("stopi", csrr(0xDB0));
    flush();
    puts_("  GEILEN = "); puthex(geilen); puts_(" guest-index-bits = "); puthex(gbits); puts_("\n");
}

static void t3(void) {
    puts_("T3 vstopi with VGEIN=0\n");
    u64 hs = csrr(0x600); csrw(0x600, hs & ~(0x3fUL << 12));
    csrw(0x603, 1UL << 10);          /* hideleg.VSEI */
    csrs(mie, 1UL << 10);            /* hie/mie.VSEIE */
    csrw(0x609, 0); csrw(0x645, 1UL << 10);
    T(); rec("T3 mip (hvip.VSEIP=1, hideleg=VSEI, mie.VSEIE)", csrr(mip));
    T(); rec("T3 vsip", csrr(0x244));
    T(); rec("T3 vsie", csrr(0x204));
    T(); rec("T3 vstopi VGEIN=0 hvictl=0 hvip.VSEIP=1 (spec 0x90001)", csrr(0xEB0));
    csrw(0x609, (9UL << 16) | 1);
    T(); rec("T3 vstopi hvictl=IID9/IPRIO1 hvip.VSEIP=1 (spec 0x90001)", csrr(0xEB0));
    csrw(0x645, 0);
    T(); rec("T3b vstopi hvictl=IID9/IPRIO1 hvip.VSEIP=0 (spec 0)", csrr(0xEB0));
    T(); rec("T3b mip", csrr(mip));
    csrw(0x609, (9UL << 16) | (1UL << 8) | 5);
    T(); rec("T3c vstopi hvictl=IID9/IPRIOM/IPRIO5 hvip.VSEIP=0 (spec 0)", csrr(0xEB0));
    csrw(0x645, 1UL << 10);
    T(); rec("T3c vstopi hvictl=IID9/IPRIOM/IPRIO5 hvip.VSEIP=1 (spec 0x90005)", csrr(0xEB0));
    csrw(0x609, 0);
    csrw(0x603, 0);
    T(); rec("T3d vstopi hideleg=0 hvictl=0 hvip.VSEIP=1 (spec 0: vsie.SEIE reads 0)", csrr(0xEB0));
    csrw(0x645, 0); csrc(mie, 1UL << 10);
    flush();
}

static void set_vgein(int g) { u64 hs = csrr(0x600); csrw(0x600, (hs & ~(0x3fUL << 12)) | ((u64)g << 12)); }
static u64 my_hart;
static u64 file(int g) { return IMSIC_S + (my_hart << (gbits + 12)) + ((u64)g << 12); }

static void t4(void) {
    puts_("T4 guest interrupt file round trip (hart 0)\n");
    csrw(0x603, 1UL << 10); csrs(mie, 1UL << 10);
    set_vgein(1); csrw(0x607, 0);
    vsi_w(0x70, 1); vsi_w(0x72, 0); vsi_w(0xC0, (1UL << 5) | (1UL << 7) | (1UL << 9));
    T(); rec("T4 eidelivery file1", vsi_r(0x70));
    T(); rec("T4 eie0 file1", vsi_r(0xC0));
    wr32(file(1), 5);
    T(); rec("T4 hgeip after MSI 5 to guest file 1", csrr(0xE12));
    T(); rec("T4 eip0", vsi_r(0x80));
    T(); rec("T4 vstopei", csrr(0x25C));
    T(); rec("T4 vstopi", csrr(0xEB0));
    T(); rec("T4 mip (hgeie=0)", csrr(mip));
    csrw(0x607, 2);
    T(); rec("T4 mip (hgeie=2)", csrr(mip));
    csrw(0x607, 0);
    T(); rec("T4 csrrw vstopei,x0 (claim)", csrrw0(0x25C));
    T(); rec("T4 hgeip after claim", csrr(0xE12));
    T(); rec("T4 mip after claim", csrr(mip));
    if (geilen >= 2) {
        set_vgein(2);
        T(); rec("T4 VGEIN=2 vstopei", csrr(0x25C));
        wr32(file(2), 6);
        T(); rec("T4 hgeip after MSI 6 to file 2 (eidelivery/eie 0)", csrr(0xE12));
        T(); rec("T4 file2 eip0", vsi_r(0x80));
        vsi_w(0x80, 0);
        set_vgein(1);
    }
    puts_("T4b vsireg range checks (VGEIN=1)\n");
    T(); rec("T4b eip6 (0x86)", vsi_r(0x86));
    T(); rec("T4b eip8 (0x88)", vsi_r(0x88));
    T(); rec("T4b eie8 (0xC8)", vsi_r(0xC8));
    T(); rec("T4b eip62 (0xBE)", vsi_r(0xBE));
    T(); rec("T4b eip1 (0x81, odd on RV64)", vsi_r(0x81));
    T(); rec("T4b iprio0 (0x30)", vsi_r(0x30));
    T(); rec("T4b vsiselect 0x71 (reserved)", vsi_r(0x71));
    set_vgein(0);
    T(); rec("T4b VGEIN=0 vstopei", csrr(0x25C));
    T(); rec("T4b VGEIN=0 eidelivery (0x70)", vsi_r(0x70));
    set_vgein(1);
    csrc(mie, 1UL << 10); csrw(0x603, 0);
    flush();
}

static int nsources(u64 base, u32 val) {
    int n = 0;
    for (int i = 1; i < 1024; i++) { wr32(base + SOURCECFG(i), val); if (rd32(base + SOURCECFG(i))) n = i; wr32(base + SOURCECFG(i), 0); }
    return n;
}

static void claim_all(const char *n) { u64 c = csrrw0(0x25C); rec(n, c); }

static void t5(void) {
    puts_("T5 APLIC MSI mode, UART source 10 -> hart 0 guest file 1 EIID 7\n");
    csrw(0x603, 1UL << 10);
    set_vgein(1);
#ifndef SMODE
    T(); rec("M domaincfg initial", rd32(APLIC_M + DOMAINCFG));
    rec("M sources implemented (write Edge1, highest nonzero)", nsources(APLIC_M, 4));
    wr32(APLIC_M + MMSIADDRCFG, 0x24000); wr32(APLIC_M + MMSIADDRCFGH, 0);
    wr32(APLIC_M + SMSIADDRCFG, 0x28000); wr32(APLIC_M + SMSIADDRCFGH, (u32)gbits << 20);
    T(); rec("M mmsiaddrcfg", rd32(APLIC_M + MMSIADDRCFG));
    T(); rec("M mmsiaddrcfgh", rd32(APLIC_M + MMSIADDRCFGH));
    T(); rec("M smsiaddrcfg", rd32(APLIC_M + SMSIADDRCFG));
    T(); rec("M smsiaddrcfgh", rd32(APLIC_M + SMSIADDRCFGH));
    wr32(APLIC_M + DOMAINCFG, 0x104);
    T(); rec("M domaincfg after IE|DM", rd32(APLIC_M + DOMAINCFG));
    wr32(APLIC_M + SOURCECFG(10), 0x400);
    T(); rec("M sourcecfg[10] after D", rd32(APLIC_M + SOURCECFG(10)));
#else
    T(); rec("M domaincfg read from S (expect access fault)", rd32(APLIC_M + DOMAINCFG));
    T(); rec("M IMSIC 0x24000000 read from S (expect access fault)", rd32(0x24000000UL));
#endif
    T(); rec("S domaincfg initial", rd32(APLIC_S + DOMAINCFG));
    wr32(APLIC_S + DOMAINCFG, 0x100);
    T(); rec("S domaincfg after writing IE only (DM=0)", rd32(APLIC_S + DOMAINCFG));
    wr32(APLIC_S + DOMAINCFG, 0x104);
    T(); rec("S domaincfg after IE|DM", rd32(APLIC_S + DOMAINCFG));
    T(); rec("S sourcecfg[10] initial", rd32(APLIC_S + SOURCECFG(10)));
    wr32(APLIC_S + SOURCECFG(10), 6);
    T(); rec("S sourcecfg[10] after Level1", rd32(APLIC_S + SOURCECFG(10)));
    wr32(APLIC_S + TARGET(10), ((u32)my_hart << 18) | (1u << 12) | 7);
    T(); rec("S target[10] after hart0|guest1|EIID7", rd32(APLIC_S + TARGET(10)));
    wr32(APLIC_S + TARGET(10), ((u32)my_hart << 18) | (7u << 12) | 7);
    T(); rec("S target[10] after guest 7 (WLRL, GEILEN)", rd32(APLIC_S + TARGET(10)));
    wr32(APLIC_S + TARGET(10), ((u32)my_hart << 18) | (1u << 12) | 7);
    vsi_w(0x70, 1); vsi_w(0x72, 0); vsi_w(0xC0, (1UL << 5) | (1UL << 7) | (1UL << 9)); vsi_w(0x80, 0);
    wr32(APLIC_S + SETIENUM, 10);
    T(); rec("S setie[0]", rd32(APLIC_S + SETIE0));
    flush();
    /* --- no printing from here until IER=0 --- */
    wr8(UART + 1, 0x02);
    T(); rec("IER=ETBEI: S in_clrip[0]", rd32(APLIC_S + IN_CLRIP0));
    T(); rec("IER=ETBEI: hgeip", csrr(0xE12));
    T(); rec("IER=ETBEI: vstopei", csrr(0x25C));
    claim_all("claim");
    T(); rec("after claim: hgeip", csrr(0xE12));
    T(); rec("after claim: S setip[0]", rd32(APLIC_S + SETIP0));
    wr32(APLIC_S + SETIPNUM_LE, 10);
    T(); rec("input high, setipnum_le=10: hgeip (spec: MSI again)", csrr(0xE12));
    claim_all("claim");
    wr8(UART + 1, 0x00);
    T(); rec("IER=0: S in_clrip[0]", rd32(APLIC_S + IN_CLRIP0));
    T(); rec("IER=0: S setip[0]", rd32(APLIC_S + SETIP0));
    T(); rec("IER=0: hgeip", csrr(0xE12));
    wr32(APLIC_S + SETIPNUM_LE, 10);
    T(); rec("Q1 input low, setipnum_le=10: hgeip (spec: 0)", csrr(0xE12));
    T(); rec("Q1 input low, setipnum_le=10: S setip[0] (spec 0)", rd32(APLIC_S + SETIP0));
    claim_all("Q1 claim (spec 0)");
    wr32(APLIC_S + SETIPNUM, 10);
    T(); rec("Q1 input low, setipnum=10: hgeip (spec 0)", csrr(0xE12));
    claim_all("Q1 claim (spec 0)");
    wr32(APLIC_S + SETIP0, 1u << 10);
    T(); rec("Q1 input low, setip[0]=bit10: hgeip (spec 0)", csrr(0xE12));
    claim_all("Q1 claim (spec 0)");
    /* Level0 (7): input low means rectified high */
    wr32(APLIC_S + SOURCECFG(10), 7); wr32(APLIC_S + SETIENUM, 10);
    T(); rec("Level0, input low (rectified high): hgeip (spec: MSI)", csrr(0xE12));
    claim_all("claim");
    /* Edge1 */
    wr32(APLIC_S + SOURCECFG(10), 4); wr32(APLIC_S + SETIENUM, 10);
    T(); rec("Edge1 setup: hgeip", csrr(0xE12));
    claim_all("claim");
    wr8(UART + 1, 0x02);
    T(); rec("T5e Edge1 rising edge: hgeip (spec MSI)", csrr(0xE12));
    claim_all("claim (spec 7)");
    wr32(APLIC_S + SETIPNUM_LE, 10);
    T(); rec("T5e Edge1 setipnum_le=10: hgeip (spec MSI)", csrr(0xE12));
    claim_all("claim (spec 7)");
    /* Q2: sourcecfg write with the input already high */
    wr32(APLIC_S + SOURCECFG(10), 0);
    wr32(APLIC_S + SOURCECFG(10), 6); wr32(APLIC_S + TARGET(10), ((u32)my_hart << 18) | (1u << 12) | 7); wr32(APLIC_S + SETIENUM, 10);
    T(); rec("Q2 Level1 written while input high: hgeip (7.2.15 fix: MSI)", csrr(0xE12));
    claim_all("claim");
    wr8(UART + 1, 0x00);
    wr32(APLIC_S + CLRIENUM, 10); wr32(APLIC_S + SOURCECFG(10), 0);
    flush();
    csrw(0x603, 0);
}

/* direct mode (aia=aplic) */
static void td(void) {
    puts_("TD APLIC direct mode, UART source 10 -> hart 0 IDC\n");
#ifndef SMODE
    T(); rec("M domaincfg initial", rd32(APLIC_M + DOMAINCFG));
    rec("M sources implemented", nsources(APLIC_M, 4));
    wr32(APLIC_M + DOMAINCFG, 0x100);
    T(); rec("M domaincfg after IE", rd32(APLIC_M + DOMAINCFG));
    wr32(APLIC_M + SOURCECFG(10), 0x400);
#endif
    T(); rec("S domaincfg initial", rd32(APLIC_S + DOMAINCFG));
    wr32(APLIC_S + DOMAINCFG, 0x104);
    T(); rec("S domaincfg after IE|DM (DM RO 0?)", rd32(APLIC_S + DOMAINCFG));
    wr32(APLIC_S + DOMAINCFG, 0x100);
    wr32(APLIC_S + SOURCECFG(10), 6);
    wr32(APLIC_S + TARGET(10), 0xff);
    T(); rec("S target[10] after IPRIO 0xff (IPRIOLEN mask)", rd32(APLIC_S + TARGET(10)));
    wr32(APLIC_S + TARGET(10), 0);
    T(); rec("S target[10] after IPRIO 0 (spec -> 1)", rd32(APLIC_S + TARGET(10)));
    wr32(APLIC_S + TARGET(10), 1);
    wr32(APLIC_S + IDC0 + 0x00, 1); wr32(APLIC_S + IDC0 + 0x08, 0);
    wr32(APLIC_S + SETIENUM, 10);
    flush();
    wr8(UART + 1, 0x02);
    T(); rec("IER=ETBEI: in_clrip[0]", rd32(APLIC_S + IN_CLRIP0));
    T(); rec("IER=ETBEI: topi", rd32(APLIC_S + IDC0 + 0x18));
    T(); rec("IER=ETBEI: mip", csrr(mip));
    T(); rec("claimi", rd32(APLIC_S + IDC0 + 0x1c));
    T(); rec("topi after claimi (level, input high: spec still pending)", rd32(APLIC_S + IDC0 + 0x18));
    wr8(UART + 1, 0x00);
    T(); rec("IER=0: topi", rd32(APLIC_S + IDC0 + 0x18));
    T(); rec("IER=0: mip", csrr(mip));
    wr32(APLIC_S + SETIPNUM, 10);
    T(); rec("input low, setipnum=10: topi (spec 0)", rd32(APLIC_S + IDC0 + 0x18));
    T(); rec("claimi", rd32(APLIC_S + IDC0 + 0x1c));
    wr32(APLIC_S + CLRIENUM, 10); wr32(APLIC_S + SOURCECFG(10), 0);
    flush();
}

#ifdef SMODE
extern char _start2[];
volatile u64 sec_state, sec_hgeip, sec_vstopei, sec_hartid;
void secondary(u64 hartid) {
    sec_hartid = hartid;
    set_vgein(1); csrw(0x607, 0);
    vsi_w(0x70, 1); vsi_w(0x72, 0); vsi_w(0xC0, 1UL << 7); vsi_w(0x80, 0);
    __atomic_store_n(&sec_state, 1, __ATOMIC_SEQ_CST);
    while (__atomic_load_n(&sec_state, __ATOMIC_SEQ_CST) != 2) ;
    sec_hgeip = csrr(0xE12); sec_vstopei = csrrw0(0x25C);
    __atomic_store_n(&sec_state, 3, __ATOMIC_SEQ_CST);
    for (;;) asm volatile("wfi");
}
static u32 be32(u64 a) { volatile unsigned char *p = (volatile unsigned char *)a; return ((u32)p[0] << 24) | ((u32)p[1] << 16) | ((u32)p[2] << 8) | p[3]; }
static void fdt_dump(u64 fdt) {
    u32 magic = be32(fdt), size = be32(fdt + 4);
    puts_("FDT at "); puthex(fdt); puts_(" magic "); puthex(magic); puts_(" size "); puthex(size); puts_("\n");
    if (magic != 0xd00dfeed || size > 0x100000) return;
    puts_("FDTHEX-BEGIN\n");
    for (u32 i = 0; i < size; i++) { unsigned char b = *(volatile unsigned char *)(fdt + i); putc_("0123456789abcdef"[b >> 4]); putc_("0123456789abcdef"[b & 15]); if ((i & 63) == 63) putc_('\n'); }
    puts_("\nFDTHEX-END\n");
}
int main(u64 hartid, u64 fdt) {
    my_hart = hartid;
    puts_("S-mode payload under OpenSBI, hart "); puthex(hartid); puts_("\n");
    fdt_dump(fdt);
    t1_t2();
    t3();
    if (geilen >= 1) { t4(); t5(); }
    /* the other hart's guest file 1, through OpenSBI's smsiaddrcfg */
    u64 other = hartid ^ 1;
    long r = sbi(0x48534D, 0, other, (long)_start2, 0);
    puts_("HSM hart_start other hart "); puthex(other); puts_(" ret "); puthex(r); puts_("\n");
    if (r == 0 && geilen >= 1) {
        while (__atomic_load_n(&sec_state, __ATOMIC_SEQ_CST) != 1) ;
        wr32(APLIC_S + DOMAINCFG, 0x104);
        wr32(APLIC_S + SOURCECFG(10), 6);
        wr32(APLIC_S + TARGET(10), ((u32)other << 18) | (1u << 12) | 7);
        rec("S target[10] = other hart|guest1|EIID7", rd32(APLIC_S + TARGET(10)));
        wr32(APLIC_S + SETIENUM, 10);
        wr8(UART + 1, 0x02);
        for (volatile int i = 0; i < 100000; i++) ;
        wr8(UART + 1, 0x00);
        __atomic_store_n(&sec_state, 2, __ATOMIC_SEQ_CST);
        while (__atomic_load_n(&sec_state, __ATOMIC_SEQ_CST) != 3) ;
        wr32(APLIC_S + CLRIENUM, 10);
        rec("other hart: hgeip", sec_hgeip);
        rec("other hart: vstopei claim (spec 0x70007)", sec_vstopei);
        flush();
    }
    puts_("DONE\n");
    sbi(0x53525354, 0, 0, 0, 0);   /* SRST shutdown */
    for (;;) ;
}
#else
int main(void) {
    puts_("M-mode baremetal, misa "); puthex(csrr(misa)); puts_("\n");
    t1_t2();
    t3();
    wr32(APLIC_S + DOMAINCFG, 0x104);
    int msi = (rd32(APLIC_S + DOMAINCFG) & 4) != 0;
    wr32(APLIC_S + DOMAINCFG, 0);
    if (geilen >= 1 && msi) { t4(); t5(); }
    else if (!msi) td();
    puts_("DONE\n");
    wr32(0x100000, 0x5555);    /* sifive_test poweroff */
    for (;;) ;
}
#endif
