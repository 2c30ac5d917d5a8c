// SPDX-License-Identifier: GPL-2.0
/*
 * baoipc: a byte-stream device over a Baobab shared-memory IPC window.
 *
 * The device tree node ("bao,ipcshmem") names a window of shared memory,
 * two channels inside it (the one the peer VM writes and the one this VM
 * writes), the interrupt the peer raises and the id for the notify
 * hypercall. Each channel is a single-producer single-consumer byte ring:
 * a 64-byte header (head, tail) followed by the data bytes. The device
 * /dev/baoipc<id> reads from the read channel and writes to the write
 * channel, like the two ends of a pipe. See README.md beside this file.
 */

#include <linux/compiler.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/kref.h>
#include <linux/minmax.h>
#include <linux/miscdevice.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#include <asm/barrier.h>
#include <asm/sbi.h>

#define BAOIPC_NAME "baoipc"

/*
 * The Bao hypercall ABI: SBI extension and the IPC notify function. The
 * SBI error (a0) is 0 when the hypervisor took the call; the hypercall's
 * own result, 0 or a negated Bao code, is in a1.
 */
#define BAO_HC_EXT 0x08000ba0
#define BAO_HC_IPC_NOTIFY 1
#define BAO_IPC_EVENT 0

/* The header at the start of each channel (little-endian, 64 bytes). */
struct baoipc_ring {
    __le32 head; /* next byte the writer fills; writer stores */
    __le32 tail; /* next byte the reader takes; reader stores */
    __le32 reserved[14];
    u8 data[]; /* cap bytes: channel size - 64 */
};

#define BAOIPC_HDR_SIZE 64
#define BAOIPC_NOTIFY_WARNED 0
static_assert(sizeof(struct baoipc_ring) == BAOIPC_HDR_SIZE);

struct baoipc_chan {
    struct baoipc_ring *ring;
    u32 cap;
};

struct baoipc {
    struct kref ref;
    struct device *dev; /* reference held until the last put */
    void *base;         /* the whole window, write-back mapping */
    u32 id;
    int irq;
    struct baoipc_chan rx; /* read-channel: the peer writes it */
    struct baoipc_chan tx; /* write-channel: this VM writes it */
    wait_queue_head_t wq;  /* woken by the peer's notifications */
    struct mutex rd_lock;
    struct mutex wr_lock;
    bool gone;           /* the platform device was unbound */
    unsigned long flags; /* BAOIPC_NOTIFY_WARNED */
    char name[24];
    struct miscdevice misc;
};

/*
 * The channel's indices, checked: the peer can write anything into the
 * shared memory, so an index out of range is reported, not used.
 * Returns false (and warns once in a while) when the ring is corrupt.
 */
static bool baoipc_load(struct baoipc *ipc, struct baoipc_chan *ch, u32 *head,
                        u32 *tail)
{
    *head = le32_to_cpu(READ_ONCE(ch->ring->head));
    *tail = le32_to_cpu(READ_ONCE(ch->ring->tail));
    if (likely(*head < ch->cap && *tail < ch->cap))
        return true;
    dev_warn_ratelimited(
        ipc->dev, "%s channel corrupt: head %u tail %u capacity %u\n",
        ch == &ipc->rx ? "read" : "write", *head, *tail, ch->cap);
    return false;
}

static u32 baoipc_used(const struct baoipc_chan *ch, u32 head, u32 tail)
{
    return head >= tail ? head - tail : ch->cap - tail + head;
}

static u32 baoipc_free(const struct baoipc_chan *ch, u32 head, u32 tail)
{
    return ch->cap - 1 - baoipc_used(ch, head, tail);
}

/* Bytes the reader may take now; -EIO if the ring is corrupt. */
static long baoipc_rx_avail(struct baoipc *ipc)
{
    u32 head, tail;

    if (!baoipc_load(ipc, &ipc->rx, &head, &tail))
        return -EIO;
    return baoipc_used(&ipc->rx, head, tail);
}

/* Bytes the writer may put now; -EIO if the ring is corrupt. */
static long baoipc_tx_space(struct baoipc *ipc)
{
    u32 head, tail;

    if (!baoipc_load(ipc, &ipc->tx, &head, &tail))
        return -EIO;
    return baoipc_free(&ipc->tx, head, tail);
}

/* Raises the peer's interrupt; a failure is logged once per device. */
static void baoipc_notify(struct baoipc *ipc)
{
    struct sbiret ret;

    if (READ_ONCE(ipc->gone))
        return;
    ret = sbi_ecall(BAO_HC_EXT, BAO_HC_IPC_NOTIFY, ipc->id, BAO_IPC_EVENT, 0, 0,
                    0, 0);
    if (unlikely(ret.error || ret.value) &&
        !test_and_set_bit(BAOIPC_NOTIFY_WARNED, &ipc->flags))
        dev_warn(ipc->dev,
                 "notify hypercall (id %u) failed: SBI error %ld, result %ld; "
                 "continuing without notifications\n",
                 ipc->id, ret.error, ret.value);
}

static irqreturn_t baoipc_irq(int irq, void *data)
{
    struct baoipc *ipc = data;

    wake_up_interruptible_all(&ipc->wq);
    return IRQ_HANDLED;
}

static void baoipc_release_ref(struct kref *ref)
{
    struct baoipc *ipc = container_of(ref, struct baoipc, ref);

    memunmap(ipc->base);
    put_device(ipc->dev);
    kfree(ipc);
}

static void baoipc_put(struct baoipc *ipc)
{
    kref_put(&ipc->ref, baoipc_release_ref);
}

static int baoipc_open(struct inode *inode, struct file *file)
{
    /* misc_open() put the struct miscdevice in private_data. */
    struct baoipc *ipc = container_of(file->private_data, struct baoipc, misc);

    kref_get(&ipc->ref);
    file->private_data = ipc;
    return stream_open(inode, file);
}

static int baoipc_release(struct inode *inode, struct file *file)
{
    baoipc_put(file->private_data);
    return 0;
}

/* Takes @lock; with O_NONBLOCK it never sleeps (-EAGAIN when busy). */
static int baoipc_lock(struct file *file, struct mutex *lock)
{
    if (file->f_flags & O_NONBLOCK)
        return mutex_trylock(lock) ? 0 : -EAGAIN;
    return mutex_lock_interruptible(lock);
}

/*
 * Copies up to @count bytes from the read ring to user space and advances
 * tail. Returns the number of bytes copied (0 if the ring is empty), or
 * -EFAULT / -EIO.
 */
static ssize_t baoipc_rx_copy(struct baoipc *ipc, char __user *buf,
                              size_t count)
{
    struct baoipc_chan *ch = &ipc->rx;
    u32 head, tail, n, first, left;

    if (!baoipc_load(ipc, ch, &head, &tail))
        return -EIO;
    /* Order the load of head before the loads of the data it covers. */
    virt_rmb();
    n = min_t(size_t, count, baoipc_used(ch, head, tail));
    if (!n)
        return 0;
    first = min(n, ch->cap - tail);
    left = copy_to_user(buf, ch->ring->data + tail, first);
    if (!left && n > first)
        left = copy_to_user(buf + first, ch->ring->data, n - first);
    n -= left;
    if (!n)
        return -EFAULT;
    /* Finish reading the data before handing the space back. */
    virt_mb();
    WRITE_ONCE(ch->ring->tail, cpu_to_le32((tail + n) % ch->cap));
    return n;
}

static ssize_t baoipc_read(struct file *file, char __user *buf, size_t count,
                           loff_t *ppos)
{
    struct baoipc *ipc = file->private_data;
    ssize_t ret;
    long avail;

    if (!count)
        return 0;
    ret = baoipc_lock(file, &ipc->rd_lock);
    if (ret)
        return ret;
    for (;;) {
        if (READ_ONCE(ipc->gone)) {
            ret = -ENODEV;
            break;
        }
        avail = baoipc_rx_avail(ipc);
        if (avail < 0) {
            ret = avail;
            break;
        }
        if (avail) {
            ret = baoipc_rx_copy(ipc, buf, count);
            break;
        }
        if (file->f_flags & O_NONBLOCK) {
            ret = -EAGAIN;
            break;
        }
        ret = wait_event_interruptible(ipc->wq, READ_ONCE(ipc->gone) ||
                                                    baoipc_rx_avail(ipc) != 0);
        if (ret)
            break;
    }
    mutex_unlock(&ipc->rd_lock);
    /* Tell the peer: a writer waiting for space can go on. */
    if (ret > 0)
        baoipc_notify(ipc);
    return ret;
}

/*
 * Copies up to @count bytes from user space into the write ring and
 * advances head. Returns the number of bytes copied (0 if the ring is
 * full), or -EFAULT / -EIO.
 */
static ssize_t baoipc_tx_copy(struct baoipc *ipc, const char __user *buf,
                              size_t count)
{
    struct baoipc_chan *ch = &ipc->tx;
    u32 head, tail, n, first, left;

    if (!baoipc_load(ipc, ch, &head, &tail))
        return -EIO;
    /* The reader's load of the data precedes its store of tail. */
    virt_mb();
    n = min_t(size_t, count, baoipc_free(ch, head, tail));
    if (!n)
        return 0;
    first = min(n, ch->cap - head);
    left = copy_from_user(ch->ring->data + head, buf, first);
    if (!left && n > first)
        left = copy_from_user(ch->ring->data, buf + first, n - first);
    n -= left;
    if (!n)
        return -EFAULT;
    /* Publish the data before the head that covers it. */
    virt_wmb();
    WRITE_ONCE(ch->ring->head, cpu_to_le32((head + n) % ch->cap));
    return n;
}

static ssize_t baoipc_write(struct file *file, const char __user *buf,
                            size_t count, loff_t *ppos)
{
    struct baoipc *ipc = file->private_data;
    size_t done = 0;
    ssize_t ret;

    if (!count)
        return 0;
    ret = baoipc_lock(file, &ipc->wr_lock);
    if (ret)
        return ret;
    while (done < count) {
        cond_resched();
        if (READ_ONCE(ipc->gone)) {
            ret = -ENODEV;
            break;
        }
        ret = baoipc_tx_copy(ipc, buf + done, count - done);
        if (ret < 0)
            break;
        if (ret > 0) {
            done += ret;
            baoipc_notify(ipc);
            continue;
        }
        /* Full. */
        if (file->f_flags & O_NONBLOCK) {
            ret = -EAGAIN;
            break;
        }
        ret = wait_event_interruptible(ipc->wq, READ_ONCE(ipc->gone) ||
                                                    baoipc_tx_space(ipc) != 0);
        if (ret)
            break;
    }
    mutex_unlock(&ipc->wr_lock);
    return done ? done : ret;
}

static __poll_t baoipc_poll(struct file *file, poll_table *wait)
{
    struct baoipc *ipc = file->private_data;
    __poll_t mask = 0;
    long n;

    poll_wait(file, &ipc->wq, wait);
    if (READ_ONCE(ipc->gone))
        return EPOLLHUP | EPOLLERR;
    n = baoipc_rx_avail(ipc);
    if (n < 0)
        mask |= EPOLLERR;
    else if (n)
        mask |= EPOLLIN | EPOLLRDNORM;
    n = baoipc_tx_space(ipc);
    if (n < 0)
        mask |= EPOLLERR;
    else if (n)
        mask |= EPOLLOUT | EPOLLWRNORM;
    return mask;
}

static const struct file_operations baoipc_fops = {
    .owner = THIS_MODULE,
    .open = baoipc_open,
    .release = baoipc_release,
    .read = baoipc_read,
    .write = baoipc_write,
    .poll = baoipc_poll,
    .llseek = noop_llseek,
};

/* Reads a <offset size> channel property and checks it against the window. */
static int baoipc_chan_prop(struct device *dev, const char *prop,
                            resource_size_t win_size, u32 *off, u32 *size)
{
    u32 v[2];
    int ret;

    ret = of_property_read_u32_array(dev->of_node, prop, v, 2);
    if (ret) {
        dev_err(dev, "missing or malformed %s (<offset size>)\n", prop);
        return -EINVAL;
    }
    *off = v[0];
    *size = v[1];
    if (*size <= BAOIPC_HDR_SIZE) {
        dev_err(dev, "%s size %#x: must be more than %u bytes\n", prop, *size,
                BAOIPC_HDR_SIZE);
        return -EINVAL;
    }
    if ((u64)*off + *size > win_size) {
        dev_err(dev, "%s <%#x %#x> is outside the %#llx-byte window\n", prop,
                *off, *size, (u64)win_size);
        return -EINVAL;
    }
    if (*off % sizeof(u32)) {
        dev_err(dev, "%s offset %#x is not 4-byte aligned\n", prop, *off);
        return -EINVAL;
    }
    return 0;
}

static int baoipc_probe(struct platform_device *pdev)
{
    struct device *dev = &pdev->dev;
    u32 roff, rsize, woff, wsize, id;
    struct resource *res;
    struct baoipc *ipc;
    int irq, ret;

    res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
    if (!res) {
        dev_err(dev, "no reg: the shared-memory window is missing\n");
        return -EINVAL;
    }
    if (of_property_read_u32(dev->of_node, "id", &id)) {
        dev_err(dev, "missing id\n");
        return -EINVAL;
    }
    ret = baoipc_chan_prop(dev, "read-channel", resource_size(res), &roff,
                           &rsize);
    if (ret)
        return ret;
    ret = baoipc_chan_prop(dev, "write-channel", resource_size(res), &woff,
                           &wsize);
    if (ret)
        return ret;
    if ((u64)roff < (u64)woff + wsize && (u64)woff < (u64)roff + rsize) {
        dev_err(dev,
                "read-channel <%#x %#x> and write-channel <%#x %#x> overlap\n",
                roff, rsize, woff, wsize);
        return -EINVAL;
    }
    irq = platform_get_irq(pdev, 0);
    if (irq < 0)
        return irq;

    /*
     * The window is ordinary RAM that both VMs use: it is claimed so that
     * no other driver takes it, and mapped cacheable.
     */
    if (!devm_request_mem_region(dev, res->start, resource_size(res),
                                 dev_name(dev))) {
        dev_err(dev, "window %pR is busy\n", res);
        return -EBUSY;
    }

    ipc = kzalloc(sizeof(*ipc), GFP_KERNEL);
    if (!ipc)
        return -ENOMEM;
    kref_init(&ipc->ref);
    ipc->dev = get_device(dev);
    ipc->id = id;
    ipc->irq = irq;
    init_waitqueue_head(&ipc->wq);
    mutex_init(&ipc->rd_lock);
    mutex_init(&ipc->wr_lock);

    ipc->base = memremap(res->start, resource_size(res), MEMREMAP_WB);
    if (!ipc->base) {
        dev_err(dev, "cannot map the window %pR\n", res);
        put_device(dev);
        kfree(ipc);
        return -ENOMEM;
    }
    ipc->rx.ring = ipc->base + roff;
    ipc->rx.cap = rsize - BAOIPC_HDR_SIZE;
    ipc->tx.ring = ipc->base + woff;
    ipc->tx.cap = wsize - BAOIPC_HDR_SIZE;

    ret = request_irq(irq, baoipc_irq, 0, dev_name(dev), ipc);
    if (ret) {
        dev_err(dev, "cannot request interrupt %d: %d\n", irq, ret);
        goto err_put;
    }

    snprintf(ipc->name, sizeof(ipc->name), BAOIPC_NAME "%u", id);
    ipc->misc.minor = MISC_DYNAMIC_MINOR;
    ipc->misc.name = ipc->name;
    ipc->misc.fops = &baoipc_fops;
    ipc->misc.parent = dev;
    ipc->misc.mode = 0600;
    ret = misc_register(&ipc->misc);
    if (ret) {
        dev_err(dev, "cannot register /dev/%s: %d\n", ipc->name, ret);
        goto err_irq;
    }

    platform_set_drvdata(pdev, ipc);
    dev_info(dev,
             "/dev/%s: window %pR, read <%#x %#x>, write <%#x %#x>, irq %d\n",
             ipc->name, res, roff, rsize, woff, wsize, irq);
    return 0;

err_irq:
    free_irq(irq, ipc);
err_put:
    baoipc_put(ipc);
    return ret;
}

static void baoipc_remove(struct platform_device *pdev)
{
    struct baoipc *ipc = platform_get_drvdata(pdev);

    misc_deregister(&ipc->misc);
    /*
     * Files still open keep the structure and the mapping; their reads,
     * writes and waits end with -ENODEV (or the bytes already moved).
     */
    WRITE_ONCE(ipc->gone, true);
    free_irq(ipc->irq, ipc);
    wake_up_interruptible_all(&ipc->wq);
    baoipc_put(ipc);
}

static const struct of_device_id baoipc_of_match[] = {
    {.compatible = "bao,ipcshmem"}, {}};
MODULE_DEVICE_TABLE(of, baoipc_of_match);

static struct platform_driver baoipc_driver = {
    .probe = baoipc_probe,
    .remove = baoipc_remove,
    .driver =
        {
            .name = BAOIPC_NAME,
            .of_match_table = baoipc_of_match,
        },
};
module_platform_driver(baoipc_driver);

MODULE_DESCRIPTION("Baobab shared-memory IPC byte-stream device");
MODULE_LICENSE("GPL");
