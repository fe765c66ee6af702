#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/utext.h>

#include "brk.h"

struct txbrk {
	UBreakIterator *bi;
	UText *ut;
};

struct txbrk *
txbrk_open(enum txbrk_kind kind, const char *locale, int suppress,
    const char **why)
{
	UErrorCode err = U_ZERO_ERROR;
	struct txbrk *b;
	char loc[ULOC_FULLNAME_CAPACITY];

	if ((b = calloc(1, sizeof(*b))) == NULL) {
		*why = "out of memory";
		return NULL;
	}
	if (locale == NULL)
		locale = "";
	/* ICU reads "ss=standard" from the locale to load suppressions. */
	if (kind == TXBRK_SENTENCE && suppress)
		snprintf(loc, sizeof(loc), "%s@ss=standard", locale);
	else
		snprintf(loc, sizeof(loc), "%s", locale);
	b->bi = ubrk_open(kind == TXBRK_WORD ? UBRK_WORD : UBRK_SENTENCE,
	    loc, NULL, 0, &err);
	if (U_FAILURE(err)) {
		*why = u_errorName(err);
		free(b);
		return NULL;
	}
	return b;
}

void
txbrk_close(struct txbrk *b)
{
	if (b == NULL)
		return;
	ubrk_close(b->bi);
	utext_close(b->ut);
	free(b);
}

int
txbrk_set_text(struct txbrk *b, const char *s, size_t n, const char **why)
{
	UErrorCode err = U_ZERO_ERROR;

	b->ut = utext_openUTF8(b->ut, s, (int64_t)n, &err);
	if (U_FAILURE(err)) {
		*why = u_errorName(err);
		return -1;
	}
	ubrk_setUText(b->bi, b->ut, &err);
	if (U_FAILURE(err)) {
		*why = u_errorName(err);
		return -1;
	}
	return 0;
}

long
txbrk_next(struct txbrk *b)
{
	int32_t k = ubrk_next(b->bi);

	return k == UBRK_DONE ? -1 : (long)k;
}

int
txbrk_is_word(struct txbrk *b)
{
	return ubrk_getRuleStatus(b->bi) >= UBRK_WORD_NUMBER;
}
