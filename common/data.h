/*
 * data: finds the files a program loads at run time: in $TX_DATA when set,
 * else in the data/ folder beside the binary's bin/ (the build tree), else
 * in TX_DATADIR ($(PREFIX)/share/tx, fixed at build time).
 */
#ifndef TX_DATA_H
#define TX_DATA_H

/*
 * Returns the path of the first readable file called name in the places
 * above, malloc'd (the caller frees), or NULL when there is none.  When
 * TX_DATA is set, only it is searched.
 */
char *txdata_find(const char *name);

#endif
