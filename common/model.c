#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash.h"
#include "model.h"
#include "output.h"

#define MAGIC "TXMODEL\0"
#define SECSIZE 32

/*
 * The checksum: txhash chained over the header (its checksum field taken
 * as zero) and the section table, then over each section's bytes in
 * table order, by txhash_wide from version 2 (a 16 MB lexicon in a few
 * milliseconds), by txhash before.  The table must have been checked to
 * lie inside the file.
 */
static uint64_t
checksum(uint32_t version, const unsigned char *p, uint32_t nsec,
    const void *const data[], const uint64_t len[])
{
	static const unsigned char zero[8];
	uint64_t h;
	uint32_t i;

	h = txhash(p, 88, 0);
	h = txhash(zero, 8, h);
	h = txhash(p + TXMODEL_HEADER, (size_t)nsec * SECSIZE, h);
	for (i = 0; i < nsec; i++)
		h = version >= 2 ? txhash_wide(data[i], (size_t)len[i], h) :
		    txhash(data[i], (size_t)len[i], h);
	return h;
}

static void
copy_name(char *dst, const unsigned char *src, size_t n)
{
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static int
check(struct txmodel *m, const char *kind, const char **why)
{
	const unsigned char *p = m->map, *s;
	const void *data[TXMODEL_MAXSEC];
	uint64_t size, off, next, len[TXMODEL_MAXSEC];
	uint32_t i;

	*why = "not a tx model file";
	if (m->size < 16 || memcmp(p, MAGIC, 8) != 0)
		return TXMODEL_EFOREIGN;
	m->version = txmodel_get32(p + 8);
	*why = "a model file of another version (rebuild it, or update tx)";
	if (m->version < 1 || m->version > TXMODEL_VERSION)
		return TXMODEL_EVERSION;
	*why = "truncated model file";
	if (m->size < TXMODEL_HEADER)
		return TXMODEL_ETRUNC;
	m->nsections = txmodel_get32(p + 12);
	copy_name(m->producer, p + 16, 32);
	copy_name(m->kind, p + 48, 32);
	size = txmodel_get64(p + 80);
	if (size > m->size)
		return TXMODEL_ETRUNC;
	*why = "corrupt model file (size)";
	if (size < m->size || m->nsections > TXMODEL_MAXSEC ||
	    (uint64_t)TXMODEL_HEADER + (uint64_t)m->nsections * SECSIZE > size)
		return TXMODEL_ECORRUPT;
	/*
	 * Sections follow the table in its order, each padded with zeros to
	 * a multiple of 8, and the file ends with the last: no byte of it is
	 * left unchecked.
	 */
	*why = "corrupt model file (section table)";
	next = TXMODEL_HEADER + (uint64_t)m->nsections * SECSIZE;
	for (i = 0; i < m->nsections; i++) {
		s = p + TXMODEL_HEADER + (size_t)i * SECSIZE;
		off = txmodel_get64(s + 16);
		len[i] = txmodel_get64(s + 24);
		if (off != next || len[i] > size - off ||
		    memchr(s, '\0', 16) == NULL)
			return TXMODEL_ECORRUPT;
		data[i] = p + off;
		next = (off + len[i] + 7) / 8 * 8;
		if (next > size)
			return TXMODEL_ECORRUPT;
		for (off += len[i]; off < next; off++)
			if (p[off] != 0)
				return TXMODEL_ECORRUPT;
	}
	if (next != size)
		return TXMODEL_ECORRUPT;
	*why = "corrupt model file (checksum)";
	if (checksum(m->version, p, m->nsections, data, len) != txmodel_get64(p + 88))
		return TXMODEL_ECORRUPT;
	if (kind != NULL && strcmp(m->kind, kind) != 0) {
		*why = "a tx model of another kind";
		return TXMODEL_EKIND;
	}
	return TXMODEL_OK;
}

int
txmodel_open(struct txmodel *m, const char *path, const char *kind,
    const char **why)
{
	struct stat st;
	void *map;
	int fd, rc;

	memset(m, 0, sizeof(*m));
	if ((fd = open(path, O_RDONLY)) < 0) {
		*why = strerror(errno);
		return TXMODEL_ESYS;
	}
	if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		*why = strerror(S_ISDIR(st.st_mode) ? EISDIR : errno);
		close(fd);
		return TXMODEL_ESYS;
	}
	if (st.st_size == 0) {
		close(fd);
		*why = "not a tx model file (empty)";
		return TXMODEL_EFOREIGN;
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		*why = strerror(errno);
		return TXMODEL_ESYS;
	}
	m->map = map;
	m->size = (size_t)st.st_size;
	if ((rc = check(m, kind, why)) != TXMODEL_OK)
		txmodel_close(m);
	return rc;
}

const void *
txmodel_section(const struct txmodel *m, const char *name, size_t *len)
{
	const unsigned char *s;
	uint32_t i;

	for (i = 0; i < m->nsections; i++) {
		s = m->map + TXMODEL_HEADER + (size_t)i * SECSIZE;
		if (strncmp((const char *)s, name, 16) == 0) {
			*len = (size_t)txmodel_get64(s + 24);
			return m->map + txmodel_get64(s + 16);
		}
	}
	*len = 0;
	return NULL;
}

void
txmodel_close(struct txmodel *m)
{
	if (m->map != NULL)
		munmap((void *)(uintptr_t)m->map, m->size);
	m->map = NULL;
	m->size = 0;
	m->nsections = 0;
}

int
txmodel_write(int fd, const char *producer, const char *kind,
    const struct txmodel_sec *sec, size_t n)
{
	static const unsigned char pad[8];
	unsigned char hdr[TXMODEL_HEADER + TXMODEL_MAXSEC * SECSIZE], *s;
	const void *data[TXMODEL_MAXSEC];
	uint64_t len[TXMODEL_MAXSEC], off;
	size_t i, tab;
	struct txout w;
	int rc;

	if (n > TXMODEL_MAXSEC || strlen(producer) > 32 || strlen(kind) > 32) {
		errno = EINVAL;
		return -1;
	}
	memset(hdr, 0, sizeof(hdr));
	memcpy(hdr, MAGIC, 8);
	txmodel_put32(hdr + 8, TXMODEL_VERSION);
	txmodel_put32(hdr + 12, (uint32_t)n);
	memcpy(hdr + 16, producer, strlen(producer));
	memcpy(hdr + 48, kind, strlen(kind));
	tab = TXMODEL_HEADER + n * SECSIZE;
	off = tab;
	for (i = 0; i < n; i++) {
		s = hdr + TXMODEL_HEADER + i * SECSIZE;
		if (strlen(sec[i].name) > 15 || (sec[i].data == NULL && sec[i].len > 0)) {
			errno = EINVAL;
			return -1;
		}
		memcpy(s, sec[i].name, strlen(sec[i].name));
		txmodel_put64(s + 16, off);
		txmodel_put64(s + 24, sec[i].len);
		data[i] = sec[i].data != NULL ? sec[i].data : pad;
		len[i] = sec[i].len;
		off = (off + sec[i].len + 7) / 8 * 8;
	}
	txmodel_put64(hdr + 80, off);
	txmodel_put64(hdr + 88, checksum(TXMODEL_VERSION, hdr, (uint32_t)n, data, len));
	if (txout_init(&w, fd) != 0)
		return -1;
	/* the table is 32 bytes a section after a 96-byte header: aligned */
	txout_write(&w, hdr, tab);
	for (i = 0; i < n; i++) {
		txout_write(&w, data[i], len[i]);
		txout_write(&w, pad, (8 - len[i] % 8) % 8);
	}
	rc = txout_detach(&w);
	if (rc != 0)
		errno = w.err;
	return rc;
}
