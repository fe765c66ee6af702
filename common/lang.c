#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "lang.h"

/*
 * English, the language of the suite's own rules.  Abbreviations are
 * spelt without their final full stop, as the tokenizer splits it off.
 */

/* Titles: always followed by a name. */
static const char en_titles[] =
	"Adm Capt Cmdr Col Dr Drs Fr Ft Gen Gov Hon Insp Lt Maj Messrs Mlle "
	"Mme Mr Mrs Ms Mt Pres Prof Rep Rev Sen Sgt St Supt Det mr mrs ms "
	"dr prof Mssrs Rt";

/* Abbreviations followed by a number: "No. 5", "p. 12". */
static const char en_numabbr[] =
	"No Nos no nos Nr nr p pp Vol vol vols Fig fig figs Ch ch Sec sec "
	"Art art ca approx Approx Op op Ex ex Tel tel Ph ph";

/* Abbreviations that can end a sentence: one ends only before a sentence opener. */
static const char en_abbr[] =
	"etc Inc Ltd Co Corp Jr Sr Bros Plc al Jan Feb Mar Apr Jun Jul Aug "
	"Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Ave Blvd "
	"Rd Hwy Ste Apt Dept dept Univ co st ave rd blvd Assn Est est min "
	"max Mfg Intl Natl Govt govt misc Misc appt Esq Ph.D yrs hrs mins "
	"Mass Calif Fla Conn Penn Wash Ore Ariz Colo Ky La Md Mich Minn "
	"Miss Mo Neb Nev Okla Tenn Tex Va Vt Wis Wyo Ill Ind Kan Ala Ark "
	"Del Ga Ida Ia Mont Ont Que Alta";

/* Abbreviations that never end a sentence. */
static const char en_nonfinal[] =
	"e.g. i.e. cf viz vs v Vs E.g. I.e. eg ie resp incl esp et";

/* Words that often open a sentence, in lower case. */
static const char en_openers[] =
	"a after all also although an and another any anyway are as at "
	"because before both but by can could did do does each even every "
	"for from had has have he her here his how however i if in is it "
	"its just let many maybe meanwhile more most my no not now of on "
	"once one only or our please she should since so some still such "
	"thank thanks that the their then there these they this those "
	"though thus to today two unfortunately was we were what when where "
	"which while who why will with would yes yet you your well oh ok "
	"okay hi hello sorry great good yesterday tomorrow first finally "
	"next other these those";

/* Closings of a letter: "Thanks, Sean", "Best regards, Debra". */
static const char en_closings[] =
	"Thanks Regards regards Sincerely Cheers Best Love Yours "
	"Respectfully Cordially Thx";

/* Names spelt with a "!" that ends no sentence by itself. */
static const char en_bangnames[] =
	"Yahoo Jeopardy Wham Joomla";

/*
 * Function words that are no prefix: what a lost space most often glued to
 * another word ("ofthe", "andthen"), and never the start of a derived word as
 * "under", "out" or "inter" are.
 */
static const char en_function_words[] =
	"a about after all also an and any are as at be been but by can "
	"could did do does each for from had has have he her his how if in "
	"into is it its many may might more most must my not of on or our "
	"she should so some such than that the their them then there these "
	"they this those to very was we were what when where which while "
	"who why will with would you your";

static const char en_months[] =
	"january february march april may june july august september "
	"october november december";

/*
 * Other languages: abbreviations that end no sentence beyond ICU's own
 * suppressions (which miss e.g. Italian "sig." and Portuguese "Sr.").
 */
static const char de_nonfinal[] =
	"Dr Hr Fr Hrn bzw usw Nr vgl ca Prof Str St S Abb Tab Abs Abt Adr Anm Bd Bde "
	"Bsp bzgl Dipl evtl Fa Fam geb gegr ggf Hrsg inkl Ing Jh Jhd "
	"Kap lt Mio Mrd Mrz nachm Nrn od orig Pkt rd sog Tel Tsd ugs "
	"urspr usf vorm zzgl Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez";

/* Words a number follows as a count, not an ordinal: "Seite 12. Dort". */
static const char de_numabbr[] =
	"Seite S Nr Nummer Kapitel Kap Abschnitt Abs Absatz Zeile Z Band Bd "
	"Heft Tabelle Tab Abbildung Abb Anhang Anlage Artikel Art Paragraf "
	"Paragraph Teil Folge Runde Platz Punkt Vers Gleis Raum Zimmer";

static const char fr_nonfinal[] =
	"M MM Mme Mlle Dr Pr av bd cf env St Ste";

static const char es_nonfinal[] =
	"Sr Sra Srta Dr Dra Ud Uds Av Sto Sta pág núm";

static const char it_nonfinal[] =
	"sig sigg Sig dott Dott prof Prof ing Ing avv Avv ecc pag S Sant";

static const char pt_nonfinal[] =
	"Sr Sra Srta Dr Dra Prof Profa Av pág nº Exmo Exma";

static const char ru_nonfinal[] =
	"г гг ул им др т проф стр руб коп тыс млн млрд см";

#define ICU_NUM(code, name, flags, nonfinal, numabbr) \
	{ code, name, flags, "", numabbr, "", nonfinal, "", "", "", "", "" }
#define ICU_ABBR(code, name, flags, nonfinal) ICU_NUM(code, name, flags, nonfinal, "")
#define ICU(code, name, flags) ICU_NUM(code, name, flags, "", "")

/* Sorted by code. */
static const struct txlang langs[] = {
	ICU("ar", "Arabic", 0),
	ICU("bg", "Bulgarian", 0),
	ICU("bs", "Bosnian", TXLANG_DOT_ORDINALS),
	ICU("ca", "Catalan", 0),
	ICU("cs", "Czech", TXLANG_DOT_ORDINALS),
	ICU("da", "Danish", TXLANG_DOT_ORDINALS),
	ICU_NUM("de", "German", TXLANG_DOT_ORDINALS | TXLANG_OWN_ABBR, de_nonfinal,
	    de_numabbr),
	ICU("el", "Greek", 0),
	{ "en", "English", TXLANG_RULES | TXLANG_LEXICON, en_titles, en_numabbr,
	  en_abbr, en_nonfinal, en_openers, en_closings, en_bangnames,
	  en_function_words, en_months },
	ICU_ABBR("es", "Spanish", 0, es_nonfinal),
	ICU("et", "Estonian", TXLANG_DOT_ORDINALS),
	ICU("fi", "Finnish", TXLANG_DOT_ORDINALS),
	ICU_ABBR("fr", "French", 0, fr_nonfinal),
	ICU("he", "Hebrew", 0),
	ICU("hi", "Hindi", 0),
	ICU("hr", "Croatian", TXLANG_DOT_ORDINALS),
	ICU("hu", "Hungarian", TXLANG_DOT_ORDINALS),
	ICU("id", "Indonesian", 0),
	ICU("is", "Icelandic", TXLANG_DOT_ORDINALS),
	ICU_ABBR("it", "Italian", 0, it_nonfinal),
	ICU("ja", "Japanese", 0),
	ICU("ko", "Korean", 0),
	ICU("lt", "Lithuanian", TXLANG_DOT_ORDINALS),
	ICU("lv", "Latvian", TXLANG_DOT_ORDINALS),
	ICU("nb", "Norwegian Bokmål", TXLANG_DOT_ORDINALS),
	ICU("nl", "Dutch", 0),
	ICU("nn", "Norwegian Nynorsk", TXLANG_DOT_ORDINALS),
	ICU("no", "Norwegian", TXLANG_DOT_ORDINALS),
	ICU("pl", "Polish", TXLANG_DOT_ORDINALS),
	ICU_ABBR("pt", "Portuguese", 0, pt_nonfinal),
	ICU("ro", "Romanian", 0),
	ICU_ABBR("ru", "Russian", 0, ru_nonfinal),
	ICU("sk", "Slovak", TXLANG_DOT_ORDINALS),
	ICU("sl", "Slovenian", TXLANG_DOT_ORDINALS),
	ICU("sr", "Serbian", TXLANG_DOT_ORDINALS),
	ICU("sv", "Swedish", 0),
	ICU("th", "Thai", 0),
	ICU("tr", "Turkish", TXLANG_DOT_ORDINALS),
	ICU("uk", "Ukrainian", 0),
	ICU("vi", "Vietnamese", 0),
	ICU("zh", "Chinese", 0),
};

#define NLANGS (sizeof(langs) / sizeof(langs[0]))

const struct txlang *
txlang_find(const char *code)
{
	size_t lo = 0, hi = NLANGS, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(langs[mid].code, code)) == 0)
			return &langs[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct txlang *
txlang_at(size_t i)
{
	return i < NLANGS ? &langs[i] : NULL;
}

char *
txlang_codes(char *buf, size_t n)
{
	size_t i, k = 0;
	int w;

	if (n == 0)
		return buf;
	buf[0] = '\0';
	for (i = 0; i < NLANGS && k < n; i++) {
		w = snprintf(buf + k, n - k, "%s%s", i > 0 ? ", " : "", langs[i].code);
		if (w < 0)
			break;
		k += (size_t)w;
	}
	return buf;
}

int
txlang_in(const char *list, const char *s, size_t n)
{
	size_t k;

	for (;;) {
		k = strcspn(list, " ");
		if (k == n && k > 0 && memcmp(list, s, n) == 0)
			return 1;
		if (list[k] == '\0')
			return 0;
		list += k + 1;
	}
}

const char *
txlang_next(const char **list, size_t *n)
{
	const char *w;

	while (**list == ' ')
		++*list;
	if (**list == '\0')
		return NULL;
	w = *list;
	*n = strcspn(w, " ");
	*list += *n;
	return w;
}

int
txwordset_init(struct txwordset *ws, const char *list)
{
	const char *p = list, *w;
	size_t n, count = 0, cap = 8, k;

	memset(ws, 0, sizeof(*ws));
	while (txlang_next(&p, &n) != NULL)
		count++;
	while (cap < 2 * count)
		cap *= 2;
	ws->word = calloc(cap, sizeof(*ws->word));
	ws->len = calloc(cap, 1);
	if (ws->word == NULL || ws->len == NULL) {
		txwordset_free(ws);
		return -1;
	}
	ws->mask = cap - 1;
	for (p = list; (w = txlang_next(&p, &n)) != NULL;) {
		if (n > 255 || txwordset_has(ws, w, n))
			continue;
		for (k = txhash(w, n, 0) & ws->mask; ws->word[k] != NULL;
		    k = (k + 1) & ws->mask)
			;
		ws->word[k] = w;
		ws->len[k] = (unsigned char)n;
	}
	return 0;
}

int
txwordset_has(const struct txwordset *ws, const char *s, size_t n)
{
	size_t k;

	if (ws->word == NULL || n > 255)
		return 0;
	/* at most half full: a probe ends at an empty slot */
	for (k = txhash(s, n, 0) & ws->mask; ws->word[k] != NULL;
	    k = (k + 1) & ws->mask)
		if (ws->len[k] == n && memcmp(ws->word[k], s, n) == 0)
			return 1;
	return 0;
}

void
txwordset_free(struct txwordset *ws)
{
	free(ws->word);
	free(ws->len);
	memset(ws, 0, sizeof(*ws));
}
