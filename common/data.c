#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data.h"

#ifndef TX_DATADIR
#define TX_DATADIR "/usr/local/share/tx"
#endif

static char *
try(const char *dir, size_t dirlen, const char *name)
{
	size_t n = dirlen + 1 + strlen(name) + 1;
	char *p;

	if ((p = malloc(n)) == NULL)
		return NULL;
	snprintf(p, n, "%.*s/%s", (int)dirlen, dir, name);
	if (access(p, R_OK) == 0)
		return p;
	free(p);
	return NULL;
}

char *
txdata_find(const char *name)
{
	char exe[4096], *slash, *p;
	const char *env;
	ssize_t n;

	if ((env = getenv("TX_DATA")) != NULL && *env != '\0')
		return try(env, strlen(env), name);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		/* bin/prog -> data/name beside bin/ */
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			if ((slash = strrchr(exe, '/')) != NULL) {
				strcpy(slash + 1, "data");
				if ((p = try(exe, strlen(exe), name)) != NULL)
					return p;
			}
		}
	}
	return try(TX_DATADIR, strlen(TX_DATADIR), name);
}
