/* langid: paragraphs of our own in the languages txsplit treats apart. */
#include "harness.h"
#include "langid.h"

static void
expect(const char *text, const char *want)
{
	char code[8];
	int sure = txlangid(text, strlen(text), code);

	if (want == NULL) {
		assert_int_equal(sure, 0);
		assert_string_equal(code, "");
	} else {
		assert_int_equal(sure, 1);
		assert_string_equal(code, want);
	}
}

static void
test_languages(void **state)
{
	(void)state;
	expect("Gestern sind wir mit dem Zug nach Hamburg gefahren, weil die "
	    "Autobahn wegen eines Unfalls gesperrt war. Die Fahrt dauerte drei "
	    "Stunden, aber wir hatten gute Bücher dabei.", "de");
	expect("Ce matin, la boulangerie de la place était fermée, alors nous "
	    "avons marché jusqu'au marché couvert pour acheter du pain et des "
	    "fromages pour le pique-nique.", "fr");
	expect("El mercado del pueblo abre todos los sábados por la mañana y "
	    "los vecinos compran fruta, pan y queso fresco para toda la semana.",
	    "es");
	expect("La biblioteca comunale resterà chiusa per lavori fino alla fine "
	    "del mese, ma il servizio di prestito continuerà nella sala della "
	    "scuola.", "it");
	expect("The harbour committee met on Thursday evening to discuss the "
	    "repairs to the old pier, which were delayed by the winter storms.",
	    "en");
	expect("昨日は雨が降っていたので、私たちは家で本を読んだり映画を見たり"
	    "して過ごしました。夕方には晴れて、散歩に出かけました。", "ja");
}

static void
test_unsure(void **state)
{
	(void)state;
	expect("", NULL);
	expect("OK", NULL);
	expect("12345 67 890", NULL);
}

/* Invalid UTF-8: the text before it decides. */
static void
test_invalid(void **state)
{
	static const char s[] = "Gestern sind wir mit dem Zug nach Hamburg "
	    "gefahren, weil die Autobahn wegen eines Unfalls gesperrt war. Die "
	    "Fahrt dauerte drei Stunden. \xff\xfe und mehr";

	(void)state;
	expect(s, "de");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_languages),
		cmocka_unit_test(test_unsure),
		cmocka_unit_test(test_invalid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
