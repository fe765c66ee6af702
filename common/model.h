/*
 * model: the one file format for everything the suite learns or compiles
 * (txfix's lexicon, the NER model, the block classifier).  A file is
 *
 *	0	"TXMODEL\0"		magic
 *	8	u32 version		TXMODEL_VERSION (1 is read too)
 *	12	u32 nsections
 *	16	char producer[32]	the program that wrote it, NUL-padded
 *	48	char kind[32]		what it holds and its feature set, NUL-padded
 *	80	u64 size		of the whole file
 *	88	u64 checksum		of the file with this field zero: txhash
 *					of header and table, then txhash_wide
 *					(version 1: txhash) of each section
 *	96	nsections x { char name[16]; u64 offset; u64 length; }
 *		the sections in table order, each padded with zeros to a
 *		multiple of 8; the file ends with the last
 *
 * every integer little-endian whatever the host.  A file is mapped
 * read-only and checked whole before use: magic, version, size, checksum,
 * and every section inside the file; a section's own contents are its
 * reader's to check.  Nothing here prints.
 */
#ifndef TX_MODEL_H
#define TX_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TXMODEL_VERSION 2
#define TXMODEL_HEADER 96
#define TXMODEL_MAXSEC 16

enum {
	TXMODEL_OK = 0,
	TXMODEL_ESYS = -1,	/* open, stat or mmap failed: errno */
	TXMODEL_EFOREIGN = -2,	/* not a tx model file */
	TXMODEL_EVERSION = -3,	/* a version this code does not read */
	TXMODEL_EKIND = -4,	/* a tx model of another kind */
	TXMODEL_ETRUNC = -5,	/* shorter than its header says */
	TXMODEL_ECORRUPT = -6	/* checksum or section table wrong */
};

struct txmodel {
	const unsigned char *map;
	size_t size;
	uint32_t version, nsections;
	char producer[33], kind[33];
};

/*
 * Maps the model file path and checks it, and that its kind is kind.
 * Returns TXMODEL_OK with m ready, or a negative code with *why set to a
 * message (static storage; for TXMODEL_ESYS, strerror's) and m closed.
 */
int txmodel_open(struct txmodel *m, const char *path, const char *kind,
    const char **why);

/*
 * Section name of m: its bytes, *len long, aligned to 8, valid until
 * txmodel_close; NULL when m has no such section.
 */
const void *txmodel_section(const struct txmodel *m, const char *name,
    size_t *len);

void txmodel_close(struct txmodel *m);

/* A section to write. */
struct txmodel_sec {
	const char *name;	/* at most 15 bytes */
	const void *data;
	size_t len;
};

/*
 * Writes a model of kind, made by producer, with sections sec[0..n)
 * (n <= TXMODEL_MAXSEC) to fd, in large buffered writes.  Returns 0, or
 * -1 with errno set (EINVAL for a bad argument).
 */
int txmodel_write(int fd, const char *producer, const char *kind,
    const struct txmodel_sec *sec, size_t n);

/*
 * Little-endian fields, whatever the host; an f32 is an IEEE binary32
 * value stored as its bit pattern in a u32.  Inline: the lexicon and the
 * models read them in their inner loops, and compilers make each one load.
 */
static inline unsigned
txmodel_get16(const void *p)
{
	const unsigned char *b = p;

	return (unsigned)b[0] | (unsigned)b[1] << 8;
}

static inline uint32_t
txmodel_get32(const void *p)
{
	const unsigned char *b = p;

	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	    (uint32_t)b[3] << 24;
}

static inline uint64_t
txmodel_get64(const void *p)
{
	const unsigned char *b = p;

	return (uint64_t)txmodel_get32(b) | (uint64_t)txmodel_get32(b + 4) << 32;
}

static inline void
txmodel_put16(void *p, unsigned v)
{
	unsigned char *b = p;

	b[0] = (unsigned char)v;
	b[1] = (unsigned char)(v >> 8);
}

static inline void
txmodel_put32(void *p, uint32_t v)
{
	unsigned char *b = p;

	b[0] = (unsigned char)v;
	b[1] = (unsigned char)(v >> 8);
	b[2] = (unsigned char)(v >> 16);
	b[3] = (unsigned char)(v >> 24);
}

static inline void
txmodel_put64(void *p, uint64_t v)
{
	txmodel_put32(p, (uint32_t)v);
	txmodel_put32((unsigned char *)p + 4, (uint32_t)(v >> 32));
}

static inline float
txmodel_getf32(const void *p)
{
	uint32_t u = txmodel_get32(p);
	float x;

	memcpy(&x, &u, sizeof(x));
	return x;
}

static inline void
txmodel_putf32(void *p, float v)
{
	uint32_t u;

	memcpy(&u, &v, sizeof(u));
	txmodel_put32(p, u);
}

static inline double
txmodel_getf64(const void *p)
{
	uint64_t u = txmodel_get64(p);
	double x;

	memcpy(&x, &u, sizeof(x));
	return x;
}

static inline void
txmodel_putf64(void *p, double v)
{
	uint64_t u;

	memcpy(&u, &v, sizeof(u));
	txmodel_put64(p, u);
}

#endif
